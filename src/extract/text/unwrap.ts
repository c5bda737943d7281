/**
 * Unwrapping a hard-wrapped dump. Most renderers (lynx, links, elinks, html2text, pandoc, w3m at its default
 * width) break paragraphs into lines of at most about 80 columns; each line alone looks like a short line of a
 * menu. A renderer breaks a line only where the next word would not fit, so two lines are one paragraph when
 * the first is full: its width plus the next line's first word passes the dump's width.
 */
import { fullInColumn, splitColumns } from './columns.js';
import { bulletEnd, isDecoration } from './conventions.js';

/** Widths renderers wrap at: from narrow terminals and mail (40) to wide terminals (160); wider is unwrapped text. */
const MIN_WRAP_WIDTH = 40;
const MAX_WRAP_WIDTH = 160;
/** The band under the width where the full lines of a wrapped paragraph end (about one long word). */
const FULL_BAND = 10;
/** Share of the lines longer than half the width that end in the full band: a wrapped dump piles them up there. */
const MIN_FULL_SHARE = 0.35;
/** Share of the lines that may pass the width (a long address, a preformatted line a renderer does not wrap). */
const MAX_OVER_SHARE = 0.03;
/** Fewest full lines that show a wrap: a dump of a few lines says nothing. */
const MIN_FULL_LINES = 4;
/** Columns a renderer may leave unused at the end of a full line (lynx stops one or two short of its width). */
const WIDTH_SLACK = 2;
/** Words of a line past the width that show the dump was not wrapped: renderers break such a line. */
const PROSE_WORDS = 8;
/** Lines of prose past the width a wrapped dump may still have (a preformatted paragraph). */
const MAX_PROSE_OVER = 1;
/** Below this share of blank lines per text line, a renderer does not separate paragraphs by a blank line. */
const DENSE_BLANK_SHARE = 0.1;

/** A line of the dump in terminal columns: CJK and other wide characters take two. */
export function displayWidth(line: string): number {
  let width = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x1100) width++;
    else if (c >= 0xdc00 && c <= 0xdfff) continue; // the second half of a pair was counted with the first
    else width += isWide(c, line.charCodeAt(i + 1)) ? 2 : 1;
  }
  return width;
}

