import stringSimilarity from 'string-similarity';
import { numberTokens, overlap, shingleKeys, type Overlap, type TokenNumbering } from './multiset.js';
import { normalizeText } from './normalize.js';
import { publishedTokens, tokenize, type TokenMethod } from './tokenize.js';

/**
 * The Zyte (scrapinghub) article-extraction benchmark on one page: 4-token shingles, case-sensitive.
 * tp, fp and fn are raw shingle counts (the published script divides them by their sum, which changes no
 * ratio computed from them).
 */
export interface ZyteScores {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  /** The candidate's token sequence equals the reference's: the benchmark's "accuracy" counts these pages. */
  exact: boolean;
}

/** The WCXB word metric on one page: bags of lower-cased words. */
export interface WordScores {
  precision: number;
  recall: number;
  f1: number;
}

/** The two published benchmark metrics for one page. */
export interface BenchmarkScores {
  zyte: ZyteScores;
  words: WordScores;
}

/** How a comparison is made. */
export interface ScoreOptions {
  /** How texts are cut into tokens: 'published' (default, Python's `\w+`, as both benchmarks) or 'words'. */
  tokens?: TokenMethod;
}

/** Every figure for one candidate text against one reference text. */
export interface Scores extends BenchmarkScores {
  /** Dice coefficient of character bigrams (string-similarity), whitespace ignored; 0…1. */
  similarity: number;
}

/**
 * Scores a candidate (an extractor's output) against a reference (the clean main text): both published
 * benchmark metrics (see benchmarkScores) and the character similarity.
 */
export function score(candidate: string, reference: string, options: ScoreOptions = {}): Scores {
  return { ...benchmarkScores(candidate, reference, options), similarity: similarity(candidate, reference) };
}

/**
 * The Zyte shingle metric and the WCXB word metric of a candidate against a reference.
 *
 * With the published tokens (the default) each metric is computed as its harness computes it: the Zyte metric
 * on the `\w+` tokens of the texts as given (scrapinghub's evaluate.py), the word metric on the `\w+` tokens
 * of the lower-cased texts (WCXB's evaluate.py lower-cases before it tokenises, which differs from
 * lower-casing each token where lower-casing changes a letter's neighbourhood: "İ" becomes "i" plus a
 * combining dot, a final sigma depends on what follows it). With 'words' tokens, both texts are tokenised
 * once (see tokenize.ts) and the word metric lower-cases each token.
 *
 * Edge cases follow the published harnesses, for both metrics alike:
 * - both texts without tokens: precision = recall = F1 = 1 (nothing to find, nothing wrongly kept);
 * - empty candidate, non-empty reference: precision = recall = F1 = 0;
 * - non-empty candidate, empty reference: precision = recall = F1 = 0.
 * A text "without tokens" may still hold punctuation or spaces: only word characters count.
 */
export function benchmarkScores(candidate: string, reference: string, options: ScoreOptions = {}): BenchmarkScores {
  const method = options.tokens ?? 'published';
  const numbering: TokenNumbering = new Map();
  const candidateIds = numberTokens(tokenize(candidate, method), numbering);
  const referenceIds = numberTokens(tokenize(reference, method), numbering);
  const zyte = zyteFromCounts(shingleOverlap(candidateIds, referenceIds), sameSequence(candidateIds, referenceIds));
  if (method === 'words') return { zyte, words: wordsFromCounts(wordOverlap(candidateIds, referenceIds, numbering)) };
  const lowerNumbering: TokenNumbering = new Map();
  const lowerCandidate = numberTokens(publishedTokens(candidate.toLowerCase()), lowerNumbering);
  const lowerReference = numberTokens(publishedTokens(reference.toLowerCase()), lowerNumbering);
  return { zyte, words: wordsFromCounts(bagOverlap(lowerCandidate, lowerReference, lowerNumbering.size)) };
}

