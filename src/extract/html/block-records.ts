/**
 * The segmenter's passes over the whole page, once the walk has emitted every block: which hidden groups hold the
 * page's text, which class words a layout wrapper hands to everything inside it, how link-heavy each list is. They
 * work on one array of records, each a block with what the passes need to know of where it came from.
 */
import type { RawBlock } from '../../blocks/block.js';
import { TENTATIVE_MIN_CHARS, WRAPPER_MIN_CHARS, WRAPPER_TEXT_SHARE } from './thresholds.js';

/**
 * An element whose own class, id or itemprop carries furniture words ("site-footer", "sidebar-container"), and the
 * characters of the blocks inside it. A token is inherited by every block below its element, so a layout wrapper
 * named for one part of the page ("flex-wrap-footer" around everything above the footer, "page-wrap" with a
 * "subnav" id, a skip link's "skip-to-content" target) hands its word to the whole page; knowing which element gave
 * the word lets the segmenter take it back from the wrapper alone.
 */
export interface TokenSource {
  readonly tokens: readonly string[];
  chars: number;
}

/** A block as the walk emitted it, with where it came from. */
export interface BlockRecord {
  readonly block: RawBlock;
  /** Id of the list the block is an item of, 0 when it is none (for the list link-density pass). */
  readonly listId: number;
  /** Id of the tentative group (a hidden subtree or a noscript walked on trial) holding it, 0 for visible blocks. */
  readonly group: number;
  /** Furniture-token sources of the block's elements, outermost first. */
  readonly sources: readonly TokenSource[];
}

/**
 * The page's blocks from the walk's records: tentative groups settled, wrapper tokens taken back, list link
 * densities set. `visibleChars` counts the characters of the blocks that remain.
 */
export function finishBlocks(records: readonly BlockRecord[]): { blocks: RawBlock[]; visibleChars: number } {
  const kept = settleTentativeGroups(records);
  dropWrapperTokens(kept);
  markLinkLists(kept);
  let visibleChars = 0;
  for (const r of kept) visibleChars += r.block.text.length;
  return { blocks: kept.map((r) => r.block), visibleChars };
}

/**
 * Keeps the blocks of a tentative group only when the group holds the page's text: more characters than all
 * visible blocks together, and at least TENTATIVE_MIN_CHARS. Drops the other groups' blocks.
 */
function settleTentativeGroups(records: readonly BlockRecord[]): readonly BlockRecord[] {
  const groups = new Map<number, number>();
  let visible = 0;
  for (const r of records) {
    if (r.group === 0) visible += r.block.text.length;
    else groups.set(r.group, (groups.get(r.group) ?? 0) + r.block.text.length);
  }
  if (groups.size === 0) return records;
  const kept = new Set<number>();
  for (const [group, chars] of groups) if (chars > visible && chars >= TENTATIVE_MIN_CHARS) kept.add(group);
  return records.filter((r) => r.group === 0 || kept.has(r.group));
}

/**
 * Takes a wrapper's furniture words back from the blocks inside it. An element holding at least
 * WRAPPER_TEXT_SHARE of the page's block characters is the page's layout, not a part of it: its furniture words
 * are removed from its blocks, unless another element around the block carries the same word (the real footer
 * inside a "flex-wrap-footer" page keeps "footer"). Pages under WRAPPER_MIN_CHARS are left as they are. One pass
 * over the blocks and their few sources; tokens are only rebuilt for blocks under a wrapper.
 */
function dropWrapperTokens(records: readonly BlockRecord[]): void {
  let total = 0;
  for (const r of records) {
    const chars = r.block.text.length;
    total += chars;
    for (const source of r.sources) source.chars += chars;
  }
  if (total < WRAPPER_MIN_CHARS) return;
  const isWrapper = (source: TokenSource) => source.chars >= total * WRAPPER_TEXT_SHARE;
  // Blocks of one element share its sources array: the words to take back are worked out once per array.
  const takeBack = new Map<readonly TokenSource[], ReadonlySet<string>>();
  for (const { block, sources } of records) {
    const dom = block.dom;
    if (dom?.classTokens === undefined || !sources.some(isWrapper)) continue;
    let words = takeBack.get(sources);
    if (words === undefined) {
      const fromWrappers = new Set<string>();
      for (const source of sources) if (isWrapper(source)) for (const t of source.tokens) fromWrappers.add(t);
      for (const source of sources) if (!isWrapper(source)) for (const t of source.tokens) fromWrappers.delete(t);
      takeBack.set(sources, (words = fromWrappers));
    }
    if (words.size > 0) dom.classTokens = dom.classTokens.filter((t) => !words.has(t));
  }
}

/** Sets listLinkDensity on list items: the link density of all items of the same list together. */
function markLinkLists(records: readonly BlockRecord[]): void {
  const totals = new Map<number, { chars: number; links: number }>();
  for (const { block, listId } of records) {
    if (listId === 0) continue;
    const total = totals.get(listId) ?? { chars: 0, links: 0 };
    total.chars += block.text.length;
    total.links += (block.dom?.linkDensity ?? 0) * block.text.length;
    totals.set(listId, total);
  }
  if (totals.size === 0) return;
  for (const { block, listId } of records) {
    const total = totals.get(listId);
    if (total !== undefined && block.dom !== undefined) block.dom.listLinkDensity = total.links / Math.max(1, total.chars);
  }
}
