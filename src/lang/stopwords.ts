import { STOPWORD_LISTS } from './stopword-lists.cjs';

/**
 * Stopword lists from the maintained `stopword` package (function words, 60+ languages).
 * We prefer function-word lists to the "most comprehensive" ones: those list words like "home", "page" or
 * "world" as stopwords, which would make a menu look like prose.
 *
 * Languages are keyed by ISO 639-1 code. The set covers the most common languages of the web, CJK included.
 */

const lists = STOPWORD_LISTS;

/** ISO 639-1 code → the `stopword` package's ISO 639-3 list name. */
const LANGUAGE_LISTS: ReadonlyArray<readonly [string, string]> = [
  ['en', 'eng'], ['de', 'deu'], ['fr', 'fra'], ['es', 'spa'], ['pt', 'por'], ['it', 'ita'], ['nl', 'nld'],
  ['ru', 'rus'], ['uk', 'ukr'], ['pl', 'pol'], ['cs', 'ces'], ['sk', 'slk'], ['sv', 'swe'], ['da', 'dan'],
  ['no', 'nob'], ['fi', 'fin'], ['tr', 'tur'], ['hu', 'hun'], ['ro', 'ron'], ['el', 'ell'], ['ar', 'ara'],
  ['fa', 'fas'], ['he', 'heb'], ['hi', 'hin'], ['id', 'ind'], ['vi', 'vie'], ['zh', 'zho'], ['ja', 'jpn'],
  ['ko', 'kor'], ['th', 'tha'], ['bg', 'bul'], ['hr', 'hrv'],
];

export const LANGUAGES: readonly string[] = LANGUAGE_LISTS.map(([code]) => code);

/**
 * One map from lower-cased word to a bit mask of the languages listing it: a page's words are looked up once,
 * whatever the number of languages. 32 languages fit the 32 bits of a JS integer used with `>>>`.
 */
const WORD_LANGUAGES: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  LANGUAGE_LISTS.forEach(([, listName], bit) => {
    const words = lists[listName];
    if (!Array.isArray(words)) throw new Error(`stopword list ${listName} is missing from the stopword package`);
    for (const w of words as string[]) {
      const key = w.toLowerCase();
      map.set(key, ((map.get(key) ?? 0) | (1 << bit)) >>> 0);
    }
  });
  return map;
})();

/** The length of the longest stopword of any list: a longer word is never one. */
export const MAX_STOPWORD_LENGTH: number = (() => {
  let max = 0;
  for (const w of WORD_LANGUAGES.keys()) max = Math.max(max, w.length);
  return max;
})();

/** Bit mask of the languages whose stopword list contains the (lower-cased) word; 0 if none. */
export function stopwordMask(lowerWord: string): number {
  return WORD_LANGUAGES.get(lowerWord) ?? 0;
}

/** Bit of one language in a stopword mask, or 0 when the language has no list. */
export function languageBit(language: string | undefined): number {
  if (language === undefined) return 0;
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? '';
  const i = LANGUAGES.indexOf(primary === 'nb' || primary === 'nn' ? 'no' : primary);
  return i < 0 ? 0 : (1 << i) >>> 0;
}

export function languageOfBit(bit: number): string | undefined {
  for (let i = 0; i < LANGUAGES.length; i++) if ((((1 << i) >>> 0) & bit) !== 0) return LANGUAGES[i];
  return undefined;
}
