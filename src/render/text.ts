import type { Article } from '../article.js';
import type { Block } from '../blocks/block.js';
import { metadataFields, oneLine } from './metadata.js';

/**
 * Plain text: the kept blocks, paragraphs separated by one blank line. Consecutive list items stay on
 * consecutive lines, as one paragraph, so a list reads as a list. No title: the body only.
 */
export function renderText(blocks: readonly Block[]): string {
  let out = '';
  let previous: Block | undefined;
  for (const b of blocks) {
    if (b.label !== 'content') continue;
    if (previous !== undefined) out += previous.kind === 'list-item' && b.kind === 'list-item' ? '\n' : '\n\n';
    out += b.text;
    previous = b;
  }
  return out;
}

/**
 * The text format: the article's text, after `name: value` lines of its metadata and a blank line when asked
 * (`--with-metadata`); each value on one line.
 */
export function renderTextDocument(article: Article, options: { withMetadata?: boolean } = {}): string {
  if (options.withMetadata !== true) return article.text;
  const header = metadataFields(article).map(([name, value]) => `${name}: ${oneLine(value)}`);
  return header.length === 0 ? article.text : `${header.join('\n')}\n\n${article.text}`;
}
