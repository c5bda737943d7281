/**
 * The Article's confidence: a number from 0 to 1 that predicts how good the extraction is, so that callers building
 * data sets can send doubtful pages elsewhere. It reads only what the classifier left behind (the blocks, their tiers
 * and traces), never changes a label, and weighs a few measurements of the page with a logistic model whose weights
 * live in the calibration (`confidence`, one set per extractor), fitted by scripts/confidence.mjs against the
 * per-page F1 of the dev sets.
 */
import type { Block } from '../blocks/block.js';
import type { StageName } from '../blocks/trace.js';
import type { InputKind } from '../article.js';
import type { Calibration } from './calibration.js';
import { isProse } from './shapes.js';

/**
 * Below this confidence an extraction is doubtful: on the dev sets, the pages below it score a far lower F1 than
 * those at or above it (the README gives the figures). The report shows such pages in red.
 */
export const CONFIDENCE_CUT = 0.5;

/** What the confidence weighs, each a number measured on one page (see confidenceFeatures). */
export interface ConfidenceFeatures {
  /** log10(1 + words kept): an empty or tiny output is rarely right. */
  readonly logWords: number;
  /** Share of the page's prose words (see the `shapes.pageProse` cut) that the output keeps. */
  readonly proseKept: number;
  /** Share of the output's words in blocks whose own evidence was confidently content (tier good). */
  readonly goodShare: number;
  /** Share of the words of confidently good blocks that the output keeps. */
  readonly goodKept: number;
  /** Link density of the output, weighted by words (0 for text dumps, which have no link markup). */
  readonly linkDensity: number;
  /** Words that were content after smoothing and that a structural step (container, grids, regions, title) dropped, per word kept (the title's own line aside). */
  readonly overridden: number;
  /** Share of the output's words kept as records of a grid or a run (no prose region was the content). */
  readonly records: number;
  /** How much the best region (after smoothing) outweighs the runner-up: 1 − runner-up / best, 0 with no region. */
  readonly margin: number;
  /** Share of the content (after smoothing) that the best region holds. */
  readonly mainShare: number;
  /** Word-weighted stopword density of the output: prose is rich in function words. */
  readonly stopwords: number;
  /** Share of the output's words inside a readers' comment or related-content section. */
  readonly sections: number;
  /** Share of the page's words that the output keeps. */
  readonly pageShare: number;
  /** log10(1 + separate runs of kept blocks): an article is one or two runs, scraps of a page are many. */
  readonly runs: number;
  /** log10(1 + mean words per kept block). */
  readonly blockWords: number;
  /** log10 of the words kept over the words of confidently good blocks (each plus one): far above 0, more was kept than the rules vouched for. */
  readonly overGood: number;
  /** Share of the output's words inside article markup (article, main, articleBody; 0 for text dumps). */
  readonly inArticle: number;
  /** Share of the words inside article markup that the output keeps (0 when the page has none). */
  readonly articleKept: number;
  /** 1 when the title stage found the page title at the head of the text, else 0. */
  readonly titleFound: number;
  /** log10 of the words kept over the content words of the best region after smoothing (each plus one): above 0, text beyond it was kept. */
  readonly beyondMain: number;
}

export const CONFIDENCE_FEATURES: readonly (keyof ConfidenceFeatures)[] = Object.freeze([
  'logWords',
  'proseKept',
  'goodShare',
  'goodKept',
  'linkDensity',
  'overridden',
  'records',
  'margin',
  'mainShare',
  'stopwords',
  'sections',
  'pageShare',
  'runs',
  'blockWords',
  'overGood',
  'inArticle',
  'articleKept',
  'titleFound',
  'beyondMain',
]);

/** The weights of one extractor's model: an intercept and one weight per feature. */
export type ConfidenceWeights = { readonly intercept: number } & { readonly [K in keyof ConfidenceFeatures]: number };

const STRUCTURAL: ReadonlySet<StageName> = new Set<StageName>(['container', 'grids', 'regions', 'title']);
const RECORD_REASONS: ReadonlySet<string> = new Set(['record-grid', 'priced-run', 'record-run']);

