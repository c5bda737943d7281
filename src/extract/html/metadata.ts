/**
 * Page metadata (title, author, published date, site name, language, canonical URL, description), gathered
 * during the one segmentation walk: the walk calls the collector's hooks on <meta>, <link>, <title>, JSON-LD
 * scripts, itemprop elements, <time> and byline-like elements before it drops what is not content, and asks
 * for the result at the end. Each field is chosen from an ordered list of named sources, the first that gives
 * a usable value wins (see the *_SOURCES lists below).
 */

import type { Element } from 'domhandler';
import type { Metadata } from '../../article.js';
import type { RawBlock } from '../../blocks/block.js';
import { normaliseDate } from './dates.js';
import { boundedText, collapse } from './dom-text.js';
import { parseJsonLd, type JsonLdFacts } from './json-ld.js';
import {
  AUTHOR_MAX_CHARS, AUTHOR_MAX_WORDS, BYLINE_CANDIDATES_MAX, METADATA_TEXT_MAX_CHARS,
} from './thresholds.js';
import { cleanTitle } from './title.js';
import { BYLINE_PREFIXES, META_KEYS } from './vocab.js';

/** A language tag already in canonical form: a lower-case language, optionally an upper-case region. */
const SIMPLE_LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;

/** itemprop values the collector keeps, lower-cased. */
const ITEMPROPS: ReadonlySet<string> = new Set(['author', 'creator', 'datepublished', 'datecreated', 'headline', 'inlanguage', 'publisher']);

/** Collects metadata evidence during the walk; `finish` picks each field. One instance per page. */
export class MetadataCollector {
  /** meta values by lower-cased name/property/itemprop/http-equiv key, in document order. */
  private readonly metas = new Map<string, string[]>();
  /** itemprop values found on body elements, first per property. */
  private readonly itemprops = new Map<string, string>();
  private readonly jsonLd: JsonLdFacts[] = [];
  private readonly bylines: string[] = [];
  private bylineTries = 0;
  private titleText: string | undefined;
  private htmlLang: string | undefined;
  private canonicalLink: string | undefined;
  private timeInArticle: string | undefined;

  /** <html lang>. */
  onHtml(el: Element): void {
    this.htmlLang ??= el.attribs['lang'] ?? el.attribs['xml:lang'];
  }

  /** <meta>: keyed by every one of name, property, itemprop and http-equiv it carries. */
  onMeta(el: Element): void {
    const a = el.attribs;
    const content = a['content'];
    if (content === undefined || content.trim().length === 0) return;
    for (const key of [a['name'], a['property'], a['itemprop'], a['http-equiv']]) {
      if (key === undefined) continue;
      for (const k of key.toLowerCase().split(/\s/)) {
        if (k.length === 0) continue;
        const list = this.metas.get(k);
        if (list === undefined) this.metas.set(k, [content.trim()]);
        else list.push(content.trim());
      }
    }
  }

  /** <link rel=canonical>. */
  onLink(el: Element): void {
    const rel = el.attribs['rel']?.toLowerCase();
    const href = el.attribs['href']?.trim();
    if (rel === undefined || href === undefined || href.length === 0) return;
    if (rel.split(/\s/).includes('canonical')) this.canonicalLink ??= href;
  }

  /** The first <title> element's text. */
  onTitle(el: Element): void {
    if (this.titleText !== undefined) return;
    const text = boundedText(el, METADATA_TEXT_MAX_CHARS * 2);
    if (text !== undefined && text.length > 0) this.titleText = text;
  }

  /** One `<script type="application/ld+json">`'s text. Invalid JSON is ignored. */
  onJsonLd(text: string): void {
    const facts = parseJsonLd(text);
    if (facts !== undefined) this.jsonLd.push(facts);
  }

  /** A body element with an itemprop (a <meta itemprop> goes through onMeta). */
  onItemprop(el: Element, itemprop: string): void {
    for (const prop of itemprop.toLowerCase().split(/\s/)) {
      if (!ITEMPROPS.has(prop) || this.itemprops.has(prop)) continue;
      const value = itempropValue(el, prop);
      if (value !== undefined && value.length > 0) this.itemprops.set(prop, value);
    }
  }

  /** A <time datetime> element; only those inside the article are trusted as the publication date. */
  onTime(el: Element, inArticle: boolean): void {
    const datetime = el.attribs['datetime'];
    if (inArticle && datetime !== undefined) this.timeInArticle ??= datetime;
  }

  /** A byline-like element: rel=author link, class/id "author"/"byline". Bounded in number and length. */
  onByline(el: Element): void {
    if (this.bylineTries >= BYLINE_CANDIDATES_MAX) return;
    this.bylineTries += 1;
    const text = boundedText(el, AUTHOR_MAX_CHARS * 2);
    if (text !== undefined && text.length > 0) this.bylines.push(text);
  }

