import type { BlockFeatures, RawBlock } from './block.js';
import { countStopwords, scanWords, type WordScan } from '../lang/scan.js';
import { BULLET, CODE_LINE, MENU_PATTERNS, SENTENCE_END, TERMINAL_PUNCTUATION, type MenuPatternName } from './vocab.js';

/** A decimal digit of any script (checked only for non-ASCII characters: ASCII digits are compared by code). */
const NON_ASCII_DIGIT = /\p{Nd}/u;

/** The limits the measurements take from the classifier's calibration (its `features` section). */
export interface FeatureLimits {
  /** Furniture vocabulary only counts on blocks up to this many words… */
  readonly menuPatternMaxWords: number;
  /** …except a copyright notice, on blocks shorter than this many characters. */
  readonly copyrightMaxChars: number;
}

/**
 * Measures one block. `languageMask` selects whose stopwords count: the bit of the page's language, or every
 * language (all bits set) when the language is unknown. `scan` is the block's word scan when the caller has it.
 */
export function measureBlock(
  raw: RawBlock,
  index: number,
  count: number,
  languageMask: number,
  limits: FeatureLimits,
  scan: WordScan = scanWords(raw.text),
): BlockFeatures {
  const text = raw.text;
  const { words, cased, capitalised } = scan;
  const stopwords = countStopwords(scan, languageMask);
  const chars = text.length;
  const digits = countDigits(text);
  const trimmed = text.trimEnd();
  const dom = raw.dom;
  // Every block's features get the same fields in the same order (absent ones undefined): one object shape for
  // the whole page, so the rules' many reads of them stay monomorphic.
  return {
    words,
    chars,
    stopwordDensity: words === 0 ? 0 : stopwords / words,
    terminalPunctuation: TERMINAL_PUNCTUATION.test(trimmed),
    sentences: countMatches(trimmed, SENTENCE_END),
    capitalisedRatio: cased === 0 ? 0 : capitalised / cased,
    bullet: BULLET.test(text),
    digitRatio: chars === 0 ? 0 : digits / chars,
    menuPattern: words <= limits.menuPatternMaxWords ? menuPatternOf(text) : copyrightOnly(text, limits.copyrightMaxChars),
    position: count <= 1 ? 0 : index / (count - 1),
    indent: raw.indent,
    codeLike: CODE_LINE.test(trimmed) ? true : undefined,
    linkDensity: dom === undefined ? 0 : dom.linkDensity,
    tagPath: dom?.tagPath,
    classTokens: dom?.classTokens,
    depth: dom?.depth,
    inArticle: dom?.inArticle,
    tag: dom?.tag,
    landmark: dom?.landmark,
    linkCount: dom?.linkCount,
    containerId: dom?.containerId,
    ancestors: dom?.ancestors,
    listLinkDensity: dom?.listLinkDensity,
    collapsed: dom?.collapsed,
  };
}

/** The name of the first furniture pattern the text matches (bullets stripped first). */
export function menuPatternOf(text: string): MenuPatternName | undefined {
  const body = text.replace(BULLET, '').trim().toLowerCase();
  for (const [name, pattern] of MENU_PATTERNS) if (pattern.test(body)) return name;
  return undefined;
}

/** Long blocks are exempt from furniture patterns, except a copyright notice (a line or two) at the foot of a page. */
function copyrightOnly(text: string, maxChars: number): MenuPatternName | undefined {
  const copyright = MENU_PATTERNS[0];
  return text.length < maxChars && copyright[1].test(text.toLowerCase()) ? copyright[0] : undefined;
}

/** Decimal digits of any script, in one pass over the code units. */
function countDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x39) {
      if (c >= 0x30) n++;
    } else if (c >= 0x660) {
      // A digit outside the BMP (mathematical digits…) is a surrogate pair: test the whole code point.
      const pair = c >= 0xd800 && c <= 0xdbff;
      if (NON_ASCII_DIGIT.test(pair ? text.slice(i, i + 2) : text[i]!)) n++;
      if (pair) i++;
    }
  }
  return n;
}

function countMatches(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text) !== null) n++;
  return n;
}
