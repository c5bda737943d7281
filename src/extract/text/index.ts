import type { RawBlock } from '../../blocks/block.js';
import { BULLET } from '../../blocks/vocab.js';
import { needsCollapse } from '../whitespace.js';

/**
 * A text dump (a page rendered to text, e.g. by w3m or a browser's "save as text") becomes one block per
 * non-empty line. Lines keep their text trimmed of the renderer's indentation; bullets stay, as they are
 * evidence for the classifier (the renderer draws list items and menu entries with them).
 */
export function segmentText(text: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    const line = normaliseLine(raw);
    if (line.length > 0) {
      blocks.push({ text: line, kind: BULLET.test(line) ? 'list-item' : 'paragraph', indent: leadingColumns(raw) });
    }
    start = end + 1;
  }
  return blocks;
}

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
