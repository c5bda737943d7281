/**
 * Every threshold and weight of the classifier, in one object: a section per stage (and one for the shapes of text
 * that several stages test), each value with a line of why.
 *
 * These values were calibrated together against the dev sets in ../shared/datasets (text dumps and HTML), measured
 * with `declutter eval` on all four sets. They interact: a block's score is the sum of the rule weights, and the
 * smoothing and selection thresholds are set relative to that scale (a long prose block scores about +5; good ≥ 3;
 * bad ≤ -3). Change one alone only with a measurement of every set, not of one page.
 *
 * `declutter(input, { calibration })` takes a partial copy of this object whose values replace these (see
 * resolveCalibration), so a script can sweep or fit values without editing the source (scripts/calibrate.mjs).
 */

import type { ConfidenceWeights } from './confidence.js';

/** How much like running text a block must read (see isProse in shapes.ts). */
export interface ProseCut {
  /** Fewest words. */
  readonly minWords: number;
  /** Lowest share of stopwords. */
  readonly minStopwordDensity: number;
  /** The block must end like a sentence. */
  readonly sentenceEnd: boolean;
  /** A bulleted block may count. */
  readonly bullets: boolean;
}

/** What makes a short line a Title Case label (see isTitleCase in shapes.ts). */
export interface TitleCaseCut {
  /** Fewest words: one capitalised word is any short line. */
  readonly minWords: number;
  /** Lowest share of capitalised words. */
  readonly ratio: number;
}

/** What a `--favor` preset changes. */
export interface FavorPreset {
  /** Added to every block's score before its tier is read: more or fewer uncertain blocks join the text. */
  readonly bias: number;
  /** A second region is kept when it holds at least this share of the main region's value. */
  readonly secondaryRegionShare: number;
}

