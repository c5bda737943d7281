/**
 * Every reason a block's trace can hold, with one line saying what it means: `--explain`, the README and the report
 * read them from here. The type checker holds this table and the Reason codes (src/blocks/trace.ts) together: a code
 * without a description, or a description without a code, does not compile.
 */
import type { Reason, ReasonCode, TraceEntry } from '../blocks/trace.js';

/** What a reason does to the block. */
export type ReasonEffect =
  /** A rule's weight, added to the block's score. */
  | 'score'
  /** How the block is judged, not yet its label. */
  | 'tier'
  /** The block's label, set from its context (printed after an arrow: "→good"). */
  | 'label';

export interface ReasonInfo {
  readonly effect: ReasonEffect;
  /** One line: what the block was found to be or do. */
  readonly description: string;
}

const rule = (description: string): ReasonInfo => ({ effect: 'score', description });
const label = (description: string): ReasonInfo => ({ effect: 'label', description });

/** The description of every reason code, in the order the stages give them. */
export const REASONS: { readonly [code in ReasonCode]: ReasonInfo } = Object.freeze({
  // rules shared by every extractor
  long: rule('long enough to be running text'),
  'medium-length': rule('a sentence or two long'),
  short: rule('a few words: a label, a menu entry, a headline or a byline more often than text'),
  'stopword-rich': rule('rich in function words, as prose is'),
  'stopword-poor': rule('almost no function words: names, links, keywords'),
  'sentence-end': rule('ends like a sentence'),
  'several-sentences': rule('holds two sentences or more'),
  'short-bullet': rule('a short bulleted line: a menu entry more often than a list item of the text'),
  'numbered-heading': rule("a listicle's numbered section heading (\"3. Mental Health\" with text before the next number)"),
  menu: rule('furniture vocabulary; NAME is the pattern: copyright, share, social, subscribe, account, legal, cookie-notice, more-link, navigation, advert, related, comments, tags, form-status'),
  'title-case': rule('short Title Case line without a full stop: a menu entry or a headline'),
  'digit-heavy': rule('mostly digits: a date, a score, a price or a phone number'),
  'off-column': rule("text dump: a line off the column where the page's prose sits"),
  'in-comment-section': rule('after the heading or the attribution lines that open readers\' comments, or (HTML) in the comment containers of a thread under the article'),
  'in-related-section': rule('under a related-content heading ("You may also like"), up to the next heading'),
  'cookie-consent': rule('a cookie or consent notice, or a part of a consent panel'),
  disclaimer: rule("legal small print: a disclaimer, a form's consent line"),
  'filler-text': rule('template placeholder text ("Lorem ipsum…")'),
  'author-bio': rule("the author's bio (\"Jane Doe is a freelance writer…\")"),
  placeholder: rule("an image's alt text or file name, or an empty form field, as a text renderer draws them"),
  'photo-credit': rule('credits a photographer or a picture agency: an image caption'),
  promotion: rule('a pitch for a newsletter or a subscription, or an affiliate disclosure'),
  'code-line': rule('a line of source code, so a code sample is judged with the text around it'),
  'lead-in': rule('a sentence ending with a colon, introducing what follows'),
  // rules only the DOM supports
  'link-rich-prose': rule('a paragraph of prose that is mostly link text: citations, only slightly penalised'),
  'link-dense': rule('mostly link text: a menu, a link list, a tag cloud, a teaser'),
  'some-links': rule('some link text in a block that is not prose'),
  'in-nav': rule('inside a nav element or role=navigation'),
  'in-footer': rule("inside the page's footer"),
  'in-header': rule("inside the page's header"),
  'in-aside': rule('inside an aside element or role=complementary'),
  class: rule('a class or id word of the block or its containers; WORD is the word: furniture words (nav, sidebar, share…) and bylines, dates and captions weigh against, content words (article, post, body…) for'),
  'in-article': rule('inside article, main, [itemprop=articleBody] or a schema.org Article'),
  'link-list': rule('an item of a list whose items are mostly links'),
  'figure-caption': rule("a figure's or a table's caption"),
  // smoothing
  good: label('confident content on its own evidence'),
  bad: label('confident boilerplate on its own evidence'),
  'article-list': label("an uncertain item of a bulleted list that sits in the text and does not read like a menu"),
  'line-heading': { effect: 'tier', description: 'a lone, mildly bad line followed by text: judged with its neighbours, as a heading' },
  'between-good': label('uncertain, between two confident content blocks'),
  'between-bad': label('uncertain, between two confident boilerplate blocks (or the page edge)'),
  'near-good-beside-good': label('almost good, next to confident content'),
  'uncertain-beside-bad': label('uncertain, next to confident boilerplate'),
  // container coherence
  'in-main-container': label('uncertain, inside the container holding most of the content'),
  'outside-main-container': label('not confidently content, or in a furniture box, outside the container holding most of the content'),
  // grids and regions
  'record-grid': label('a record of the grid (a listing, a product grid) that is the page\'s content'),
  'outside-record-grid': label('outside the grid that is the page\'s content, or repeating a record already kept'),
  'priced-run': label('text dump: a line of the run of priced cards that is the page\'s content'),
  'outside-priced-run': label('outside the run of priced cards that is the page\'s content, or repeating a line of it'),
  'outside-main-region': label('content far from the article: outside every region kept'),
  'list-in-region': label('a bulleted line inside a kept region, not confidently boilerplate'),
  'record-run': label('a record of the longest run of records, on a page without prose enough for a region'),
  'outweighs-selection': label('good on its own evidence, in a run that outweighs what the grid or region selection kept: the selection does not drop it'),
  // repeated text
  'repeated-text': label('the same text as a block kept above it'),
  // title
  title: label('repeats the page title, which is metadata, not body'),
  'above-title': label('a teaser kept above the heading that repeats the page title'),
});

