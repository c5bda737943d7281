import type { Block } from '../blocks/block.js';
import type { Tier } from '../blocks/trace.js';
import type { Calibration } from './calibration.js';
import { isTitleCase } from './shapes.js';
import { relabel, reconsider, type LabelReason, type Stage } from './stage.js';
import { LEAD_IN_END } from './vocab.js';

export const smoothingStage: Stage = { name: 'smoothing', run: ({ blocks, calibration }) => smooth(blocks, calibration) };

const setLabel = (b: Block, label: Block['label'], reason: LabelReason) => relabel(b, 'smoothing', label, reason);

/**
 * Context smoothing: blocks whose own evidence is uncertain (short lines, headings, captions) take the label of
 * the text around them. Each maximal run of uncertain blocks is judged by its nearest confident neighbours
 * (the page edges count as bad):
 * - between two good blocks, a short run joins the article ("between-good"): headings, short paragraphs; so does
 *   a longer one that reads as text (see readsAsText);
 * - between two bad blocks it is furniture ("between-bad");
 * - otherwise, and in runs too long to be part of the text, only the near-good blocks touching the good side
 *   join it ("near-good-beside-good"); the rest go ("uncertain-beside-bad").
 * Before that, bulleted lists are judged as units and lone headings between short lines are reconsidered; confident
 * blocks left as they were keep their label ("good", "bad"). Appends to the trace of every block.
 */
export function smooth(blocks: Block[], c: Calibration): void {
  const tiers = blocks.map((b) => b.tier);
  resolveLists(blocks, tiers, c);
  lineHeadings(blocks, tiers, c);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.tier === 'good') setLabel(b, 'content', 'good');
    else if (b.tier === 'bad' && tiers[i] === 'bad') setLabel(b, 'boilerplate', 'bad');
  }
  let i = 0;
  while (i < blocks.length) {
    if (tiers[i] !== 'uncertain') {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < blocks.length && tiers[j + 1] === 'uncertain') j++;
    const before = i > 0 ? tiers[i - 1] : 'bad';
    const after = j + 1 < blocks.length ? tiers[j + 1] : 'bad';
    resolveRun(blocks, i, j, before === 'good', after === 'good', c);
    i = j + 1;
  }
}

/**
 * Lists as units. A run of consecutive bulleted blocks is one list, and its items are judged together: item by
 * item, a list of short entries looks like a menu even when it is the article's own list of steps or points.
 * A list is the article's ("article-list") when it sits in the text, i.e. the block just before it is good, or
 * is an uncertain lead-in ending with a colon right after good text, or the block just after it is good, and
 * the list itself does not read like a menu (see isMenuLikeList). Its items become good, so the text after the list can join them too.
 * Blocks without bullets (DOM list items carry none in their text) are never grouped: a no-op for them.
 */
function resolveLists(blocks: Block[], tiers: Tier[], c: Calibration): void {
  let i = 0;
  while (i < blocks.length) {
    if (!blocks[i]!.features.bullet) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < blocks.length && blocks[j + 1]!.features.bullet) j++;
    const inText = introducedByText(blocks, tiers, i) || (j + 1 < blocks.length && tiers[j + 1] === 'good');
    if (j > i && inText && !isMenuLikeList(blocks, i, j, c)) {
      for (let k = i; k <= j; k++) {
        if (tiers[k] !== 'uncertain') continue;
        tiers[k] = 'good';
        setLabel(blocks[k]!, 'content', 'article-list');
      }
    }
    i = j + 1;
  }
}

/**
 * Headings between short lines. A short Title Case heading ("Start Wedding Dress Shopping", "Set a Realistic
 * Budget") scores as boilerplate on its own, and inside an article of short lines it split the text into runs too
 * short to rescue. A bad line that is only mildly bad (down to `bad - lineHeadingMargin`, inclusive), names no
 * furniture, stands alone between blocks that are not bad and is followed by a near-good one is taken for a heading
 * and judged with its neighbours ("line-heading"). A menu is a run of bad lines, never one alone. In a text dump any
 * line qualifies; on a DOM page only heading elements.
 */
