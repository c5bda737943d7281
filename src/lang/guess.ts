import { LANGUAGES } from './stopwords.js';
import { scanWords, type WordScan } from './scan.js';

/** Words sampled to guess a page's language: enough to be stable, bounded so huge pages cost nothing more. */
const SAMPLE_WORDS = 4000;
/** A language is only claimed when at least this share of the sampled words are its stopwords. */
const MIN_STOPWORD_SHARE = 0.04;

/**
 * A page's declared language is kept when its stopwords cover at least this share of what the best language's
 * cover: templates often declare the site's default language over text in another one.
 */
const DECLARED_LANGUAGE_MIN_SHARE = 0.6;

/**
 * Guesses the language of a text as the one whose stopwords cover most of its words. Texts are usually the
 * page's longer blocks (menus are poor evidence). Returns an ISO 639-1 code, or undefined when no language
 * reaches MIN_STOPWORD_SHARE.
 */
export function guessLanguage(texts: Iterable<string>, declared?: string): string | undefined {
  return guessLanguageFromScans(scansOf(texts), declared);
}

function* scansOf(texts: Iterable<string>): Generator<WordScan> {
  for (const text of texts) yield scanWords(text);
}

/** guessLanguage over texts already scanned (see scan.ts): the classifier scans every block once. */
export function guessLanguageFromScans(scans: Iterable<WordScan>, declared?: string): string | undefined {
  const counts = new Array<number>(LANGUAGES.length).fill(0);
  let total = 0;
  for (const scan of scans) {
    const masks = scan.masks;
    const n = Math.min(masks.length, SAMPLE_WORDS - total);
    for (let w = 0; w < n; w++) {
      let mask = masks[w]!;
      for (let i = 0; mask !== 0; i++, mask >>>= 1) if ((mask & 1) !== 0) counts[i]!++;
    }
    total += n;
    if (total >= SAMPLE_WORDS) break;
  }
  if (total === 0) return undefined;
  let best = -1;
  for (let i = 0; i < counts.length; i++) if (best < 0 || counts[i]! > counts[best]!) best = i;
  const declaredIndex = declared === undefined ? -1 : LANGUAGES.indexOf(declared);
  if (declaredIndex >= 0 && counts[declaredIndex]! >= counts[best]! * DECLARED_LANGUAGE_MIN_SHARE) return declared;
  return best >= 0 && counts[best]! / total >= MIN_STOPWORD_SHARE ? LANGUAGES[best] : undefined;
}
