import type { Block } from '../blocks/block.js';
import { THRESHOLDS as T } from './thresholds.js';

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
  dropTeasersAboveTitle(blocks, wanted);
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

/**
 * Teasers above the title: when the first heading that repeats the page title (kept or not) comes after kept blocks that
 * are mostly list items (at least `teasersAboveTitleListShare` of their words), those blocks are a news ticker or
 * a list of other stories, each a headline and its lead, and the article starts at its title: they go
 * ("above-title"). Paragraphs above such a heading stay: blog posts repeat their title as a heading part-way down
 * (cutting above it whatever came before lost the intro of such posts on wcxb-dev).
 */
function dropTeasersAboveTitle(blocks: Block[], wanted: string): void {
  let words = 0;
  let listWords = 0;
  let titleAt = -1;
  for (const b of blocks) {
    if (b.kind === 'heading' && normalise(b.text) === wanted) {
      titleAt = b.index;
      break;
    }
    if (b.label !== 'content') continue;
    words += b.features.words;
    if (b.kind === 'list-item') listWords += b.features.words;
  }
  if (titleAt < 0 || words === 0 || listWords < words * T.teasersAboveTitleListShare) return;
  for (const b of blocks) {
    if (b.index >= titleAt) break;
    if (b.label !== 'content') continue;
    b.label = 'boilerplate';
    b.reasons.push('→above-title');
  }
}

const NON_WORD = /[^\p{L}\p{N}]+/gu;

function normalise(text: string): string {
  return text.replace(NON_WORD, ' ').trim().toLowerCase();
}
