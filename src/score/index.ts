/**
 * The scorer: how close an extraction is to a clean reference, by the two published benchmark metrics
 * (Zyte 4-shingle F1, WCXB word F1), a character similarity, and a sentence-level diff.
 */
export {
  score,
  benchmarkScores,
  similarity,
  type BenchmarkScores,
  type Scores,
  type ZyteScores,
  type WordScores,
  type ScoreOptions,
} from './metrics.js';
export { aggregate, aggregateZyte, mean, type PageScore, type Summary } from './aggregate.js';
export { diff, splitSentences, splitLines, type DiffItem, type DiffResult, type TextPiece } from './diff.js';
export {
  tokenize,
  publishedTokens,
  wordTokens,
  PUBLISHED_TOKEN_PATTERN,
  WORD_RUN_PATTERN,
  TOKEN_METHODS,
  type TokenMethod,
} from './tokenize.js';
export { normalizeText } from './normalize.js';
export { SHINGLE_SIZE } from './constants.js';
