import type { Block } from '../blocks/block.js';
import { THRESHOLDS as T } from './thresholds.js';

/** Confidence of a block's own score, before its neighbours are considered. */
export type Tier = 'good' | 'bad' | 'uncertain';

export function tierOf(score: number, bias: number): Tier {
  const s = score + bias;
  if (s >= T.good) return 'good';
  if (s <= T.bad) return 'bad';
  return 'uncertain';
}

/**
 * Context smoothing: blocks whose own evidence is uncertain (short lines, headings, captions) take the label of
 * the text around them. Each maximal run of uncertain blocks is judged by its nearest confident neighbours
 * (the page edges count as bad):
 * - between two good blocks, a short run joins the article ("between-good"): headings, short paragraphs; so does
 *   a longer one that reads as text (see readsAsText);
 * - between two bad blocks it is furniture ("between-bad");
 * - otherwise, and in runs too long to be part of the text, only the near-good blocks touching the good side
 *   join it ("near-good-beside-good"); the rest go ("uncertain-beside-bad").
 * Confident blocks keep their label. Mutates the labels and reasons of the given blocks.
 */
export function smooth(blocks: Block[], bias: number): void {
  const tiers = blocks.map((b) => tierOf(b.score, bias));
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (tiers[i] === 'good') setLabel(b, 'content', 'good');
    else if (tiers[i] === 'bad') setLabel(b, 'boilerplate', 'bad');
  }
  resolveLists(blocks, tiers);
  lineHeadings(blocks, tiers, bias);
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
    resolveRun(blocks, i, j, before === 'good', after === 'good', bias);
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
function resolveLists(blocks: Block[], tiers: Tier[]): void {
  let i = 0;
  while (i < blocks.length) {
    if (!blocks[i]!.features.bullet) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < blocks.length && blocks[j + 1]!.features.bullet) j++;
    const inText = introducedByText(blocks, tiers, i) || (j + 1 < blocks.length && tiers[j + 1] === 'good');
    if (j > i && inText && !isMenuLikeList(blocks, i, j)) {
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
function lineHeadings(blocks: Block[], tiers: Tier[], bias: number): void {
  const floor = T.bad - T.lineHeadingMargin;
  const bad = tiers.map((t) => t === 'bad');
  for (let k = 1; k + 1 < blocks.length; k++) {
    const b = blocks[k]!;
    if (!bad[k] || bad[k - 1] || bad[k + 1]) continue;
    // A DOM page marks its headings: only heading elements qualify there (any lone line measured worse on listings).
    if (b.features.indent === undefined && b.kind !== 'heading') continue;
    if (b.score + bias < floor || b.features.menuPattern !== undefined || blocks[k + 1]!.score + bias < T.nearGood) continue;
    tiers[k] = 'uncertain';
    b.reasons[b.reasons.length - 1] = 'line-heading';
  }
}

const LEAD_IN = /:\s*$/u;

/** The block before the list is good text, or a lead-in ("You will need:") that follows good text. */
function introducedByText(blocks: readonly Block[], tiers: readonly Tier[], first: number): boolean {
  const before = first - 1;
  if (before < 0) return false;
  if (tiers[before] === 'good') return true;
  return tiers[before] === 'uncertain' && LEAD_IN.test(blocks[before]!.text) && before > 0 && tiers[before - 1] === 'good';
}

/**
 * A list reads like a menu when its items are furniture vocabulary, or mostly Title Case labels without
 * sentence punctuation, or very short on average.
 */
export function isMenuLikeList(blocks: readonly Block[], from: number, to: number): boolean {
  let words = 0;
  let menu = 0;
  let title = 0;
  const n = to - from + 1;
  for (let k = from; k <= to; k++) {
    const f = blocks[k]!.features;
    words += f.words;
    if (f.menuPattern !== undefined) menu++;
    if (!f.terminalPunctuation && f.capitalisedRatio >= T.titleCaseRatio && f.words >= 2) title++;
  }
  return menu / n > T.listMenuShare || title / n > T.listTitleShare || words / n < T.listMinMeanWords;
}

function resolveRun(blocks: Block[], from: number, to: number, goodBefore: boolean, goodAfter: boolean, bias: number): void {
  const runLength = to - from + 1;
  if (goodBefore && goodAfter && (runLength <= T.maxRescuedRun || readsAsText(blocks, from, to, bias))) {
    for (let k = from; k <= to; k++) setLabel(blocks[k]!, 'content', 'between-good');
    return;
  }
  if (!goodBefore && !goodAfter) {
    for (let k = from; k <= to; k++) setLabel(blocks[k]!, 'boilerplate', 'between-bad');
    return;
  }
  for (let k = from; k <= to; k++) setLabel(blocks[k]!, 'boilerplate', 'uncertain-beside-bad');
  const nearGood = (k: number) => blocks[k]!.score + bias >= T.nearGood;
  if (goodBefore) for (let k = from; k <= to && nearGood(k); k++) setLabel(blocks[k]!, 'content', 'near-good-beside-good');
  if (goodAfter) for (let k = to; k >= from && nearGood(k); k--) setLabel(blocks[k]!, 'content', 'near-good-beside-good');
}

/**
 * A long uncertain run that is still the article's text: a how-to or a listicle breaks its text into short
 * headings, one-line sentences and short lists, none confident on its own. The run reads as text when at least
 * `runTextShare` of its blocks are near-good, none is furniture vocabulary, and no line with words comes twice:
 * a list of teasers repeats its labels ("AUTO NEWS", an author's name) card after card.
 */
function readsAsText(blocks: readonly Block[], from: number, to: number, bias: number): boolean {
  let near = 0;
  const seen = new Set<string>();
  for (let k = from; k <= to; k++) {
    const b = blocks[k]!;
    if (b.features.menuPattern !== undefined) return false;
    if (b.features.words > 0) {
      if (seen.has(b.text)) return false;
      seen.add(b.text);
    }
    if (b.score + bias >= T.nearGood) near++;
  }
  return near >= (to - from + 1) * T.runTextShare;
}

function setLabel(block: Block, label: Block['label'], reason: string): void {
  block.label = label;
  const last = block.reasons.length - 1;
  // A block relabelled by a later pass replaces the earlier smoothing reason rather than piling them up.
  if (last >= 0 && block.reasons[last]!.startsWith('→')) block.reasons[last] = `→${reason}`;
  else block.reasons.push(`→${reason}`);
}
