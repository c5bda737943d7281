import type { Block } from '../blocks/block.js';

/** The title is looked for among this many blocks before the first kept paragraph, and a few after. */
const TITLE_SEARCH_AFTER_FIRST_CONTENT = 3;

/**
 * Title dedupe: the article's title is metadata, not body. The kept heading (or short block) that repeats the
 * page title is relabelled boilerplate with reason "title", so text output is the body only while the
 * markdown and HTML renderers print the title once, from the metadata.
 */
export function separateTitle(blocks: Block[], title: string | undefined): void {
  if (title === undefined) return;
  const wanted = normalise(title);
  if (wanted.length === 0) return;
  let seenContent = 0;
  for (const b of blocks) {
    if (b.label !== 'content') continue;
    if (normalise(b.text) === wanted) {
      b.label = 'boilerplate';
      b.reasons.push('→title');
      return;
    }
    if (b.kind !== 'heading' && ++seenContent > TITLE_SEARCH_AFTER_FIRST_CONTENT) return;
  }
}

const NON_WORD = /[^\p{L}\p{N}]+/gu;

function normalise(text: string): string {
  return text.replace(NON_WORD, ' ').trim().toLowerCase();
}
