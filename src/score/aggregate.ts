import { harmonicMean, type BenchmarkScores } from './metrics.js';
import type { TokenMethod } from './tokenize.js';

/**
 * One page's scores in a folder run, named by the page id (its file name without `.txt`). Only the two
 * published metrics: the character similarity is a per-pair diagnostic, and on a whole folder it would cost
 * as much as both metrics together.
 */
export interface PageScore extends BenchmarkScores {
  id: string;
}

/** The folder means, each computed the way its benchmark publishes it. */
export interface Summary {
  /** Pages scored (every reference page). */
  pages: number;
  /**
   * How the texts were tokenised. Only 'published' figures are the benchmarks' own; a report shows 'words'
   * figures under the name of that method, never under a benchmark's.
   */
  tokens: TokenMethod;
  /** The scrapinghub method (see aggregateZyte). */
  zyte: {
    precision: number;
    recall: number;
    f1: number;
    /** Pages whose output has at least one token: the pages precision is averaged over. */
    pagesWithOutput: number;
    /** Pages whose reference has at least one token: the pages recall is averaged over. */
    pagesWithReference: number;
    /** The share of pages whose output has exactly the reference's token sequence (the benchmark's accuracy). */
    accuracy: number;
  };
  /** The WCXB method: plain means over all pages. */
  words: {
    precision: number;
    recall: number;
    f1: number;
  };
}

/**
 * The folder means of a set of pages, scored with the given token method (only recorded: the rows are already
 * scored). No pages give all-zero means.
 */
export function aggregate(rows: readonly BenchmarkScores[], tokens: TokenMethod = 'published'): Summary {
  return {
    pages: rows.length,
    tokens,
    zyte: aggregateZyte(rows),
    words: {
      precision: mean(rows.map((row) => row.words.precision)),
      recall: mean(rows.map((row) => row.words.recall)),
      f1: mean(rows.map((row) => row.words.f1)),
    },
  };
}

/**
 * The scrapinghub benchmark's means, as its evaluate.py computes them:
 * - precision is the mean of per-page precision over pages with output (tp + fp > 0): a page left empty
 *   is not counted as imprecise…
 * - …but recall is the mean of per-page recall over every page with a reference (tp + fn > 0), where an
 *   empty output scores 0: an empty output lowers recall only;
 * - F1 is the harmonic mean of those two means, not a mean of per-page F1.
 * A page with neither output nor reference enters neither mean (the benchmark has no such page; WCXB's
 * script-only pages are such pages, and the word metric scores them). A mean over no pages is 0.
 * Accuracy is over every page.
 */
export function aggregateZyte(rows: readonly BenchmarkScores[]): Summary['zyte'] {
  const withOutput = rows.filter((row) => row.zyte.tp + row.zyte.fp > 0);
  const withReference = rows.filter((row) => row.zyte.tp + row.zyte.fn > 0);
  const precision = mean(withOutput.map((row) => row.zyte.precision));
  const recall = mean(withReference.map((row) => row.zyte.recall));
  return {
    precision,
    recall,
    f1: harmonicMean(precision, recall),
    pagesWithOutput: withOutput.length,
    pagesWithReference: withReference.length,
    accuracy: mean(rows.map((row) => (row.zyte.exact ? 1 : 0))),
  };
}

/** Arithmetic mean; 0 for no values, so a summary never holds NaN. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