  /** Picks every field from the evidence gathered and the page's blocks (for its first h1). */
  finish(blocks: readonly RawBlock[]): Metadata {
    const ld = mergeJsonLd(this.jsonLd);
    const siteName = this.pickSiteName(ld);
    const canonicalUrl = this.pickCanonical();
    const host = hostOf(canonicalUrl);
    const hints = { siteName, host };
    const metadata: Metadata = {};
    const title = this.pickTitle(ld, blocks, hints);
    if (title !== undefined) metadata.title = title;
    const author = this.pickAuthor(ld);
    if (author !== undefined) metadata.author = author;
    const published = this.pickPublished(ld);
    if (published !== undefined) metadata.published = published;
    if (siteName !== undefined) metadata.siteName = siteName;
    const language = this.pickLanguage(ld);
    if (language !== undefined) metadata.language = language;
    if (canonicalUrl !== undefined) metadata.canonicalUrl = canonicalUrl;
    const description = this.pickDescription(ld);
    if (description !== undefined) metadata.description = description;
    return metadata;
  }

  /**
   * Title sources in order: og:title and the other title metas (site part removed when the site is known),
   * JSON-LD headline, itemprop=headline, the first <h1> (inside the article if any is), <title> (site part
   * removed, heuristic cut allowed).
   */
  private pickTitle(ld: JsonLdFacts, blocks: readonly RawBlock[], hints: { siteName?: string; host?: string }): string | undefined {
    for (const key of META_KEYS.title) {
      const value = this.meta(key);
      if (value !== undefined) return cleanTitle(value, hints, false);
    }
    const fromData = ld.headline ?? this.itemprops.get('headline');
    if (fromData !== undefined && collapse(fromData).length > 0) return collapse(fromData);
    const h1 = firstH1(blocks);
    if (h1 !== undefined) return h1;
    if (this.titleText !== undefined) return cleanTitle(this.titleText, hints, true);
    return undefined;
  }

  /**
   * Author sources in order: JSON-LD author names, meta author (and the other author metas), itemprop=author,
   * then byline-like elements. Values that are URLs, handles or sentences are skipped.
   */
  private pickAuthor(ld: JsonLdFacts): string | undefined {
    const fromLd = joinNames(ld.authors);
    if (fromLd !== undefined) return fromLd;
    for (const key of META_KEYS.author) {
      const names = joinNames(this.metas.get(key) ?? []);
      if (names !== undefined) return names;
    }
    for (const prop of ['author', 'creator']) {
      const value = this.itemprops.get(prop);
      const name = value === undefined ? undefined : cleanAuthor(value);
      if (name !== undefined) return name;
    }
    for (const text of this.bylines) {
      const name = cleanAuthor(text);
      if (name !== undefined) return name;
    }
    return undefined;
  }

  /**
   * Published-date sources in order: article:published_time, JSON-LD datePublished, itemprop=datePublished,
   * the other date metas, a <time datetime> inside the article, JSON-LD dateCreated.
   */
  private pickPublished(ld: JsonLdFacts): string | undefined {
    const candidates = [
      this.meta('article:published_time'),
      ld.datePublished,
      this.itemprops.get('datepublished'),
      ...META_KEYS.published.map((key) => this.meta(key)),
      this.timeInArticle,
      this.itemprops.get('datecreated'),
      ld.dateCreated,
    ];
    for (const candidate of candidates) {
      const date = normaliseDate(candidate);
      if (date !== undefined) return date;
    }
    return undefined;
  }

  /** Site-name sources in order: og:site_name, JSON-LD publisher name, JSON-LD WebSite name, application-name. */
  private pickSiteName(ld: JsonLdFacts): string | undefined {
    const og = this.meta('og:site_name');
    const value = og ?? ld.publisher ?? ld.websiteName ?? this.meta('application-name') ?? this.meta('apple-mobile-web-app-title');
    return value === undefined || collapse(value).length === 0 ? undefined : collapse(value);
  }

  /** Language sources in order: <html lang>, content-language and language metas, og:locale, JSON-LD inLanguage. */
  private pickLanguage(ld: JsonLdFacts): string | undefined {
    const candidates = [this.htmlLang, ...META_KEYS.language.map((key) => this.meta(key)), this.itemprops.get('inlanguage'), ld.inLanguage];
    for (const candidate of candidates) {
      const tag = normaliseLanguage(candidate);
      if (tag !== undefined) return tag;
    }
    return undefined;
  }

  /** Canonical-URL sources: <link rel=canonical> (resolved against og:url when relative), og:url, twitter:url. */
  private pickCanonical(): string | undefined {
    const ogUrl = absoluteUrl(this.meta('og:url'), undefined) ?? absoluteUrl(this.meta('twitter:url'), undefined);
    return absoluteUrl(this.canonicalLink, ogUrl) ?? ogUrl;
  }