/** Measures the page for the confidence. Blocks as the classifier left them. */
export function confidenceFeatures(blocks: readonly Block[], c: Calibration): ConfidenceFeatures {
  let kept = 0;
  let prose = 0;
  let proseKept = 0;
  let good = 0;
  let goodKept = 0;
  let linkWords = 0;
  let stopwordWords = 0;
  let overridden = 0;
  let records = 0;
  let inSections = 0;
  let total = 0;
  let keptBlocks = 0;
  let runs = 0;
  let article = 0;
  let articleKept = 0;
  let titleFound = 0;
  let previousKept = false;
  const smoothed: boolean[] = [];
  for (const b of blocks) {
    const f = b.features;
    const isKept = b.label === 'content';
    total += f.words;
    if (f.inArticle === true) article += f.words;
    if (b.reasons.includes('→title')) titleFound = 1;
    if (isKept && !previousKept) runs++;
    previousKept = isKept;
    const isProseBlock = isProse(f, c.shapes.pageProse);
    const afterSmoothing = labelBefore(b);
    smoothed.push(afterSmoothing);
    if (isProseBlock) prose += f.words;
    if (b.tier === 'good') good += f.words;
    if (!isKept) {
      if (afterSmoothing && b.trace.some((e) => STRUCTURAL.has(e.stage) && e.label === 'boilerplate' && e.reason !== 'title')) overridden += f.words;
      continue;
    }
    kept += f.words;
    keptBlocks++;
    if (f.inArticle === true) articleKept += f.words;
    if (isProseBlock) proseKept += f.words;
    if (b.tier === 'good') goodKept += f.words;
    linkWords += f.linkDensity * f.words;
    stopwordWords += f.stopwordDensity * f.words;
    if (b.trace.some((e) => RECORD_REASONS.has(e.reason))) records += f.words;
    if (b.sections !== undefined && b.sections.length > 0) inSections += f.words;
  }
  const [best, runnerUp, smoothedWords] = topRegions(blocks, smoothed, c);
  return {
    logWords: Math.log10(1 + kept),
    proseKept: prose === 0 ? 0 : proseKept / prose,
    goodShare: kept === 0 ? 0 : goodKept / kept,
    goodKept: good === 0 ? 0 : goodKept / good,
    linkDensity: kept === 0 ? 0 : linkWords / kept,
    overridden: overridden / Math.max(kept, 1),
    records: kept === 0 ? 0 : records / kept,
    margin: best.value <= 0 ? 0 : 1 - Math.max(runnerUp.value, 0) / best.value,
    mainShare: smoothedWords === 0 ? 0 : best.words / smoothedWords,
    stopwords: kept === 0 ? 0 : stopwordWords / kept,
    sections: kept === 0 ? 0 : inSections / kept,
    pageShare: total === 0 ? 0 : kept / total,
    runs: Math.log10(1 + runs),
    blockWords: Math.log10(1 + kept / Math.max(keptBlocks, 1)),
    overGood: Math.log10((1 + kept) / (1 + good)),
    inArticle: kept === 0 ? 0 : articleKept / kept,
    articleKept: article === 0 ? 0 : articleKept / article,
    titleFound,
    beyondMain: Math.log10((1 + kept) / (1 + best.words)),
  };
}

/** Which weights judge a page: HTML's, a text dump's, or those of a dump wrapped at a fixed width (see confidenceModel). */
export type ConfidenceModel = 'html' | 'text' | 'wrapped';

/**
 * The model for a page. A dump wrapped at a fixed width (lynx's) cuts every paragraph into lines of a dozen words,
 * which no rule finds long enough to be confidently good: its measurements mean something else than those of a dump
 * with one line per paragraph (w3m's), and it has its own weights. A dump is taken for wrapped when no line, with its
 * indentation, is longer than `confidence.wrappedMaxColumns`.
 */
export function confidenceModel(blocks: readonly Block[], extractor: InputKind, c: Calibration): ConfidenceModel {
  if (extractor === 'html') return 'html';
  const max = c.confidence.wrappedMaxColumns;
  return blocks.every((b) => b.text.length + (b.features.indent ?? 0) <= max) ? 'wrapped' : 'text';
}

/** The confidence of an extraction: the page's model applied to its features, in [0, 1]; 0 when nothing was kept. */
export function articleConfidence(blocks: readonly Block[], extractor: InputKind, c: Calibration): number {
  if (!blocks.some((b) => b.label === 'content')) return 0;
  return confidenceFrom(confidenceFeatures(blocks, c), c.confidence[confidenceModel(blocks, extractor, c)]);
}

/** The logistic model: 1 / (1 + e^−(intercept + Σ weight × feature)), rounded to three decimals. */
export function confidenceFrom(features: ConfidenceFeatures, weights: ConfidenceWeights): number {
  let z = weights.intercept;
  for (const name of CONFIDENCE_FEATURES) z += weights[name] * features[name];
  return Math.round(1000 / (1 + Math.exp(-z))) / 1000;
}

/** The block's label once the per-block rules and smoothing had judged it, before any structural step: true for content. */
function labelBefore(b: Block): boolean {
  let label = b.initialLabel;
  for (const e of b.trace) if (e.stage === 'rules' || e.stage === 'smoothing') label = e.label;
  return label === 'content';
}

interface Stretch {
  value: number;
  words: number;
}

/**
 * The best stretch of blocks (content words minus the cost of the boilerplate crossed, as the regions stage values
 * it) on the labels after smoothing, the best stretch outside it, and the content words after smoothing.
 */
function topRegions(blocks: readonly Block[], content: readonly boolean[], c: Calibration): [Stretch, Stretch, number] {
  const r = c.regions;
  const values = blocks.map((b, i) => {
    if (content[i]) return b.features.words;
    const cost = b.features.words * r.gapCostPerWord + r.gapCostPerBlock;
    return b.tier === 'bad' ? -cost : -cost * r.uncertainGapShare;
  });
  let total = 0;
  for (let i = 0; i < blocks.length; i++) if (content[i]) total += blocks[i]!.features.words;
  const first = maxStretch(values, content, blocks, 0, values.length);
  const before = maxStretch(values, content, blocks, 0, first.from);
  const after = maxStretch(values, content, blocks, first.to + 1, values.length);
  return [first, before.value >= after.value ? before : after, total];
}

/** Kadane's maximum-sum stretch of values[from, to). */
function maxStretch(values: readonly number[], content: readonly boolean[], blocks: readonly Block[], from: number, to: number): Stretch & { from: number; to: number } {
  let best = { value: 0, words: 0, from: to, to: to - 1 };
  let sum = 0;
  let words = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    if (sum <= 0) [sum, words, start] = [0, 0, i];
    sum += values[i]!;
    if (content[i]) words += blocks[i]!.features.words;
    if (sum > best.value) best = { value: sum, words, from: start, to: i };
  }
  return best;
}
