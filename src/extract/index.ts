import type { RawBlock } from '../blocks/block.js';
import type { Metadata, InputKind } from '../article.js';
import type { PageContext, Rule } from '../classify/rules.js';
import { segmentText } from './text/index.js';
import { segmentHtml } from './html/index.js';
import { DOM_RULES, structuralTokens } from './html/rules.js';

/** What an extractor hands to the shared classifier. */
export interface Extraction {
  extractor: InputKind;
  blocks: RawBlock[];
  metadata: Metadata;
  /** Rules specific to this kind of source, run after the shared ones. */
  rules: readonly Rule[];
  /** Page facts for the rules that only this extractor can know. */
  pageFacts?: Partial<PageContext>;
  /** The page shows almost nothing without running its scripts. */
  scriptOnly?: boolean;
}

export function extractText(text: string): Extraction {
  return { extractor: 'text', blocks: segmentText(text), metadata: {}, rules: [] };
}

/** `url` is the page's own URL, when known: relative links are resolved against it (see segmentHtml). */
export function extractHtml(html: string, url?: string): Extraction {
  const { blocks, metadata, scriptOnly } = segmentHtml(html, url);
  return { extractor: 'html', blocks, metadata, rules: DOM_RULES, pageFacts: { structuralTokens: structuralTokens(blocks) }, scriptOnly };
}