function lineHeadings(blocks: Block[], tiers: Tier[], c: Calibration): void {
  const floor = c.tiers.bad - c.smoothing.lineHeadingMargin;
  const bad = tiers.map((t) => t === 'bad');
  for (let k = 1; k + 1 < blocks.length; k++) {
    const b = blocks[k]!;
    if (!bad[k] || bad[k - 1] || bad[k + 1]) continue;
    // A DOM page marks its headings: only heading elements qualify there (any lone line measured worse on listings).
    if (b.features.indent === undefined && b.kind !== 'heading') continue;
    if (b.biasedScore < floor || b.features.menuPattern !== undefined || blocks[k + 1]!.biasedScore < c.tiers.nearGood) continue;
    tiers[k] = 'uncertain';
    reconsider(b, 'smoothing', 'line-heading');
  }
}

/** The block before the list is good text, or a lead-in ("You will need:") that follows good text. */
function introducedByText(blocks: readonly Block[], tiers: readonly Tier[], first: number): boolean {
  const before = first - 1;
  if (before < 0) return false;
  if (tiers[before] === 'good') return true;
  return tiers[before] === 'uncertain' && LEAD_IN_END.test(blocks[before]!.text) && before > 0 && tiers[before - 1] === 'good';
}

/**
 * A list reads like a menu when its items are furniture vocabulary, or mostly Title Case labels without
 * sentence punctuation, or very short on average.
 */
export function isMenuLikeList(blocks: readonly Block[], from: number, to: number, c: Calibration): boolean {
  const s = c.smoothing;
  let words = 0;
  let menu = 0;
  let title = 0;
  const n = to - from + 1;
  for (let k = from; k <= to; k++) {
    const f = blocks[k]!.features;
    words += f.words;
    if (f.menuPattern !== undefined) menu++;
    if (isTitleCase(f, c.shapes.titleCase)) title++;
  }
  return menu / n > s.listMenuShare || title / n > s.listTitleShare || words / n < s.listMinMeanWords;
}

/**
 * Labels one run of uncertain blocks from its neighbours (see smooth). Each block is labelled once: in a run beside
 * good text that is not rescued whole, the near-good blocks touching the good side join it, the others go.
 */
function resolveRun(blocks: Block[], from: number, to: number, goodBefore: boolean, goodAfter: boolean, c: Calibration): void {
  const runLength = to - from + 1;
  if (goodBefore && goodAfter && (runLength <= c.smoothing.maxRescuedRun || readsAsText(blocks, from, to, c))) {
    for (let k = from; k <= to; k++) setLabel(blocks[k]!, 'content', 'between-good');
    return;
  }
  if (!goodBefore && !goodAfter) {
    for (let k = from; k <= to; k++) setLabel(blocks[k]!, 'boilerplate', 'between-bad');
    return;
  }
  const nearGood = (k: number) => blocks[k]!.biasedScore >= c.tiers.nearGood;
  // The near-good blocks joining the good side: [from, head) and (tail, to].
  let head = from;
  if (goodBefore) while (head <= to && nearGood(head)) head++;
  let tail = to;
  if (goodAfter) while (tail >= from && nearGood(tail)) tail--;
  for (let k = from; k <= to; k++) {
    if (k < head || k > tail) setLabel(blocks[k]!, 'content', 'near-good-beside-good');
    else setLabel(blocks[k]!, 'boilerplate', 'uncertain-beside-bad');
  }
}

/**
 * A long uncertain run that is still the article's text: a how-to or a listicle breaks its text into short
 * headings, one-line sentences and short lists, none confident on its own. The run reads as text when at least
 * `runTextShare` of its blocks are near-good, none is furniture vocabulary, and no line with words comes twice:
 * a list of teasers repeats its labels ("AUTO NEWS", an author's name) card after card.
 */
function readsAsText(blocks: readonly Block[], from: number, to: number, c: Calibration): boolean {
  let near = 0;
  const seen = new Set<string>();
  for (let k = from; k <= to; k++) {
    const b = blocks[k]!;
    if (b.features.menuPattern !== undefined) return false;
    if (b.features.words > 0) {
      if (seen.has(b.text)) return false;
      seen.add(b.text);
    }
    if (b.biasedScore >= c.tiers.nearGood) near++;
  }
  return near >= (to - from + 1) * c.smoothing.runTextShare;
}
