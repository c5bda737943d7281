import type { Block } from '../blocks/block.js';
import type { Calibration } from './calibration.js';
import { relabel, type Stage } from './stage.js';

export const repeatedTextStage: Stage = { name: 'repeated-text', run: ({ blocks, calibration }) => dropRepeatedText(blocks, calibration) };

/**
 * A kept block whose text was already kept earlier on the page is a second rendering of the same paragraph (a
 * slideshow caption repeated, a post or a pull quote shown twice), not more text: it goes ("repeated-text").
 * Short blocks are exempt: list items and table cells repeat legitimately ("Yes", "$10"). Truncated copies
 * ("The first words…") are left alone: on listing pages the teasers are the content.
 */
export function dropRepeatedText(blocks: Block[], c: Calibration): void {
  const kept = new Set<string>();
  for (const b of blocks) {
    if (b.label !== 'content' || b.features.words < c.repeatedText.minWords) continue;
    if (!kept.has(b.text)) {
      kept.add(b.text);
      continue;
    }
    relabel(b, 'repeated-text', 'boilerplate', 'repeated-text');
  }
}
