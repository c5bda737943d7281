/**
 * The guard of the selection stages: no step that chooses where the article is may throw away a run of blocks that
 * the rules found good on their own evidence when that run outweighs what the step keeps. A step that did is
 * undone for the run ("outweighs-selection"): a site's menus in a grid, a sidebar's list of forum topics or the
 * wrong region of a page do not win over an article of confident paragraphs.
 */
import type { Block, Label } from '../blocks/block.js';
import type { Calibration } from './calibration.js';
import { relabel, type Region, type StageContext } from './stage.js';

/** The blocks' labels and trace lengths before a step, to tell what it removed and to undo it. */
export interface Snapshot {
  readonly labels: readonly Label[];
  readonly traces: readonly number[];
  readonly reasons: readonly number[];
}

export function snapshot(blocks: readonly Block[]): Snapshot {
  return { labels: blocks.map((b) => b.label), traces: blocks.map((b) => b.trace.length), reasons: blocks.map((b) => b.reasons.length) };
}

/**
 * The heaviest run of good blocks the step removed, when it outweighs what the step kept: a stretch of blocks where
 * every block that was content before the step lost its label to it, counted by the words of its blocks that are
 * good on their own evidence, against the words of the content kept that are not confidently boilerplate (a
 * footer's menus kept as a grid weigh nothing). At least `minRegionWords`, and more than `runOverKept` times what
 * the step kept. Undefined when the step may stand. `distinct`: a text repeated in the run weighs once (beside a grid,
 * a carousel's cloned slides are one promotion, not an article).
 */
export function outweighingRun(blocks: readonly Block[], before: Snapshot, c: Calibration, { distinct = false } = {}): Region | undefined {
  let judged = 0;
  let all = 0;
  for (const b of blocks) {
    if (b.label !== 'content') continue;
    all += b.features.words;
    if (b.tier !== 'bad') judged += b.features.words;
  }
  const kept = Math.max(judged, all * c.guards.keptShare);
  let best: Region | undefined;
  let from = -1;
  let last = -1;
  let good = 0;
  const seen = new Set<string>();
  const close = () => {
    if (from >= 0 && (best === undefined || good > best.contentWords)) best = { from, to: last, value: good, contentWords: good };
    from = -1;
    good = 0;
    seen.clear();
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.label === 'content') close();
    else if (before.labels[i] === 'content') {
      if (from < 0) from = i;
      last = i;
      if (b.tier === 'good' && !(distinct && seen.has(b.text))) good += b.features.words;
      if (distinct) seen.add(b.text);
    }
  }
  close();
  const g = c.guards;
  return best !== undefined && best.contentWords >= c.regions.minRegionWords && best.contentWords > kept * g.runOverKept ? best : undefined;
}

/** Gives the run's blocks that the step removed their label back, with the guard's reason. */
export function restoreRun(context: StageContext, run: Region, before: Snapshot, stage: 'grids' | 'regions'): void {
  const { blocks } = context;
  for (let i = run.from; i <= run.to; i++) {
    const b = blocks[i]!;
    if (before.labels[i] === 'content' && b.label !== 'content') relabel(b, stage, 'content', 'outweighs-selection');
  }
}

/**
 * Undoes a step whole: every block gets back the label, trace and reasons it had before. The run's good blocks then
 * record why the step was undone.
 */
export function undoStep(blocks: Block[], run: Region, before: Snapshot, stage: 'grids' | 'regions'): void {
  blocks.forEach((b, i) => {
    b.label = before.labels[i]!;
    b.trace.length = before.traces[i]!;
    b.reasons.length = before.reasons[i]!;
  });
  for (let i = run.from; i <= run.to; i++) {
    const b = blocks[i]!;
    if (b.label === 'content' && b.tier === 'good') relabel(b, stage, 'content', 'outweighs-selection');
  }
}
