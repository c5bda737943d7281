/**
 * Every threshold and weight of the classifier, in one place.
 *
 * These values were calibrated together against the dev sets in ../shared/datasets (text dumps and HTML),
 * measured with `declutter score` folder mode. They interact: a block's score is the sum of the rule weights,
 * and the smoothing and selection thresholds are set relative to that scale. Change one alone only with a
 * measurement of the whole set, not of one page.
 */
export const THRESHOLDS = Object.freeze({
  // ── per-block rules ────────────────────────────────────────────────────────────────────────────────────
  /** A block of this many words or more reads as running text. */
  longWords: 30,
  /** Weight of a long block. */
  longWeight: 3,
  /** A block of this many words or more is a real sentence or two. */
  mediumWords: 12,
  mediumWeight: 1.5,
  /** Blocks of fewer words are labels, menu entries, headlines or bylines more often than content. */
  shortWords: 5,
  shortWeight: -1.5,
  /** Stopword density needs this many words to mean anything. */
  stopwordMinWords: 4,
  /** Prose in any language is roughly a third function words; menus and headline lists are far below. */
  stopwordRich: 0.25,
  stopwordRichWeight: 1,
  stopwordPoor: 0.08,
  stopwordPoorWeight: -1,
  /** Ends like a sentence. */
  terminalWeight: 1,
  /** Two or more sentences. */
  sentencesWeight: 0.5,
  /** A short bulleted line is a menu entry more often than a list item of the article. */
  bulletMaxWords: 10,
  bulletWeight: -1,
  /**
   * A numbered section heading of a listicle ("3. Mental Health" with text before the next number; see
   * numberedHeadings in index.ts) cancels what made it look like a menu entry (short, bulleted, Title Case), so it
   * is left to its neighbours. wcxb-dev text word F1 0.7939 → 0.7957, HTML 0.8574 → 0.8575, scrapinghub unchanged.
   * Weights 2.5 to 7 measured within 0.0002.
   */
  numberedHeadingWeight: 3.5,
  /** Longest numbered line read as a heading… */
  numberedMaxWords: 15,
  /** …in a chain of at least this many numbers… */
  numberedMinChain: 3,
  /** …with at least this many words of text between two numbers (1, 4, 8, 12, 25 gave 0.7957 … 0.7948). */
  numberedMinGapWords: 1,
  /** Furniture vocabulary (share, subscribe, copyright…) only counts on blocks up to this long. */
  menuPatternMaxWords: 15,
  menuPatternWeight: -3,
  /** Capitalised Words In Every Position, short and without a full stop: menus and headline lists. */
  titleCaseRatio: 0.75,
  titleCaseMaxWords: 12,
  titleCaseWeight: -1,
  /** Share of digits above which a line is a date, a score table or a phone number. */
  digitRatio: 0.3,
  digitWeight: -1,
  /** Blocks under a comment-section heading. Strong: a long comment reads exactly like an article paragraph. */
  commentSectionWeight: -4,
  /** Blocks under a related-content heading, up to the next heading: teasers read like the article's paragraphs. */
  relatedSectionWeight: -6,
  /** A comment heading counts only after this many words of prose (a "Comments" link in the top menu does not). */
  commentSectionMinProseWords: 80,
  /** Attribution lines ("Jane says:") needed to recognise a comment thread that has no heading. */
  commentAttributionMinLines: 2,
  /** An author's bio is a short paragraph; a longer block naming a reporter is the article talking about one. */
  authorBioMaxWords: 80,
  /** Strong enough to make a long bio uncertain, so it only stays when the text around it is the article. */
  authorBioWeight: -4,
  /** A newsletter pitch is a sentence or two; a longer block about subscriptions is the article's subject. */
  promotionMaxWords: 40,
  /** Cookie notices (COOKIE_CONSENT) up to this many words; longer blocks mentioning cookies are about them. */
  cookieConsentMaxWords: 120,
  /**
   * Strong enough to outweigh a long paragraph of prose in a consent panel (-6 → -9: wcxb-dev word F1 HTML 0.8565 →
   * 0.8566, text 0.7937 → 0.7938, scrapinghub unchanged).
   */
  cookieConsentWeight: -9,
  promotionWeight: -3,
  /** Legal small print runs to a paragraph or two; longer text that mentions advice is an article about it. */
  disclaimerMaxWords: 120,
  disclaimerWeight: -6,
  /**
   * Template filler (FILLER_TEXT) at any length: strong enough to drop a long paragraph of it between the page's
   * paragraphs. 0% of such blocks' words are in the references of either set.
   */
  fillerTextWeight: -12,
  /** Captions are a sentence or two; a longer block mentioning a photo credit is text about photography. */
  captionMaxWords: 60,
  /**
   * Strong: a caption is a long sentence that would otherwise pass for prose and be rescued between paragraphs. At
   * -6 a medium-length caption inside an article ("… (Image: Getty)") stayed uncertain and was rescued; -8 makes
   * it boilerplate: scrapinghub HTML Zyte F1 0.9637 → 0.9641, text 0.9017 → 0.9015, wcxb-dev text 0.7938 → 0.7939,
   * HTML unchanged (-10 measured the same as -8).
   */
  captionWeight: -8,
  /** Image and form placeholders ("[logo]", "[ ]Email", "photo.jpg") are short; longer bracketed text is prose. */
  placeholderMaxWords: 8,
  placeholderWeight: -3,
  /** A line of source code: offsets the short and stopword-poor penalties so a code sample is uncertain, not bad (2 to 4 tried). */
  codeLineWeight: 3,
  /** A line ending with a colon introduces what follows when it is a sentence of at least this many words… */
  leadInMinWords: 4,
  /** …and then weighs a little more than the sentence end it lacks (1, 1.5, 2 and 3 to 5 words tried on both sets). */
  leadInWeight: 1.5,
  /** A text-dump line off the column where the page's prose sits. */
  offColumnWeight: -2.5,
  /** …applied only when that column holds at least this share of the page's prose words. */
  offColumnMinShare: 0.75,

  // ── DOM pages (the DOM rules' weights live in src/extract/html/rule-thresholds.ts) ──────────────────────
  /** Container coherence (container.ts): a block with at least this share of link text is navigational. */
  linkSomeRatio: 0.25,

  // ── labels and smoothing ────────────────────────────────────────────────────────────────────────────
  /** Score at or above which a block is confidently content before context is considered. */
  good: 3,
  /** Score at or below which a block is confidently boilerplate. */
  bad: -3,
  /** Between `bad` and `good`: decided by neighbours. Above this, a block next to good text joins it. */
  nearGood: 0.5,
  /**
   * Headings between short lines (lineHeadings in smooth.ts): a lone bad line no lower than `bad` minus this, followed by
   * a near-good line, is judged with its neighbours. wcxb-dev text word F1 0.7957 → 0.7978, scrapinghub text Zyte
   * F1 0.9015 → 0.9011 (margin 0.6: 0.7962; 1.1: 0.7966 and 0.9015; 3.1: 0.7978 and 0.9004). On DOM pages, for
   * heading elements only: wcxb-dev HTML 0.8589 → 0.8591, scrapinghub 0.9660 → 0.9663 (for any block it lost
   * listings: 0.8575 → 0.8573).
   */
  lineHeadingMargin: 2,
  /** A run of uncertain blocks between two good ones longer than this is an inserted menu, not the article. */
  maxRescuedRun: 12,
  /**
   * A longer run still joins when at least this share of it is near-good and it repeats no line (see readsAsText
   * in smooth.ts). wcxb-dev text word F1 0.7917 → 0.7931 (0.1: 0.7932, 0.15: 0.7931), scrapinghub text Zyte F1
   * 0.9020 → 0.9017, HTML unchanged. Without the repeated-line condition wcxb-dev gave 0.7937, but teaser lists
   * joined news stories (scrapinghub 0.9011).
   */
  runTextShare: 0.2,

  // ── container coherence (DOM only) ──────────────────────────────────────────────────────────────────
  /** The main container is the deepest one holding at least this share of the page's content words. */
  mainContainerShare: 0.7,
  /**
   * A class word carried by at least this share of the main container's content words belongs to the container
   * (or its ancestors); a furniture word below that share marks a box nested inside it, which the container does
   * not vouch for.
   */
  containerTokenShare: 0.5,

  /** Lists as units (smooth.ts): a list with more than this share of furniture items is a menu… */
  listMenuShare: 0.2,
  /** …or with more than this share of Title Case labels (a list of section or product names)… */
  listTitleShare: 0.8,
  /** …or whose items average fewer words than this (single-word entries are navigation). */
  listMinMeanWords: 2,

  // ── main-region selection ───────────────────────────────────────────────────────────────────────────
  /** Cost of crossing a boilerplate block inside a region, per word… */
  gapCostPerWord: 1,
  /** …and per block, so a long menu of tiny entries still separates two regions. */
  gapCostPerBlock: 4,
  /** Share of that cost for crossing a block that was uncertain rather than confidently boilerplate. */
  uncertainGapShare: 0.5,
  /** A second region is kept when it holds at least this share of the main region's words. */
  secondaryRegionShare: 0.3,
  /**
   * A smaller second region, down to this share of the main region's value, is kept when it is about the same thing:
   * at least `topicOverlap` of its topic words (no stopwords, three letters or more) are used in the main region. A
   * forum's later posts or an article's second half share its vocabulary; teasers for other stories do not.
   * wcxb-dev word F1 text 0.7987 → 0.7999, HTML 0.8577 → 0.8589; scrapinghub Zyte F1 text 0.9012 → 0.9006, HTML
   * unchanged. (Share 0.15 / overlap 0.3: text 0.7995 and 0.9000; 0.1 / 0.3: 0.8001 and 0.8994.)
   */
  topicRegionShare: 0.1,
  topicOverlap: 0.4,
  /** A region with fewer content words than this is never kept on its own. */
  minRegionWords: 20,
  /** Record-run fallback (pages without prose): bulleted or bad blocks tolerated inside a run of records… */
  recordRunMaxGap: 2,
  /** …and the fewest words such a run needs to be returned rather than nothing. */
  minRecordRunWords: 30,
  /** …and, in a text dump, the fewest record lines, unless they read as prose: a handful of link lists is a footer. */
  minRecordRunRecords: 10,
  /** A kept block of at least this many words is dropped when its exact text was already kept above it. */
  repeatedTextMinWords: 8,
  /** A record is shorter than running text. */
  recordMaxWords: 30,
  /** A record run this many times the main prose region's words is the page's content (a grid under an intro). */
  recordRunOverProse: 5,
  /** Priced runs (grid.ts, text dumps): price lines of at most this many words… */
  pricedRunMaxWords: 8,
  /** …at most this many lines apart… */
  pricedRunMaxGap: 12,
  /** …at least this many of them… */
  pricedRunMinRecords: 4,
  /** …are the page's content when their run has this many times the words of the main prose region. */
  pricedRunOverProse: 4,
  /** Record grids (grid.ts, DOM only): a grid has at least this many records… */
  gridMinRecords: 4,
  /**
   * …most of which (this share) hold a block of one shape (tag path and kind) somewhere: cards that open with a
   * "Sale" badge or a swatch list still share their title's shape. Requiring the same first block, as before,
   * missed such product grids: wcxb-dev word F1 HTML 0.8591 then, 0.8600 now.
   */
  gridMinSimilarity: 0.6,
  /** …and which average at least this many blocks (a menu's entries are one link each). */
  gridMinBlocksPerRecord: 2,
  /** …and which hold at least this share of their words outside links (a nested menu is links only). */
  gridMinTextShare: 0.25,
  /** …unless at least this share of the records show a price (a product grid, whose cards are all links). */
  gridPricedShare: 0.5,
  /** …and at most this many (a column of the page's layout holds dozens of blocks; 20, 30, 40 tried)… */
  gridMaxBlocksPerRecord: 30,
  /** …whose blocks average at most this many words (comment threads and forum posts are repeated prose: 12, 14). */
  gridMaxWordsPerBlock: 14,
  /** A grid with this many times the main prose region's words is the page's content (a listing, a product grid)… */
  gridOverProse: 2,
  /** …when at least this share of its records share one shape; a looser grid needs gridLooseOverProse times. */
  gridRegularSimilarity: 0.8,
  gridLooseOverProse: 3.5,
  /**
   * On a page without a prose region, a grid of link cards (no text share needed) is the content when it has this
   * many times the words of the record run and of the prose (select.ts; 0, 0.5 and 1 measured the same, 2 lower).
   */
  linkCardGridOverRun: 1,
  /** Kept blocks above the article's title heading that are at least this share list items are teasers (title.ts). */
  teasersAboveTitleListShare: 0.6,
});

export type Thresholds = typeof THRESHOLDS;

/**
 * The `--favor` presets shift every block's score by `bias` before the tiers are read (so more or fewer
 * uncertain blocks join the text) and change how big a secondary region must be to be kept.
 */
export const FAVOR_PRESETS = Object.freeze({
  balanced: { bias: 0, secondaryRegionShare: THRESHOLDS.secondaryRegionShare },
  precision: { bias: -0.75, secondaryRegionShare: 0.5 },
  recall: { bias: 0.75, secondaryRegionShare: 0.12 },
});
