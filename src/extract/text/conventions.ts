/**
 * The conventions text renderers (lynx, links, elinks, w3m, html2text, pandoc) draw a page with, and how each is
 * undone: the numbered link list at the end of the dump, the link numbers in the text, image and form markers,
 * rules and heading underlines, heading decoration and the bullets of nested lists.
 */
import { DUMP_LINK_LIST_HEADINGS, DUMP_MARKERS } from '../../blocks/vocab.js';

/** One entry of a renderer's link list: "  12. https://example.com/page" (a target may hold spaces). */
const LINK_LIST_ENTRY = /^\s*(\d{1,6})\.\s+(\S.*)$/u;

/** A target that looks like an address: a scheme, a path, a fragment, or a host name. */
const LINK_TARGET = /^(?:[a-z][a-z0-9+.-]*:|\/|#|[\w-]+\.[\w.-]+\/?)/iu;

export interface LinkList {
  /** Lines of the dump before the list (the whole dump when there is none). */
  end: number;
  /** The link numbers the list gives a target for: `[n]` markers with these numbers are the renderer's. */
  numbers: Set<number>;
}

/**
 * The numbered list of link targets lynx and elinks append to a dump ("References", then "Visible links" /
 * "Hidden links" and "  1. https://…" lines). Found by reading back from the end over blank lines, entries and
 * the list's headings; it counts only when one of those headings opens it, so a page that ends with a numbered
 * list of its own keeps it.
 */
export function findLinkList(lines: readonly string[]): LinkList {
  const numbers = new Set<number>();
  let end = lines.length;
  let entries = 0;
  let addresses = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const entry = LINK_LIST_ENTRY.exec(line);
    if (entry !== null) {
      entries++;
      if (LINK_TARGET.test(entry[2]!)) addresses++;
      numbers.add(Number(entry[1]));
      continue;
    }
    if (!DUMP_LINK_LIST_HEADINGS.has(line.trim().toLowerCase())) break;
    end = i;
  }
  if (end === lines.length || entries === 0 || addresses * 2 < entries) return { end: lines.length, numbers: new Set() };
  return { end, numbers };
}

/** A link number a renderer writes before (lynx, elinks) or after a link's text: "[12]". */
const LINK_NUMBER = /\[(\d{1,6})\]/gu;

/**
 * The line without the renderer's markers: link numbers that the link list gives a target for (a page's own
 * "[1]" citation stays when the dump has no list), and image, form and insertion markers ("[IMG]", "[BUTTON]",
 * "[INS: … :INS]", text fields drawn as underscores).
 */
export function stripMarkers(line: string, linkNumbers: ReadonlySet<number>): string {
  let out = line;
  if (linkNumbers.size > 0 && out.includes('[')) {
    out = out.replace(LINK_NUMBER, (marker, n: string) => (linkNumbers.has(Number(n)) ? '' : marker));
  }
  if (out.includes('[') || out.includes('(') || out.includes(':') || out.includes('__')) out = out.replace(DUMP_MARKERS, ' ');
  return out;
}

/**
 * A line that only draws: a rule or a heading underline ("=====", "-----", "*****", "+---+---+"), or a bullet
 * with nothing after it. It separates what is above from what is below and is not text.
 */
export function isDecoration(line: string): boolean {
  const t = line.trim();
  if (t.length === 0) return false;
  let drawn = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (RULE_CHARS.includes(c)) drawn++;
    else if (c !== ' ') return false;
  }
  return drawn >= 3 || (t.length === 1 && BULLET_CHARS.includes(t));
}

/** Characters rules, underlines and box tables are drawn with. */
const RULE_CHARS = '-=_*~^+|#:.─━│┃┄┅┈┉┌┐└┘├┤┬┴┼═║╔╗╚╝╠╣╦╩╬';

/** Characters renderers draw bullets with. */
const BULLET_CHARS = '*•·+o#-◦▪‣●○■□';

/** A heading framed by its level's marks, as html2text draws them: "****** Title ******", "===== Title =====". */
const FRAMED_HEADING = /^([*=#~]{2,}) (.*\S) \1$/u;

/** The heading's text without the frame; other text unchanged. */
export function stripHeadingFrame(text: string): string {
  const m = FRAMED_HEADING.exec(text);
  return m === null ? text : m[2]!;
}

/**
 * Where a list item's text starts after its bullet, or -1 when the line does not start with one. `strong`
 * bullets (•, *, numbers, and a dash followed by more than one space, as pandoc writes it) open an item
 * wherever they are; the letters and signs renderers use for nested levels ("o", "+", "#") and a dash with one
 * space also begin ordinary words and sentences, so they open an item only where the line cannot continue the
 * one above (see unwrap).
 */
export function bulletEnd(text: string, from: number, strong: boolean): number {
  const c = text[from];
  if (c === undefined) return -1;
  const next = text[from + 1];
  if (STRONG_BULLETS.includes(c) && next === ' ') return skipSpaces(text, from + 1);
  if (c === '-' && next === ' ' && text[from + 2] === ' ') return skipSpaces(text, from + 1);
  if (c >= '0' && c <= '9') {
    let i = from;
    while (i < text.length && i - from < 3 && text[i]! >= '0' && text[i]! <= '9') i++;
    if ((text[i] === '.' || text[i] === ')') && text[i + 1] === ' ') return skipSpaces(text, i + 1);
    return -1;
  }
  if (!strong && WEAK_BULLETS.includes(c) && next === ' ') return skipSpaces(text, from + 1);
  return -1;
}

const STRONG_BULLETS = '*•·◦▪‣●○■□►▸»';
const WEAK_BULLETS = 'o+#-';

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (text[i] === ' ') i++;
  return i;
}

/** A nested-level bullet drawn with a letter or sign ("o", "+", "#") becomes "•", so it reads as a bullet and no word. */
export function normaliseBullet(text: string): string {
  const c = text[0];
  return (c === 'o' || c === '+' || c === '#') && text[1] === ' ' ? `•${text.slice(1)}` : text;
}
