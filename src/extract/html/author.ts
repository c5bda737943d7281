/**
 * Author names as pages write them, made presentable: bylines carry prefixes ("By Jane Doe"), dates and reading
 * times ("Jane Doe - Mar 27, 2024 · 7 min read"), profile URLs (article:author) or handles, and several authors.
 */

import { AUTHOR_MAX_CHARS, AUTHOR_MAX_WORDS } from './thresholds.js';
import { BYLINE_PREFIXES, BYLINE_STOP_WORDS, MONTH_WORDS } from './vocab.js';

/** Separators after which a byline goes on with something else (a date, a role, a site). */
const BYLINE_SEPARATORS: readonly string[] = [' - ', ' – ', ' — ', ' | ', '•', ' · ', '\u00b7'];

/**
 * An author value made presentable, or undefined when it is not a person's or organisation's name: a URL
 * (article:author often holds a profile URL), an @handle or e-mail address, a sentence or bio (too long or too
 * many words), or text without letters. A leading "By"/"Von"/"Par"… is removed, and so is what follows the name
 * on the byline (a separator, a date, "Published…", "Updated…", a reading time).
 */
export function cleanAuthor(raw: string): string | undefined {
  let name = raw.replace(/\s+/g, ' ').trim();
  name = stripBylinePrefix(name);
  name = cutAtSeparator(name);
  name = cutAtDate(name);
  name = trimPunctuation(name);
  name = undoubled(name);
  if (name.length === 0 || name.length > AUTHOR_MAX_CHARS) return undefined;
  const lower = name.toLowerCase();
  if (lower.startsWith('www.') || lower.includes('://') || /^[a-z0-9.-]+\.[a-z]{2,}\//.test(lower)) return undefined;
  if (name.includes('@')) return undefined;
  if (!/\p{L}/u.test(name)) return undefined;
  if (name.split(' ').length > AUTHOR_MAX_WORDS) return undefined;
  return name;
}

/**
 * Cleaned names, duplicates removed, joined the way the page's language lists people: "A and B", "A, B, and C"
 * in English (or when the language is unknown), "A, B, C" otherwise. Undefined when none is a usable name.
 */
export function joinNames(values: readonly string[], language: string | undefined): string | undefined {
  const names: string[] = [];
  for (const value of values) {
    const name = cleanAuthor(value);
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  if (names.length === 0) return undefined;
  const english = language === undefined || language === 'en' || language.startsWith('en-');
  if (!english || names.length === 1) return names.join(', ');
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
}

/** The text without a leading byline word ("By Jane Doe", "by: Jane", "BySummer Swann" → the name). */
function stripBylinePrefix(text: string): string {
  const lower = text.toLowerCase();
  for (const prefix of BYLINE_PREFIXES) {
    if (!lower.startsWith(prefix)) continue;
    const next = text.charAt(prefix.length);
    if (next === ' ' || next === ':') return text.slice(prefix.length + 1).replace(/^[\s:]+/, '');
    // "BySummer Swann": the prefix glued to a capitalised name by markup without a space.
    if (prefix.length === 2 && next !== next.toLowerCase()) return text.slice(prefix.length);
  }
  return text;
}

/** The part before the first byline separator ("Jane Doe | Staff" → "Jane Doe"). */
function cutAtSeparator(text: string): string {
  let end = text.length;
  for (const separator of BYLINE_SEPARATORS) {
    const at = text.indexOf(separator);
    if (at > 0 && at < end) end = at;
  }
  return text.slice(0, end);
}

/**
 * The words before a date or a byline stop word: cut at the first word holding a digit or in
 * BYLINE_STOP_WORDS ("Published", "Updated", "on"…), and at a month name just before it.
 */
function cutAtDate(text: string): string {
  const words = text.split(' ');
  let end = words.length;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (/\d/.test(word) || BYLINE_STOP_WORDS.has(word.toLowerCase().replace(/[:,.]$/, ''))) {
      end = i;
      break;
    }
  }
  if (end === words.length) return text;
  while (end > 0 && MONTH_WORDS.has((words[end - 1] ?? '').toLowerCase().replace(/[.,]$/, ''))) end -= 1;
  return words.slice(0, end).join(' ');
}

/** "Jane Doe Jane Doe" → "Jane Doe": a byline that shows the name twice (a link and a tooltip, two layouts). */
function undoubled(text: string): string {
  const words = text.split(' ');
  if (words.length % 2 !== 0) return text;
  const half = words.length / 2;
  const first = words.slice(0, half).join(' ');
  return first === words.slice(half).join(' ') ? first : text;
}

/** The text without separators and commas at its ends ("Jane Doe |" → "Jane Doe"). */
function trimPunctuation(text: string): string {
  let start = 0;
  let end = text.length;
  const junk = ' ,;:|-–—·•/';
  while (start < end && junk.includes(text.charAt(start))) start += 1;
  while (end > start && junk.includes(text.charAt(end - 1))) end -= 1;
  return text.slice(start, end);
}
