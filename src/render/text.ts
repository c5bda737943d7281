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
 * (`--with-metadata`); each value on one line. Readers' comments, when the Article has them, follow under a
 * `Comments` line.
 */
export function renderTextDocument(article: Article, options: { withMetadata?: boolean } = {}): string {
  const comments = article.comments?.text ?? '';
  const body = comments === '' ? article.text : `${article.text}\n\n${COMMENTS_HEADING}\n\n${comments}`;
  if (options.withMetadata !== true) return body;
  const header = metadataFields(article).map(([name, value]) => `${name}: ${oneLine(value)}`);
  return header.length === 0 ? body : `${header.join('\n')}\n\n${body}`;
}

/** The line that parts the article from its readers' comments in the text format. */
export const COMMENTS_HEADING = 'Comments';
