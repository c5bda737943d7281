/**
 * What a block's classification leaves behind: its tier, the sections of the page it sits in, and its trace, the
 * entries each stage of the classifier appended, in order. The types live here, beside the Block; the stages and
 * the description of every reason live in src/classify/.
 */
import type { Label } from './block.js';
import type { MenuPatternName } from './vocab.js';

/** The classifier's stages, in the order they run (see DEFAULT_STAGES in src/classify/index.ts). */
export const STAGE_NAMES = ['rules', 'smoothing', 'container', 'grids', 'regions', 'repeated-text', 'title'] as const;

export type StageName = (typeof STAGE_NAMES)[number];

/** Confidence of a block's own evidence (its score with the favor preset's bias), before its neighbours count. */
export type Tier = 'good' | 'bad' | 'uncertain';

/** A section of the page the page context found: readers' comments, teasers under a related-content heading. */
export type Section = 'comment' | 'related';

/** Reasons of the per-block rules: each comes with the weight the rule added to the block's score. */
export type RuleReasonCode =
  | 'long' | 'medium-length' | 'short'
  | 'stopword-rich' | 'stopword-poor'
  | 'sentence-end' | 'several-sentences'
  | 'short-bullet' | 'numbered-heading'
  | 'menu'
  | 'title-case' | 'digit-heavy' | 'off-column'
  | 'in-comment-section' | 'in-related-section'
  | 'cookie-consent' | 'disclaimer' | 'filler-text' | 'author-bio' | 'placeholder' | 'photo-credit' | 'promotion'
  | 'code-line' | 'lead-in'
  | 'link-rich-prose' | 'link-dense' | 'some-links'
  | 'in-nav' | 'in-footer' | 'in-header' | 'in-aside'
  | 'class'
  | 'in-article' | 'link-list' | 'figure-caption';

/** Reasons of the stages after the rules: why a block's label was set, or how it was judged, from its context. */
export type ContextReasonCode =
  | 'good' | 'bad' | 'article-list' | 'line-heading' | 'between-good' | 'between-bad' | 'near-good-beside-good'
  | 'uncertain-beside-bad'
  | 'in-main-container' | 'outside-main-container'
  | 'record-grid' | 'outside-record-grid' | 'priced-run' | 'outside-priced-run'
  | 'outside-main-region' | 'list-in-region' | 'record-run' | 'outweighs-selection'
  | 'repeated-text'
  | 'title' | 'above-title';

/** Every reason code; `menu` and `class` are families, written `menu:NAME` and `class:WORD` in a trace. */
export type ReasonCode = RuleReasonCode | ContextReasonCode;

/**
 * A reason as a trace holds it: a code, or a family's code with what it matched ("menu:share": the furniture pattern
 * named share; "class:sidebar": the class or id word sidebar).
 */
export type Reason = Exclude<ReasonCode, 'menu' | 'class'> | `menu:${MenuPatternName}` | `class:${string}`;

/**
 * One step of a block's classification. `label` is the block's label once the entry applies (the last entry's is the
 * block's label); `weight` is what a rule added to the block's score (rules only).
 */
export interface TraceEntry {
  readonly stage: StageName;
  readonly label: Label;
  readonly reason: Reason;
  readonly weight?: number;
}
