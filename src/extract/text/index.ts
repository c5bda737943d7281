import type { RawBlock } from '../../blocks/block.js';
import { BULLET } from '../../blocks/vocab.js';
import { needsCollapse } from '../whitespace.js';
import { findLinkList, normaliseBullet, stripHeadingFrame, stripMarkers } from './conventions.js';
import { unwrap, type DumpLine } from './unwrap.js';

/**
 * A text dump (a page rendered to text by w3m, lynx, links, elinks, html2text, pandoc, or a browser's "save as
 * text") becomes one block per paragraph, list item or other line:
 *
 *   lines ─► cut the renderer's link list ─► unwrap wrapped paragraphs ─► strip link numbers, image and form
 *         markers, heading frames ─► blocks
 *
 * Rules and heading underlines stay lines of their own, as in a w3m dump: the classifier reads them as the
 * page furniture between sections.
 *
 * A dump at a width no line reaches (w3m -cols 10000) has one line per block and nothing to unwrap. Blocks keep
 * their text trimmed of the renderer's indentation; bullets stay, as they are evidence for the classifier (the
 * renderer draws list items and menu entries with them).
 */
export function segmentText(text: string): RawBlock[] {
  const lines = splitLines(text);
  const list = findLinkList(lines);
  const dump: DumpLine[] = [];
  for (let i = 0; i < list.end; i++) {
    const raw = lines[i]!;
    dump.push(dumpLine(raw));
  }
  const blocks: RawBlock[] = [];
  for (const joined of unwrap(dump)) {
    let line = normaliseLine(stripMarkers(joined.text, list.highest));
    if (line.length === 0) continue;
    line = stripHeadingFrame(line);
    if (joined.bullet) line = normaliseBullet(line);
    if (line.length > 0) blocks.push({ text: line, kind: BULLET.test(line) ? 'list-item' : 'paragraph', indent: joined.indent });
  }
  return blocks;
}

function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lines.push(text.slice(start, end));
    start = end + 1;
  }
  return lines;
}

/** A line with its leading columns, tabs and other spaces in it made ASCII spaces, trailing space cut. */
function dumpLine(raw: string): DumpLine {
  const indent = leadingColumns(raw);
  const body = raw.slice(indent).trimEnd();
  if (body.length === 0) return { text: '', indent: 0 };
  return { text: ' '.repeat(indent) + body.replace(NON_ASCII_SPACE, ' '), indent };
}

/** Tabs, no-break spaces and the other Unicode spaces, one at a time (runs of spaces are columns: kept). */
const NON_ASCII_SPACE = /[\t\r\f\v\u00a0\u2000-\u200b\u3000]/gu;

/** Whitespace runs (tabs, no-break spaces, column padding) collapse to one space. */
const SPACE_RUN = /[\s\u00a0\u2000-\u200b\u3000]+/gu;

/** Columns of leading whitespace (a tab counts as one column: renderers that indent with tabs do so uniformly). */
function leadingColumns(line: string): number {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9 || line.charCodeAt(i) === 0xa0)) i++;
  return i;
}

/**
 * The line with white space runs collapsed and trimmed. Most lines of a dump have only single spaces between
 * words, and skip the replacement: on a line of megabytes, it would build the line a second time.
 */
function normaliseLine(line: string): string {
  return needsCollapse(line, true) ? line.replace(SPACE_RUN, ' ').trim() : line.trim();
}
