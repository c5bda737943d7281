import type { Article } from '../article.js';
import { TABLE_CELL_SEPARATOR, type Block } from '../blocks/block.js';
import { BULLET } from '../classify/vocab.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const ESCAPED = /[&<>"]/g;

export function escapeHtml(text: string): string {
  return text.replace(ESCAPED, (c) => ESCAPES[c]!);
}

/**
 * Clean minimal HTML: one `<article>` holding the title (when found) and the kept blocks as h1–h6, p, ul/li,
 * blockquote, pre/code, table and figcaption. No classes, no styles, no scripts; text escaped.
 */
export function renderHtml(article: Article): string {
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
      out.push(`<li>${escapeHtml(b.text.replace(BULLET, ''))}</li>`);
      continue;
    }
    closeLists(0);
    out.push(blockToHtml(b));
  }
  closeLists(0);
  out.push('</article>');
  return out.join('\n');
}

function blockToHtml(b: Block): string {
  const text = escapeHtml(b.text);
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
