/**
 * A page title without its site name. A <title> usually reads "Headline | Site" or "Site - Headline", sometimes
 * "Headline - Section - Site". The rule:
 * 1. Split on the separators of TITLE_SEPARATORS (" | ", " - ", " — ", " :: ", " · "…), keeping the parts.
 * 2. When the site is known (og:site_name, JSON-LD publisher, or the host of the canonical URL), drop every
 *    part at either end that resembles it: equal after removing case, spaces and punctuation; contained in the
 *    site name; containing it and less than twice as long ("CNN Politics"); or naming the host's label
 *    ("nytimes" for www.nytimes.com).
 * 3. Otherwise (when `heuristic` is set), drop the last part while it has at most TITLE_SUFFIX_MAX_WORDS words
 *    and the rest has more words than it ("Best Movers in NYC 2025 | Top 19 Companies"); then drop a short first
 *    part ("Opinion | …", "Site | …") when it is followed by " | ", " :: " or " » " and the rest has more words.
 * 4. Never cut down to fewer than TITLE_MIN_WORDS_AFTER_CUT words: "Home | Site" stays whole rather than "Home".
 */

import { TITLE_MIN_WORDS_AFTER_CUT, TITLE_SUFFIX_MAX_WORDS } from './thresholds.js';
import { TITLE_SEPARATORS } from './vocab.js';

/** Separators after which a leading part may be a site name or a section label. */
const LEADING_SEPARATORS: ReadonlySet<string> = new Set([' | ', ' :: ', ' » ', ' // ']);

/** Second-level labels under a country code ("co" of bbc.co.uk): the site's name is the label before them. */
const GENERIC_SECOND_LEVEL: ReadonlySet<string> = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'ne', 'or', 'go']);

interface TitlePart {
  text: string;
  /** Separator before this part ('' for the first). */
  before: string;
}

/** What is known of the site, to recognise its name in a title. */
export interface SiteHints {
  siteName?: string;
  host?: string;
}

/**
 * The title with site-name parts removed. `heuristic` enables step 3 (for <title> text).
 * Returns the whitespace-collapsed title when nothing is removed.
 */
export function cleanTitle(raw: string, hints: SiteHints, heuristic: boolean): string {
  const title = raw.replace(/\s+/g, ' ').trim();
  let parts = splitTitle(title);
  if (parts.length < 2) return title;
  const site = normaliseName(hints.siteName ?? '');
  const hostLabel = hints.host === undefined ? '' : siteLabel(hints.host);
  const resembles = (part: TitlePart): boolean => resemblesSite(normaliseName(part.text), site, hostLabel);
  let cut = parts;
  while (cut.length > 1 && resembles(cut[cut.length - 1] as TitlePart)) cut = cut.slice(0, -1);
  while (cut.length > 1 && resembles(cut[0] as TitlePart)) cut = cut.slice(1);
  if (cut.length < parts.length && wordCount(join(cut)) >= TITLE_MIN_WORDS_AFTER_CUT) return join(cut);
  if (!heuristic) return title;
  parts = dropShortEnds(parts);
  const result = join(parts);
  return wordCount(result) >= TITLE_MIN_WORDS_AFTER_CUT ? result : title;
}

/** Step 3: drops short trailing parts (up to two) and a short leading label. */
function dropShortEnds(parts: TitlePart[]): TitlePart[] {
  let cut = parts;
  for (let round = 0; round < 2 && cut.length > 1; round++) {
    const last = wordCount((cut[cut.length - 1] as TitlePart).text);
    const rest = wordCount(join(cut.slice(0, -1)));
    if (last > TITLE_SUFFIX_MAX_WORDS || rest <= last || rest < TITLE_MIN_WORDS_AFTER_CUT) break;
    cut = cut.slice(0, -1);
  }
  if (cut.length > 1) {
    const second = cut[1] as TitlePart;
    const first = wordCount((cut[0] as TitlePart).text);
    const rest = wordCount(join(cut.slice(1)));
    if (LEADING_SEPARATORS.has(second.before) && first <= TITLE_SUFFIX_MAX_WORDS - 1 && rest > first) cut = cut.slice(1);
  }
  return cut;
}

/** The title split at every separator occurrence, in order. */
function splitTitle(title: string): TitlePart[] {
  const parts: TitlePart[] = [];
  let from = 0;
  let before = '';
  for (;;) {
    let at = -1;
    let sep = '';
    for (const candidate of TITLE_SEPARATORS) {
      const i = title.indexOf(candidate, from);
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
        sep = candidate;
      }
    }
    if (at < 0) break;
    parts.push({ text: title.slice(from, at), before });
    before = sep;
    from = at + sep.length;
  }
  parts.push({ text: title.slice(from), before });
  return parts.filter((p) => p.text.trim().length > 0);
}

/** Parts joined back with their own separators. */
function join(parts: readonly TitlePart[]): string {
  return parts.map((p, i) => (i === 0 ? p.text : p.before + p.text)).join('').trim();
}

/** True when a normalised title part names the site. */
function resemblesSite(part: string, site: string, hostLabel: string): boolean {
  if (part.length === 0) return false;
  if (site.length > 0) {
    if (part === site) return true;
    // "CNN Politics" names the site; "Voxel art…" does not name "Vox": the part may only be a little longer.
    if (site.length >= 3 && part.includes(site) && part.length < site.length * 2) return true;
    if (part.length >= 3 && site.includes(part)) return true;
  }
  if (hostLabel.length > 0) {
    if (part === hostLabel) return true;
    if (hostLabel.length >= 4 && part.includes(hostLabel) && part.length < hostLabel.length * 2) return true;
  }
  return false;
}

/** Lower-case letters and digits only: "The New York Times" → "thenewyorktimes". */
export function normaliseName(s: string): string {
  const lower = s.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    // Outside ASCII, Unicode letter and number classes decide (one regular expression for the whole string).
    if (c > 127) return lower.replace(/[^\p{L}\p{N}]/gu, '');
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) out += lower.charAt(i);
  }
  return out;
}

/** The name label of a host: "www.nytimes.com" → "nytimes", "news.bbc.co.uk" → "bbc". */
export function siteLabel(host: string): string {
  const labels = host.toLowerCase().split('.').filter((l) => l.length > 0 && l !== 'www');
  if (labels.length < 2) return labels[0] ?? '';
  labels.pop();
  const last = labels[labels.length - 1] ?? '';
  if (labels.length > 1 && GENERIC_SECOND_LEVEL.has(last)) labels.pop();
  return normaliseName(labels[labels.length - 1] ?? '');
}

/** Words separated by white space. */
function wordCount(s: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = s.charCodeAt(i) <= 32;
    if (!space && !inWord) count += 1;
    inWord = !space;
  }
  return count;
}
