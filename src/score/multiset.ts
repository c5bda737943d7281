import { SHINGLE_SIZE } from './constants.js';

/** A bag of keys: each distinct key with how many times it occurs. */
export type Multiset = Map<string, number>;

/** How a predicted bag overlaps a gold bag. */
export interface Overlap {
  /** Items in both bags: Σ min(gold count, predicted count). */
  tp: number;
  /** Predicted items beyond the gold count: Σ max(0, predicted − gold). */
  fp: number;
  /** Gold items beyond the predicted count: Σ max(0, gold − predicted). */
  fn: number;
}

/** Counts the items of a list. */
export function toMultiset(items: readonly string[]): Multiset {
  const bag: Multiset = new Map();
  for (const item of items) bag.set(item, (bag.get(item) ?? 0) + 1);
  return bag;
}

/**
 * The multiset overlap of predicted items with gold items: tp = Σ min(gold count, predicted count), and the
 * excesses. Only the shorter list is counted into a Map; each item of the longer one then consumes one
 * remaining copy, which gives the same Σ min with half the Map work.
 */
export function overlap(predicted: readonly string[], gold: readonly string[]): Overlap {
  const [counted, streamed] = predicted.length <= gold.length ? [predicted, gold] : [gold, predicted];
  const remaining = toMultiset(counted);
  let tp = 0;
  for (const item of streamed) {
    const left = remaining.get(item) ?? 0;
    if (left > 0) {
      remaining.set(item, left - 1);
      tp++;
    }
  }
  return { tp, fp: predicted.length - tp, fn: gold.length - tp };
}

/**
 * Gives each distinct token of the texts being compared a small number, so that a shingle's key is a few
 * code units instead of four words joined (shorter keys hash faster, and a folder run builds millions).
 * Both texts of one comparison must share one numbering.
 */
export type TokenNumbering = Map<string, number>;

/** The numbers of a token list, adding unseen tokens to the numbering. */
export function numberTokens(tokens: readonly string[], numbering: TokenNumbering): number[] {
  const ids: number[] = new Array<number>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    let id = numbering.get(token);
    if (id === undefined) {
      id = numbering.size;
      numbering.set(token, id);
    }
    ids[i] = id;
  }
  return ids;
}

/**
 * Token numbers below this fit one UTF-16 code unit in a key; larger ones take two, the first with this
 * bit set. The encoding is prefix-free, so concatenated numbers never read two ways and no separator is
 * needed. Pages have far fewer distinct words, so keys are almost always SHINGLE_SIZE units long.
 */
const ONE_UNIT_LIMIT = 0x8000;

/** The key of one shingle from its token numbers. */
function shingleKey(ids: readonly number[], start: number, end: number): string {
  const units: number[] = [];
  for (let i = start; i < end; i++) {
    const id = ids[i] ?? 0;
    if (id < ONE_UNIT_LIMIT) units.push(id);
    else units.push(ONE_UNIT_LIMIT | Math.floor(id / ONE_UNIT_LIMIT), id % ONE_UNIT_LIMIT);
  }
  return String.fromCharCode(...units);
}

/**
 * The overlapping SHINGLE_SIZE-token shingles of a numbered token list, as Map keys, in order. As in the
 * published benchmark, a text shorter than one shingle (1 to SHINGLE_SIZE − 1 tokens) is one shingle of all
 * its tokens, and a text with no tokens has no shingles. Keys of different lengths never match, as tuples
 * of different lengths never do in the benchmark.
 */
export function shingleKeys(ids: readonly number[]): string[] {
  if (ids.length === 0) return [];
  if (ids.length < SHINGLE_SIZE) return [shingleKey(ids, 0, ids.length)];
  const keys: string[] = new Array<string>(ids.length - SHINGLE_SIZE + 1);
  for (let start = 0; start + SHINGLE_SIZE <= ids.length; start++) {
    keys[start] = shingleKey(ids, start, start + SHINGLE_SIZE);
  }
  return keys;
}