  /** Description sources in order: meta description, og:description, twitter:description, JSON-LD description. */
  private pickDescription(ld: JsonLdFacts): string | undefined {
    for (const key of META_KEYS.description) {
      const value = this.meta(key);
      if (value !== undefined && collapse(value).length > 0) return collapse(value);
    }
    return ld.description === undefined ? undefined : collapse(ld.description) || undefined;
  }

  /** First value of a meta key. */
  private meta(key: string): string | undefined {
    return this.metas.get(key)?.[0];
  }
}

/** The value of an itemprop element: its content/datetime attribute, else (for names) its nested name, else its text. */
function itempropValue(el: Element, prop: string): string | undefined {
  const a = el.attribs;
  const attr = a['content'] ?? a['datetime'];
  if (attr !== undefined) return attr.trim();
  return boundedText(el, prop === 'author' || prop === 'creator' ? AUTHOR_MAX_CHARS * 2 : METADATA_TEXT_MAX_CHARS);
}

/** The first level-1 heading's text, preferring one inside the article. */
function firstH1(blocks: readonly RawBlock[]): string | undefined {
  let first: string | undefined;
  for (const block of blocks) {
    if (block.kind !== 'heading' || block.level !== 1) continue;
    if (block.dom?.inArticle === true) return block.text;
    first ??= block.text;
  }
  return first;
}

/** Cleaned names joined with ", " (duplicates removed), or undefined when none is a usable name. */
function joinNames(values: readonly string[]): string | undefined {
  const names: string[] = [];
  for (const value of values) {
    const name = cleanAuthor(value);
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names.length === 0 ? undefined : names.join(', ');
}

/**
 * An author value made presentable, or undefined when it is not a person's or organisation's name: a URL
 * (article:author often holds a profile URL), an @handle, an e-mail address, a sentence or bio (too long or too
 * many words), or text without letters. A leading "By"/"Von"/"Par"… is removed.
 */
export function cleanAuthor(raw: string): string | undefined {
  let name = collapse(raw);
  name = stripBylinePrefix(name);
  name = trimPunctuation(name);
  if (name.length === 0 || name.length > AUTHOR_MAX_CHARS) return undefined;
  const lower = name.toLowerCase();
  if (lower.startsWith('http') || lower.startsWith('www.') || lower.includes('://') || lower.includes('/')) return undefined;
  if (name.startsWith('@') || name.includes('@')) return undefined;
  if (!/\p{L}/u.test(name)) return undefined;
  if (name.split(' ').length > AUTHOR_MAX_WORDS) return undefined;
  return name;
}

/** The text without a leading byline word ("By Jane Doe" → "Jane Doe", "by: Jane" → "Jane"). */
function stripBylinePrefix(text: string): string {
  const lower = text.toLowerCase();
  for (const prefix of BYLINE_PREFIXES) {
    if (!lower.startsWith(prefix)) continue;
    const next = lower.charAt(prefix.length);
    if (next === ' ' || next === ':') return text.slice(prefix.length + 1).replace(/^[\s:]+/, '');
  }
  return text;
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

/**
 * A language value as a BCP 47 tag ("en_US" → "en-US", "pt-br" → "pt-BR", "EN" → "en"), the first of a
 * comma-separated list; undefined when it is not a valid tag (or is "x-default"/"*").
 */
export function normaliseLanguage(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const first = (raw.split(',')[0] ?? '').trim().replace(/_/g, '-');
  if (first.length === 0 || first.length > 35 || first === '*' || first.toLowerCase().startsWith('x-')) return undefined;
  // The common shapes ("en", "en-US") are canonical already; Intl is slow enough to matter per page.
  if (SIMPLE_LANGUAGE_TAG.test(first)) return first;
  try {
    return Intl.getCanonicalLocales(first)[0];
  } catch {
    return undefined;
  }
}

/** The URL as an absolute http(s) URL, resolving a relative one against `base`; undefined when impossible. */
function absoluteUrl(raw: string | undefined, base: string | undefined): string | undefined {
  if (raw === undefined || raw.trim().length === 0) return undefined;
  try {
    const url = base === undefined ? new URL(raw.trim()) : new URL(raw.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The host of a URL, or undefined. */
function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** Facts from several JSON-LD scripts: the first script that has a field gives it, article nodes first. */
function mergeJsonLd(all: readonly JsonLdFacts[]): JsonLdFacts {
  const merged: JsonLdFacts = { authors: [], isArticle: false };
  const ordered = [...all.filter((f) => f.isArticle), ...all.filter((f) => !f.isArticle)];
  for (const facts of ordered) {
    merged.headline ??= facts.headline;
    if (merged.authors.length === 0) merged.authors = facts.authors;
    merged.datePublished ??= facts.datePublished;
    merged.dateCreated ??= facts.dateCreated;
    merged.publisher ??= facts.publisher;
    merged.websiteName ??= facts.websiteName;
    merged.inLanguage ??= facts.inLanguage;
    merged.description ??= facts.description;
    merged.isArticle ||= facts.isArticle;
  }
  return merged;
}
