import type { Block } from '../blocks/block.js';

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
