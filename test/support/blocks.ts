import type { Block, BlockFeatures, BlockKind, Label, LinkSpan } from '../../src/blocks/block.js';
import { CALIBRATION } from '../../src/classify/calibration.js';
import { tierOf } from '../../src/classify/rules/index.js';

/**
 * A block as the rules stage leaves it, from a test's hand-made fields: its `score` gives its tier as the classifier
 * would (balanced preset: good ≥ 3, bad ≤ -3), its trace is empty.
 */
export function scored(b: Omit<Block, 'biasedScore' | 'tier' | 'trace'>): Block {
  return { ...b, biasedScore: b.score, tier: tierOf(b.score, CALIBRATION), trace: [] };
}

/** Features of a plain block: renderers ignore them, so tests need only a valid object. */
export function plainFeatures(text: string): BlockFeatures {
  return {
    words: text.split(/\s+/).length, chars: text.length, stopwordDensity: 0, terminalPunctuation: false, sentences: 0,
    capitalisedRatio: 0, bullet: false, digitRatio: 0, menuPattern: undefined, position: 0, linkDensity: 0,
  };
}

export interface BlockOptions {
  label?: Label;
  level?: number;
  /** Link spans as [linked text, href] pairs, found in order in the text. */
  links?: [string, string][];
}

/** A block as the classifier would leave it, for renderer tests. */
export function makeBlock(index: number, kind: BlockKind, text: string, options: BlockOptions = {}): Block {
  const label = options.label ?? 'content';
  const spans: LinkSpan[] = [];
  let from = 0;
  for (const [linked, href] of options.links ?? []) {
    const start = text.indexOf(linked, from);
    if (start < 0) throw new Error(`"${linked}" not in "${text}"`);
    spans.push({ start, end: start + linked.length, href });
    from = start + linked.length;
  }
  return scored({
    index, kind, text, label, initialLabel: label, score: label === 'content' ? 3 : -3, reasons: [],
    ...(options.level === undefined ? {} : { level: options.level }),
    ...(spans.length === 0 ? {} : { links: spans }),
    features: plainFeatures(text),
  });
}
