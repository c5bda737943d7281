/**
 * Columns laid out side by side. A renderer that draws a layout table as the browser would (links, elinks,
 * w3m at its default width, html2text, pandoc's grid tables) puts a sidebar and the article, or two cells, on
 * the same lines: every line of the dump holds a piece of each, and no line is a block. Lynx writes one cell
 * after the other. Here the dump is read as lynx writes it: each column whole, top to bottom, then the next.
 *
 * A gutter is a column of the dump that is blank on a run of lines (rules that cross it aside) while text
 * stands on both sides of it on many of them. Words of a paragraph can leave a few blanks above one another,
 * but they end right before them; a column's lines are ragged and stop short of the gutter by more.
 */
import { bulletEnd, isDecoration } from './conventions.js';
import type { DumpLine } from './unwrap.js';

/** Fewest lines with text on both sides of a gutter: a shorter run may be a few lines of prose or a table. */
const MIN_ACROSS = 6;
/** Fewest of them whose left text stops two or more columns short of the gutter (prose stops right before a blank). */
const MIN_RAGGED = 3;
/** Most gutters cut in one dump (each cut searches the lines again). */
const MAX_CUTS = 64;
/** Fewest full lines (the next line's first word would not have fit) that show a column's text was wrapped. */
const MIN_FULL = 3;
/** Columns a renderer may leave unused at the end of a full line. */
const SLACK = 2;
/** Share of a column's width its full lines reach at least: entries of a menu end anywhere, and a long one is no wrap. */
const FULL_SHARE = 0.75;

/**
 * A line of a column cut out of side-by-side columns is full when the next line's first word would not have fit
 * after it, and it reaches most of the column's width.
 */
export function fullInColumn(width: number, nextWord: number, edge: number): boolean {
  return width + 1 + nextWord > edge - SLACK && width >= edge * FULL_SHARE;
}

