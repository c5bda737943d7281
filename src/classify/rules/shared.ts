/**
 * Rules shared by every extractor: each a small named pure function of what it sees of a block (RuleInput), returning
 * a weight and a reason, or nothing. Their weights and thresholds are the calibration's `rules` section.
 */
import { isTitleCase } from '../shapes.js';
import {
  AUTHOR_BIO, COOKIE_CONSENT, DISCLAIMER, IMAGE_FILE_NAME, LEAD_IN_END, PHOTO_CREDIT, PLACEHOLDER_BRACKET,
  PLACEHOLDER_MAX_BRACKETS, PLACEHOLDER_REST, PROMOTION,
} from '../vocab.js';
import { say, type Rule } from './rule.js';

/** Length is the strongest single signal: articles are made of long blocks, furniture of short ones. */
export const length: Rule = ({ features: f, calibration: { rules: c } }) => {
  if (f.words >= c.longWords) return say(c.longWeight, 'long');
  if (f.words >= c.mediumWords) return say(c.mediumWeight, 'medium-length');
  if (f.words < c.shortWords) return say(c.shortWeight, 'short');
  return undefined;
};

/** Prose is full of function words; lists of names and links are not. */
export const stopwordDensity: Rule = ({ features: f, calibration: { rules: c } }) => {
  if (f.words < c.stopwordMinWords) return undefined;
  if (f.stopwordDensity >= c.stopwordRich) return say(c.stopwordRichWeight, 'stopword-rich');
  if (f.stopwordDensity < c.stopwordPoor) return say(c.stopwordPoorWeight, 'stopword-poor');
  return undefined;
};

/** A block that ends like a sentence is written text. */
export const sentenceEnd: Rule = ({ features: f, calibration: { rules: c } }) =>
  f.terminalPunctuation ? say(c.terminalWeight, 'sentence-end') : undefined;

export const severalSentences: Rule = ({ features: f, calibration: { rules: c } }) =>
  f.sentences >= c.severalSentences ? say(c.sentencesWeight, 'several-sentences') : undefined;

/** A short bulleted line is usually a menu entry. */
export const shortBullet: Rule = ({ features: f, calibration: { rules: c } }) =>
  f.bullet && f.words <= c.bulletMaxWords ? say(c.bulletWeight, 'short-bullet') : undefined;

/**
 * A numbered line that heads a section of the text ("3. Mental Health", then paragraphs, then "4. …"): short, Title
 * Case and numbered like a menu entry, it is the article's own heading.
 */
export const numberedHeading: Rule = ({ index, page, calibration: { rules: c } }) =>
  page.numberedHeadings?.has(index) === true ? say(c.numberedHeadingWeight, 'numbered-heading') : undefined;

/** Share buttons, newsletter boxes, copyright lines and the like. */
export const menuPattern: Rule = ({ features: f, calibration: { rules: c } }) =>
  f.menuPattern !== undefined ? say(c.menuPatternWeight, `menu:${f.menuPattern}`) : undefined;

/** Short Title Case lines without a full stop: menus and lists of headlines. */
export const titleCase: Rule = ({ features: f, calibration: { rules: c, shapes } }) =>
  f.words <= c.titleCaseMaxWords && isTitleCase(f, shapes.titleCase) ? say(c.titleCaseWeight, 'title-case') : undefined;

/** Dates, scores, prices and phone numbers. */
export const digitHeavy: Rule = ({ features: f, calibration: { rules: c } }) =>
  f.digitRatio >= c.digitRatio ? say(c.digitWeight, 'digit-heavy') : undefined;

/**
 * Text dumps: renderers indent list items and nested boxes (teasers, comments, sidebars) while the article's
 * paragraphs share one column. A non-bulleted line off the prose column is rarely part of the article.
 * Bulleted lines and code lines are exempt: renderers indent the article's own lists and code samples too. The rule holds only on pages whose
 * prose mostly shares one column: where teasers or comments hold as much prose as the article, the dominant
 * column may not be the article's.
 */
