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
 * Measured on the dev sets: the deepest container chain of a text block is 59 (one page); 99.9% are under 40.
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
 * A page whose blocks hold fewer visible characters than this, and that shows a script application's marks (an
 * empty app root, a noscript asking for JavaScript), is a client-rendered shell: its content is loaded by script.
 * Calibrated on wcxb-dev: see the report in index.ts's doc comment.
 */
export const SCRIPT_ONLY_MAX_VISIBLE_CHARS = 400;

/**
 * Share of link characters above which a list counts as a list of links (menus, tag clouds, related lists);
 * reported per list item as listLinkDensity, the classifier decides what to do with it.
 */
export const LINK_LIST_MIN_DENSITY = 0.5;

/** Title parts of at most this many words may be a site name or section dropped from a <title> with no known site name. */
export const TITLE_SUFFIX_MAX_WORDS = 4;

/** A title left with fewer words than this after dropping a suffix is not trusted; the full title is kept. */
export const TITLE_MIN_WORDS_AFTER_CUT = 2;

/** Years accepted in a published date: earlier or later values are parse accidents (ids, prices). */
export const DATE_MIN_YEAR = 1990;
export const DATE_MAX_YEAR = 2100;

/** Characters of a date string examined: real date strings are short; bounds regex work on odd values. */
export const DATE_MAX_CHARS = 100;
