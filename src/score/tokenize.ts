import { normalizeText } from './normalize.js';
import { forEachPiece } from '../lang/words.js';

/**
 * Tokenisation shared by every metric and by the diff. Two methods:
 *
 * - 'published' (the default): a token is exactly what Python's `re` `\w+` matches on the text as given, the
 *   tokenisation of both published harnesses (the scrapinghub benchmark's evaluate.py and WCXB's evaluate.py).
 *   Python's `\w` is "str.isalnum() or underscore": letters (\p{L}) and numbers (\p{N}) plus `_`. No
 *   normalisation: "é" written as e + U+0301 is the token "e" (the mark is no word character), as it is there.
 *   As a regular expression: PUBLISHED_TOKEN_PATTERN below.
 * - 'words': better words for text the published rule serves badly. The text is first composed (NFC, see
 *   normalize.ts); combining marks stay inside a word, so that Arabic with vowel signs, Devanagari, Bengali
 *   or Thai words (whose vowel signs and viramas are marks) stay whole instead of falling apart at every
 *   mark; runs in a script written without spaces (see UNSPACED_SCRIPT) are split into words by the ICU
 *   word segmenter, so a Chinese sentence is many words rather than one. As a regular expression, before
 *   the segmenter: WORD_RUN_PATTERN. Figures computed this way are never published figures: every report
 *   names the method next to them.
 *
 * On Latin, Cyrillic, Greek and other spaced text in NFC without combining marks the two give the same
 * tokens.
 *
 * The runs are found by a scan over a per-code-point class table rather than by the regular expressions:
 * Unicode property classes make V8's regex engine several times slower than a table lookup, and the scorer
 * tokenises tens of megabytes in a folder run. The table is built from the same property classes, so the
 * definitions cannot drift apart (a test checks them against each other).
 */

/** How texts are cut into tokens before scoring (see the top of this file). */
export type TokenMethod = 'published' | 'words';

/** The methods, in the order help texts list them; the first is the default. */
export const TOKEN_METHODS: readonly TokenMethod[] = ['published', 'words'];

/** The published token rule (Python's `\w+`) as a regular expression: the specification of publishedTokens. */
export const PUBLISHED_TOKEN_PATTERN = /[\p{L}\p{N}_]+/gu;

/** The 'words' run rule as a regular expression: the specification of the scanner's 'words' runs. */
export const WORD_RUN_PATTERN = /[\p{L}\p{N}_][\p{L}\p{N}\p{M}_]*/gu;

/** A letter, number or underscore: starts or continues a token. */
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;
/** A combining mark: continues a token, never starts one. */
const MARK_CHAR = /^\p{M}$/u;
/**
 * Scripts written without spaces between words. In these a whole clause is one run, so the run is split
 * into words with the ICU word segmenter (dictionary-based for Chinese, Japanese, Thai, Lao, Khmer and
 * Burmese). Korean (Hangul) separates words with spaces and needs no segmenter.
 */
const UNSPACED_SCRIPT =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u;

/** Class bits of a code point. */
const STARTS_WORD = 1;
const CONTINUES_WORD = 2;
const IN_UNSPACED_SCRIPT = 4;

/** Code points below this are looked up in the table; the rest (astral planes) are classified directly. */
const BMP_SIZE = 0x10000;

/** The class bits of one code point, from the property classes above. */
function classifyCodePoint(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  let bits = 0;
  if (WORD_CHAR.test(char)) bits |= STARTS_WORD | CONTINUES_WORD;
  else if (MARK_CHAR.test(char)) bits |= CONTINUES_WORD;
  if (UNSPACED_SCRIPT.test(char)) bits |= IN_UNSPACED_SCRIPT;
  return bits;
}

/**
 * The class bits of every Basic Multilingual Plane code point: immutable data, built on first use (about
 * 20 ms) so that commands which never score do not pay for it.
 */
let bmpClassTable: Uint8Array | undefined;