/** Whether two numbered token lists (one shared numbering) are the same sequence. */
function sameSequence(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The Zyte figures of a shingle overlap. */
function zyteFromCounts(counts: Overlap, exact: boolean): ZyteScores {
  const precision = precisionOf(counts);
  const recall = recallOf(counts);
  return { precision, recall, f1: harmonicMean(precision, recall), ...counts, exact };
}

/** The word figures of a word overlap. */
function wordsFromCounts(counts: Overlap): WordScores {
  const precision = precisionOf(counts);
  const recall = recallOf(counts);
  return { precision, recall, f1: harmonicMean(precision, recall) };
}

/** Overlap of the multisets of 4-token shingles (token numbers from one shared numbering). */
export function shingleOverlap(candidateIds: readonly number[], referenceIds: readonly number[]): Overlap {
  return overlap(shingleKeys(candidateIds), shingleKeys(referenceIds));
}

/**
 * Overlap of the bags of lower-cased words ('words' tokens). Lower-casing is done once per distinct token,
 * and the bags are count arrays indexed by the lower-cased word's number.
 */
export function wordOverlap(
  candidateIds: readonly number[],
  referenceIds: readonly number[],
  numbering: TokenNumbering,
): Overlap {
  const lowerNumber = new Map<string, number>();
  const lowerOf = new Uint32Array(numbering.size);
  for (const [token, id] of numbering) {
    const lower = token.toLowerCase();
    let lowerId = lowerNumber.get(lower);
    if (lowerId === undefined) {
      lowerId = lowerNumber.size;
      lowerNumber.set(lower, lowerId);
    }
    lowerOf[id] = lowerId;
  }
  return bagOverlap(
    Array.from(candidateIds, (id) => lowerOf[id] ?? 0),
    Array.from(referenceIds, (id) => lowerOf[id] ?? 0),
    lowerNumber.size,
  );
}

/** Overlap of two bags of numbered words (numbers below `words`): Σ min of the counts, and the excesses. */
function bagOverlap(candidateIds: readonly number[], referenceIds: readonly number[], words: number): Overlap {
  const candidateCounts = countWords(candidateIds, words);
  const referenceCounts = countWords(referenceIds, words);
  let tp = 0;
  for (let word = 0; word < words; word++) {
    tp += Math.min(candidateCounts[word] ?? 0, referenceCounts[word] ?? 0);
  }
  return { tp, fp: candidateIds.length - tp, fn: referenceIds.length - tp };
}

/** A bag of numbered words as counts indexed by word number. */
function countWords(ids: readonly number[], words: number): Uint32Array {
  const counts = new Uint32Array(words);
  for (const id of ids) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}

/**
 * Character-bigram Dice coefficient of the two texts (string-similarity's compareTwoStrings). That function
 * removes all whitespace itself, so line wrapping and paragraph spacing never change the figure; we only
 * normalise (normalize.ts) first so composed and decomposed accents compare equal. Case-sensitive. Two
 * texts equal once whitespace is removed (two empty texts among them) give 1.
 */
export function similarity(candidate: string, reference: string): number {
  return stringSimilarity.compareTwoStrings(normalizeText(candidate), normalizeText(reference));
}

/**
 * tp / (tp + fp), with the published script's edge cases: 1 when nothing was wrong either way (fp = fn = 0,
 * which includes two empty texts), 0 when nothing was predicted.
 */
export function precisionOf({ tp, fp, fn }: Overlap): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp + fp === 0) return 0;
  return tp / (tp + fp);
}

/**
 * tp / (tp + fn), with the published script's edge cases: 1 when nothing was wrong either way, 0 when the
 * gold is empty but something was predicted.
 */
export function recallOf({ tp, fp, fn }: Overlap): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp + fn === 0) return 0;
  return tp / (tp + fn);
}

/** 2PR / (P + R), and 0 when both are 0 (rather than 0 / 0). */
export function harmonicMean(precision: number, recall: number): number {
  const sum = precision + recall;
  return sum === 0 ? 0 : (2 * precision * recall) / sum;
}
