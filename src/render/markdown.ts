import type { Article } from '../article.js';
import { TABLE_CELL_SEPARATOR, type Block } from '../blocks/block.js';
import { BULLET } from '../classify/vocab.js';

/**
 * Markdown: headings as `#`, list items as `-` (indented by nesting level), quotes as `>`, code in fences,
 * tables as pipe tables. The title (from the metadata) comes first as `# Title`, then the kept blocks in
 * reading order.
 */
export function renderMarkdown(article: Article): string {
  const parts: string[] = [];
  if (article.metadata.title !== undefined) parts.push(`# ${escapeMarkdown(article.metadata.title)}`);
  let previous: Block | undefined = parts.length > 0 ? TITLE_BLOCK : undefined;
  for (const b of article.blocks) {
    if (b.label !== 'content') continue;
    const md = blockToMarkdown(b);
    if (md.length === 0) continue;
    const sep = previous === undefined ? '' : previous.kind === 'list-item' && b.kind === 'list-item' ? '\n' : '\n\n';
    parts.push(sep + md);
    previous = b;
  }
  return parts.join('');
}

/** Stands for the title line when choosing the separator before the first block. */
const TITLE_BLOCK = { kind: 'heading' } as Block;

/** Characters that would start Markdown syntax at the beginning of a paragraph line. */
const LEADING_SYNTAX = /^(\s*)([#>+*-]|\d+[.)])(\s)/u;
const INLINE_SYNTAX = /([\\`*_[\]])/gu;

/** Escapes text so Markdown shows it as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE_SYNTAX, '\\$1').replace(LEADING_SYNTAX, '$1\\$2$3');
}

function blockToMarkdown(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(Math.min(Math.max(b.level ?? 2, 1), 6))} ${escapeMarkdown(b.text)}`;
    case 'list-item': {
      const depth = Math.max((b.level ?? 1) - 1, 0);
      return `${'  '.repeat(depth)}- ${escapeMarkdown(b.text.replace(BULLET, ''))}`;
    }
    case 'quote':
      return b.text.split('\n').map((line) => `> ${escapeMarkdown(line)}`).join('\n');
    case 'code': {
      const fence = longestBacktickRun(b.text) >= 3 ? '`'.repeat(longestBacktickRun(b.text) + 1) : '```';
      return `${fence}\n${b.text}\n${fence}`;
    }
    case 'table':
      return tableToMarkdown(b.text);
    case 'caption':
      return `*${escapeMarkdown(b.text)}*`;
    default:
      return escapeMarkdown(b.text);
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
