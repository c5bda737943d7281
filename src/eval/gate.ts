/**
 * The quality gate: the dev sets' means measured now, against floors pinned in a committed file, and the
 * pages that moved against a committed per-page record. Pure functions; `npm run gate` (scripts/gate.mjs)
 * extracts the pages, reads and writes the files.
 *
 *   floors file + measurements ─► judge (a row per set and input: ok, or why not)
 *   per-page record + measurements ─► movedPages (every page whose F1 moved by more than `movedBy`)
 *   floors file + measurements ─► raiseFloors (never lowers a floor: lowering is an edit by hand)
 */
import { createHash } from 'node:crypto';

/** The inputs of a dev set: its HTML, its w3m dumps (`text/`) and its lynx dumps (`text-lynx/`). */
export type GateInput = 'html' | 'text' | 'text-lynx';

/** The mean a row is judged by: the set's published headline metric. */
export type GateMetric = 'zyte' | 'words';

/** One pinned row: a dev set read as one kind of input. */
export interface GateEntry {
  set: string;
  input: GateInput;
  /** scrapinghub's table quotes Zyte F1; the other sets' word F1. */
  metric: GateMetric;
  /** The mean may not fall below this by more than the allowance. */
  floor: number;
  /** Pages whose F1 is below `collapseBelow` (an article lost or buried): at most this many. */
  collapsedCeiling: number;
  /** Pages scored, and the SHA-256 of their sorted ids: floors pinned on other pages mean nothing. */
  pages: number;
  pageListSha256: string;
}

/** The committed floors file (gate/floors.json). */
export interface GateFile {
  /** How far below its floor a mean may fall before the gate fails. */
  allowance: number;
  /** A page below this F1 counts as collapsed. */
  collapseBelow: number;
  /** A page whose F1 moved by more than this is listed. */
  movedBy: number;
  entries: GateEntry[];
}

/** What was measured on one set and input, with the metric of its entry. */
export interface GateMeasurement {
  set: string;
  input: GateInput;
  metric: GateMetric;
  mean: number;
  /** Per-page F1 by the same metric, by page id. */
  pages: ReadonlyMap<string, number>;
}

export type GateStatus = 'ok' | 'below floor' | 'too many collapsed' | 'page list changed' | 'not measured';

export interface GateRow {
  entry: GateEntry;
  measured?: GateMeasurement;
  collapsed: number;
  status: GateStatus[];
}

export interface GateVerdict {
  ok: boolean;
  rows: GateRow[];
}

/** The SHA-256 of a page list: ids sorted by code unit, one per line. */
export function pageListHash(ids: Iterable<string>): string {
  const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(sorted.join('\n')).digest('hex');
}

/** The number of pages below the collapse line. */
export function collapsedCount(pages: ReadonlyMap<string, number>, below: number): number {
  let count = 0;
  for (const f1 of pages.values()) if (f1 < below) count++;
  return count;
}

function keyOf(set: string, input: string): string {
  return `${set}/${input}`;
}

/** Judges every pinned row against what was measured. A row with no measurement fails. */
export function judge(file: GateFile, measurements: readonly GateMeasurement[]): GateVerdict {
  const byKey = new Map(measurements.map((m) => [keyOf(m.set, m.input), m]));
  const rows = file.entries.map((entry): GateRow => {
    const measured = byKey.get(keyOf(entry.set, entry.input));
    if (measured === undefined) return { entry, collapsed: 0, status: ['not measured'] };
    const collapsed = collapsedCount(measured.pages, file.collapseBelow);
    const status: GateStatus[] = [];
    if (pageListHash(measured.pages.keys()) !== entry.pageListSha256) status.push('page list changed');
    if (measured.mean < entry.floor - file.allowance) status.push('below floor');
    if (collapsed > entry.collapsedCeiling) status.push('too many collapsed');
    return { entry, measured, collapsed, status: status.length === 0 ? ['ok'] : status };
  });
  return { ok: rows.every((row) => row.status[0] === 'ok'), rows };
}

/** One page's F1 in the committed record and now. */
export interface MovedPage {
  set: string;
  input: GateInput;
  id: string;
  /** undefined: the page is not in the record. */
  before?: number;
  after: number;
}

/**
 * The pages whose F1 moved by more than `movedBy` against the record, and the pages the record lacks; worst
 * losses first, then the biggest gains.
 */