/** A line that continues a sentence: a word in small letters (or a script without capitals) first. */
const LOWER = /^["'“‘«(]?[\p{Ll}\p{Lo}]/u;

/** Vertical rules a renderer draws table cells with. */
const CELL_WALLS = /[|│┃║]/gu;
const WALL_START = /^\s*[|│┃║]/u;
const WALL_END = /[|│┃║]\s*$/u;

/**
 * A row of a drawn table: a wall first and another last ("| cell | cell |"); a lone "|" is text. Its walls are
 * read as blanks when a rule or another row is next to it.
 */
function drawnRow(text: string): boolean {
  return WALL_START.test(text) && WALL_END.test(text) && text.trim().length > 1;
}

interface Gutter {
  /** The column where the right-hand text starts: the blank is the column before it. */
  at: number;
  from: number;
  to: number;
}

/**
 * The dump's lines with each region of side-by-side columns written column after column, a blank line between
 * two. The lines of a column cut out of such a region carry the column's right edge when its text was wrapped
 * there, else an infinite edge (nothing in it is joined). A region is cut only when one of its columns is
 * wrapped text: a table of one-line cells keeps its rows. The walls of drawn table rows ("| cell | cell |")
 * read as blanks; rules across a gutter become blank lines.
 */
export function splitColumns(lines: readonly DumpLine[]): DumpLine[] {
  const rows = lines.map((l) => drawnRow(l.text));
  const ruled = (i: number): boolean => i >= 0 && i < lines.length && (rows[i]! || isDecoration(lines[i]!.text));
  const texts = lines.map((l, i) => (rows[i]! && (ruled(i - 1) || ruled(i + 1)) ? l.text.replace(CELL_WALLS, ' ').trimEnd() : l.text));
  const budget = { cuts: MAX_CUTS };
  const out: DumpLine[] = [];
  for (const piece of split(texts, budget, false)) {
    const edge = piece.cut ? wrapEdge(piece.texts) : undefined;
    for (const text of piece.texts) out.push(dumpLine(text, edge));
  }
  return out;
}

interface Piece {
  texts: string[];
  /** Cut out of a wider region: its lines wrap at its own edge. */
  cut: boolean;
}

function split(texts: string[], budget: { cuts: number }, cut: boolean): Piece[] {
  if (budget.cuts <= 0) return [{ texts, cut }];
  let gutter: Gutter | undefined;
  let left: string[] = [];
  let right: string[] = [];
  for (const candidate of gutters(texts)) {
    [left, right] = sides(texts, candidate);
    if (wrapEdge(left) < Infinity || wrapEdge(right) < Infinity) {
      gutter = candidate;
      break;
    }
  }
  if (gutter === undefined) return [{ texts, cut }];
  budget.cuts--;
  return [
    ...split(texts.slice(0, gutter.from), budget, cut),
    ...split(left, budget, true),
    { texts: [''], cut: false },
    ...split(right, budget, true),
    ...split(texts.slice(gutter.to + 1), budget, cut),
  ];
}

/** The text left of the column is a list item's bullet or number: the item's text is no column of its own. */
function bulletBefore(text: string, at: number): boolean {
  const left = text.slice(0, at - 1).trim();
  return left.length > 0 && left.length <= 4 && bulletEnd(`${left} x`, 0, false) === left.length + 1;
}

/** The lines of a region on either side of its gutter, each at its columns in the dump. */
function sides(texts: readonly string[], gutter: Gutter): [string[], string[]] {
  const left: string[] = [];
  const right: string[] = [];
  for (let i = gutter.from; i <= gutter.to; i++) {
    const t = texts[i]!;
    if (t.length >= gutter.at && isDecoration(t)) {
      left.push('');
      right.push('');
      continue;
    }
    left.push(t.slice(0, gutter.at - 1).trimEnd());
    const r = t.slice(gutter.at).trimEnd();
    right.push(r.trim() === '' ? '' : ' '.repeat(gutter.at) + r);
  }
  return [left, right];
}

/**
 * The column's right edge when its text was wrapped there: more of its lines are full (the next line's first
 * word would not have fit after them) than not, and enough of them are words continued on a next line that
 * starts with a small letter. Else Infinity: a column of menu entries, of addresses or of one-line cells (each
 * row starting with a capital), whose lines stay apart.
 */
function wrapEdge(texts: readonly string[]): number {
  let edge = 0;
  for (const t of texts) edge = Math.max(edge, t.length);
  let continued = 0;
  let full = 0;
  let short = 0;
  for (let i = 1; i < texts.length; i++) {
    const above = texts[i - 1]!;
    const below = texts[i]!;
    if (above === '' || below === '') continue;
    const at = below.length - below.trimStart().length;
    if (above.length - above.trimStart().length !== at) continue;
    let end = below.indexOf(' ', at);
    if (end < 0) end = below.length;
    if (!fullInColumn(above.length, end - at, edge)) short++;
    else if (above.trimStart().includes(' ') && LOWER.test(below.slice(at))) continued++;
    else full++;
  }
  return continued >= MIN_FULL && continued + full >= short ? edge : Infinity;
}

/** The gutters of the lines that have enough lines across them, the most first. */
function gutters(texts: readonly string[]): Gutter[] {
  const found: { gutter: Gutter; score: number }[] = [];
  let widest = 0;
  for (const t of texts) widest = Math.max(widest, t.length);
  const drawn = texts.map((t) => t.length > 0 && isDecoration(t));
  for (let at = 2; at < widest; at++) {
    let start = -1;
    let from = -1;
    let last = -1;
    let across = 0;
    let ragged = 0;
    let starts = 0;
    for (let i = 0; i <= texts.length; i++) {
      const t = i < texts.length ? texts[i]! : undefined;
      if (t !== undefined && (t.length < at || (t.charCodeAt(at - 1) === 32 && !bulletBefore(t, at)) || drawn[i]!)) {
        if (t.trim() === '' || drawn[i]!) continue;
        if (start < 0) start = i;
        if (from < 0 && t.length > at) from = i;
        if (from >= 0) last = i;
        if (t.length > at && !drawn[i]!) {
          const leftEnd = t.slice(0, at - 1).trimEnd().length;
          const rightText = t.slice(at).trim() !== '';
          if (leftEnd > 0 && rightText) {
            across++;
            if (leftEnd < at - 2) ragged++;
          }
          if (t.charCodeAt(at) !== 32) starts++;
        }
        continue;
      }
      if (across >= MIN_ACROSS && ragged >= MIN_RAGGED && starts * 2 >= across) {
        // The region starts with the block its first right-hand text is in: lines above a blank one are no column.
        while (from > start && texts[from - 1]!.trim() !== '') from--;
        found.push({ gutter: { at, from, to: last }, score: across + starts });
      }
      start = -1;
      from = -1;
      last = -1;
      across = 0;
      ragged = 0;
      starts = 0;
    }
  }
  return found.sort((a, b) => b.score - a.score).map((f) => f.gutter);
}

function dumpLine(text: string, edge: number | undefined): DumpLine {
  if (text.trim() === '') return { text: '', indent: 0 };
  let indent = 0;
  while (text.charCodeAt(indent) === 32) indent++;
  return edge === undefined ? { text, indent } : { text, indent, edge };
}