function bmpClasses(): Uint8Array {
  if (bmpClassTable === undefined) {
    const table = new Uint8Array(BMP_SIZE);
    for (let codePoint = 0; codePoint < BMP_SIZE; codePoint++) {
      // Lone surrogates are no characters; a valid pair is classified as its astral code point.
      if (!isSurrogate(codePoint)) table[codePoint] = classifyCodePoint(codePoint);
    }
    bmpClassTable = table;
  }
  return bmpClassTable;
}

/** One segmenter for the process: it is immutable, and building one loads ICU's dictionaries. */
const WORD_SEGMENTER = new Intl.Segmenter(undefined, { granularity: 'word' });

/** The tokens of a text by a method, case kept. */
export function tokenize(text: string, method: TokenMethod = 'published'): string[] {
  return method === 'published' ? publishedTokens(text) : wordTokens(text);
}

/**
 * The tokens of a text exactly as Python's `re.findall(r'\w+', text)` gives them: maximal runs of letters,
 * numbers and underscores, on the text as given.
 */
export function publishedTokens(text: string): string[] {
  const classes = bmpClasses();
  const tokens: string[] = [];
  let runStart = -1;
  let index = 0;
  while (index < text.length) {
    const codePoint = text.codePointAt(index) ?? 0;
    const width = codePoint >= BMP_SIZE ? 2 : 1;
    const bits = codePoint >= BMP_SIZE ? classifyCodePoint(codePoint) : (classes[codePoint] ?? 0);
    if ((bits & STARTS_WORD) !== 0) {
      if (runStart < 0) runStart = index;
    } else if (runStart >= 0) {
      tokens.push(text.slice(runStart, index));
      runStart = -1;
    }
    index += width;
  }
  if (runStart >= 0) tokens.push(text.slice(runStart));
  return tokens;
}

/**
 * The 'words' tokens of a text, case kept: every word-character run (see the top of this file), with runs in
 * an unspaced script further split into words. On text without such scripts the result is exactly the
 * WORD_RUN_PATTERN matches of the normalised text.
 */
export function wordTokens(text: string): string[] {
  const source = normalizeText(text);
  const classes = bmpClasses();
  const tokens: string[] = [];
  let runStart = -1;
  let runIsUnspaced = false;
  let index = 0;
  while (index < source.length) {
    const codePoint = source.codePointAt(index) ?? 0;
    const width = codePoint >= BMP_SIZE ? 2 : 1;
    const bits = codePoint >= BMP_SIZE ? classifyCodePoint(codePoint) : (classes[codePoint] ?? 0);
    if (runStart < 0) {
      if ((bits & STARTS_WORD) !== 0) {
        runStart = index;
        runIsUnspaced = (bits & IN_UNSPACED_SCRIPT) !== 0;
      }
    } else if ((bits & CONTINUES_WORD) !== 0) {
      if ((bits & IN_UNSPACED_SCRIPT) !== 0) runIsUnspaced = true;
    } else {
      pushRun(tokens, source.slice(runStart, index), runIsUnspaced);
      runStart = -1;
    }
    index += width;
  }
  if (runStart >= 0) pushRun(tokens, source.slice(runStart), runIsUnspaced);
  return tokens;
}

function pushRun(tokens: string[], run: string, unspaced: boolean): void {
  if (!unspaced) {
    tokens.push(run);
    return;
  }
  // A loop, not push(...words): a long unpunctuated run can hold more words than a call has arguments.
  for (const word of segmentRun(run)) tokens.push(word);
}

/**
 * Splits one run of word characters into the segmenter's word-like pieces. The run holds only word
 * characters, so every piece is itself a run of word characters.
 */
export function segmentRun(run: string): string[] {
  const words: string[] = [];
  // In bounded pieces: the segmenter's time grows with the square of a run's length (see SEGMENTER_MAX_CHARS).
  forEachPiece(run, (part) => {
    for (const piece of WORD_SEGMENTER.segment(part)) {
      if (piece.isWordLike === true) words.push(piece.segment);
    }
  });
  return words;
}

function isSurrogate(codeUnit: number): boolean {
  return codeUnit >= 0xd800 && codeUnit <= 0xdfff;
}
