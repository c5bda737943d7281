import type { RawBlock } from '../blocks/block.js';
import type { Metadata, InputKind } from '../article.js';
import type { Rule } from '../classify/rules.js';
import { segmentText } from './text/index.js';
import { segmentHtml } from './html/index.js';
import { DOM_RULES } from './html/rules.js';

/** What an extractor hands to the shared classifier. */
export interface Extraction {
  extractor: InputKind;
  blocks: RawBlock[];
  metadata: Metadata;
  /** Rules specific to this kind of source, run after the shared ones. */
  rules: readonly Rule[];
  /** The page shows almost nothing without running its scripts. */
  scriptOnly?: boolean;
}

export function extractText(text: string): Extraction {
  return { extractor: 'text', blocks: segmentText(text), metadata: {}, rules: [] };
}

export function extractHtml(html: string): Extraction {
  const { blocks, metadata, scriptOnly } = segmentHtml(html);
  return { extractor: 'html', blocks, metadata, rules: DOM_RULES, scriptOnly };
}
