import type { BlockFeatures, BlockKind } from '../blocks/block.js';
import { THRESHOLDS as T } from './thresholds.js';
import { AUTHOR_BIO, COOKIE_CONSENT, DISCLAIMER, FILLER_TEXT, LEAD_IN_END, PROMOTION, PHOTO_CREDIT, IMAGE_FILE_NAME, PLACEHOLDER_BRACKET, PLACEHOLDER_MAX_BRACKETS, PLACEHOLDER_REST } from './vocab.js';

/** Facts about the whole page that some rules compare a block with. */
export interface PageContext {
  /** Text dumps: the indentation carrying most of the page's prose-like words (the article's column). */
  dominantIndent?: number;
  /** Share of the prose-like words that sit in that column (low when a page has two columns of prose). */
  dominantIndentShare?: number;
  /** Index of the first block of a comment section that follows the article's start, if any. */
  commentSectionStart?: number;
  /** Sections of teasers under a related-content heading ("You may also like"): [first block, end) each. */
  relatedSections?: readonly (readonly [number, number])[];
  /**
   * DOM pages: class words under which most of the page's prose sits (a forum's posts in "comment"
   * containers, a listing's items in "card" ones). They describe the page's own structure, so rules must not
   * count them against a block. Provided by the extractor.
   */
  structuralTokens?: ReadonlySet<string>;
  /** Numbered section headings of a listicle ("3. Mental Health" between paragraphs): see numberedHeadings in index.ts. */
  numberedHeadings?: ReadonlySet<number>;
}

