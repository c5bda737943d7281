import type { BlockFeatures, BlockKind } from '../../blocks/block.js';
import type { Reason, Section } from '../../blocks/trace.js';
import type { Calibration } from '../calibration.js';
import type { PageContext } from '../page-context.js';

/** What a rule sees of a block. */
export interface RuleInput {
  index: number;
  text: string;
  /** The text lower-cased, once per block, for the vocabularies matched case-blind. */
  lower: string;
  kind: BlockKind;
  features: BlockFeatures;
  page: PageContext;
  /** The page sections holding the block (from the page context), when any. */
  sections: readonly Section[] | undefined;
  /** Template filler text ("Lorem ipsum…"). */
  filler: boolean;
  calibration: Calibration;
}

/** A rule's verdict: a weight added to the block's score, and the reason `--explain` prints. */
export interface Verdict {
  weight: number;
  reason: Reason;
}

/** A named, pure rule. Returns undefined when it has nothing to say about the block. */
export type Rule = (block: RuleInput) => Verdict | undefined;

export const say = (weight: number, reason: Reason): Verdict => ({ weight, reason });
