/**
 * Word splitting for block features. Words are runs of letters, marks, digits (and inner apostrophes); runs of
 * scripts written without spaces (Han, Kana, Hangul without spaces, Thai…) are split by Intl.Segmenter, so a
 * Chinese paragraph counts as many words rather than one.
 */

/** A word: letters/marks/digits/underscore, with inner apostrophes (don't, l'homme). Linear: no nested quantifiers. */
const WORD = /[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}\p{N}_]+)*/gu;

/** Scripts written without spaces between words: these runs go through the segmenter. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * The lowest code point of those scripts (Thai, U+0E00): text without any character from there up cannot hold
 * them, and this one-range test is much cheaper than the script-property test it guards.
 */
const FROM_THAI_UP = /[\u0E00-\uFFFF]/;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * Longest piece of an unspaced run handed to the segmenter at once. ICU's dictionary segmentation takes time in
 * the square of the run's length (32,000 characters of Han without punctuation: 0.1–0.2 s; 300 KB: minutes), and
 * real text breaks its runs with punctuation every few dozen characters (no run in the dev sets reaches 200).
 * Pieces of 1,000 cost about half a microsecond a character; a word cut at a piece's edge counts as two.
 */
export const SEGMENTER_MAX_CHARS = 1000;

/** True when the text contains a script that needs dictionary segmentation. */
export function hasUnspacedScript(text: string): boolean {
  return FROM_THAI_UP.test(text) && UNSPACED_SCRIPT.test(text);
}

/** Splits text into words; calls `visit` for each (avoids building arrays on the hot path). */
export function forEachWord(text: string, visit: (word: string) => void): void {
  const segment = hasUnspacedScript(text);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const run = m[0];
    if (segment && UNSPACED_SCRIPT.test(run)) {
      forEachPiece(run, (piece) => {
        for (const seg of segmenter.segment(piece)) if (seg.isWordLike === true) visit(seg.segment);
      });
    } else {
      visit(run);
    }
  }
}

/** The run in pieces of at most SEGMENTER_MAX_CHARS, never cutting a surrogate pair. */
export function forEachPiece(run: string, visit: (piece: string) => void): void {
  if (run.length <= SEGMENTER_MAX_CHARS) return visit(run);
  for (let start = 0; start < run.length;) {
    let end = Math.min(run.length, start + SEGMENTER_MAX_CHARS);
    const last = run.charCodeAt(end - 1);
    if (end < run.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    visit(run.slice(start, end));
    start = end;
  }
}

export function words(text: string): string[] {
  const out: string[] = [];
  forEachWord(text, (w) => out.push(w));
  return out;
}
