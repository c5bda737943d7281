import type { Article } from '../article.js';
import { TABLE_CELL_SEPARATOR, type Block, type TableCell } from '../blocks/block.js';
import { BULLET } from '../blocks/vocab.js';
import { linkGroups, marksOf, pieces, trimmed, type InlineChoice, type InlineMarks, type Piece, type TextPiece } from './inline.js';
import { metadataFields } from './metadata.js';
import { shownBlocks } from './shown.js';

export interface MarkdownOptions extends InlineChoice {
  /** Links as `[text](href)` (default false: text only). Code and tables stay plain. */
  links?: boolean;
  /** Images as `![alt](src)` (default false). */
  images?: boolean;
  /** Bold, italic and inline code as `**b**`, `*i*`, `` `c` `` (default false). */
  formatting?: boolean;
  /** YAML front matter with the page's metadata first (default false). */
  withMetadata?: boolean;
}

/**
 * Markdown (CommonMark, with GitHub's pipe tables): headings as `#`, lists as `-` or numbered from the list's own
 * start (nested by indentation), description lists as a term and `: description` lines, quotes as `>`, code in
 * fences with its language, tables as pipe tables, captions in italics, line breaks as hard breaks. The title (from
 * the metadata) comes first as `# Title`, then the shown blocks (see shownBlocks) in reading order. Text is escaped
 * so that it renders as the page's text, never as markup.
 */
export function renderMarkdown(article: Article, options: MarkdownOptions = {}): string {
  const parts: string[] = [];
  if (options.withMetadata === true) {
    const front = frontMatter(article);
    if (front !== '') parts.push(front);
  }
  if (article.metadata.title !== undefined) parts.push(`${parts.length > 0 ? '\n\n' : ''}# ${escapeHeading(article.metadata.title)}`);
  appendBlocks(parts, shownBlocks(article.blocks), options, article.metadata.title !== undefined ? TITLE_BLOCK : undefined);
  const comments = article.comments?.blocks ?? [];
  if (comments.length > 0) {
    parts.push(`${parts.length > 0 ? '\n\n' : ''}## Comments`);
    appendBlocks(parts, comments, options, TITLE_BLOCK);
  }
  return parts.join('');
}

/** The blocks as markdown, appended to `parts`; `previous` stands for what comes before them (a heading, or nothing). */
function appendBlocks(parts: string[], blocks: readonly Block[], options: MarkdownOptions, previous: Block | undefined): void {
  const lists = new ListIndent();
  for (const b of blocks) {
    const marks = marksOf(b, options);
    if (continuesItem(b, previous)) {
      parts.push(`\\\n${' '.repeat(lists.content)}${inlineLines(b.text, marks).join(`\\\n${' '.repeat(lists.content)}`)}`);
      continue;
    }
    if (b.kind !== 'list-item') lists.reset();
    const md = blockToMarkdown(b, marks, lists);
    if (md.length === 0) continue;
    parts.push((previous === undefined ? (parts.length > 0 ? '\n\n' : '') : separator(previous, b)) + md);
    previous = b;
  }
}

/** Stands for the title line when choosing the separator before the first block. */
const TITLE_BLOCK = { kind: 'heading' } as Block;

/** A further block of the list item just written (a second paragraph of one <li>). */
function continuesItem(b: Block, previous: Block | undefined): boolean {
  return b.markup?.continuation === true && b.kind === 'list-item' && previous?.kind === 'list-item' && previous.level === b.level;
}

/** One line between the items of a list, a blank line elsewhere and where one list gives way to another kind. */
function separator(previous: Block, b: Block): string {
  if (previous.kind !== 'list-item' || b.kind !== 'list-item') return '\n\n';
  return previous.level === b.level && listKind(previous) !== listKind(b) ? '\n\n' : '\n';
}

function listKind(b: Block): 'ol' | 'ul' | 'dl' {
  if (b.markup?.definition !== undefined) return 'dl';
  return b.markup?.ordinal !== undefined ? 'ol' : 'ul';
}

/** YAML front matter: each value a double-quoted (JSON) string, which YAML reads as written. */
function frontMatter(article: Article): string {
  const fields = metadataFields(article);
  if (fields.length === 0) return '';
  return ['---', ...fields.map(([name, value]) => `${name}: ${JSON.stringify(value)}`), '---'].join('\n');
}

/**
 * The indentation of nested list items: each item's content starts after its marker ("- ", "12. "), and an item
 * nested below it is indented to that column. Depths are relative to the items written, so a list that starts
 * deep is never indented into a code block.
 */
