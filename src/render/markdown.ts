import type { Article } from '../article.js';
import { TABLE_CELL_SEPARATOR, type Block, type LinkSpan } from '../blocks/block.js';
import { BULLET } from '../blocks/vocab.js';

export interface MarkdownOptions {
  /** Write the blocks' link spans as `[text](href)` (default false: text only). Code and tables stay plain. */
  links?: boolean;
}

/**
 * Markdown: headings as `#`, list items as `-` (indented by nesting level), quotes as `>`, code in fences,
 * tables as pipe tables. The title (from the metadata) comes first as `# Title`, then the kept blocks in
 * reading order. With `links`, the text of links is written as inline links.
 */
export function renderMarkdown(article: Article, options: MarkdownOptions = {}): string {
  const withLinks = options.links ?? false;
  const parts: string[] = [];
  if (article.metadata.title !== undefined) parts.push(`# ${escapeMarkdown(article.metadata.title)}`);
  let previous: Block | undefined = parts.length > 0 ? TITLE_BLOCK : undefined;
  for (const b of article.blocks) {
    if (b.label !== 'content') continue;
    const md = blockToMarkdown(b, withLinks ? b.links : undefined);
    if (md.length === 0) continue;
    const sep = previous === undefined ? '' : previous.kind === 'list-item' && b.kind === 'list-item' ? '\n' : '\n\n';
    parts.push(sep + md);
    previous = b;
  }
  return parts.join('');
}

/** Stands for the title line when choosing the separator before the first block. */
const TITLE_BLOCK = { kind: 'heading' } as Block;

/**
 * What would start Markdown syntax at the beginning of a paragraph line: a heading, quote or bullet mark (group 2),
 * or an ordered-list number (group 3) whose "." or ")" (group 4) is what needs the escape.
 */
const LEADING_SYNTAX = /^(\s*)(?:([#>+*-])|(\d+)([.)]))(\s)/u;
const INLINE_SYNTAX = /([\\`*_[\]])/gu;

/** Escapes text so Markdown shows it as written. */
export function escapeMarkdown(text: string): string {
  return escapeLeading(escapeInline(text));
}

/** Escapes the characters that are Markdown syntax anywhere in a line (emphasis, code, link brackets). */
function escapeInline(text: string): string {
  return text.replace(INLINE_SYNTAX, '\\$1');
}

/** Escapes what would start a heading, quote or list at the beginning of a line. */
function escapeLeading(line: string): string {
  return line.replace(LEADING_SYNTAX, (_, space: string, mark: string | undefined, digits: string, dot: string, after: string) =>
    mark === undefined ? `${space}${digits}\\${dot}${after}` : `${space}\\${mark}${after}`);
}

/**
 * text[from, to) as one escaped line of Markdown, its link spans written as `[text](href)`. Without spans it is
 * escapeMarkdown of the slice. Spans are clipped to the slice.
 */
function inlineMarkdown(text: string, links: readonly LinkSpan[] | undefined, from = 0, to = text.length): string {
  if (links === undefined) return escapeMarkdown(text.slice(from, to));
  let out = '';
  let at = from;
  for (const span of links) {
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, to);
    if (end <= start) continue;
    out += `${escapeInline(text.slice(at, start))}[${escapeInline(text.slice(start, end))}](${markdownDestination(span.href)})`;
    at = end;
  }
  return escapeLeading(out + escapeInline(text.slice(at, to)));
}

/** White space, control characters and angle brackets: not allowed in a bare link destination, percent-encoded. */
const DESTINATION_ENCODED = /[\u0000-\u0020\u007f<>]/gu;
/** Parentheses and backslashes: would end or escape the destination, backslash-escaped. */
const DESTINATION_ESCAPED = /[\\()]/gu;

/** An href as a CommonMark link destination: `(`, `)` and `\` escaped, spaces and controls percent-encoded. */
export function markdownDestination(href: string): string {
  return href.replace(DESTINATION_ESCAPED, '\\$&').replace(DESTINATION_ENCODED, (c) => encodeURIComponent(c));
}

function blockToMarkdown(b: Block, links: readonly LinkSpan[] | undefined): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(Math.min(Math.max(b.level ?? 2, 1), 6))} ${inlineMarkdown(b.text, links)}`;
    case 'list-item': {
      const depth = Math.max((b.level ?? 1) - 1, 0);
      return `${'  '.repeat(depth)}- ${inlineMarkdown(b.text, links, BULLET.exec(b.text)?.[0].length ?? 0)}`;
    }
    case 'quote':
      return quoteToMarkdown(b.text, links);
    case 'code': {
      const fence = longestBacktickRun(b.text) >= 3 ? '`'.repeat(longestBacktickRun(b.text) + 1) : '```';
      return `${fence}\n${b.text}\n${fence}`;
    }
    case 'table':
      return tableToMarkdown(b.text);
    case 'caption':
      return `*${inlineMarkdown(b.text, links)}*`;
    default:
      return inlineMarkdown(b.text, links);
  }
}

/** Each line of the quote after `> `, links kept on the line they are on. */
function quoteToMarkdown(text: string, links: readonly LinkSpan[] | undefined): string {
  const lines: string[] = [];
  let from = 0;
  for (;;) {
    const newline = text.indexOf('\n', from);
    const to = newline < 0 ? text.length : newline;
    lines.push(`> ${inlineMarkdown(text, links, from, to)}`);
    if (newline < 0) return lines.join('\n');
    from = newline + 1;
  }
}

function longestBacktickRun(text: string): number {
  let best = 0;
  let run = 0;
  for (const ch of text) {
    run = ch === '`' ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

function tableToMarkdown(text: string): string {
  const rows = text.split('\n').filter((r) => r.trim().length > 0).map((r) => r.split(TABLE_CELL_SEPARATOR));
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const cell = (c: string | undefined) => escapeMarkdown(c ?? '').replace(/\|/g, '\\|');
  const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => cell(r[i])).join(' | ')} |`;
  const [head, ...body] = rows;
  return [line(head!), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
}
