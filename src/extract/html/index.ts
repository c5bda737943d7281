/**
 * The HTML extractor's first stages: parse once, then one walk that segments the DOM into raw blocks (with their
 * DOM features) and collects the page's metadata.
 */

import type { Metadata } from '../../article.js';
import type { RawBlock } from '../../blocks/block.js';
import { baseUrl, resolveLinks } from './links.js';
import { resolveImages } from './markup.js';
import { MetadataCollector } from './metadata.js';
import { PageObserver } from './observer.js';
import { parseHtml } from './parse.js';
import { segmentDocument } from './segment.js';
import { isScriptOnly, type PageSignals } from './spa.js';

export type { PageSignals } from './spa.js';
export { parseHtml } from './parse.js';

export interface HtmlSegmentation {
  /** Blocks in reading order, each with its DOM features in `dom`. */
  blocks: RawBlock[];
  metadata: Metadata;
  /** The page is a client-rendered shell: its content is loaded by script (see spa.ts). */
  scriptOnly: boolean;
  /** The measurements behind `scriptOnly`, for callers that combine them with the selection's outcome. */
  signals: PageSignals;
}

/**
 * Segments an HTML page (a decoded string) into blocks and reads its metadata, in one parse and one walk. The
 * blocks' link spans are made absolute against the page's base URL (see baseUrl); `url` is the page's own URL,
 * when known.
 */
export function segmentHtml(html: string, url?: string): HtmlSegmentation {
  const doc = parseHtml(html);
  const collector = new MetadataCollector();
  const observer = new PageObserver(collector);
  const { blocks, visibleChars, emptyAppRoot } = segmentDocument(doc, observer);
  const signals: PageSignals = { ...observer.marks, visibleChars, emptyAppRoot };
  const metadata = collector.finish(blocks);
  const base = baseUrl(observer.baseHref, url, metadata.canonicalUrl);
  resolveLinks(blocks, base);
  resolveImages(blocks, base);
  return { blocks, metadata, scriptOnly: isScriptOnly(signals), signals };
}