export const offColumn: Rule = ({ features: f, page, calibration: { rules: c } }) =>
  f.indent !== undefined &&
  page.dominantIndent !== undefined &&
  (page.dominantIndentShare ?? 1) >= c.offColumnMinShare &&
  !f.bullet &&
  f.codeLike !== true &&
  f.indent !== page.dominantIndent
    ? say(c.offColumnWeight, 'off-column')
    : undefined;

/** Readers' comments follow a comment-section heading; the article does not continue under it. */
export const inCommentSection: Rule = ({ sections, calibration: { rules: c } }) =>
  sections?.includes('comment') === true ? say(c.commentSectionWeight, 'in-comment-section') : undefined;

/** Teasers follow a related-content heading, up to the next heading: links to other articles, not this one. */
export const inRelatedSection: Rule = ({ sections, calibration: { rules: c } }) =>
  sections?.includes('related') === true ? say(c.relatedSectionWeight, 'in-related-section') : undefined;

/** "Jane Doe is a freelance writer based in…": the author's bio after the article. */
export const authorBio: Rule = ({ text, features: f, calibration: { rules: c } }) =>
  f.words <= c.authorBioMaxWords && AUTHOR_BIO.test(text) ? say(c.authorBioWeight, 'author-bio') : undefined;

/** A pitch for a newsletter or a subscription, a sentence or two long (shorter ones are menuPattern's). */
export const promotion: Rule = ({ lower, features: f, calibration: { rules: c, features } }) =>
  f.words > features.menuPatternMaxWords && f.words <= c.promotionMaxWords && PROMOTION.test(lower)
    ? say(c.promotionWeight, 'promotion')
    : undefined;

/** A cookie or consent notice: a paragraph of its own, often long, never the article. */
export const cookieConsent: Rule = ({ lower, features: f, calibration: { rules: c } }) =>
  f.words <= c.cookieConsentMaxWords && COOKIE_CONSENT.test(lower) ? say(c.cookieConsentWeight, 'cookie-consent') : undefined;

/** Legal small print (a disclaimer, a form's consent line): a paragraph of its own, never the article's text. */
export const disclaimer: Rule = ({ lower, features: f, calibration: { rules: c } }) =>
  f.words <= c.disclaimerMaxWords && DISCLAIMER.test(lower) ? say(c.disclaimerWeight, 'disclaimer') : undefined;

/** "Lorem ipsum dolor sit amet…": a template's placeholder paragraph, left in by the site (see FILLER_TEXT). */
export const fillerText: Rule = ({ filler, calibration: { rules: c } }) => (filler ? say(c.fillerTextWeight, 'filler-text') : undefined);

/** A caption: a block crediting a photographer or a picture agency describes an image, not the story. */
export const photoCredit: Rule = ({ lower, features: f, calibration: { rules: c } }) =>
  f.words <= c.captionMaxWords && PHOTO_CREDIT.test(lower) ? say(c.captionWeight, 'photo-credit') : undefined;

/** An image's alt text or file name, or an empty form field, as a text renderer draws them. */
export const placeholder: Rule = ({ text, features: f, calibration: { rules: c } }) =>
  f.words <= c.placeholderMaxWords && isRenderedPlaceholder(text) ? say(c.placeholderWeight, 'placeholder') : undefined;

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
export const codeLine: Rule = ({ features: f, calibration: { rules: c } }) => (f.codeLike === true ? say(c.codeLineWeight, 'code-line') : undefined);

/**
 * A sentence ending with a colon introduces what follows it (a list, a code sample, a table): it belongs with the
 * text, though it rarely ends like a sentence. Short labels ("Price:", "Tags:") are left to the other rules.
 */
export const leadIn: Rule = ({ text, features: f, calibration: { rules: c } }) =>
  f.words >= c.leadInMinWords && LEAD_IN_END.test(text) ? say(c.leadInWeight, 'lead-in') : undefined;

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