function isWide(c: number, next: number): boolean {
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = ((c - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
    return cp >= 0x1f300 && cp <= 0x1faff ? true : cp >= 0x20000 && cp <= 0x3fffd;
  }
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
}

/**
 * The width a dump was wrapped at, or undefined when it was not wrapped: the width under which the most lines
 * end in the full band, with few lines past it, where those full lines are a good share of the long lines.
 * `widths` are the display widths of the dump's non-blank lines.
 */
export function wrapWidth(widths: readonly number[]): number | undefined {
  const counts = new Array<number>(MAX_WRAP_WIDTH + 2).fill(0);
  for (const w of widths) counts[Math.min(w, MAX_WRAP_WIDTH + 1)]!++;
  const longer = new Array<number>(MAX_WRAP_WIDTH + 2).fill(0); // lines wider than w
  for (let w = MAX_WRAP_WIDTH; w >= 0; w--) longer[w] = longer[w + 1]! + counts[w + 1]!;
  let best: number | undefined;
  let bestFull = 0;
  for (let w = MIN_WRAP_WIDTH; w <= MAX_WRAP_WIDTH; w++) {
    if (longer[w]! > widths.length * MAX_OVER_SHARE || counts[w] === 0) continue;
    const full = longer[w - FULL_BAND]! - longer[w]!;
    const long = longer[Math.floor(w / 2)]! - longer[w]!;
    if (full >= MIN_FULL_LINES && full >= long * MIN_FULL_SHARE && full > bestFull) {
      best = w;
      bestFull = full;
    }
  }
  return best;
}

/**
 * The width, unless lines of prose pass it: a renderer would have broken them, so the dump was not wrapped and
 * lines that end near one length (a run of captions, a table) only look like it.
 */
function unwrapped(lines: readonly DumpLine[], width: number | undefined): number | undefined {
  if (width === undefined) return undefined;
  let prose = 0;
  let text = 0;
  for (const l of lines) {
    if (l.text.length === 0) continue;
    text++;
    if (l.text.length > width + FULL_BAND && displayWidth(l.text) > width + FULL_BAND && !columned(l.text) &&
      wordCount(l.text) >= PROSE_WORDS) prose++;
  }
  return prose > Math.max(MAX_PROSE_OVER, text * MAX_OVER_SHARE) ? undefined : width;
}

function wordCount(text: string): number {
  let words = 0;
  for (let i = leading(text); i < text.length; i++) if (text.charCodeAt(i) === 32 && text.charCodeAt(i - 1) !== 32) words++;
  return words + 1;
}

/** A line of the dump as the unwrapper sees it. */
export interface DumpLine {
  /** The line as the renderer wrote it, less trailing white space; empty for a blank line or a break. */
  text: string;
  /** Leading columns. */
  indent: number;
  /** The right edge of the column of side-by-side columns the line was cut from (see splitColumns): it wraps there. */
  edge?: number;
}

/** A logical line: one or more lines of the dump joined. */
export interface JoinedLine {
  text: string;
  /** Leading columns of its first line. */
  indent: number;
  /** Its first line opens a list item (a nested-level bullet included, see bulletEnd). */
  bullet: boolean;
}

/**
 * The dump's lines with each wrapped paragraph and list item joined into one line. A line continues the one
 * above when that one is full (see wrapWidth), it starts at the column the paragraph's text starts at (a list
 * item's continuation lines start under its text, not its bullet), and it opens no list item. Short lines
 * (menus, headings, code, verse), table rows (cells apart by runs of spaces) and lines at other indents stay
 * apart. When the dump separates no paragraphs by blank lines (html2text), a full line ending a sentence
 * before a capital also ends the paragraph.
 */
export function unwrap(dumped: readonly DumpLine[]): JoinedLine[] {
  const lines = splitColumns(dumped);
  const uncut = lines.filter((l) => l.edge === undefined);
  let blanks = 0;
  const widths: number[] = [];
  for (const l of uncut) {
    if (l.text.length === 0) blanks++;
    else widths.push(displayWidth(l.text));
  }
  const width = unwrapped(uncut, wrapWidth(widths));
  const dense = blanks < widths.length * DENSE_BLANK_SHARE;
  const out: JoinedLine[] = [];
  let current: JoinedLine | undefined;
  let continueAt = -1;
  let lastWidth = 0;
  let lastText = '';
  let lastEdge = width;
  for (const l of lines) {
    if (l.text.length === 0) {
      current = undefined;
      continue;
    }
    const w = displayWidth(l.text);
    const edge = l.edge ?? width;
    if (current !== undefined && lastEdge !== undefined && l.indent === continueAt && bulletEnd(l.text, l.indent, true) < 0 &&
      edge === lastEdge && full(lastWidth, firstWordWidth(l.text, l.indent), lastEdge, l.edge !== undefined) && !columned(lastText) && !columned(l.text) &&
      !isDecoration(l.text) && !isDecoration(lastText) &&
      !(dense && endsParagraph(lastText, l.text, l.indent))) {
      current.text += joiner(current.text, l.text, l.indent);
      lastWidth = w;
      lastText = l.text;
      continue;
    }
    const textAt = bulletEnd(l.text, l.indent, edge === undefined || edge === Infinity);
    current = { text: l.text.slice(l.indent), indent: l.indent, bullet: textAt >= 0 };
    out.push(current);
    continueAt = textAt >= 0 ? textAt : l.indent;
    lastWidth = w;
    lastText = l.text;
    lastEdge = edge;
  }
  return out;
}

/** A line is full when the next line's first word would not have fit after it (see fullInColumn for a cut column). */
function full(width: number, nextWord: number, edge: number, cut: boolean): boolean {
  return cut ? fullInColumn(width, nextWord, edge) : width + 1 + nextWord > edge - WIDTH_SLACK;
}

/** Columns of the line's first word (a wide character alone: CJK text breaks between any two). */
function firstWordWidth(text: string, from: number): number {
  let end = from;
  while (end < text.length && text.charCodeAt(end) !== 32) {
    if (end > from && isWide(text.charCodeAt(end), text.charCodeAt(end + 1))) break;
    end++;
  }
  return displayWidth(text.slice(from, Math.max(end, from + 1)));
}

/** Cells of a table row, or columns laid out side by side: a run of three spaces inside the text (after any bullet). */
function columned(text: string): boolean {
  const indent = leading(text);
  const textAt = bulletEnd(text, indent, true);
  const at = text.indexOf('   ', textAt >= 0 ? textAt : indent);
  return at >= 0 && at < text.trimEnd().length;
}

function leading(text: string): number {
  let i = 0;
  while (text.charCodeAt(i) === 32) i++;
  return i;
}

const SENTENCE_CLOSE = /[.!?:…。！？]["'”’»)\]]*$/u;
const CAPITAL_START = /^["'“‘«(]?\p{Lu}/u;

function endsParagraph(above: string, below: string, indent: number): boolean {
  return SENTENCE_CLOSE.test(above) && CAPITAL_START.test(below.slice(indent));
}

/** What joins two lines of a paragraph: nothing between two Chinese or Japanese characters (no spaces in them), else a space. */
function joiner(above: string, below: string, indent: number): string {
  return (unspaced(above.charCodeAt(above.length - 1)) && unspaced(below.charCodeAt(indent)) ? '' : ' ') + below.slice(indent);
}

/** Han, kana, CJK punctuation and full-width forms: scripts written without spaces between words. */
function unspaced(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xff60);
}