/** The code of a reason: "menu:share" → "menu". */
export function reasonCode(reason: Reason): ReasonCode {
  const colon = reason.indexOf(':');
  return (colon < 0 ? reason : reason.slice(0, colon)) as ReasonCode;
}

/**
 * One line saying what a reason means ("menu:share" is described as its family "menu"), or undefined for a string
 * that is no reason. A "→" before it, as `block.reasons` writes a stage's reasons, is ignored.
 */
export function describeReason(reason: string): string | undefined {
  const code = reasonCode((reason.startsWith('→') ? reason.slice(1) : reason) as Reason);
  return Object.hasOwn(REASONS, code) ? REASONS[code].description : undefined;
}

/** A trace entry as `block.reasons` and `--explain` write it: the reason, after an arrow when it sets the label. */
export function reasonText(entry: TraceEntry): string {
  return REASONS[reasonCode(entry.reason)].effect === 'label' ? `→${entry.reason}` : entry.reason;
}

/** A reason code as the README lists it: a family's code with its parameter ("menu:NAME", "class:WORD"). */
function reasonHeading(code: ReasonCode): string {
  if (code === 'menu') return 'menu:NAME';
  if (code === 'class') return 'class:WORD';
  return code;
}

/** The README's table of reasons, generated from REASONS (scripts/readme-reasons.mjs writes it; test/classify-stages.test.ts compares). */
export function reasonsMarkdown(): string {
  const rows = (Object.keys(REASONS) as ReasonCode[]).map((code) => {
    const { effect, description } = REASONS[code];
    const shown = effect === 'label' ? `→${reasonHeading(code)}` : reasonHeading(code);
    return `| \`${shown}\` | ${EFFECT_WORDS[effect]} | ${description.replaceAll('|', '\\|')} |`;
  });
  return ['| reason | does | meaning |', '|---|---|---|', ...rows].join('\n');
}

const EFFECT_WORDS: { readonly [effect in ReasonEffect]: string } = {
  score: 'weight',
  tier: 'judged with neighbours',
  label: 'sets the label',
};
