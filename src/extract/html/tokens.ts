/**
 * Class and id words that carry meaning ("site-footer" → footer, "articleBody" → article, body), by whole-word
 * lookup in the vocabulary of vocab.ts. Splitting is a single character scan, no regular expression.
 */

import {
  AUTHOR_PART_WORDS, CLASS_TOKEN_VOCAB, MARKER_LEAD_WORDS, NEGATING_CLASS_PREFIXES, POST_MARKER_PREFIXES, TAG_LIST_WORDS, TAXONOMY_CLASS_PREFIXES,
} from './vocab.js';

/** Character classes the splitter distinguishes. */
const SEPARATOR = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
type CharType = typeof SEPARATOR | typeof LOWER | typeof UPPER | typeof DIGIT;

/** Classifies one UTF-16 code unit; non-ASCII code units count as lower-case letters (words in other scripts). */
function charType(code: number): CharType {
  if (code >= 97 && code <= 122) return LOWER;
  if (code >= 65 && code <= 90) return UPPER;
  if (code >= 48 && code <= 57) return DIGIT;
  if (code > 127) return LOWER;
  return SEPARATOR;
}

/**
 * Canonical vocabulary tokens of an attribute value (a class list, an id, an itemprop), deduplicated, in order
 * of first appearance. Entries that start with a negating word ("has-sidebar", "no-comments") are skipped whole,
 * and so are taxonomy markers ("tag-amor", "category-news": see TAXONOMY_CLASS_PREFIXES) and, beside them, the
 * post's author marker ("author-kristen": see POST_MARKER_PREFIXES).
 * Words are cut at non-alphanumerics, camelCase humps ("siteFooter" → site, footer; "HTMLParser" → html,
 * parser) and letter/digit changes ("ad300x250" → ad, 300, x, 250), and looked up lower-cased, in one scan
 * without per-entry arrays (class lists are the most repeated text of a page).
 */
export function meaningfulTokens(value: string): string[] {
  const tokens: string[] = [];
  const n = value.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(value.charCodeAt(i))) i++;
    const entryStart = i;
    let entryEnd = i;
    while (entryEnd < n && !isSpace(value.charCodeAt(entryEnd))) entryEnd++;
    i = entryEnd;
    if (isUtilityVariant(value, entryStart, entryEnd) || isCustomTaxonomyMarker(value, entryStart, entryEnd)) continue;
    let start = -1;
    let prev: CharType = SEPARATOR;
    let firstWord = true;
    /** The entry's first word names a post ("entry-category-news"): its second word may start a marker too. */
    let itemLead = false;
    let secondWord = false;
    let firstCanonical: string | undefined;
    /** End of the current part (the run between separators), and whether it is a generated name. */
    let partEnd = entryStart;
    let generatedPart = false;
    for (let j = entryStart; j <= entryEnd; j++) {
      const type = j < entryEnd ? charType(value.charCodeAt(j)) : SEPARATOR;
      if (j >= partEnd && type !== SEPARATOR) {
        partEnd = partEndAt(value, j, entryEnd);
        generatedPart = isGeneratedPart(value, j, partEnd);
      }
      let cut = -1;
      if (type === SEPARATOR) cut = j;
      else if (start >= 0 && type === UPPER && prev === LOWER) cut = j;
      else if (start >= 0 && type === LOWER && prev === UPPER && j - start > 1) cut = j - 1;
      else if (start >= 0 && (type === DIGIT) !== (prev === DIGIT)) cut = j;
      if (cut >= 0 && start >= 0) {
        if (!generatedPart && mayBeKnownWord(value, start, cut)) {
          const word = value.slice(start, cut).toLowerCase();
          if ((firstWord || (secondWord && itemLead)) && cut < entryEnd) {
            if (firstWord && NEGATING_CLASS_PREFIXES.has(word) && hasWordAfter(value, cut, entryEnd)) break;
            if (TAXONOMY_CLASS_PREFIXES.has(word) && slugFollows(value, cut, entryEnd)) break;
            if (POST_MARKER_PREFIXES.has(word) && slugFollows(value, cut, entryEnd, AUTHOR_PART_WORDS) && hasPostMarker(value)) break;
          }
          if (firstWord) itemLead = MARKER_LEAD_WORDS.has(word);
          const canonical = CLASS_TOKEN_VOCAB.get(word);
          if (firstWord) firstCanonical = canonical;
          if (canonical !== undefined && !tokens.includes(canonical) && !qualifiedAway(canonical, firstCanonical, value, cut, entryEnd)) {
            tokens.push(canonical);
          }
        }
        secondWord = firstWord;
        firstWord = false;
        start = type === SEPARATOR ? -1 : cut;
      } else if (start < 0 && type !== SEPARATOR) {
        start = j;
      }
      prev = type;
    }
  }
  return tokens;
}

