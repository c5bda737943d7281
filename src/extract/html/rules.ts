import type { RawBlock } from '../../blocks/block.js';
import type { Rule, Verdict } from '../../classify/rules.js';
import { FURNITURE_CLASS_WORDS } from '../../classify/vocab.js';
import { DOM_THRESHOLDS as T } from './rule-thresholds.js';

/**
 * Rules that only the DOM can support: links, landmarks, class and id words, article containers.
 * They run after the shared rules (length, stopwords, punctuation…) and add to the same score.
 */

const say = (weight: number, reason: string): Verdict => ({ weight, reason });

/** Class/id words that mark page furniture wherever they appear in a block's ancestry. */
const BOILERPLATE_TOKENS = FURNITURE_CLASS_WORDS;
/** Article furniture: bylines, dates, captions. Mild: some references keep them, most do not. */
const FURNITURE_TOKENS: ReadonlySet<string> = new Set(['author', 'date', 'meta', 'caption']);
/** Words sites use for the container of the main text. */
const CONTENT_TOKENS: ReadonlySet<string> = new Set(['article', 'content', 'post', 'entry', 'body', 'story', 'text', 'main', 'blog']);

function firstToken(tokens: readonly string[] | undefined, set: ReadonlySet<string>, skip?: ReadonlySet<string>): string | undefined {
  if (tokens === undefined) return undefined;
  for (const t of tokens) if (set.has(t) && skip?.has(t) !== true) return t;
  return undefined;
}

/**
 * Class words that name a unit of text which is the content on some pages: a forum's posts are "comments", a
 * listing's items are "cards" or "teasers", and some blog engines put the post itself in a "widget". Other
 * furniture words never name a page's content (taking every one of them at the same share measured worse).
 */
const UNIT_TOKENS: ReadonlySet<string> = new Set(['comment', 'teaser', 'widget']);

/**
 * Class words of a box that points elsewhere: its link-dense prose is teasers for other pages, not a paragraph with
 * citations. Taking every furniture word measured worse: a service page's own text sits in "promo" cards.
 */
const TEASER_BOX_TOKENS: ReadonlySet<string> = new Set(['sidebar', 'related', 'recommended', 'trending', 'more']);

/** A block long enough to be prose, by characters (features are not measured yet when the page is surveyed). */
const PROSE_SURVEY_MIN_CHARS = 80;

/**
 * The unit class words under which more than `structuralTokenShare` of the page's prose characters sit.
 * On a forum thread the posts are "comments"; on a listing the items are "cards": there the word names the
 * page's own structure, and the class rule ignores it.
 */
export function structuralTokens(blocks: readonly RawBlock[]): ReadonlySet<string> {
  const chars = new Map<string, number>();
  let total = 0;
  for (const b of blocks) {
    if (b.text.length < PROSE_SURVEY_MIN_CHARS) continue;
    total += b.text.length;
    for (const t of new Set(b.dom?.classTokens)) if (UNIT_TOKENS.has(t)) chars.set(t, (chars.get(t) ?? 0) + b.text.length);
  }
  const out = new Set<string>();
  for (const [t, c] of chars) if (c > total * T.structuralTokenShare) out.add(t);
  return out;
}

/** A block that reads as prose: several words, sentence punctuation, function words. Links in it are citations. */
function isProse(f: Parameters<Rule>[0]['features']): boolean {
  return f.words >= T.proseMinWords && f.terminalPunctuation && f.stopwordDensity >= T.proseMinStopwords;
}

/**
 * Mostly link text: menus, link lists, tag clouds. A real paragraph full of citations is exempt (the most common
 * complaint about extractors is a real paragraph removed for being link-dense): it only loses a little. Not in a
 * box of links to other pages ("more stories", a sidebar): there a linked paragraph of prose is a teaser.
 */
export const linkDensity: Rule = ({ features: f }) => {
  if (f.linkDensity >= T.linkDense) {
    const citations = isProse(f) && firstToken(f.classTokens, TEASER_BOX_TOKENS) === undefined;
    return citations ? say(T.linkRichProseWeight, 'link-rich-prose') : say(T.linkDenseWeight, 'link-dense');
  }
  if (f.linkDensity >= T.linkSome && !isProse(f)) return say(T.linkSomeWeight, 'some-links');
  return undefined;
};

/** Inside nav, a page-level header or footer, or an aside. */
export const landmark: Rule = ({ features: f }) => {
  switch (f.landmark) {
    case 'nav':
      return say(T.navWeight, 'in-nav');
    case 'footer':
      return say(T.footerWeight, 'in-footer');
    case 'header':
      return say(T.headerWeight, 'in-header');
    case 'aside':
      return say(T.asideWeight, 'in-aside');
    default:
      return undefined;
  }
};

/** Class and id words of the block and its ancestors. */
export const classWords: Rule = ({ features: f, page }) => {
  const bad = firstToken(f.classTokens, BOILERPLATE_TOKENS, page.structuralTokens);
  if (bad !== undefined) return say(T.boilerplateClassWeight, `class:${bad}`);
  const furniture = firstToken(f.classTokens, FURNITURE_TOKENS);
  if (furniture !== undefined) {
    // A caption is a caption however long, and a long block in an author box is the author's bio. A byline or a
    // dateline is a line, and a long block in a container named "meta" or "date" is often the text, unless the box
    // sits in a page landmark (a meta box in the footer).
    if (furniture === 'caption') return say(T.captionClassWeight, 'class:caption');
    const line = f.words < T.furnitureShortWords || f.landmark !== undefined || furniture === 'author';
    return say(line ? T.shortFurnitureClassWeight : T.furnitureClassWeight, `class:${furniture}`);
  }
  const good = firstToken(f.classTokens, CONTENT_TOKENS);
  if (good !== undefined) return say(T.contentClassWeight, `class:${good}`);
  return undefined;
};

/** Inside article, main, [itemprop=articleBody] or a schema.org Article. */
export const inArticle: Rule = ({ features: f }) => (f.inArticle === true ? say(T.inArticleWeight, 'in-article') : undefined);

/** An item of a list whose items are mostly links: a menu or a link list, even when this item has few links. */
export const linkList: Rule = ({ kind, features: f }) =>
  kind === 'list-item' && f.listLinkDensity !== undefined && f.listLinkDensity >= T.linkDense && !isProse(f)
    ? say(T.linkListWeight, 'link-list')
    : undefined;

/**
 * A figure's caption (figcaption, a table caption): it describes an image, not the story, and readers' copies of an
 * article leave it out. Strong, so no neighbouring paragraph or container carries it back in.
 */
export const figureCaption: Rule = ({ kind }) => (kind === 'caption' ? say(T.figureCaptionWeight, 'figure-caption') : undefined);

export const DOM_RULES: readonly Rule[] = [linkDensity, landmark, classWords, inArticle, linkList, figureCaption];
