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
  /** The highest link number the list gives a target for (0 without a list): `[n]` markers up to it are the renderer's. */
  highest: number;
}

/**
 * The numbered list of link targets lynx and elinks append to a dump ("References", then "Visible links" /
 * "Hidden links" and "  1. https://…" lines). It is the last of those headings whose next line is an entry,
 * and it runs to the end of the dump: mostly entries (a target with line breaks in it spills over a few
 * lines), mostly addresses. A page's own numbered list at its end has no such heading and stays.
 */
export function findLinkList(lines: readonly string[]): LinkList {
  let found: LinkList = { end: lines.length, highest: 0 };
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!isListHeading(lines[i]!)) continue;
    const list = linkListFrom(lines, i);
    if (list === undefined) {
      if (found.highest > 0) break;
      continue;
    }
    found = list;
  }
  return found;
}

/** The link list opened by the heading at `at` ("References" over "Visible links" over "Hidden links"), if it is one. */
function linkListFrom(lines: readonly string[], at: number): LinkList | undefined {
  let next = at + 1;
  while (next < lines.length && (lines[next]!.trim() === '' || isListHeading(lines[next]!))) next++;
  if (next === lines.length || !LINK_LIST_ENTRY.test(lines[next]!)) return undefined;
  let highest = 0;
  let entries = 0;
  let addresses = 0;
  let others = 0;
  for (let j = next; j < lines.length; j++) {
    const line = lines[j]!;
    const entry = LINK_LIST_ENTRY.exec(line);
    if (entry !== null) {
      entries++;
      if (LINK_TARGET.test(entry[2]!)) addresses++;
      highest = Math.max(highest, Number(entry[1]));
    } else if (line.trim() !== '' && !isListHeading(line)) others++;
  }
  if (addresses * 2 < entries || others > entries) return undefined;
  let end = at;
  while (end > 0 && (lines[end - 1]!.trim() === '' || isListHeading(lines[end - 1]!))) end--;
  return { end, highest };
}

function isListHeading(line: string): boolean {
  return line.length < 20 && DUMP_LINK_LIST_HEADINGS.has(line.trim().toLowerCase());
}

/** A link number a renderer writes before (lynx, elinks) or after a link's text: "[12]". */
const LINK_NUMBER = /\[(\d{1,6})\]/gu;

/**
 * The line without the renderer's markers: link numbers up to the highest the link list gives (elinks lists a
 * target once, under its first number; a page's own "[1]" citation stays when the dump has no list), and
 * image, form and insertion markers ("[IMG]", "[BUTTON]", "[INS: … :INS]", text fields drawn as underscores).
 */
export function stripMarkers(line: string, highest: number): string {
  let out = line;
  if (highest > 0 && out.includes('[')) {
    out = out.replace(LINK_NUMBER, (marker, n: string) => (Number(n) >= 1 && Number(n) <= highest ? '' : marker));
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