class ListIndent {
  private stack: { depth: number; content: number }[] = [];

  reset(): void {
    this.stack = [];
  }

  /** The indentation of an item at `depth` whose marker is `marker` (with its space). */
  item(depth: number, marker: string): string {
    while (this.stack.length > 0 && (this.stack[this.stack.length - 1] as { depth: number }).depth >= depth) this.stack.pop();
    const indent = this.stack[this.stack.length - 1]?.content ?? 0;
    this.stack.push({ depth, content: indent + marker.length });
    return ' '.repeat(indent);
  }

  /** The content column of the item written last. */
  get content(): number {
    return this.stack[this.stack.length - 1]?.content ?? 0;
  }
}

function blockToMarkdown(b: Block, marks: InlineMarks, lists: ListIndent): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(Math.min(Math.max(b.level ?? 2, 1), 6))} ${escapeTrailingHashes(inlineLines(b.text, { ...marks, breaks: undefined }).join(' '))}`;
    case 'list-item':
      return listItem(b, marks, lists);
    case 'quote':
      return quoteLines(b.text, marks).map((line) => `> ${line}`).join('\n');
    case 'code': {
      const run = longestBacktickRun(b.text);
      const fence = run >= 3 ? '`'.repeat(run + 1) : '```';
      return `${fence}${b.markup?.language ?? ''}\n${b.text}\n${fence}`;
    }
    case 'table':
      return tableToMarkdown(b);
    case 'caption':
      return captionToMarkdown(b, marks);
    default:
      return inlineLines(b.text, marks).join('\\\n');
  }
}

/** A list item: its marker (bullet, number, or a description's ":"), indented below its parent item. */
function listItem(b: Block, marks: InlineMarks, lists: ListIndent): string {
  const m = b.markup;
  const from = m?.definition === undefined && m?.ordinal === undefined ? BULLET.exec(b.text)?.[0].length ?? 0 : 0;
  const marker = m?.definition === 'term' ? '' : m?.definition === 'description' ? ': ' : m?.ordinal !== undefined ? `${m.ordinal}. ` : '- ';
  const indent = lists.item(Math.max(b.level ?? 1, 1), marker);
  const lines = inlineLines(b.text, marks, from);
  return `${indent}${marker}${lines.join(`\\\n${' '.repeat(lists.content)}`)}`;
}

/** The quote's lines: its line breaks, and the new lines of its text. */
function quoteLines(text: string, marks: InlineMarks): string[] {
  const lines: string[] = [];
  let from = 0;
  for (;;) {
    const newline = text.indexOf('\n', from);
    const to = newline < 0 ? text.length : newline;
    lines.push(...inlineLines(text, marks, from, to));
    if (newline < 0) return lines;
    from = newline + 1;
  }
}

/** A caption in italics, after the images it goes with, each on a line of its own. */
function captionToMarkdown(b: Block, marks: InlineMarks): string {
  const images = (marks.images ?? []).map((image) => imageMarkdown(image.src, image.alt));
  const text = inlineLines(b.text, { ...marks, images: undefined }).map((line) => emphasis(line)).join('\\\n');
  return [...images, text].join('\n');
}

function emphasis(line: string): string {
  return line === '' ? line : `*${line}*`;
}

// ── inline text ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * text[from, to) as lines of Markdown (one more after each line break), escaped, with the links, styles and
 * images the marks hold.
 */
function inlineLines(text: string, marks: InlineMarks, from = 0, to = text.length): string[] {
  const lines: string[] = [];
  let line = '';
  const all = pieces(text, marks, from, to);
  for (const group of linkGroups(all)) {
    if (group.pieces.length === 1 && group.pieces[0]?.type === 'break') {
      lines.push(line);
      line = '';
      continue;
    }
    const inner = group.pieces.map((piece) => (piece.type === 'text' ? styledMarkdown(piece) : imageBetweenWords(piece, all))).join('');
    line += group.href === undefined ? inner : `[${inner}](${markdownDestination(group.href)})`;
  }
  lines.push(line);
  return lines.map((l) => escapeLeading(l.trimEnd()));
}

/** An image, set apart by a space from a word that touches it. */
function imageBetweenWords(piece: Exclude<Piece, TextPiece>, all: readonly Piece[]): string {
  if (piece.type !== 'image') return ' ';
  const i = all.indexOf(piece);
  const before = all[i - 1];
  const after = all[i + 1];
  const lead = before?.type === 'text' && /\S$/u.test(before.text) ? ' ' : '';
  const trail = after?.type === 'text' && /^\S/u.test(after.text) ? ' ' : '';
  return `${lead}${imageMarkdown(piece.src, piece.alt)}${trail}`;
}

function imageMarkdown(src: string, alt: string): string {
  return `![${escapeInline(alt)}](${markdownDestination(src)})`;
}

/** A stretch of text in its styles: code in a backtick run longer than any inside it, then `*` and `**` around. */
function styledMarkdown(piece: TextPiece): string {
  if (!piece.code && !piece.em && !piece.strong) return escapeInline(piece.text);
  const { before, core, after } = trimmed(piece.text);
  if (core === '') return escapeInline(piece.text);
  let out = piece.code ? codeSpan(core) : escapeInline(core);
  if (piece.em) out = `*${out}*`;
  if (piece.strong) out = `**${out}**`;
  return `${before}${out}${after}`;
}

function codeSpan(text: string): string {
  const fence = '`'.repeat(longestBacktickRun(text) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

