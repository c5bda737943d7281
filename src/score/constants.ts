/**
 * The scorer's fixed numbers, each with why it has this value. The first is fixed by the published
 * benchmark and must not be tuned; the others only decide what `diff` reports, never a figure.
 */

/**
 * Tokens per shingle in the Zyte (scrapinghub) article-extraction benchmark. Fixed by the published
 * evaluate.py (`ngram_n=4`): changing it makes our figures incomparable with every published table.
 */
export const SHINGLE_SIZE = 4;

/**
 * A reference sentence is reported missing when less than this fraction of its units (4-token shingles, or
 * tokens for a sentence shorter than one shingle) occurs in the candidate. One half reads as "most of it is
 * absent": a sentence that lost a clause is still reported, a sentence re-punctuated or with one word changed
 * is not.
 */
export const MISSING_FOUND_BELOW = 0.5;

/**
 * A candidate line is reported extra when less than this fraction of its units occurs in the reference;
 * the same rule as MISSING_FOUND_BELOW, seen from the other side.
 */
export const EXTRA_FOUND_BELOW = 0.5;
