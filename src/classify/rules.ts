import type { BlockFeatures, BlockKind } from '../blocks/block.js';
import { THRESHOLDS as T } from './thresholds.js';

/** Facts about the whole page that some rules compare a block with. */
export interface PageContext {
  /** Text dumps: the indentation carrying most of the page's prose-like words (the article's column). */
  dominantIndent?: number;
  /** Index of the first block of a comment section that follows the article's start, if any. */
  commentSectionStart?: number;
}

/** What a rule sees of a block. */
export interface RuleInput {
  index: number;
  text: string;
  kind: BlockKind;
  features: BlockFeatures;
  page: PageContext;
}

/** A rule's verdict: a weight added to the block's score, and the short code `--explain` prints. */
export interface Verdict {
  weight: number;
  reason: string;
}

/** A named, pure rule. Returns undefined when it has nothing to say about the block. */
export type Rule = (block: RuleInput) => Verdict | undefined;

const say = (weight: number, reason: string): Verdict => ({ weight, reason });

// ── rules shared by every extractor ──────────────────────────────────────────────────────────────────────

/** Length is the strongest single signal: articles are made of long blocks, furniture of short ones. */
export const length: Rule = ({ features: f }) => {
  if (f.words >= T.longWords) return say(T.longWeight, 'long');
  if (f.words >= T.mediumWords) return say(T.mediumWeight, 'medium-length');
  if (f.words < T.shortWords) return say(T.shortWeight, 'short');
  return undefined;
};

/** Prose is full of function words; lists of names and links are not. */
export const stopwordDensity: Rule = ({ features: f }) => {
  if (f.words < T.stopwordMinWords) return undefined;
  if (f.stopwordDensity >= T.stopwordRich) return say(T.stopwordRichWeight, 'stopword-rich');
  if (f.stopwordDensity < T.stopwordPoor) return say(T.stopwordPoorWeight, 'stopword-poor');
  return undefined;
};

/** A block that ends like a sentence is written text. */
export const sentenceEnd: Rule = ({ features: f }) =>
  f.terminalPunctuation ? say(T.terminalWeight, 'sentence-end') : undefined;

export const severalSentences: Rule = ({ features: f }) =>
  f.sentences >= 2 ? say(T.sentencesWeight, 'several-sentences') : undefined;

/** A short bulleted line is usually a menu entry. */
export const shortBullet: Rule = ({ features: f }) =>
  f.bullet && f.words <= T.bulletMaxWords ? say(T.bulletWeight, 'short-bullet') : undefined;

/** Share buttons, newsletter boxes, copyright lines and the like. */
export const menuPattern: Rule = ({ features: f }) =>
  f.menuPattern !== undefined ? say(T.menuPatternWeight, `menu:${f.menuPattern}`) : undefined;

/** Short Title Case lines without a full stop: menus and lists of headlines. */
export const titleCase: Rule = ({ features: f }) =>
  f.words >= 2 && f.words <= T.titleCaseMaxWords && !f.terminalPunctuation && f.capitalisedRatio >= T.titleCaseRatio
    ? say(T.titleCaseWeight, 'title-case')
    : undefined;

/** Dates, scores, prices and phone numbers. */
export const digitHeavy: Rule = ({ features: f }) =>
  f.digitRatio >= T.digitRatio ? say(T.digitWeight, 'digit-heavy') : undefined;

/**
 * Text dumps: renderers indent list items and nested boxes (teasers, comments, sidebars) while the article's
 * paragraphs share one column. A non-bulleted line off the prose column is rarely part of the article.
 * Bulleted lines are exempt: renderers indent the article's own lists too.
 */
export const offColumn: Rule = ({ features: f, page }) =>
  f.indent !== undefined && page.dominantIndent !== undefined && !f.bullet && f.indent !== page.dominantIndent
    ? say(T.offColumnWeight, 'off-column')
    : undefined;

/** Readers' comments follow a comment-section heading; the article does not continue under it. */
export const inCommentSection: Rule = ({ index, page }) =>
  page.commentSectionStart !== undefined && index >= page.commentSectionStart
    ? say(T.commentSectionWeight, 'in-comment-section')
    : undefined;

/** The rules every block goes through, in the order their reasons are listed. */
export const SHARED_RULES: readonly Rule[] = [
  length,
  stopwordDensity,
  sentenceEnd,
  severalSentences,
  shortBullet,
  menuPattern,
  titleCase,
  digitHeavy,
  offColumn,
  inCommentSection,
];
