/**
 * The rules stage: the page's facts (page-context.ts), then every rule on every block. Each verdict adds its weight
 * to the block's score and an entry to its trace; the favor preset's bias is then added once, and the block's tier
 * stored, for every later stage to read.
 */
import type { Block, Label } from '../../blocks/block.js';
import type { Tier, TraceEntry } from '../../blocks/trace.js';
import type { Calibration } from '../calibration.js';
import { pageContext, sectionsOf } from '../page-context.js';
import { addVerdict, type Stage, type StageContext } from '../stage.js';
import { FILLER_TEXT } from '../vocab.js';
import { DOM_RULES } from './dom.js';
import type { Rule, RuleInput, Verdict } from './rule.js';
import { SHARED_RULES } from './shared.js';

export type { Rule, RuleInput, Verdict } from './rule.js';
export { SHARED_RULES } from './shared.js';
export { DOM_RULES } from './dom.js';

/** The shared rules, then the DOM rules: for pages whose blocks carry DOM features. */
const ALL_RULES: readonly Rule[] = [...SHARED_RULES, ...DOM_RULES];

export const rulesStage: Stage = { name: 'rules', run: runRules };

function runRules({ blocks, calibration: c, favor }: StageContext): void {
  const dom = blocks.some((b) => b.features.tagPath !== undefined);
  const page = pageContext(blocks, c, dom);
  const rules = dom ? ALL_RULES : SHARED_RULES;
  const nearGood = c.tiers.nearGood;
  const entryOf = verdictEntries();
  for (const b of blocks) {
    const lower = b.text.toLowerCase();
    const sections = sectionsOf(b.index, page);
    const filler = FILLER_TEXT.test(lower);
    b.sections = sections;
    b.filler = filler;
    const input: RuleInput = { index: b.index, text: b.text, lower, kind: b.kind, features: b.features, page, sections, filler, calibration: c };
    let score = 0;
    for (const rule of rules) {
      const verdict = rule(input);
      if (verdict === undefined) continue;
      score += verdict.weight;
      addVerdict(b, entryOf(verdict, score >= nearGood ? 'content' : 'boilerplate'));
    }
    setScore(b, score, c, favor.bias);
  }
}

/**
 * Sets the block's score and what follows from it: its initial label (by the score alone), its score with the favor
 * preset's bias, and the tier of that. The one place the bias is applied.
 */
export function setScore(b: Block, score: number, c: Calibration, bias: number): void {
  b.score = score;
  b.initialLabel = score >= c.tiers.nearGood ? 'content' : 'boilerplate';
  b.label = b.initialLabel;
  b.biasedScore = score + bias;
  b.tier = tierOf(b.biasedScore, c);
}

/** The tier of a score that already carries the favor preset's bias. */
export function tierOf(biasedScore: number, c: Calibration): Tier {
  if (biasedScore >= c.tiers.good) return 'good';
  if (biasedScore <= c.tiers.bad) return 'bad';
  return 'uncertain';
}

type RuleEntry = TraceEntry & { readonly stage: 'rules' };

/**
 * The trace entries of a page's verdicts, one frozen object per reason, weight and label, shared by every block
 * that gets it: a page's blocks hold thousands of entries, and only a few dozen differ.
 */
function verdictEntries(): (verdict: Verdict, label: Label) => RuleEntry {
  // A reason comes with one or two weights (class:meta is a byline's or a long block's) and two labels at most.
  const byReason = new Map<string, RuleEntry[]>();
  return ({ reason, weight }, label) => {
    let entries = byReason.get(reason);
    if (entries === undefined) byReason.set(reason, (entries = []));
    for (const e of entries) if (e.weight === weight && e.label === label) return e;
    const entry: RuleEntry = Object.freeze({ stage: 'rules', label, reason, weight });
    entries.push(entry);
    return entry;
  };
}