/** What a rule sees of a block. */
export interface RuleInput {
  index: number;
  text: string;
  /** The text lower-cased, once per block, for the vocabularies matched case-blind. */
  lower: string;
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

/**
 * A numbered line that heads a section of the text ("3. Mental Health", then paragraphs, then "4. …"): short, Title
 * Case and numbered like a menu entry, it is the article's own heading.
 */
export const numberedHeading: Rule = ({ index, page }) =>
  page.numberedHeadings?.has(index) === true ? say(T.numberedHeadingWeight, 'numbered-heading') : undefined;

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
 * Bulleted lines and code lines are exempt: renderers indent the article's own lists and code samples too. The rule holds only on pages whose
 * prose mostly shares one column: where teasers or comments hold as much prose as the article, the dominant
 * column may not be the article's.
 */
export const offColumn: Rule = ({ features: f, page }) =>
  f.indent !== undefined &&
  page.dominantIndent !== undefined &&
  (page.dominantIndentShare ?? 1) >= T.offColumnMinShare &&
  !f.bullet &&
  f.codeLike !== true &&
  f.indent !== page.dominantIndent
    ? say(T.offColumnWeight, 'off-column')
    : undefined;

/** The reason inCommentSection gives: record grids read it too (a comment thread is not a listing). */
export const IN_COMMENT_SECTION = 'in-comment-section';
/** Readers' comments follow a comment-section heading; the article does not continue under it. */
export const inCommentSection: Rule = ({ index, page }) =>
  page.commentSectionStart !== undefined && index >= page.commentSectionStart
    ? say(T.commentSectionWeight, IN_COMMENT_SECTION)
    : undefined;

/** The reason inRelatedSection gives: container coherence reads it too (the main container does not vouch for teasers). */
export const IN_RELATED_SECTION = 'in-related-section';

/** Teasers follow a related-content heading, up to the next heading: links to other articles, not this one. */
export const inRelatedSection: Rule = ({ index, page }) =>
  page.relatedSections?.some(([from, to]) => index >= from && index < to) === true
    ? say(T.relatedSectionWeight, IN_RELATED_SECTION)
    : undefined;

/** "Jane Doe is a freelance writer based in…": the author's bio after the article. */
export const authorBio: Rule = ({ text, features: f }) =>
  f.words <= T.authorBioMaxWords && AUTHOR_BIO.test(text) ? say(T.authorBioWeight, 'author-bio') : undefined;

/** A pitch for a newsletter or a subscription, a sentence or two long (shorter ones are menuPattern's). */
export const promotion: Rule = ({ lower, features: f }) =>
  f.words > T.menuPatternMaxWords && f.words <= T.promotionMaxWords && PROMOTION.test(lower)
    ? say(T.promotionWeight, 'promotion')
    : undefined;

/** A cookie or consent notice: a paragraph of its own, often long, never the article. */
export const cookieConsent: Rule = ({ lower, features: f }) =>
  f.words <= T.cookieConsentMaxWords && COOKIE_CONSENT.test(lower)
    ? say(T.cookieConsentWeight, 'cookie-consent')
    : undefined;

/** Legal small print (a disclaimer, a form's consent line): a paragraph of its own, never the article's text. */
export const disclaimer: Rule = ({ lower, features: f }) =>
  f.words <= T.disclaimerMaxWords && DISCLAIMER.test(lower) ? say(T.disclaimerWeight, 'disclaimer') : undefined;

/** The reason fillerText gives: record grids read it too (a template's sample cards are not a listing). */
export const FILLER = 'filler-text';
/** "Lorem ipsum dolor sit amet…": a template's placeholder paragraph, left in by the site. */
export const fillerText: Rule = ({ lower }) => (FILLER_TEXT.test(lower) ? say(T.fillerTextWeight, FILLER) : undefined);

/** A caption: a block crediting a photographer or a picture agency describes an image, not the story. */
export const photoCredit: Rule = ({ lower, features: f }) =>
  f.words <= T.captionMaxWords && PHOTO_CREDIT.test(lower) ? say(T.captionWeight, 'photo-credit') : undefined;

/** An image's alt text or file name, or an empty form field, as a text renderer draws them. */
export const placeholder: Rule = ({ text, features: f }) =>
  f.words <= T.placeholderMaxWords && isRenderedPlaceholder(text) ? say(T.placeholderWeight, 'placeholder') : undefined;

/** "[logo]", "[ ][Sign Up]", "[ ]Email", "photo_01.jpg" (see PLACEHOLDER_BRACKET in vocab.ts). */
export function isRenderedPlaceholder(text: string): boolean {
  if (IMAGE_FILE_NAME.test(text)) return true;
  let rest = text;
  let brackets = 0;
  for (let m = PLACEHOLDER_BRACKET.exec(rest); m !== null && brackets < PLACEHOLDER_MAX_BRACKETS; m = PLACEHOLDER_BRACKET.exec(rest)) {
    rest = rest.slice(m[0].length);
    brackets++;
  }
  return brackets > 0 && PLACEHOLDER_REST.test(rest);
}

/**
 * A line of source code: short, symbol-heavy and indented, it looks like furniture to every other rule. The
 * weight lifts it to uncertain, so a code sample between two paragraphs joins them while one beside menus does not.
 */
export const codeLine: Rule = ({ features: f }) => (f.codeLike === true ? say(T.codeLineWeight, 'code-line') : undefined);

/**
 * A sentence ending with a colon introduces what follows it (a list, a code sample, a table): it belongs with the
 * text, though it rarely ends like a sentence. Short labels ("Price:", "Tags:") are left to the other rules.
 */
export const leadIn: Rule = ({ text, features: f }) =>
  f.words >= T.leadInMinWords && LEAD_IN_END.test(text) ? say(T.leadInWeight, 'lead-in') : undefined;

/** The rules every block goes through, in the order their reasons are listed. */
export const SHARED_RULES: readonly Rule[] = [
  length,
  stopwordDensity,
  sentenceEnd,
  severalSentences,
  shortBullet,
  numberedHeading,
  menuPattern,
  titleCase,
  digitHeavy,
  offColumn,
  inCommentSection,
  inRelatedSection,
  cookieConsent,
  disclaimer,
  fillerText,
  authorBio,
  placeholder,
  photoCredit,
  promotion,
  codeLine,
  leadIn,
];