/**
 * A utility class with a variant prefix ("md:block", "max-xl:hidden", "hover:underline"): it styles the element
 * at some screen size or state, and says nothing of what the element is. Its words are not read.
 */
function isUtilityVariant(value: string, start: number, end: number): boolean {
  const colon = value.indexOf(':', start);
  return colon >= 0 && colon < end;
}

/**
 * A custom taxonomy's marker on a post's element: the taxonomy's name ("product_tag", "product_cat",
 * "portfolio_category"), a hyphen and a slug ("product_tag-12oz"). Like "tag-amor" (TAXONOMY_CLASS_PREFIXES), it says
 * what the item is filed under, not that the element is a tag list.
 */
const CUSTOM_TAXONOMY_MARKER = /^[a-z0-9]+_(?:tag|tags|cat|category|categories)-[a-z0-9]/i;

function isCustomTaxonomyMarker(value: string, start: number, end: number): boolean {
  const underscore = value.indexOf('_', start);
  return underscore > start && underscore < end && CUSTOM_TAXONOMY_MARKER.test(value.slice(start, end));
}

/** End of the part (the run of letters and digits) starting at `start`. */
function partEndAt(value: string, start: number, end: number): number {
  let k = start;
  while (k < end && charType(value.charCodeAt(k)) !== SEPARATOR) k++;
  return k;
}

/**
 * A part mixing upper-case letters, lower-case letters and digits ("jXK9ad", "3xKpT"): a name generated by a
 * CSS-in-JS or minifying build, whose pieces are not words ("jXK9ad" must not read as "ad"). Hand-written class
 * names mix at most two of the three ("ad300x250", "col-md-6", "siteFooter").
 */
function isGeneratedPart(value: string, start: number, end: number): boolean {
  let upper = false;
  let lower = false;
  let digit = false;
  for (let k = start; k < end; k++) {
    const c = value.charCodeAt(k);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    else if (c >= 48 && c <= 57) digit = true;
  }
  return upper && lower && digit;
}

/** "search-results", "searchResults", "search_result_item": the results of a search, not a search box. */
const RESULTS_AFTER = /^[-_]?results?(?![a-z])/i;

/** "dialog-off-canvas-main-canvas": the element a dialog's off-canvas panel pushes aside, i.e. the whole page. */
const MAIN_CANVAS_AFTER = /[-_]main[-_]?canvas$/i;

/**
 * Entries whose furniture word is qualified by the rest of the entry into something else: a search's results list
 * is a results page's content, a layout class naming the content column before the sidebar ("content-sidebar-wrap",
 * a theme's two-column layout) wraps the article as much as the sidebar, and the main canvas beside an off-canvas
 * dialog ("dialog-off-canvas-main-canvas", which Drupal puts around every page) is the page itself.
 */
function qualifiedAway(canonical: string, firstCanonical: string | undefined, value: string, cut: number, entryEnd: number): boolean {
  if (canonical === 'search') return RESULTS_AFTER.test(value.slice(cut, entryEnd));
  if (canonical === 'sidebar') return firstCanonical === 'content';
  if (canonical === 'popup') return MAIN_CANVAS_AFTER.test(value.slice(cut, entryEnd));
  return false;
}

/** Longest word length the shape filter tells apart; longer words share the last slot. */
const MAX_SHAPE_LENGTH = 31;

/** Index of an ASCII letter or digit (case-folded) in 1..36, 0 for anything else. */
function charSlot(code: number): number {
  if (code >= 97 && code <= 122) return code - 96;
  if (code >= 65 && code <= 90) return code - 64;
  if (code >= 48 && code <= 57) return code - 21;
  return 0;
}

/** Slot of a word's shape: its first two characters (case-folded) and its length. */
function shapeSlot(c0: number, c1: number, length: number): number {
  return (charSlot(c0) * 37 + charSlot(c1)) * (MAX_SHAPE_LENGTH + 1) + Math.min(length, MAX_SHAPE_LENGTH);
}

