/**
 * Shapes of text that several stages test, each written once: whether a block reads as prose, as a Title Case
 * label, or holds some links. The cut-offs come from the calibration (its `shapes` section), so stages that need a
 * looser or stricter version pass their own cut.
 */
import type { BlockFeatures } from '../blocks/block.js';
import type { ProseCut, TitleCaseCut } from './calibration.js';

/** The block reads as running text by the cut given: long enough, rich enough in function words, and so on. */
export function isProse(f: BlockFeatures, cut: ProseCut): boolean {
  return (
    f.words >= cut.minWords &&
    f.stopwordDensity >= cut.minStopwordDensity &&
    (!cut.sentenceEnd || f.terminalPunctuation) &&
    (cut.bullets || !f.bullet)
  );
}

/** Capitalised Words In Every Position, without a full stop: a menu entry, a section or product name. */
export function isTitleCase(f: BlockFeatures, cut: TitleCaseCut): boolean {
  return f.words >= cut.minWords && !f.terminalPunctuation && f.capitalisedRatio >= cut.ratio;
}

/** At least `share` of the block's text is link text (DOM pages; a text dump's blocks have none). */
export function hasSomeLinks(f: BlockFeatures, share: number): boolean {
  return f.linkDensity >= share;
}