// ── escaping ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Characters that are Markdown anywhere in a line: backslash, code, emphasis, link brackets, strike-through, raw
 * HTML and autolinks (`<`), and `&` where it would start an entity (`&amp;`, `&#38;`).
 */
const INLINE_SYNTAX = /[\\`*_[\]~<]|&(?=[#A-Za-z0-9])/gu;

/**
 * What starts a block at the beginning of a line: a quote (`>`); a heading, list bullet, thematic break or setext
 * underline (`#`, `+`, `*`, `-`, `=` followed by a space, the end, or only more of the same); a `~~~` fence; an
 * ordered-list number whose "." or ")" is what needs the escape.
 */
const LEADING_SYNTAX = /^(\s*)(?:(>)|([#+*=-])(?=\s|$|\3+\s*$)|(~)(?=~~)|(\d{1,9})([.)])(?=\s|$))/u;

/** Escapes text so Markdown shows it as written. */
export function escapeMarkdown(text: string): string {
  return escapeLeading(escapeInline(text));
}

/** Escapes the characters that are Markdown syntax anywhere in a line. */
function escapeInline(text: string): string {
  return text.replace(INLINE_SYNTAX, '\\$&');
}

/** Escapes what would start a block at the beginning of a line. */
function escapeLeading(line: string): string {
  return line.replace(
    LEADING_SYNTAX,
    (_, space: string, quote?: string, mark?: string, tilde?: string, digits?: string, dot?: string) =>
      digits !== undefined ? `${space}${digits}\\${dot}` : `${space}\\${quote ?? mark ?? tilde}`,
  );
}

/** A heading's text: `#` at its end would be read as the heading's closing sequence. */
function escapeHeading(text: string): string {
  return escapeTrailingHashes(escapeMarkdown(text));
}

function escapeTrailingHashes(text: string): string {
  return text.replace(/(^|\s)(#+)\s*$/u, (_, space: string, hashes: string) => `${space}${hashes.replace(/#/g, '\\#')}`);
}

/** White space, control characters and angle brackets: not allowed in a bare link destination, percent-encoded. */
const DESTINATION_ENCODED = /[\u0000-\u0020\u007f<>]/gu;
/** Parentheses and backslashes: would end or escape the destination, backslash-escaped. */
const DESTINATION_ESCAPED = /[\\()]/gu;

/** An href as a CommonMark link destination: `(`, `)` and `\` escaped, spaces and controls percent-encoded. */
export function markdownDestination(href: string): string {
  return href.replace(DESTINATION_ESCAPED, '\\$&').replace(DESTINATION_ENCODED, (c) => encodeURIComponent(c));
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

// ── tables ───────────────────────────────────────────────────────────────────────────────────────────────

/** A pipe table: its first row is the header row (pipe tables have one); `|` in a cell is escaped. */
function tableToMarkdown(b: Block): string {
  const rows = tableRows(b);
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const cell = (c: TableCell | undefined) => escapeMarkdown(c?.text ?? '').replace(/\|/g, '\\|');
  const line = (r: readonly TableCell[]) => `| ${Array.from({ length: width }, (_, i) => cell(r[i])).join(' | ')} |`;
  const [head, ...body] = rows;
  return [line(head!), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
}

/** The table's rows of cells: as the HTML gave them, else its text's lines cut at the cell separator. */
export function tableRows(b: Block): readonly (readonly TableCell[])[] {
  if (b.markup?.rows !== undefined) return b.markup.rows;
  return b.text
    .split('\n')
    .filter((r) => r.trim().length > 0)
    .map((r) => r.split(TABLE_CELL_SEPARATOR).map((text) => ({ text, header: false })));
}
