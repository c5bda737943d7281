/**
 * Every number the HTML segmentation and metadata code decides with, in one place, each with why.
 * None of these classify content: they bound costs and shape blocks. Classification thresholds live in
 * src/classify/.
 */

/**
 * Segments kept in a block's tagPath, counted from the block's element upwards. Ten covers
 * "body>div>div>main>article>div>div>p"-style paths of real pages; deeper prefixes are the same wrappers on every
 * block and only cost memory.
 */
export const TAG_PATH_MAX_SEGMENTS = 10;

/**
 * Container ids kept in a block's ancestor chain, nearest first kept. The selector looks for the subtree holding
 * the most good text, which is rarely more than a few dozen levels below the body; the outermost wrappers (html,
 * body, page wrapper) contain everything and tell nothing. Bounding the chain keeps a 100,000-deep page linear.
 * Measured on the dev sets (1,678 pages): the deepest container chain of a page's blocks has a median of 17,
 * a 99th percentile of 35 and a maximum of 51 (two pages exceed 48).
 */
export const ANCESTOR_CHAIN_MAX = 48;

/**
 * A table cell with more characters than this holds running text, so its table lays out a page. Data cells
 * are values, names, short descriptions.
 */
export const LAYOUT_TABLE_CELL_MAX_CHARS = 400;

/** Characters read from one element for a metadata value (a byline, an itemprop date): names and dates are short. */
export const METADATA_TEXT_MAX_CHARS = 200;

/** Byline-like elements (class author/byline, rel=author, itemprop=author) examined before giving up. */
export const BYLINE_CANDIDATES_MAX = 8;

/** An author name longer than this is a sentence or a bio, not a name. */
export const AUTHOR_MAX_CHARS = 100;

/** An author value with more words than this is a sentence or a bio, not a name (lists of names are split first). */
export const AUTHOR_MAX_WORDS = 8;

/** Characters of JSON-LD parsed per script: bounds the work on pages that inline megabytes of state as JSON-LD. */
export const JSON_LD_MAX_CHARS = 2_000_000;

/** Characters of <noscript> text read for the "enable JavaScript" signal. */
export const NOSCRIPT_TEXT_MAX_CHARS = 500;

/**
 * A page whose blocks hold fewer visible characters than this, and that shows a script application's marks (a
 * noscript asking for JavaScript, a script or script preload), is a client-rendered shell.
 * A page whose app root is empty is one below SCRIPT_ONLY_APP_ROOT_MAX_VISIBLE_CHARS: the shell's own header
 * and footer can hold a thousand characters. Calibrated on wcxb-dev's 19 single-page apps against its 1,478
 * other pages and scrapinghub's 181: the normal page with an empty app root and the least text has ~11,000
 * visible characters; the SPA shells flagged have 0–1,100.
 */
export const SCRIPT_ONLY_MAX_VISIBLE_CHARS = 400;
export const SCRIPT_ONLY_APP_ROOT_MAX_VISIBLE_CHARS = 2500;

/**
 * A tentative group (a hidden subtree or a <noscript>, see visibility.ts) is kept when it holds more text than
 * all visible blocks together and at least this many characters (so a hidden "Loading…" on an empty shell does
 * not count). No link-density condition: hidden product grids and link-list pages are link-dense too, and on the
 * dev sets a 0.5 cap lost more reference text than it kept junk out.
 */
export const TENTATIVE_MIN_CHARS = 200;

/**
 * An element holding at least this share of the page's block characters is the page's layout, and its furniture
 * class words are taken back from the blocks inside it (see dropWrapperTokens in block-records.ts). Measured on the dev
 * sets' HTML: 0.5 0.8558 / 0.9597, 0.6 0.8559 / 0.9613, 0.7 0.8560 / 0.9618, 0.8 0.8554 / 0.9619, 0.9 0.8546 /
 * 0.9615 (wcxb-dev word F1 / scrapinghub Zyte F1), against 0.8543 / 0.9625 without it.
 */
export const WRAPPER_TEXT_SHARE = 0.7;

/** Pages with fewer block characters keep every class word: on a page of a few lines the footer can hold most of it. */
export const WRAPPER_MIN_CHARS = 1000;

/** Title parts of at most this many words may be a site name or section dropped from a <title> with no known site name. */
export const TITLE_SUFFIX_MAX_WORDS = 4;

/** A title left with fewer words than this after dropping a suffix is not trusted; the full title is kept. */
export const TITLE_MIN_WORDS_AFTER_CUT = 2;

/** Years accepted in a published date: earlier or later values are parse accidents (ids, prices). */
export const DATE_MIN_YEAR = 1990;
export const DATE_MAX_YEAR = 2100;

/** Characters of a date string examined: real date strings are short; bounds regex work on odd values. */
export const DATE_MAX_CHARS = 100;

/**
 * Elements open at once when parsing (see parse.ts): deeper tags become siblings. Chromium's HTML parser caps the
 * tree at 512 the same way. Real pages stay far below: on the dev sets (1,678 pages) the parsed tree's depth has a
 * median of 19, a 99th percentile of 39 and a maximum of 56, so the cap never changes a real page's tree; it keeps
 * htmlparser2, whose open-element bookkeeping costs the depth on every tag, linear on a page nested 100,000 deep.
 */
export const MAX_NESTING_DEPTH = 512;
