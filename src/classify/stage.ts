/**
 * The classifier's stages and what they share. A stage reads the blocks and the page's facts and appends entries to
 * each block's trace through the helpers below, which keep the block's label and its `reasons` in step with the
 * trace: the label is always the last entry's, and nothing earlier is overwritten.
 */
import type { Block, Label } from '../blocks/block.js';
import type { ContextReasonCode, StageName, TraceEntry } from '../blocks/trace.js';
import type { Calibration, FavorPreset } from './calibration.js';
import type { RecordGrid } from './grid.js';

/** A stretch of blocks kept as the article (or a part of it). */
export interface Region {
  from: number;
  to: number;
  /** Net value: content words minus the cost of the boilerplate crossed. */
  value: number;
  contentWords: number;
}

/** What every stage of one page's classification sees. */
export interface StageContext {
  readonly blocks: Block[];
  readonly calibration: Calibration;
  /** The `--favor` preset in use (its bias is already in every block's biasedScore and tier). */
  readonly favor: FavorPreset;
  /** The page's title from its metadata, when it has one (the title stage takes it out of the body). */
  readonly title: string | undefined;
  /** Regions kept, once a stage has chosen them: the grids stage when a grid is the content, else the regions stage. */
  regions: Region[] | undefined;
  /** A grid of link cards the grids stage found, for the regions stage to fall back on when the page has no prose. */
  linkCardGrid: RecordGrid | undefined;
}

/** A named step of the classifier. Stages run in order; any of them can be left out (see classify's `stages`). */
export interface Stage {
  readonly name: StageName;
  readonly run: (context: StageContext) => void;
}

/** A fresh context for `blocks`. */
export function stageContext(blocks: Block[], calibration: Calibration, favor: FavorPreset, title?: string): StageContext {
  return { blocks, calibration, favor, title, regions: undefined, linkCardGrid: undefined };
}

/** Reasons a stage after the rules gives when it sets a block's label. */
export type LabelReason = Exclude<ContextReasonCode, 'line-heading'>;

/** A rule's verdict on the block: an entry of the rules stage, with the label the block's score now gives. */
export function addVerdict(b: Block, entry: TraceEntry & { readonly stage: 'rules' }): void {
  b.trace.push(entry);
  b.label = entry.label;
  b.reasons.push(entry.reason);
}

/** A stage sets the block's label from its context ("→between-good"). */
export function relabel(b: Block, stage: StageName, label: Label, reason: LabelReason): void {
  b.trace.push({ stage, label, reason });
  b.label = label;
  b.reasons.push(`→${reason}`);
}

/** A stage changes how the block is judged, not yet its label ("line-heading"). */
export function reconsider(b: Block, stage: StageName, reason: 'line-heading'): void {
  b.trace.push({ stage, label: b.label, reason });
  b.reasons.push(reason);
}
