/**
 * Link targets: which hrefs are kept on a block's link spans, and how they are made absolute. The walk records
 * each href as written (the base URL may be declared after the first links, and resolving every link of a menu
 * while walking would be wasted work); the spans of the emitted blocks are resolved once, after the walk.
 */

import type { LinkSpan, RawBlock } from '../../blocks/block.js';
import { UNSAFE_HREF_SCHEMES } from './vocab.js';

/** Tabs and line breaks, which a browser removes from a URL wherever they are. */
const URL_IGNORED = /[\t\n\r]/g;

/**
 * The href a reader can follow, trimmed; undefined for a missing or empty href, an in-page anchor ("#top",
 * "#fn1": the ids it points to are not in the extracted article) and javascript:, vbscript: and data: URLs.
 */
export function usableHref(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const trimmed = href.trim();
  if (trimmed.length === 0) return undefined;
  const first = trimmed.charCodeAt(0);
  if (first === 35 /* # */) return undefined;
  // The common shapes, a path or a web URL, need no scheme check (every page has hundreds of links).
  if (first === 47 /* / */ || isWebUrl(trimmed)) return trimmed;
  const bare = trimmed.replace(URL_IGNORED, '').toLowerCase();
  for (const scheme of UNSAFE_HREF_SCHEMES) if (bare.startsWith(scheme)) return undefined;
  return trimmed;
}

/**
 * The URL relative links are resolved against: the page's <base href> (itself resolved against the page URL or
 * the canonical URL when relative), else the page URL, else the canonical URL. Only http(s) URLs count. Undefined
 * when none is known: links then stay as written.
 */
export function baseUrl(baseHref: string | undefined, pageUrl: string | undefined, canonical: string | undefined): URL | undefined {
  const page = webUrl(parseUrl(pageUrl, undefined)) ?? webUrl(parseUrl(canonical, undefined));
  const declared = baseHref === undefined ? undefined : webUrl(parseUrl(baseHref.trim(), page));
  return declared ?? page;
}

/** The URL when it is an http(s) one (a base of another scheme could turn links into script or data URLs). */
function webUrl(url: URL | undefined): URL | undefined {
  return url !== undefined && (url.protocol === 'http:' || url.protocol === 'https:') ? url : undefined;
}

/**
 * Makes the relative link hrefs of the blocks absolute against `base`. Absolute web URLs are kept as written.
 * Hrefs repeat (the same article linked from a teaser, a menu and a footer), so each distinct one is resolved
 * once. An href that does not resolve stays as written. The spans are the walk's own, not yet shared: they are
 * updated in place rather than copied.
 */
export function resolveLinks(blocks: readonly RawBlock[], base: URL | undefined): void {
  if (base === undefined) return;
  const resolved = new Map<string, string>();
  for (const block of blocks) {
    const links = block.links as WritableSpan[] | undefined;
    if (links === undefined) continue;
    for (const span of links) {
      if (isWebUrl(span.href)) continue;
      let href = resolved.get(span.href);
      if (href === undefined) {
        href = parseUrl(span.href, base)?.href ?? span.href;
        resolved.set(span.href, href);
      }
      span.href = href;
    }
  }
}

/** A link span before it is handed on (see resolveLinks). */
type WritableSpan = { -readonly [K in keyof LinkSpan]: LinkSpan[K] };

/** Starts with "http://" or "https://", in any case: an absolute web URL, resolved already. */
function isWebUrl(href: string): boolean {
  if (href.length < 8) return false;
  const h = href.charCodeAt(0) | 32;
  if (h !== 104 /* h */ || (href.charCodeAt(1) | 32) !== 116 || (href.charCodeAt(2) | 32) !== 116 || (href.charCodeAt(3) | 32) !== 112) return false;
  const s = href.charCodeAt(4);
  const colon = (s | 32) === 115 /* s */ ? 5 : 4;
  return href.charCodeAt(colon) === 58 && href.charCodeAt(colon + 1) === 47 && href.charCodeAt(colon + 2) === 47;
}

/** The URL, or undefined when it is missing or does not parse. */
function parseUrl(raw: string | undefined, base: URL | undefined): URL | undefined {
  if (raw === undefined || raw.length === 0) return undefined;
  try {
    return new URL(raw, base);
  } catch {
    return undefined;
  }
}