/**
 * The shapes of every vocabulary and negating word. Most words of a class list are not in the vocabulary;
 * checking the shape first rejects them without slicing and lower-casing a string. Built once, never changed.
 */
const KNOWN_SHAPES: Uint8Array = buildShapes([...CLASS_TOKEN_VOCAB.keys(), ...NEGATING_CLASS_PREFIXES]);

function buildShapes(words: readonly string[]): Uint8Array {
  const shapes = new Uint8Array(37 * 37 * (MAX_SHAPE_LENGTH + 1));
  for (const word of words) shapes[shapeSlot(word.charCodeAt(0), word.charCodeAt(1), word.length)] = 1;
  return shapes;
}

/** False when value[start, end) cannot be a vocabulary or negating word (its shape is unknown). */
function mayBeKnownWord(value: string, start: number, end: number): boolean {
  const second = end - start > 1 ? value.charCodeAt(start + 1) : Number.NaN;
  return KNOWN_SHAPES[shapeSlot(value.charCodeAt(start), second, end - start)] === 1;
}

/** True when an alphanumeric character follows position `from` within the entry (the entry has another word). */
function hasWordAfter(value: string, from: number, end: number): boolean {
  for (let k = from; k < end; k++) if (charType(value.charCodeAt(k)) !== SEPARATOR) return true;
  return false;
}

/**
 * True when the entry goes on after a taxonomy prefix with a slug ("tag-amor", "category-news", "tagFamilia"): its
 * next word is neither a TAG_LIST_WORDS word ("tag-list", "tag_cloud-2") nor a number that ends the entry
 * (a numbered widget id, "categories-2"). Only entries starting with a taxonomy prefix get here.
 */
function slugFollows(value: string, from: number, end: number, structuralWords: ReadonlySet<string> = TAG_LIST_WORDS): boolean {
  let start = from;
  while (start < end && charType(value.charCodeAt(start)) === SEPARATOR) start++;
  if (start >= end) return false;
  const stop = wordEnd(value, start, end);
  if (charType(value.charCodeAt(start)) === DIGIT) return hasWordAfter(value, stop, end);
  return !structuralWords.has(value.slice(start, stop).toLowerCase());
}

/**
 * A marker a CMS puts on a post's own element, anywhere in the class list: a taxonomy marker ("tag-amor",
 * "category-news", "entry-category-news") or the post's type ("type-post", "entry-type-post"). Rare path: "author-…"
 * only.
 */
const POST_MARKER = /(?:^|\s)(?:(?:entry|post)[-_])?(?:tag|categor(?:y|ies)|type)[-_][a-z0-9]/i;

function hasPostMarker(value: string): boolean {
  return POST_MARKER.test(value);
}

/** End of the word starting at `start`, cut by the same rules as meaningfulTokens (separators, camelCase, digits). */
function wordEnd(value: string, start: number, end: number): number {
  let prev = charType(value.charCodeAt(start));
  for (let k = start + 1; k < end; k++) {
    const type = charType(value.charCodeAt(k));
    if (type === SEPARATOR || (type === UPPER && prev === LOWER) || (type === DIGIT) !== (prev === DIGIT)) return k;
    if (type === LOWER && prev === UPPER && k - start > 1) return k - 1;
    prev = type;
  }
  return end;
}

/** ASCII white space, the separator of class-list entries. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/**
 * Memoises meaningfulTokens per attribute value for one page: class lists repeat heavily (every card, every
 * menu item), and utility-class pages (Tailwind) carry long lists. Owned by one segmentation run, never shared.
 */
export class TokenCache {
  private readonly cache = new Map<string, readonly string[]>();

  tokens(value: string): readonly string[] {
    let found = this.cache.get(value);
    if (found === undefined) {
      found = meaningfulTokens(value);
      this.cache.set(value, found);
    }
    return found;
  }
}

/**
 * The inherited token list after adding `own`: the parent's array itself when nothing is new (so deep nesting
 * shares one array instead of copying), otherwise a copy with the new tokens appended.
 */
export function mergeTokens(parent: readonly string[], own: readonly string[]): readonly string[] {
  let merged: string[] | undefined;
  for (const token of own) {
    if (parent.includes(token) || merged?.includes(token)) continue;
    merged ??= parent.slice();
    merged.push(token);
  }
  return merged ?? parent;
}