export const CALIBRATION = deepFreeze({
  // ── features (measured before any stage runs) ───────────────────────────────────────────────────────────
  features: {
    /** Furniture vocabulary (share, subscribe, copyright…) only counts on blocks up to this long. */
    menuPatternMaxWords: 15,
    /** A copyright notice is a line or two; a longer block mentioning copyright is about it. */
    copyrightMaxChars: 400,
    /** Blocks at least this long are used to guess the page's language (menus are poor evidence). */
    languageSampleMinChars: 40,
  },

  // ── shapes of text that several stages test (shapes.ts) ─────────────────────────────────────────────────
  shapes: {
    /**
     * Prose for the page's survey (where the text's column is, how much text comes before a comment or related
     * heading): a real sentence or two, rich in function words, not a bulleted menu entry. The same cut as the rules'
     * medium length and stopword-rich density, with which it was calibrated.
     */
    pageProse: { minWords: 12, minStopwordDensity: 0.25, sentenceEnd: false, bullets: false } satisfies ProseCut,
    /**
     * Prose for the DOM link rules: a paragraph that ends like a sentence and has function words; links in it are
     * citations, not navigation. Looser on stopwords than pageProse: linked names and titles lower the density.
     */
    citingProse: { minWords: 12, minStopwordDensity: 0.2, sentenceEnd: true, bullets: true } satisfies ProseCut,
    /** Capitalised Words In Every Position, without a full stop: menu entries, section and product names. */
    titleCase: { minWords: 2, ratio: 0.75 } satisfies TitleCaseCut,
    /**
     * A block with at least this share of link text has some links: not prose enough for its links to be citations
     * (DOM rules), navigational inside the main container (container coherence).
     */
    someLinks: 0.25,
  },

  // ── the rules stage: rules shared by every extractor (rules/shared.ts) ──────────────────────────────────
  rules: {
    /** A block of this many words or more reads as running text. */
    longWords: 30,
    /** Confident content on length alone (good ≥ 3), unless another rule speaks against it. */
    longWeight: 3,
    /** A block of this many words or more is a real sentence or two. */
    mediumWords: 12,
    /** Half a long block's weight: a sentence or two is text more often than not, but needs another sign. */
    mediumWeight: 1.5,
    /** Blocks of fewer words are labels, menu entries, headlines or bylines more often than content. */
    shortWords: 5,
    /** As much against as a medium block is for: a short block can still be a heading or a line of the text. */
    shortWeight: -1.5,
    /** Stopword density needs this many words to mean anything. */
    stopwordMinWords: 4,
    /** Prose in any language is roughly a third function words; menus and headline lists are far below. */
    stopwordRich: 0.25,
    /** A point for prose-like density: alone it does not make a block content. */
    stopwordRichWeight: 1,
    /** Below this share a block of words is names, links or keywords: prose never falls so low. */
    stopwordPoor: 0.08,
    /** A point against, as density is a point for. */
    stopwordPoorWeight: -1,
    /** A point for a block that ends like a sentence: menus and headlines rarely do. */
    terminalWeight: 1,
    /** Two or more sentence ends make a block several sentences… */
    severalSentences: 2,
    /** …which weighs a little more than one. */
    sentencesWeight: 0.5,
    /** A short bulleted line is a menu entry more often than a list item of the article. */
    bulletMaxWords: 10,
    /** A point against: the list may still be the article's (smoothing judges a bulleted list as one unit). */
    bulletWeight: -1,
    /**
     * A numbered section heading of a listicle ("3. Mental Health" with text before the next number; see
     * numberedHeadings in page-context.ts) cancels what made it look like a menu entry (short, bulleted, Title Case),
     * so it is left to its neighbours. wcxb-dev text word F1 0.7939 → 0.7957, HTML 0.8574 → 0.8575, scrapinghub
     * unchanged. Weights 2.5 to 7 measured within 0.0002.
     */
    numberedHeadingWeight: 3.5,
    /** A block matching furniture vocabulary (see features.menuPatternMaxWords). */
    menuPatternWeight: -3,
    /** Title Case lines (shapes.titleCase) up to this long are menus and headline lists; longer ones are headlines' leads. */
    titleCaseMaxWords: 12,
    /** A point against: the article's headings are Title Case too, and are judged with their neighbours. */
    titleCaseWeight: -1,
    /** Share of digits above which a line is a date, a score table or a phone number. */
    digitRatio: 0.3,
    /** A point against: an article's own figures and tables are judged with their neighbours. */
    digitWeight: -1,
    /** Blocks under a comment-section heading. Strong: a long comment reads exactly like an article paragraph. */
    commentSectionWeight: -4,
    /** Blocks under a related-content heading, up to the next heading: teasers read like the article's paragraphs. */
    relatedSectionWeight: -6,
    /** An author's bio is a short paragraph; a longer block naming a reporter is the article talking about one. */
    authorBioMaxWords: 80,
    /** Strong enough to make a long bio uncertain, so it only stays when the text around it is the article. */
    authorBioWeight: -4,
    /** A newsletter pitch is a sentence or two; a longer block about subscriptions is the article's subject. */
    promotionMaxWords: 40,
    /** As much as a menu pattern: a pitch is furniture however well it reads. */
    promotionWeight: -3,
    /** Cookie notices (COOKIE_CONSENT) up to this many words; longer blocks mentioning cookies are about them. */
    cookieConsentMaxWords: 120,
    /**
     * Strong enough to outweigh a long paragraph of prose in a consent panel (-6 → -9: wcxb-dev word F1 HTML 0.8565 →
     * 0.8566, text 0.7937 → 0.7938, scrapinghub unchanged).
     */
    cookieConsentWeight: -9,
    /** Legal small print runs to a paragraph or two; longer text that mentions advice is an article about it. */
    disclaimerMaxWords: 120,
    /** Strong: small print reads like prose and runs long, so it must outweigh a long block's length. */
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
    /** As much as a menu pattern: a drawn image or form field is never text. */
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
  },

  // ── the rules stage: rules only the DOM supports (rules/dom.ts) ─────────────────────────────────────────
  domRules: {
    /** Link text above this share of a block's text: a menu or link list (a list's share, for its items). */
    linkDense: 0.5,
    /** Confident furniture when short: a block of links is navigation. */
    linkDenseWeight: -3,
    /** A prose paragraph (shapes.citingProse) above linkDense: citations, not navigation. */
    linkRichProseWeight: -0.5,
    /** Between shapes.someLinks and linkDense, in a block that is not prose. */
    linkSomeWeight: -1,
    /** Inside nav: navigation by the page's own account. */
    navWeight: -3,
    /** The page's footer: furniture, though sites put notes and bylines there too. */
    footerWeight: -2.5,
    /** The page's header: furniture, though some pages put the headline and standfirst there. */
    headerWeight: -2,
    /** An aside: related links and boxes, sometimes a pull quote of the text. */
    asideWeight: -2,
    /** A furniture class word (FURNITURE_CLASS_WORDS): sites name classes loosely, so not confident alone. */
    boilerplateClassWeight: -2,
    /**
     * A long block in a date or meta container: on many pages such a container holds the text. Not for author boxes
     * (their long block is the bio: wcxb-dev HTML 0.8571 → 0.8574, ten pages better and none worse), nor inside a
     * page landmark; meta at full weight lost (wcxb-dev 0.8563, scrapinghub 0.9609).
     */
    furnitureClassWeight: -1,
    /** Bylines, datelines and captions are short: below this many words the furniture words weigh more. */
    furnitureShortWords: 15,
    /** …as much as a menu pattern: a short block in a byline or date box is the byline or the date. */
    shortFurnitureClassWeight: -3,
    /**
     * A block in a container named caption or credit, whatever its length: a photo's caption runs to two sentences
     * as often as a byline stays short. Long captions weighed furnitureClassWeight before: scrapinghub HTML Zyte F1
     * 0.9630 → 0.9637, wcxb-dev unchanged (0.8570; two pages better, one worse); -6 gave 0.9641 but lost a gallery
     * page on wcxb-dev (0.777 → 0.624).
     */
    captionClassWeight: -3,
    /** A content class word (CONTENT_CLASS_WORDS): a point for; sites name their page wrappers so too. */
    contentClassWeight: 1,
    /** Inside the article element: a point for; templates put comments and related boxes in it too. */
    inArticleWeight: 1,
    /** An item of a link list: more than some links, less than link-dense, as the item alone may have few links. */
    linkListWeight: -1.5,
    /** A figure caption (figcaption): measured on the dev pages, -4 → -8 → -12 kept improving both sets, then flat. */
    figureCaptionWeight: -12,
  },

  // ── the rules stage: facts about the whole page (page-context.ts) ───────────────────────────────────────
  pageContext: {
    /** A comment or related heading counts only after this many words of prose (a "Comments" link in the top menu does not). */
    commentSectionMinProseWords: 80,
    /**
     * DOM pages: a thread of readers' comments (page-context.ts, commentThread) needs at least this many words of the
     * article's prose outside comment containers before it…
     */
    threadMinArticleWords: 60,
    /** …a line naming the thread ("12 Comments") of at most this many words between the article and the comments… */
    commentLabelMaxWords: 12,
    /** …read in lines of at most this many characters (a line of post metadata may hold it as one of its items)… */
    commentLabelMaxChars: 200,
    /** …its comments' prose in at least this many separate units (one run of paragraphs is an article's wrapper)… */
    threadMinUnits: 3,
    /** Text dumps: most short lines (names, dates, links) between two comments' "Reply" lines, in the median; a forum's posts carry more. */
    replyMaxShortLines: 4,
    /** Text dumps: a comment's text is lines of at least this many words; shorter lines above it name its author. */
    replyBodyMinWords: 8,
    /** …and after its start at most this share of prose outside comment containers (answers of a Q&A page). */
    threadMaxOtherShare: 0.5,
    /** Attribution lines ("Jane says:") needed to recognise a comment thread that has no heading. */
    commentAttributionMinLines: 2,
    /** Longest text considered as a comment-section heading. */
    commentHeadingMaxChars: 80,
    /** Longest text considered as a comment's attribution line ("1. Jane says:"). */
    commentAttributionMaxChars: 80,
    /** Most words in a heading that opens a related-content section ("You may also like"). */
    relatedHeadingMaxWords: 8,
    /** Most words in a heading that opens the customer reviews. */
    reviewHeadingMaxWords: 6,
    /** Longest numbered line read as a listicle's section heading… */
    numberedMaxWords: 15,
    /** …in a chain of at least this many numbers… */
    numberedMinChain: 3,
    /** …with at least this many words of text between two numbers (1, 4, 8, 12, 25 gave 0.7957 … 0.7948). */
    numberedMinGapWords: 1,
    /** DOM pages: a unit class word holding more than this share of a page's prose is the page's own structure. */
    structuralTokenShare: 0.9,
    /** …where prose is a block of at least this many characters (the survey counts characters, not words). */
    proseSurveyMinChars: 80,
  },

  // ── tiers (read by every stage after the rules) ─────────────────────────────────────────────────────────
  tiers: {
    /** Score at or above which a block is confidently content before context is considered. */
    good: 3,
    /** Score at or below which a block is confidently boilerplate. */
    bad: -3,
    /** Between `bad` and `good`: decided by neighbours. Above this, a block next to good text joins it. */
    nearGood: 0.5,
  },

  // ── the --favor presets ─────────────────────────────────────────────────────────────────────────────────
  favor: {
    /** As calibrated. A second region is kept at 0.3 of the main one's value. */
    balanced: { bias: 0, secondaryRegionShare: 0.3 } satisfies FavorPreset,
    /** Every block a little less trusted, and a second region only when it is half as large as the main one. */
    precision: { bias: -0.75, secondaryRegionShare: 0.5 } satisfies FavorPreset,
    /** Every block a little more trusted, and any second region of an eighth of the main one's value. */
    recall: { bias: 0.75, secondaryRegionShare: 0.12 } satisfies FavorPreset,
  },

  // ── the smoothing stage (smooth.ts) ─────────────────────────────────────────────────────────────────────
  smoothing: {
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
    /** Lists as units: a list with more than this share of furniture items is a menu… */
    listMenuShare: 0.2,
    /** …or with more than this share of Title Case labels (a list of section or product names)… */
    listTitleShare: 0.8,
    /** …or whose items average fewer words than this (single-word entries are navigation). */
    listMinMeanWords: 2,
  },

  // ── the container stage (container.ts, DOM only) ────────────────────────────────────────────────────────
  container: {
    /** The main container is the deepest one holding at least this share of the page's content words. */
    mainContainerShare: 0.7,
    /**
     * A class word carried by at least this share of the main container's content words belongs to the container
     * (or its ancestors); a furniture word below that share marks a box nested inside it, which the container does
     * not vouch for.
     */
    containerTokenShare: 0.5,
  },

  // ── records: grids, priced runs and record runs (the grids and regions stages) ──────────────────────────
  records: {
    /** A record is shorter than running text. */
    recordMaxWords: 30,
    /** Record-run fallback (pages without prose): bulleted or bad blocks tolerated inside a run of records… */
    recordRunMaxGap: 2,
    /** …and the fewest words such a run (or a grid, or a priced run) needs to be returned rather than nothing. */
    minRecordRunWords: 30,
    /** …and, in a text dump, the fewest record lines, unless they read as prose: a handful of link lists is a footer. */
    minRecordRunRecords: 10,
    /** …whose stopwords, to read as prose, make at least this share of their words. */
    recordRunProseStopwords: 0.25,
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
    /** …a looser grid must outweigh the prose by more, as it may be a column of teasers beside the text. */
    gridLooseOverProse: 3.5,
    /**
     * On a page without a prose region, a grid of link cards (no text share needed) is the content when it has this
     * many times the words of the record run and of the prose (select.ts; 0, 0.5 and 1 measured the same, 2 lower).
     */
    linkCardGridOverRun: 1,
  },

  // ── the regions stage (select.ts) ───────────────────────────────────────────────────────────────────────
  regions: {
    /** Cost of crossing a boilerplate block inside a region, per word… */
    gapCostPerWord: 1,
    /** …and per block, so a long menu of tiny entries still separates two regions. */
    gapCostPerBlock: 4,
    /** Share of that cost for crossing a block that was uncertain rather than confidently boilerplate. */
    uncertainGapShare: 0.5,
    /** A region with fewer content words than this is never kept on its own. */
    minRegionWords: 20,
    /**
     * A smaller second region, down to this share of the main region's value, is kept when it is about the same thing:
     * at least `topicOverlap` of its topic words (no stopwords, `topicWordMinLetters` letters or more) are used in the
     * main region. A forum's later posts or an article's second half share its vocabulary; teasers for other stories
     * do not. wcxb-dev word F1 text 0.7987 → 0.7999, HTML 0.8577 → 0.8589; scrapinghub Zyte F1 text 0.9012 → 0.9006,
     * HTML unchanged. (Share 0.15 / overlap 0.3: text 0.7995 and 0.9000; 0.1 / 0.3: 0.8001 and 0.8994.)
     */
    topicRegionShare: 0.1,
    /** The share of such a region's topic words the main region must use (see topicRegionShare). */
    topicOverlap: 0.4,
    /** Shorter words ("the", "is", "of") say nothing of a topic, whatever the language. */
    topicWordMinLetters: 3,
  },

  // ── the guard of the selection stages (guard.ts) ───────────────────────────────────────────────────────────
  guards: {
    /**
     * A run of blocks good on their own evidence that a selection stage removed comes back when its words exceed this
     * many times the words the stage kept that are not confidently boilerplate.
     */
    runOverKept: 1,
    /**
     * …counting at least this share of all the words kept: a grid of product cards is confidently boilerplate block by
     * block, yet it is the page when the paragraph it drops is a short intro.
     */
    keptShare: 0.25,
  },

  // ── the repeated-text stage (repeated.ts) ───────────────────────────────────────────────────────────────
  repeatedText: {
    /** A kept block of at least this many words is dropped when its exact text was already kept above it. */
    minWords: 8,
  },

  // ── the title stage (title.ts) ──────────────────────────────────────────────────────────────────────────
  title: {
    /** The kept block repeating the page title is looked for up to this many kept blocks that are not headings. */
    searchParagraphs: 3,
    /** Kept blocks above the article's title heading that are at least this share list items are teasers. */
    teasersAboveTitleListShare: 0.6,
  },

  // ── the Article's confidence (confidence.ts) ───────────────────────────────────────────────────────────
  /**
   * The weights of the logistic model that turns a page's measurements (see ConfidenceFeatures) into the Article's
   * confidence, one set per extractor. Fitted by scripts/confidence.mjs against the per-page F1 of the four dev
   * sets (each set weighing the same); the README gives the measured rank correlations. They change no label.
   */
  confidence: {
    /** A text dump none of whose lines is longer than this (indentation included) is wrapped at a fixed width (lynx wraps at 80). */
    wrappedMaxColumns: 100,
    /** HTML pages: fitted on the four dev sets' HTML (leave-one-set-out Spearman 0.29 to 0.59, see the README). */
    html: {
      intercept: -2.111, logWords: 0.317, proseKept: 0.466, goodShare: 1.355, goodKept: -0.435, linkDensity: -0.916, overridden: 0.135, records: -0.236, margin: 1.036,
      mainShare: 0.384, stopwords: 1.204, sections: -0.863, pageShare: 1.184, runs: -0.806, blockWords: 0.233, overGood: 0.265, inArticle: 0.574, articleKept: -0.113, titleFound: -0.018, beyondMain: 0.106,
    } satisfies ConfidenceWeights,
    /** Text dumps with a line per paragraph (w3m's): fitted on their pages of the four sets. */
    text: {
      intercept: -3.443, logWords: 0.694, proseKept: -0.208, goodShare: 0.796, goodKept: 0.416, linkDensity: 0, overridden: 0.426, records: 0.806, margin: 0.515,
      mainShare: 0.998, stopwords: 2.371, sections: -0.903, pageShare: 1.321, runs: -1.358, blockWords: 0.166, overGood: -0.203, inArticle: 0, articleKept: 0, titleFound: 0, beyondMain: 0.562,
    } satisfies ConfidenceWeights,
    /** Text dumps wrapped at a fixed width (lynx's; see wrappedMaxColumns): fitted on their pages of the four sets. */
    wrapped: {
      intercept: -2.678, logWords: 0.452, proseKept: 0.997, goodShare: -0.866, goodKept: -0.345, linkDensity: 0, overridden: -1.24, records: -0.023, margin: 0.139,
      mainShare: 0.211, stopwords: 0.839, sections: 0, pageShare: -0.105, runs: -0.351, blockWords: 1.412, overGood: 0.142, inArticle: 0, articleKept: 0, titleFound: 0, beyondMain: -0.111,
    } satisfies ConfidenceWeights,
  },
});

