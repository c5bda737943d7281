/**
 * The shared classifier: features, then named stages in order. Both extractors end here, so an improvement helps
 * HTML and text dumps alike.
 *
 *   measure ─► rules ─► smoothing ─► container ─► grids ─► regions ─► repeated-text ─► title
 *
 * Every stage appends to each block's trace (see stage.ts); the calibration holds every threshold and weight.
 */
import type { Block, BlockFeatures, RawBlock } from '../blocks/block.js';
import { measureBlock } from '../blocks/features.js';
import { STAGE_NAMES } from '../blocks/trace.js';
import { guessLanguageFromScans } from '../lang/guess.js';
import { scanWords, type WordScan } from '../lang/scan.js';
import { languageBit } from '../lang/stopwords.js';
import type { Favor } from '../options.js';
import { CALIBRATION, type Calibration, type FavorPreset } from './calibration.js';
import { containerStage } from './container.js';
import { repeatedTextStage } from './repeated.js';
import { rulesStage, setScore } from './rules/index.js';
import { gridsStage, regionsStage } from './select.js';
import { smoothingStage } from './smooth.js';
import { stageContext, type Region, type Stage } from './stage.js';
import { titleStage } from './title.js';

/** The stages, in the order they run. */
export const DEFAULT_STAGES: readonly Stage[] = Object.freeze([
  rulesStage,
  smoothingStage,
  containerStage,
  gridsStage,
  regionsStage,
  repeatedTextStage,
  titleStage,
]);

export { STAGE_NAMES } from '../blocks/trace.js';

export interface ClassifyOptions {
  favor: Favor;
  /** The page's declared language; guessed from its text when absent or without a stopword list. */
  language?: string;
  /** The page's title from its metadata: the title stage takes the block repeating it out of the body. */
  title?: string;
  /** Every threshold and weight; CALIBRATION unless a caller calibrates (see resolveCalibration). */
  calibration?: Calibration;
  /** The stages to run, in order; DEFAULT_STAGES unless a caller leaves some out (see withoutStages). */
  stages?: readonly Stage[];
}

export interface Classification {
  blocks: Block[];
  /** Language whose stopwords were counted (ISO 639-1), when known. */
  language?: string;
  /** The regions kept by the selection stages (empty when they were skipped or kept nothing). */
  regions: Region[];
}

/**
 * Classifies a page's blocks: measures each (features), then runs the stages in order. Before the rules stage a
 * block has no trace, a score of 0 and the label that score gives.
 */
export function classify(raws: readonly RawBlock[], options: ClassifyOptions): Classification {
  const c = options.calibration ?? CALIBRATION;
  const favor: FavorPreset = c.favor[options.favor];
  const scans = raws.map((raw) => scanWords(raw.text));
  const language = pageLanguage(raws, scans, options.language, c);
  const mask = language === undefined ? ~0 >>> 0 : languageBit(language);
  const blocks = raws.map((raw, index) => newBlock(raw, index, measureBlock(raw, index, raws.length, mask, c.features, scans[index]), c, favor));
  const context = stageContext(blocks, c, favor, options.title);
  for (const stage of options.stages ?? DEFAULT_STAGES) stage.run(context);
  return { blocks, language, regions: context.regions ?? [] };
}

/**
 * The default stages less those named. Throws a TypeError naming an unknown stage: the list of names is a
 * program's (or a command line's) and a typo must not pass for "nothing skipped".
 */
export function withoutStages(skip: readonly string[]): readonly Stage[] {
  for (const name of skip) {
    if (!(STAGE_NAMES as readonly string[]).includes(name)) {
      throw new TypeError(`no classifier stage named ${JSON.stringify(name)} (the stages: ${STAGE_NAMES.join(', ')})`);
    }
  }
  return skip.length === 0 ? DEFAULT_STAGES : DEFAULT_STAGES.filter((s) => !skip.includes(s.name));
}

function newBlock(raw: RawBlock, index: number, features: BlockFeatures, c: Calibration, favor: FavorPreset): Block {
  // Every block starts with every field the stages set (one object shape for all of them), and the score of no
  // evidence: 0, its label and its tier.
  const block: Block = {
    index,
    text: raw.text,
    kind: raw.kind,
    features,
    initialLabel: 'boilerplate',
    label: 'boilerplate',
    score: 0,
    biasedScore: 0,
    tier: 'uncertain',
    sections: undefined,
    filler: false,
    trace: [],
    reasons: [],
  };
  if (raw.level !== undefined) block.level = raw.level;
  setScore(block, 0, c, favor.bias);
  return block;
}

function pageLanguage(raws: readonly RawBlock[], scans: readonly WordScan[], declared: string | undefined, c: Calibration): string | undefined {
  const primary = declared !== undefined && languageBit(declared) !== 0 ? declared.toLowerCase().split(/[-_]/)[0] : undefined;
  return guessLanguageFromScans(longTextScans(raws, scans, c.features.languageSampleMinChars), primary === 'nb' || primary === 'nn' ? 'no' : primary) ?? primary;
}

function* longTextScans(raws: readonly RawBlock[], scans: readonly WordScan[], minChars: number): Generator<WordScan> {
  for (let i = 0; i < raws.length; i++) if (raws[i]!.text.length >= minChars) yield scans[i]!;
}

export type { Rule, Verdict, RuleInput } from './rules/index.js';
export type { PageContext } from './page-context.js';
export type { Stage, StageContext, Region } from './stage.js';
export { CALIBRATION, resolveCalibration, type Calibration, type CalibrationOverride } from './calibration.js';
export { REASONS, describeReason, reasonText } from './reasons.js';
