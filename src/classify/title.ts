import type { Block } from '../blocks/block.js';
import type { Calibration } from './calibration.js';
import { relabel, type Stage } from './stage.js';

export const titleStage: Stage = { name: 'title', run: ({ blocks, title, calibration }) => separateTitle(blocks, title, calibration) };

/**
 * Title dedupe: the article's title is metadata, not body. The kept heading (or short block) that repeats the
 * page title is relabelled boilerplate with reason "title", so text output is the body only while the
 * markdown and HTML renderers print the title once, from the metadata. It is looked for among the kept headings
 * and the first `searchParagraphs` kept blocks that are not headings.
 */
export function separateTitle(blocks: Block[], title: string | undefined, c: Calibration): void {
  if (title === undefined) return;
  const wanted = normalise(title);
  if (wanted.length === 0) return;
  dropTeasersAboveTitle(blocks, wanted, c);
  let seenContent = 0;
  for (const b of blocks) {
    if (b.label !== 'content') continue;
    if (normalise(b.text) === wanted) {
      relabel(b, 'title', 'boilerplate', 'title');
      return;
    }
    if (b.kind !== 'heading' && ++seenContent > c.title.searchParagraphs) return;
  }
}

/**
 * Teasers above the title: when the first heading that repeats the page title (kept or not) comes after kept blocks that
 * are mostly list items (at least `teasersAboveTitleListShare` of their words), those blocks are a news ticker or
 * a list of other stories, each a headline and its lead, and the article starts at its title: they go
 * ("above-title"). Paragraphs above such a heading stay: blog posts repeat their title as a heading part-way down
 * (cutting above it whatever came before lost the intro of such posts on wcxb-dev).
 * A cut that would leave less than a region's words (`minRegionWords`) from that heading on keeps no article: the
 * heading is then the site's name in a sidebar or a link in a list of popular stories below the article, and
 * nothing is cut (cutting there emptied blog pages of 1,000 words and more).
 */
function dropTeasersAboveTitle(blocks: Block[], wanted: string, c: Calibration): void {
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
  if (titleAt < 0 || words === 0 || listWords < words * c.title.teasersAboveTitleListShare) return;
  if (keptFrom(blocks, titleAt) < c.regions.minRegionWords) return;
  for (const b of blocks) {
    if (b.index >= titleAt) break;
    if (b.label === 'content') relabel(b, 'title', 'boilerplate', 'above-title');
  }
}

/** Words of the content from block `from` on. */
function keptFrom(blocks: readonly Block[], from: number): number {
  let words = 0;
  for (let i = from; i < blocks.length; i++) if (blocks[i]!.label === 'content') words += blocks[i]!.features.words;
  return words;
}

const NON_WORD = /[^\p{L}\p{N}]+/gu;

function normalise(text: string): string {
  return text.replace(NON_WORD, ' ').trim().toLowerCase();
}