/** The calibration's shape: every value a number, a flag, or a section of them. */
export type Calibration = typeof CALIBRATION;

type DeepReadonly<T> = { readonly [K in keyof T]: T[K] extends object ? DeepReadonly<T[K]> : T[K] };

/** A partial copy of the calibration: any section, any value, left out where the default stands. */
export type CalibrationOverride = DeepPartial<Calibration>;

type DeepPartial<T> = { readonly [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/**
 * The calibration with an override's values in place of the defaults. Throws a TypeError naming the value when the
 * override names one the calibration does not have, or gives a value of another type (a string for a number, a
 * number that is not finite); the library's other inputs never throw, but a calibration is written by a program.
 */
export function resolveCalibration(override: CalibrationOverride | undefined): Calibration {
  if (override === undefined) return CALIBRATION;
  return deepFreeze(merge(CALIBRATION, override, 'calibration')) as unknown as Calibration;
}

function merge(base: object, override: unknown, path: string): object {
  if (!isPlainObject(override)) throw new TypeError(`${path}: expected an object of calibration values`);
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const at = `${path}.${key}`;
    if (!Object.hasOwn(base, key)) throw new TypeError(`${at}: no such calibration value`);
    const current = (base as Record<string, unknown>)[key];
    if (typeof current === 'object' && current !== null) out[key] = merge(current, value, at);
    else if (typeof current === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`${at}: expected a finite number, got ${describe(value)}`);
      out[key] = value;
    } else if (typeof value !== typeof current) {
      throw new TypeError(`${at}: expected a ${typeof current}, got ${describe(value)}`);
    } else out[key] = value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** Freezes an object and every object inside it (iteratively: the calibration is shallow, but overrides are not trusted). */
function deepFreeze<T extends object>(root: T): DeepReadonly<T> {
  const pending: object[] = [root];
  for (let o = pending.pop(); o !== undefined; o = pending.pop()) {
    Object.freeze(o);
    for (const value of Object.values(o)) if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) pending.push(value);
  }
  return root as DeepReadonly<T>;
}
