/**
 * Human output shared by the folder commands (`score --pred/--gold`, `eval`): aligned tables, fixed
 * decimals, and the two published means.
 */
import type { Summary, TokenMethod } from '../score/index.js';

/** Decimals in human output: enough to compare with the published tables, which give three. */
export const DECIMALS = 3;

export function fixed(value: number): string {
  return value.toFixed(DECIMALS);
}

export function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/** Lays out rows of cells: the first column left-aligned, the others right-aligned, two spaces apart. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** How human output names the two metrics: the benchmarks' names only for the benchmarks' own tokenisation. */
export interface MetricNames {
  /** The shingle metric in a summary row. */
  shingles: string;
  /** The word metric in a summary row. */
  words: string;
  /** Column prefixes in page tables ("Zyte F1", "word F1"). */
  shinglesShort: string;
  wordsShort: string;
}

const METRIC_NAMES: Readonly<Record<TokenMethod, MetricNames>> = {
  published: {
    shingles: 'Zyte (scrapinghub method)',
    words: 'WCXB word F1',
    shinglesShort: 'Zyte',
    wordsShort: 'word',
  },
  words: {
    shingles: '4-shingles, word tokens (not the published method)',
    words: 'word bags, word tokens (not the published method)',
    shinglesShort: 'shingle[w]',
    wordsShort: 'bag[w]',
  },
};

export function metricNames(tokens: TokenMethod): MetricNames {
  return METRIC_NAMES[tokens];
}

/** The folder means, each labelled with the method that computes it and the pages it averages over. */
export function renderSummary(summary: Summary): string {
  const { zyte, words } = summary;
  const names = metricNames(summary.tokens);
  return (
    table([
      [`means over ${summary.pages} ${plural(summary.pages, 'page', 'pages')}`, 'precision', 'recall', 'F1', 'accuracy'],
      [names.shingles, fixed(zyte.precision), fixed(zyte.recall), fixed(zyte.f1), fixed(zyte.accuracy)],
      [names.words, fixed(words.precision), fixed(words.recall), fixed(words.f1), ''],
    ]) +
    `\n${names.shinglesShort} precision is averaged over the ${zyte.pagesWithOutput} ` +
    `${plural(zyte.pagesWithOutput, 'page', 'pages')} with output, recall over the ${zyte.pagesWithReference} ` +
    `${plural(zyte.pagesWithReference, 'page', 'pages')} with a reference; its F1 is that of the two means; ` +
    `accuracy is the share of pages whose tokens are exactly the reference's.\n`
  );
}

/** The headers of the six score cells (see scoreCells). */
export function scoreHeaders(tokens: TokenMethod): string[] {
  const { shinglesShort: s, wordsShort: w } = metricNames(tokens);
  return [`${s} P`, `${s} R`, `${s} F1`, `${w} P`, `${w} R`, `${w} F1`];
}

/** The six score cells of a table row: Zyte P, R, F1, then word P, R, F1. */
export function scoreCells(zyte: { precision: number; recall: number; f1: number }, words: { precision: number; recall: number; f1: number }): string[] {
  return [fixed(zyte.precision), fixed(zyte.recall), fixed(zyte.f1), fixed(words.precision), fixed(words.recall), fixed(words.f1)];
}
