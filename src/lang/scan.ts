/**
 * One pass over a block's words, shared by the language guess and the block features: each word's stopword
 * languages (as a bit mask, see stopwords.ts) and its case. Both consumers read the scan, so no text is split
 * into words twice.
 */
import { forEachWord } from './words.js';
import { MAX_STOPWORD_LENGTH, stopwordMask } from './stopwords.js';

export interface WordScan {
  words: number;
  /** Words whose first letter has case at all (Han, Arabic, Thai… do not). */
  cased: number;
  /** Cased words that start with an upper-case or title-case letter. */
  capitalised: number;
  /** Stopword language mask of each word, in order (0 for a word no list has). */
  masks: Uint32Array;
}

const UPPER_START = /^[\p{Lu}\p{Lt}]/u;
const CASED_START = /^[\p{Lu}\p{Lt}\p{Ll}]/u;

const CODE_A = 0x41;
const CODE_Z = 0x5a;
const CODE_LOWER_A = 0x61;
const CODE_LOWER_Z = 0x7a;
const FIRST_NON_ASCII = 0x80;

/** Scratch space for the masks of one block, grown as needed; the scan copies out what it used. */
let scratch = new Uint32Array(1024);

export function scanWords(text: string): WordScan {
  let words = 0;
  let cased = 0;
  let capitalised = 0;
  forEachWord(text, (w) => {
    if (words === scratch.length) {
      const grown = new Uint32Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    // Words longer than every stopword cannot be one: no lower-casing, no lookup.
    scratch[words++] = w.length > MAX_STOPWORD_LENGTH ? 0 : stopwordMask(w.toLowerCase());
    const c = w.charCodeAt(0);
    if (c < FIRST_NON_ASCII) {
      if (c >= CODE_A && c <= CODE_Z) {
        cased++;
        capitalised++;
      } else if (c >= CODE_LOWER_A && c <= CODE_LOWER_Z) cased++;
    } else if (CASED_START.test(w)) {
      cased++;
      if (UPPER_START.test(w)) capitalised++;
    }
  });
  return { words, cased, capitalised, masks: scratch.slice(0, words) };
}

/** How many of the scanned words are stopwords of a language in `languageMask`. */
export function countStopwords(scan: WordScan, languageMask: number): number {
  let n = 0;
  const masks = scan.masks;
  for (let i = 0; i < masks.length; i++) if ((masks[i]! & languageMask) !== 0) n++;
  return n;
}
