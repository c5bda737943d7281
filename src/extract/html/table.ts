/**
 * Data table or layout table. A data table (rows of values) becomes one 'table' block; a layout table (a page
 * laid out in cells, common on older sites) must not, or a whole page would be one block: its cells are walked
 * as containers like divs.
 */

import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import type { TableCell } from '../../blocks/block.js';
import { emptyAttrs, readAttrs } from './attrs.js';
import { LAYOUT_TABLE_CELL_MAX_CHARS } from './thresholds.js';
import { TextRun } from './text-run.js';
import { dropReason } from './visibility.js';
import { DATA_TABLE_MARKER_TAGS, LAYOUT_TABLE_BLOCK_TAGS, LAYOUT_TABLE_ROLES } from './vocab.js';

/** Why a table was judged to lay out the page (undefined: it holds data). */
export type LayoutReason = 'role' | 'block-inside' | 'div-inside' | 'double-br' | 'long-cell' | 'single-column';

/**
 * Scans the table's subtree once, stopping at the first decisive sign of layout: a block element inside
 * (paragraphs, headings, lists, a nested table…), a paragraph break written as <br><br>, a cell of running
 * text, a single column, or a <div> in a table without any data-table marker (th, thead, caption…).
 * The early exit keeps nested layout tables linear: the outer scan stops at the inner table.
 */
export function layoutTableReason(table: Element): LayoutReason | undefined {
  const attrs = emptyAttrs();
  const role = table.attribs['role'];
  if (role !== undefined && LAYOUT_TABLE_ROLES.has(role.trim().toLowerCase())) return 'role';
  let sawDiv = false;
  let sawMarker = false;
  let maxColumns = 0;
  let rowColumns = 0;
  let cellChars = 0;
  const stack: ChildNode[] = [];
  pushChildrenReversed(table, stack);
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (isText(node)) {
      cellChars += node.data.trim().length;
      if (cellChars > LAYOUT_TABLE_CELL_MAX_CHARS) return 'long-cell';
      continue;
    }
    if (!isTag(node)) continue;
    const name = node.name;
    if (dropReason(name, readAttrs(node.attribs, attrs)) !== undefined) continue;
    if (LAYOUT_TABLE_BLOCK_TAGS.has(name)) return 'block-inside';
    if (name === 'br' && previousIsBr(node)) return 'double-br';
    if (name === 'div') sawDiv = true;
    if (DATA_TABLE_MARKER_TAGS.has(name)) sawMarker = true;
    if (name === 'tr') rowColumns = 0;
    if (name === 'td' || name === 'th') {
      // Pre-order: a cell's text nodes come after it and before the next cell, so the count restarts here.
      cellChars = 0;
      rowColumns += 1;
      if (rowColumns > maxColumns) maxColumns = rowColumns;
    }
    pushChildrenReversed(node, stack);
  }
  if (sawDiv && !sawMarker) return 'div-inside';
  if (maxColumns <= 1) return 'single-column';
  return undefined;
}

/** Pushes the element's children so that popping visits them in document order. */
function pushChildrenReversed(el: Element, stack: ChildNode[]): void {
  for (let i = el.children.length - 1; i >= 0; i--) {
    const child = el.children[i];
    if (child !== undefined) stack.push(child);
  }
}

/** True when the nearest previous sibling that is not whitespace text is a <br>. */
function previousIsBr(br: Element): boolean {
  for (let node = br.prev; node !== null; node = node.prev) {
    if (isText(node)) {
      if (node.data.trim().length > 0) return false;
      continue;
    }
    return isTag(node) && node.name === 'br';
  }
  return false;
}

/**
 * The text of a data table as it is walked: rows as lines, cells separated by " | ", link characters counted
 * over the cells' text (the separators are not text). Empty rows are skipped; trailing empty cells trimmed.
 */
export class TableText {
  private readonly rows: string[] = [];
  /** The kept rows' cells with their header flags (for markdown and html; see BlockMarkup.rows). */
  private readonly cellRows: TableCell[][] = [];
  private row: string[] | undefined;
  private rowHeaders: boolean[] = [];
  private cellOpen = false;
  private cellHeader = false;
  /** Open <thead> elements: their cells are header cells. */
  private heads = 0;
  private readonly cell = new TextRun();
  /** The table's <caption> text, emitted as its own 'caption' block before the table. */
  readonly caption = new TextRun();
  private textChars = 0;
  private linkChars = 0;
  private linkCount = 0;

  /** Starts a row (ending any open one). */
  startRow(): void {
    this.endRow();
    this.row = [];
  }

  /** Starts a cell (ending any open one) and returns the run its text goes into; `header` for a <th>. */
  startCell(header = false): TextRun {
    this.endCell();
    this.row ??= [];
    this.cellOpen = true;
    this.cellHeader = header || this.heads > 0;
    return this.cell;
  }

  /** A <thead> starts or ends: the cells inside it are header cells. */
  startHead(): void {
    this.heads += 1;
  }

  endHead(): void {
    this.heads = Math.max(0, this.heads - 1);
  }

  /** Ends the open cell, if any. */
  endCell(): void {
    if (!this.cellOpen) return;
    this.cellOpen = false;
    const { text, linkChars, linkCount } = this.cell.take();
    (this.row ??= []).push(text);
    this.rowHeaders.push(this.cellHeader);
    this.textChars += text.length;
    this.linkChars += linkChars;
    this.linkCount += linkCount;
  }

  /** Ends the open row, if any, keeping it when some cell has text. */
  endRow(): void {
    this.endCell();
    const row = this.row;
    const headers = this.rowHeaders;
    this.row = undefined;
    this.rowHeaders = [];
    if (row === undefined) return;
    let last = row.length;
    while (last > 0 && row[last - 1] === '') last -= 1;
    if (last > 0) {
      this.rows.push(row.slice(0, last).join(' | '));
      this.cellRows.push(row.slice(0, last).map((text, i) => ({ text, header: headers[i] === true })));
    }
  }

  /**
   * The table's text and link measurements (link density is over cell text, separators excluded), and its rows of
   * cells, one per line of the text.
   */
  finish(): { text: string; textChars: number; linkChars: number; linkCount: number; rows: TableCell[][] } {
    this.endRow();
    return {
      text: this.rows.join('\n'),
      textChars: this.textChars,
      linkChars: this.linkChars,
      linkCount: this.linkCount,
      rows: this.cellRows,
    };
  }
}
