/**
 * Evaluation over a folder of pages: which files are pages, the page rows, the worst pages and why, the
 * means per group of an index field. Pure functions: the CLI (src/cli/eval.ts) reads the files.
 *
 *   folder names ─► pages (id, file) ─► declutter + benchmarkScores per page ─► rows
 *   rows ─► aggregate (the published means) · worstPages · groupSummaries (by an index field)
 */
import { aggregate, type BenchmarkScores, type PageScore, type Summary, type TokenMethod } from '../score/index.js';

/**
 * The file names of a page, `<id><extension>`, in order of preference when one id has several (the HTML
 * holds more than its text dump). Gzip is also recognised by its bytes; these names only say which files
 * are pages and what their id is.
 */
export const PAGE_EXTENSIONS = ['.html.gz', '.html', '.htm', '.txt', '.txt.gz'] as const;

/** One page of a folder: its id and the file chosen for it. */
export interface PageFile {
  id: string;
  file: string;
}

/** The pages of a folder, and the ids that had more than one page file (the first by preference is used). */
export interface PageListing {
  pages: PageFile[];
  duplicates: { id: string; used: string; ignored: string[] }[];
}

/** The id of a page file name, or undefined when the name is not a page's. */
export function pageId(name: string): string | undefined {
  for (const extension of PAGE_EXTENSIONS) {
    if (name.length > extension.length && name.endsWith(extension)) return name.slice(0, -extension.length);
  }
  return undefined;
}

/** The pages among a folder's file names, sorted by id (code unit order: never locale-dependent). */
export function listPages(names: readonly string[]): PageListing {
  const byId = new Map<string, string[]>();
  for (const name of names) {
    const id = pageId(name);
    if (id === undefined) continue;
    const files = byId.get(id);
    if (files === undefined) byId.set(id, [name]);
    else files.push(name);
  }
  const pages: PageFile[] = [];
  const duplicates: PageListing['duplicates'] = [];
  for (const id of [...byId.keys()].sort(compareCodeUnits)) {
    const files = (byId.get(id) ?? []).sort((a, b) => preference(a, id) - preference(b, id));
    const [used, ...ignored] = files;
    if (used === undefined) continue;
    pages.push({ id, file: used });
    if (ignored.length > 0) duplicates.push({ id, used, ignored });
  }
  return { pages, duplicates };
}

function preference(name: string, id: string): number {
  return PAGE_EXTENSIONS.indexOf(name.slice(id.length) as (typeof PAGE_EXTENSIONS)[number]);
}

function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** A page's row: its scores, and when it could not be read or decoded, why (it is then scored as empty output). */
export interface EvalRow extends PageScore {
  file: string;
  /** The extraction's confidence (see Article.confidence); absent when the page could not be read. */
  confidence?: number;
  error?: string;
}

/**
 * What went wrong on a page, from its Zyte shingle counts:
 * - 'lost text': the output is empty, or its recall is the lower of the two;
 * - 'kept noise': the reference is empty but the output is not, or its precision is the lower;
 * - 'both': precision and recall are equal, or both below BOTH_BELOW.
 */
export type Cause = 'lost text' | 'kept noise' | 'both';

/** Below this, most of the text was lost (recall) or most of the output was noise (precision). */
export const BOTH_BELOW = 0.5;

/** How many pages the worst list shows. */
export const WORST_COUNT = 10;

export function causeOf(scores: BenchmarkScores): Cause {
  const { precision, recall, tp, fp, fn } = scores.zyte;
  if (tp + fp === 0 && fn > 0) return 'lost text';
  if (tp + fn === 0 && fp > 0) return 'kept noise';
  if (precision === recall || (precision < BOTH_BELOW && recall < BOTH_BELOW)) return 'both';
  return recall < precision ? 'lost text' : 'kept noise';
}

/** One of the worst pages. */
export interface WorstPage {
  id: string;
  /** Zyte F1, precision and recall of the page. */
  f1: number;
  precision: number;
  recall: number;
  /** WCXB word F1 of the page. */
  wordF1: number;
  cause: Cause;
  error?: string;
}

/**
 * The `count` pages with the lowest Zyte F1 (then word F1, then id, so the list is deterministic), among the
 * pages that are not perfect (Zyte F1 below 1).
 */
export function worstPages(rows: readonly EvalRow[], count: number = WORST_COUNT): WorstPage[] {
  return rows
    .filter((row) => row.zyte.f1 < 1)
    .sort((a, b) => a.zyte.f1 - b.zyte.f1 || a.words.f1 - b.words.f1 || compareCodeUnits(a.id, b.id))
    .slice(0, count)
    .map((row) => ({
      id: row.id,
      f1: row.zyte.f1,
      precision: row.zyte.precision,
      recall: row.zyte.recall,
      wordF1: row.words.f1,
      cause: causeOf(row),
      ...(row.error === undefined ? {} : { error: row.error }),
    }));
}

/** An index of pages (JSON Lines): each entry by its id. */
export type PageIndex = ReadonlyMap<string, Readonly<Record<string, unknown>>>;

/** Why an index could not be read: the line (1-based) and what was wrong with it. */
export class IndexError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'IndexError';
  }
}

/**
 * Parses a JSON Lines index: one object per non-blank line, with a string `id`. A later line for the same id
 * replaces an earlier one. Throws IndexError on the first bad line.
 */
export function parseIndex(text: string): PageIndex {
  const index = new Map<string, Record<string, unknown>>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      throw new IndexError(i + 1, 'not valid JSON');
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new IndexError(i + 1, 'not a JSON object');
    }
    const id = (entry as Record<string, unknown>).id;
    if (typeof id !== 'string' && typeof id !== 'number') throw new IndexError(i + 1, 'no "id" field');
    index.set(String(id), entry as Record<string, unknown>);
  });
  return index;
}

/** Whether some entry of the index has the field (with a value other than null). */
export function indexHasField(index: PageIndex, field: string): boolean {
  for (const entry of index.values()) if (fieldValue(entry, field) !== undefined) return true;
  return false;
}

/**
 * A field's value as a group name: strings as they are, numbers and booleans written out, arrays and objects
 * as JSON; undefined when the field is missing or null.
 */
export function fieldValue(entry: Readonly<Record<string, unknown>> | undefined, field: string): string | undefined {
  const value = entry?.[field];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The means of one group of pages; `value` null gathers the pages without the field (or not in the index). */
export interface GroupSummary {
  value: string | null;
  summary: Summary;
}

/**
 * The published means of each group of pages, groups sorted by value (code unit order), the group of pages
 * without a value last.
 */
export function groupSummaries(
  rows: readonly EvalRow[],
  valueOf: (id: string) => string | undefined,
  tokens: TokenMethod = 'published',
): GroupSummary[] {
  const groups = new Map<string | null, EvalRow[]>();
  for (const row of rows) {
    const value = valueOf(row.id) ?? null;
    const members = groups.get(value);
    if (members === undefined) groups.set(value, [row]);
    else members.push(row);
  }
  const values = [...groups.keys()].sort((a, b) =>
    a === null ? (b === null ? 0 : 1) : b === null ? -1 : compareCodeUnits(a, b),
  );
  return values.map((value) => ({ value, summary: aggregate(groups.get(value) ?? [], tokens) }));
}
