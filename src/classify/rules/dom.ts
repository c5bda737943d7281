/**
 * Rules that only the DOM can support: links, landmarks, class and id words, article containers. They run after the
 * shared rules (length, stopwords, punctuation…) on pages whose blocks carry DOM features, and add to the same
 * score. Their weights are the calibration's `domRules` section.
 */
import { FURNITURE_CLASS_WORDS } from '../../blocks/vocab.js';
import { hasSomeLinks, isProse } from '../shapes.js';
import { CONTENT_CLASS_WORDS, LINE_FURNITURE_CLASS_WORDS, TEASER_BOX_CLASS_WORDS } from '../vocab.js';
import { say, type Rule } from './rule.js';

function firstToken(tokens: readonly string[] | undefined, set: ReadonlySet<string>, skip?: ReadonlySet<string>): string | undefined {
  if (tokens === undefined) return undefined;
  for (const t of tokens) if (set.has(t) && skip?.has(t) !== true) return t;
  return undefined;
}

/**
 * Mostly link text: menus, link lists, tag clouds. A real paragraph full of citations is exempt (the most common
 * complaint about extractors is a real paragraph removed for being link-dense): it only loses a little. Not in a
 * box of links to other pages ("more stories", a sidebar): there a linked paragraph of prose is a teaser.
 */
export const linkDensity: Rule = ({ features: f, calibration: { domRules: c, shapes } }) => {
  if (f.linkDensity >= c.linkDense) {
    const citations = isProse(f, shapes.citingProse) && firstToken(f.classTokens, TEASER_BOX_CLASS_WORDS) === undefined;
    return citations ? say(c.linkRichProseWeight, 'link-rich-prose') : say(c.linkDenseWeight, 'link-dense');
  }
  if (hasSomeLinks(f, shapes.someLinks) && !isProse(f, shapes.citingProse)) return say(c.linkSomeWeight, 'some-links');
  return undefined;
};

/** Inside nav, a page-level header or footer, or an aside. */
export const landmark: Rule = ({ features: f, calibration: { domRules: c } }) => {
  switch (f.landmark) {
    case 'nav':
      return say(c.navWeight, 'in-nav');
    case 'footer':
      return say(c.footerWeight, 'in-footer');
    case 'header':
      return say(c.headerWeight, 'in-header');
    case 'aside':
      return say(c.asideWeight, 'in-aside');
    default:
      return undefined;
  }
};

/** Class and id words of the block and its ancestors. */
export const classWords: Rule = ({ features: f, page, calibration: { domRules: c } }) => {
  const bad = firstToken(f.classTokens, FURNITURE_CLASS_WORDS, page.structuralTokens);
  if (bad !== undefined) return say(c.boilerplateClassWeight, `class:${bad}`);
  const furniture = firstToken(f.classTokens, LINE_FURNITURE_CLASS_WORDS);
  if (furniture !== undefined) {
    // A caption is a caption however long, and a long block in an author box is the author's bio. A byline or a
    // dateline is a line, and a long block in a container named "meta" or "date" is often the text, unless the box
    // sits in a page landmark (a meta box in the footer).
    if (furniture === 'caption') return say(c.captionClassWeight, 'class:caption');
    const line = f.words < c.furnitureShortWords || f.landmark !== undefined || furniture === 'author';
    return say(line ? c.shortFurnitureClassWeight : c.furnitureClassWeight, `class:${furniture}`);
  }
  const good = firstToken(f.classTokens, CONTENT_CLASS_WORDS);
  if (good !== undefined) return say(c.contentClassWeight, `class:${good}`);
  return undefined;
};

/** Inside article, main, [itemprop=articleBody] or a schema.org Article. */
export const inArticle: Rule = ({ features: f, calibration: { domRules: c } }) =>
  f.inArticle === true ? say(c.inArticleWeight, 'in-article') : undefined;

/** An item of a list whose items are mostly links: a menu or a link list, even when this item has few links. */
export const linkList: Rule = ({ kind, features: f, calibration: { domRules: c, shapes } }) =>
  kind === 'list-item' && f.listLinkDensity !== undefined && f.listLinkDensity >= c.linkDense && !isProse(f, shapes.citingProse)
    ? say(c.linkListWeight, 'link-list')
    : undefined;

/**
 * A figure's caption (figcaption, a table caption): it describes an image, not the story, and readers' copies of an
 * article leave it out. Strong, so no neighbouring paragraph or container carries it back in.
 */
export const figureCaption: Rule = ({ kind, calibration: { domRules: c } }) =>
  kind === 'caption' ? say(c.figureCaptionWeight, 'figure-caption') : undefined;

export const DOM_RULES: readonly Rule[] = [linkDensity, landmark, classWords, inArticle, linkList, figureCaption];
