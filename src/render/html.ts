import type { Article } from '../article.js';
import { TABLE_CELL_SEPARATOR, type Block, type LinkSpan } from '../blocks/block.js';
import { BULLET } from '../blocks/vocab.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const ESCAPED = /[&<>"]/g;

export function escapeHtml(text: string): string {
  return text.replace(ESCAPED, (c) => ESCAPES[c]!);
}

export interface HtmlOptions {
  /** Write the blocks' link spans as `<a href="…">` (default false: text only). Tables stay plain. */
  links?: boolean;
}

/**
 * Clean minimal HTML: one `<article>` holding the title (when found) and the kept blocks as h1–h6, p, ul/li,
 * blockquote, pre/code, table and figcaption. No classes, no styles, no scripts; text escaped. With `links`, the
 * text of links is wrapped in `<a href>` (only http(s) and relative hrefs reach the blocks, see LinkSpan).
 */
export function renderHtml(article: Article, options: HtmlOptions = {}): string {
  const withLinks = options.links ?? false;
  const out: string[] = ['<article>'];
  const lang = article.metadata.language ?? article.language;
  if (lang !== undefined) out[0] = `<article lang="${escapeHtml(lang)}">`;
  if (article.metadata.title !== undefined) out.push(`<h1>${escapeHtml(article.metadata.title)}</h1>`);
  let openLists = 0;
  const closeLists = (to: number) => {
    for (; openLists > to; openLists--) out.push('</ul>');
  };
  for (const b of article.blocks) {
    if (b.label !== 'content') continue;
    if (b.kind === 'list-item') {
      const depth = Math.max(b.level ?? 1, 1);
      closeLists(depth);
      for (; openLists < depth; openLists++) out.push('<ul>');
      out.push(`<li>${inlineHtml(b.text, withLinks ? b.links : undefined, BULLET.exec(b.text)?.[0].length ?? 0)}</li>`);
      continue;
    }
    closeLists(0);
    out.push(blockToHtml(b, withLinks ? b.links : undefined));
  }
  closeLists(0);
  out.push('</article>');
  return out.join('\n');
}

/** text[from..] escaped, its link spans wrapped in `<a href>`; without spans, escapeHtml of the slice. */
function inlineHtml(text: string, links: readonly LinkSpan[] | undefined, from = 0): string {
  if (links === undefined) return escapeHtml(from === 0 ? text : text.slice(from));
  let out = '';
  let at = from;
  for (const span of links) {
    const start = Math.max(span.start, at);
    if (span.end <= start) continue;
    out += `${escapeHtml(text.slice(at, start))}<a href="${escapeHtml(span.href)}">${escapeHtml(text.slice(start, span.end))}</a>`;
    at = span.end;
  }
  return out + escapeHtml(text.slice(at));
}

function blockToHtml(b: Block, links: readonly LinkSpan[] | undefined): string {
  const text = inlineHtml(b.text, links);
  switch (b.kind) {
    case 'heading': {
      // The article's title is the h1; headings inside the body start at h2.
      const level = Math.min(Math.max(b.level ?? 2, 2), 6);
      return `<h${level}>${text}</h${level}>`;
    }
    case 'quote':
      return `<blockquote><p>${text}</p></blockquote>`;
    case 'code':
      return `<pre><code>${text}</code></pre>`;
    case 'caption':
      return `<figcaption>${text}</figcaption>`;
    case 'table': {
      const rows = b.text.split('\n').filter((r) => r.trim().length > 0);
      const body = rows.map((r) => `<tr>${r.split(TABLE_CELL_SEPARATOR).map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`);
      return `<table>\n${body.join('\n')}\n</table>`;
    }
    default:
      return `<p>${text}</p>`;
  }
}