export function movedPages(record: PageRecord, measurements: readonly GateMeasurement[], movedBy: number): MovedPage[] {
  const moved: MovedPage[] = [];
  for (const m of measurements) {
    for (const [id, after] of m.pages) {
      const before = record.get(recordKey(m.set, m.input, id));
      if (before === undefined) moved.push({ set: m.set, input: m.input, id, after });
      else if (Math.abs(after - before) > movedBy) moved.push({ set: m.set, input: m.input, id, before, after });
    }
  }
  const change = (p: MovedPage) => p.after - (p.before ?? p.after);
  return moved.sort((a, b) => change(a) - change(b) || keyOf(a.set, a.input).localeCompare(keyOf(b.set, b.input)) || (a.id < b.id ? -1 : 1));
}

/**
 * The floors file after a run that passed: every floor raised to the new mean (rounded down to the file's
 * four decimals) where the mean is higher, every collapse ceiling lowered where fewer pages collapsed. Nothing
 * is ever lowered or loosened here: that is an explicit edit of the file.
 */
export function raiseFloors(file: GateFile, measurements: readonly GateMeasurement[]): GateFile {
  const byKey = new Map(measurements.map((m) => [keyOf(m.set, m.input), m]));
  return {
    ...file,
    entries: file.entries.map((entry) => {
      const m = byKey.get(keyOf(entry.set, entry.input));
      if (m === undefined) return entry;
      return {
        ...entry,
        floor: Math.max(entry.floor, floor4(m.mean)),
        collapsedCeiling: Math.min(entry.collapsedCeiling, collapsedCount(m.pages, file.collapseBelow)),
      };
    }),
  };
}

/**
 * The floors file pinned afresh on these measurements (page lists, floors and ceilings, up or down). Only for a
 * deliberate re-pin (the data changed, or a loss was accepted); the file's diff shows what was given up.
 */
export function repin(file: GateFile, measurements: readonly GateMeasurement[]): GateFile {
  const byKey = new Map(measurements.map((m) => [keyOf(m.set, m.input), m]));
  return {
    ...file,
    entries: file.entries.map((entry) => {
      const m = byKey.get(keyOf(entry.set, entry.input));
      if (m === undefined) return entry;
      return {
        ...entry,
        floor: floor4(m.mean),
        collapsedCeiling: collapsedCount(m.pages, file.collapseBelow),
        pages: m.pages.size,
        pageListSha256: pageListHash(m.pages.keys()),
      };
    }),
  };
}

/** Rounds down to four decimals, so a pinned floor never sits above the mean it was taken from. */
export function floor4(value: number): number {
  return Math.floor(value * 10000) / 10000;
}

/** The per-page record: F1 by `set/input/id`. */
export type PageRecord = ReadonlyMap<string, number>;

export function recordKey(set: string, input: string, id: string): string {
  return `${set}/${input}/${id}`;
}

/** The record file: a header line, then `set<TAB>input<TAB>id<TAB>F1` with four decimals, sorted. */
export function formatRecord(measurements: readonly GateMeasurement[]): string {
  const lines: string[] = [];
  for (const m of measurements) {
    for (const [id, f1] of m.pages) lines.push(`${m.set}\t${m.input}\t${id}\t${f1.toFixed(4)}`);
  }
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return '# set\tinput\tid\tF1 (the set\'s headline metric; written by `npm run gate -- --update`)\n' + lines.join('\n') + '\n';
}

export function parseRecord(text: string): Map<string, number> {
  const record = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [set = '', input = '', id = '', f1 = ''] = line.split('\t');
    record.set(recordKey(set, input, id), Number(f1));
  }
  return record;
}

/** Reads a floors file, refusing one that lacks a field (a hand edit gone wrong must not pass silently). */
export function parseGateFile(text: string): GateFile {
  const json = JSON.parse(text) as Partial<GateFile>;
  const numbers = ['allowance', 'collapseBelow', 'movedBy'] as const;
  for (const key of numbers) {
    if (typeof json[key] !== 'number') throw new Error(`floors file: "${key}" must be a number`);
  }
  if (!Array.isArray(json.entries)) throw new Error('floors file: "entries" must be an array');
  json.entries.forEach((entry, i) => {
    for (const key of ['floor', 'collapsedCeiling', 'pages'] as const) {
      if (typeof entry[key] !== 'number') throw new Error(`floors file: entries[${i}].${key} must be a number`);
    }
    for (const key of ['set', 'input', 'metric', 'pageListSha256'] as const) {
      if (typeof entry[key] !== 'string') throw new Error(`floors file: entries[${i}].${key} must be a string`);
    }
  });
  return json as GateFile;
}

/** The floors file as committed: two-space JSON, one entry per line for readable diffs. */
export function formatGateFile(file: GateFile): string {
  const { entries, ...head } = file;
  const body = entries.map((entry) => '    ' + JSON.stringify(entry)).join(',\n');
  const headLines = Object.entries(head).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  return `{\n${headLines.join('\n')}\n  "entries": [\n${body}\n  ]\n}\n`;
}
