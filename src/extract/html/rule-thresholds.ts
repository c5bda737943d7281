/**
 * Weights of the DOM rules (src/extract/html/rules.ts), on the same scale as the shared rules of
 * src/classify/thresholds.ts (a long prose block scores about +5; good ≥ 3; bad ≤ -3). Calibrated together
 * with them against the HTML pages of ../shared/datasets with `declutter score` folder mode.
 */
export const DOM_THRESHOLDS = Object.freeze({
  /** Link text above this share of a block's text: a menu or link list. */
  linkDense: 0.5,
  linkDenseWeight: -3,
  /** A prose paragraph above linkDense: citations, not navigation. */
  linkRichProseWeight: -0.5,
  /** Between linkSome and linkDense, in a block that is not prose. */
  linkSome: 0.25,
  linkSomeWeight: -1,
  /** What makes a block prose for the link rules. */
  proseMinWords: 12,
  proseMinStopwords: 0.2,
  navWeight: -3,
  footerWeight: -2.5,
  headerWeight: -2,
  asideWeight: -2,
  boilerplateClassWeight: -2,
  /**
   * A long block in a date or meta container: on many pages such a container holds the text. Not for author boxes
   * (their long block is the bio: wcxb-dev HTML 0.8571 → 0.8574, ten pages better and none worse), nor inside a
   * page landmark; meta at full weight lost (wcxb-dev 0.8563, scrapinghub 0.9609).
   */
  furnitureClassWeight: -1,
  /** Bylines, datelines and captions are short: below this many words the furniture words weigh more. */
  furnitureShortWords: 15,
  shortFurnitureClassWeight: -3,
  /**
   * A block in a container named caption or credit, whatever its length: a photo's caption runs to two sentences
   * as often as a byline stays short. Long captions weighed furnitureClassWeight before: scrapinghub HTML Zyte F1
   * 0.9630 → 0.9637, wcxb-dev unchanged (0.8570; two pages better, one worse); -6 gave 0.9641 but lost a gallery
   * page on wcxb-dev (0.777 → 0.624).
   */
  captionClassWeight: -3,
  contentClassWeight: 1,
  inArticleWeight: 1,
  linkListWeight: -1.5,
  /** A figure caption (figcaption): measured on the dev pages, -4 → -8 → -12 kept improving both sets, then flat. */
  figureCaptionWeight: -12,
  /** A boilerplate class word holding more than this share of a page's prose is the page's own structure. */
  structuralTokenShare: 0.9,
});
