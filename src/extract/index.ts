import type { RawBlock } from '../blocks/block.js';
import type { Metadata, InputKind } from '../article.js';
import { segmentText } from './text/index.js';
import { segmentHtml } from './html/index.js';

/**
 * What an extractor hands to the shared classifier: blocks (with their DOM features, for HTML) and the page's
 * metadata. Every rule lives in src/classify/.
 */
export interface Extraction {
  extractor: InputKind;
  blocks: RawBlock[];
  metadata: Metadata;
  /** The page shows almost nothing without running its scripts. */
  scriptOnly?: boolean;
}

export function extractText(text: string): Extraction {
  return { extractor: 'text', blocks: segmentText(text), metadata: {} };
}

/** `url` is the page's own URL, when known: relative links are resolved against it (see segmentHtml). */
export function extractHtml(html: string, url?: string): Extraction {
  const { blocks, metadata, scriptOnly } = segmentHtml(html, url);
  return { extractor: 'html', blocks, metadata, scriptOnly };
}
