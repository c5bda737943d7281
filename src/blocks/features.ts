import type { BlockFeatures, RawBlock } from './block.js';
import { forEachWord } from '../lang/words.js';
import { stopwordMask } from '../lang/stopwords.js';
import { BULLET, CODE_LINE, MENU_PATTERNS, SENTENCE_END, TERMINAL_PUNCTUATION } from '../classify/vocab.js';
import { THRESHOLDS } from '../classify/thresholds.js';

/** Characters matching the start of a capitalised word: an upper-case or title-case letter. */
const UPPER_START = /^[\p{Lu}\p{Lt}]/u;
/** A word that has case at all (Han, Arabic, Thai… do not, and must not count as lower-case). */
const CASED_START = /^[\p{Lu}\p{Lt}\p{Ll}]/u;
const DIGIT = /\p{Nd}/gu;

/**
 * Measures one block. `languageMask` selects whose stopwords count: the bit of the page's language, or every
 * language (all bits set) when the language is unknown.
 */
export function measureBlock(raw: RawBlock, index: number, count: number, languageMask: number): BlockFeatures {
  const text = raw.text;
  let words = 0;
  let stopwords = 0;
  let cased = 0;
  let capitalised = 0;
  forEachWord(text, (w) => {
    words++;
    if ((stopwordMask(w.toLowerCase()) & languageMask) !== 0) stopwords++;
    if (CASED_START.test(w)) {
      cased++;
      if (UPPER_START.test(w)) capitalised++;
    }
  });
  const chars = text.length;
  const digits = countMatches(text, DIGIT);
  const trimmed = text.trimEnd();
  return {
    words,
    chars,
    stopwordDensity: words === 0 ? 0 : stopwords / words,
    terminalPunctuation: TERMINAL_PUNCTUATION.test(trimmed),
    sentences: countMatches(trimmed, SENTENCE_END),
    capitalisedRatio: cased === 0 ? 0 : capitalised / cased,
    bullet: BULLET.test(text),
    digitRatio: chars === 0 ? 0 : digits / chars,
    menuPattern: words <= THRESHOLDS.menuPatternMaxWords ? menuPatternOf(text) : copyrightOnly(text),
    position: count <= 1 ? 0 : index / (count - 1),
    indent: raw.indent,
    ...(CODE_LINE.test(trimmed) ? { codeLike: true } : {}),
    linkDensity: 0,
    ...raw.dom,
  };
}

/** The name of the first furniture pattern the text matches (bullets stripped first). */
export function menuPatternOf(text: string): string | undefined {
  const body = text.replace(BULLET, '').trim().toLowerCase();
  for (const [name, pattern] of MENU_PATTERNS) if (pattern.test(body)) return name;
  return undefined;
}

/** A copyright notice is a line or two; a longer block mentioning copyright is about it. */
const COPYRIGHT_MAX_CHARS = 400;

/** Long blocks are exempt from furniture patterns, except a copyright notice at the foot of a page. */
function copyrightOnly(text: string): string | undefined {
  const copyright = MENU_PATTERNS[0]!;
  return text.length < COPYRIGHT_MAX_CHARS && copyright[1].test(text.toLowerCase()) ? copyright[0] : undefined;
}

function countMatches(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text) !== null) n++;
  return n;
}
