import type { Block } from '../blocks/block.js';
import { BULLET } from '../blocks/vocab.js';
import type { Calibration } from './calibration.js';
import { relabel, type LabelReason } from './stage.js';
import { PRICE } from './vocab.js';

/** A DOM container whose child containers repeat one structure: a product grid, a listing, a table of records. */
export interface RecordGrid {
  /** Id of the container holding the records. */
  container: number;
  /** Distinct child containers holding text (the records). */
  records: number;
  /** Words of the blocks inside the records. */
  words: number;
  /**
   * Share of records whose first block has the most common shape (tag path and kind). A grid qualifies on the share
   * of records holding one shape in any of their blocks (cards that open with a "Sale" badge or a swatch list).
   */
  similarity: number;
  /** Share of the words outside links. */
  textShare: number;
  /** Share of the records showing a price. */
  pricedShare: number;
}

interface ChildStats {
  words: number;
  /** Words outside links. */
  textWords: number;
  blocks: number;
  /** Shape of the record's first block. */
  shape: string;
  priced: boolean;
}

/**
 * Record grids (DOM pages only; undefined when blocks carry no container ancestry). A listing, a product grid or a
 * collection page is many sibling containers with the same structure, each holding a title and a short text (a
 * price, a date, a teaser). Their blocks look like furniture one by one (short, Title Case, link-dense, in
 * "teaser" or "card" containers), which is why the prose rules drop them; together they are the page.
 *
 * For every container, its child containers holding text are counted with their words and the shapes of their
 * blocks. The grid is the container with the most words among those with at least `gridMinRecords` records, of
 * which at least `gridMinSimilarity` hold one shape (in any of their blocks: a card may open with a badge),
 * averaging at least `gridMinBlocksPerRecord` blocks (a menu is a list of single links) and at most
 * `gridMaxBlocksPerRecord` (a column of the layout is not a record), with at least `gridMinTextShare` of their words
 * outside links (a price, a date, a description; a nested menu is links only) and short blocks (at most
 * `gridMaxWordsPerBlock` words on average: repeated containers of prose are comments or posts, which the prose rules
 * judge); records that show a price (at least `gridPricedShare` of them) need no text outside links, since product
 * cards are often links through and through; so do all records with `linkCards`, which the selection asks for only
 * on a page without prose (a job board whose every card is one link).
 * Blocks in page landmarks (nav, header, footer) or in a container named footer, template filler ("Lorem ipsum…": a theme's sample cards) and
 * blocks in a comment section are not surveyed: a comment thread (name, date, text, again and again) has a grid's
 * shape, but it is readers' text, not a listing. One pass over each block's ancestry: linear in blocks × depth.
 */
export function findRecordGrid(blocks: readonly Block[], c: Calibration, { linkCards = false }: { linkCards?: boolean } = {}): RecordGrid | undefined {
  const grids = findRecordGrids(blocks, c);
  return linkCards ? grids.linkCards : grids.strict;
}

/**
 * Blocks a grid survey counts: with words, outside page landmarks and containers named footer, comment sections and
 * template filler. A site's footer is columns of link lists, each a heading and its links: a grid's shape, but never
 * the page's content (such footers in a div rather than a footer element were kept instead of short articles).
 */
function surveyed(b: Block): boolean {
  return (
    b.features.words > 0 && b.features.landmark === undefined && b.features.classTokens?.includes('footer') !== true &&
    b.sections?.includes('comment') !== true && b.filler !== true
  );
}

/** The record (child container of `container`) a block sits in, if any. */
function recordOf(b: Block, container: number): number | undefined {
  const chain = b.features.ancestors;
  if (chain === undefined) return undefined;
  const at = chain.indexOf(container);
  return at < 0 ? undefined : chain[at + 1];
}

/** A block's shape: its tag path and kind. */
function shapeOf(b: Block): string {
  return `${b.features.tagPath ?? ''}|${b.kind}`;
}

/** Both grids of findRecordGrid from one survey of the page: the strict one, and the one that takes link cards. */
export function findRecordGrids(blocks: readonly Block[], c: Calibration): { strict: RecordGrid | undefined; linkCards: RecordGrid | undefined } {
  const r = c.records;
  const parents = new Map<number, Map<number, ChildStats>>();
  for (const b of blocks) {
    const chain = b.features.ancestors;
    if (chain === undefined || !surveyed(b)) continue;
    const shape = shapeOf(b);
    const textWords = b.features.words * (1 - b.features.linkDensity);
    const priced = b.features.words <= r.gridMaxWordsPerBlock && PRICE.test(b.text);
    for (let d = 0; d + 1 < chain.length; d++) {
      let children = parents.get(chain[d]!);
      if (children === undefined) parents.set(chain[d]!, (children = new Map()));
      const child = children.get(chain[d + 1]!);
      if (child === undefined) children.set(chain[d + 1]!, { words: b.features.words, textWords, blocks: 1, shape, priced });
      else {
        child.words += b.features.words;
        child.textWords += textWords;
        child.blocks++;
        if (priced) child.priced = true;
      }
    }
  }
  let strict: RecordGrid | undefined;
  let linkCards: RecordGrid | undefined;
  for (const [container, children] of parents) {
    if (children.size < r.gridMinRecords) continue;
    let words = 0;
    let textWords = 0;
    let count = 0;
    let pricedRecords = 0;
    const shapes = new Map<string, number>();
    for (const c of children.values()) {
      words += c.words;
      textWords += c.textWords;
      count += c.blocks;
      if (c.priced) pricedRecords++;
      shapes.set(c.shape, (shapes.get(c.shape) ?? 0) + 1);
    }
    let common = 0;
    for (const n of shapes.values()) common = Math.max(common, n);
    const similarity = common / children.size;
    const blocksPerRecord = count / children.size;
    if (blocksPerRecord < r.gridMinBlocksPerRecord || blocksPerRecord > r.gridMaxBlocksPerRecord) continue;
    // Product cards are often links through and through (the title, the swatches, even the price): priced
    // records are a product grid whatever their link share. A menu shows no prices.
    if (words > count * r.gridMaxWordsPerBlock) continue;
    // A card may open with a badge, a swatch list or a rating before its title: records qualify by a shape they all
    // hold somewhere (the title's, the price's), while `similarity` (first blocks alike) still says how regular
    // the grid is. The first block's shape is one of them, so the survey of all shapes is only needed below the bar.
    if (similarity < r.gridMinSimilarity && recordsSharingAShape(blocks, container) < children.size * r.gridMinSimilarity) continue;
    const pricedShare = pricedRecords / children.size;
    const grid = { container, records: children.size, words, similarity, textShare: textWords / words, pricedShare };
    if (linkCards === undefined || words > linkCards.words) linkCards = grid;
    const textShareNeeded = pricedShare >= r.gridPricedShare ? 0 : r.gridMinTextShare;
    if (textWords >= words * textShareNeeded && (strict === undefined || words > strict.words)) strict = grid;
  }
  return { strict, linkCards };
}

/**
 * How many of a container's records (its child containers) hold a block of one shape, for the most widespread shape.
 * A record's blocks are consecutive in reading order, so a shape is counted once per record by remembering the last
 * record it was seen in.
 */
function recordsSharingAShape(blocks: readonly Block[], container: number): number {
  const seen = new Map<string, { records: number; last: number }>();
  let most = 0;
  for (const b of blocks) {
    if (!surveyed(b)) continue;
    const record = recordOf(b, container);
    if (record === undefined) continue;
    const shape = shapeOf(b);
    let s = seen.get(shape);
    if (s === undefined) seen.set(shape, (s = { records: 1, last: record }));
    else if (s.last !== record) {
      s.records++;
      s.last = record;
    }
    most = Math.max(most, s.records);
  }
  return most;
}

/**
 * Keeps the grid's records ("record-grid"): every block inside the grid container that carries words, is not
 * furniture vocabulary ("Share", "Read more") and does not repeat a text already kept in the grid (a card shows its
 * title on the image, as a heading and as a link; deduplicating per card instead measured 0.0005 lower on wcxb-dev).
 * Fields are the exception: a label ending in a colon ("Capacity:", "Jane wrote:") and the value after it in the same
 * record recur from card to card as each card's own specs, so they are deduplicated within their record only
 * (wcxb-dev word F1 HTML 0.8600 → 0.8604: shops' spec lines, forums' quote attributions).
 * Everything else on the page is relabelled boilerplate.
 */
export function selectRecordGrid(blocks: Block[], grid: RecordGrid, stage: 'grids' | 'regions'): { from: number; to: number } | undefined {
  const inside = (b: Block) => b.features.landmark === undefined && b.features.ancestors?.includes(grid.container) === true;
  const isLabel = (b: Block) => b.text.endsWith(':');
  const keyOf = (b: Block): string => {
    const previous = blocks[b.index - 1];
    const record = recordOf(b, grid.container);
    const field = isLabel(b) || (previous !== undefined && isLabel(previous) && recordOf(previous, grid.container) === record);
    return field ? `${record}\u0000${b.text}` : b.text;
  };
  return keepOnly(blocks, inside, keyOf, stage, 'record-grid', 'outside-record-grid');
}

/**
 * Keeps the blocks `inside` that carry words, are neither furniture vocabulary nor template filler and whose key was
 * not kept before (a repeated title), with the reason `kept`; every other content block becomes boilerplate (`dropped`).
 * Returns the indices of the first and last block kept.
 */
function keepOnly(
  blocks: Block[], inside: (b: Block) => boolean, keyOf: (b: Block) => string, stage: 'grids' | 'regions', kept: LabelReason,
  dropped: LabelReason,
): { from: number; to: number } | undefined {
  const seen = new Set<string>();
  let from = -1;
  let to = -1;
  for (const b of blocks) {
    const candidate = inside(b) && b.features.words > 0 && b.features.menuPattern === undefined && b.filler !== true;
    const key = candidate ? keyOf(b) : '';
    const keep = candidate && !seen.has(key);
    if (keep) {
      seen.add(key);
      if (b.label !== 'content') relabel(b, stage, 'content', kept);
      if (from < 0) from = b.index;
      to = b.index;
    } else if (b.label === 'content') {
      relabel(b, stage, 'boilerplate', dropped);
    }
  }
  return from < 0 ? undefined : { from, to };
}

/**
 * Whether the grid outweighs the page's prose enough to be its content: a very regular grid (`gridRegularSimilarity`)
 * at `gridOverProse` times the main region's words, a looser one at `gridLooseOverProse` times.
 */
export function gridIsContent(grid: RecordGrid, proseWords: number, c: Calibration): boolean {
  const r = c.records;
  if (grid.words < r.minRecordRunWords) return false;
  const ratio = grid.similarity >= r.gridRegularSimilarity ? r.gridOverProse : r.gridLooseOverProse;
  return grid.words >= proseWords * ratio;
}

/**
 * Priced runs (text dumps, where no DOM shows the grid): a product grid drawn as text is a stretch where short
 * price lines recur every few lines, one per card. The run is the longest chain of price lines (at most
 * `pricedRunMaxWords` words each) with at most `pricedRunMaxGap` lines between neighbours and at least
 * `pricedRunMinRecords` of them; it starts one card before its first price (the median gap) and ends at its last.
 */
export function findPricedRun(blocks: readonly Block[], c: Calibration): { from: number; to: number; records: number; words: number } | undefined {
  const r = c.records;
  const prices: number[] = [];
  for (const b of blocks) if (b.features.words <= r.pricedRunMaxWords && PRICE.test(b.text)) prices.push(b.index);
  let best: { first: number; last: number } | undefined;
  let first = 0;
  for (let k = 1; k <= prices.length; k++) {
    if (k < prices.length && prices[k]! - prices[k - 1]! <= r.pricedRunMaxGap) continue;
    if (k - first >= r.pricedRunMinRecords && (best === undefined || k - first > best.last - best.first + 1)) best = { first, last: k - 1 };
    first = k;
  }
  if (best === undefined) return undefined;
  const gaps: number[] = [];
  for (let k = best.first + 1; k <= best.last; k++) gaps.push(prices[k]! - prices[k - 1]!);
  gaps.sort((a, b) => a - b);
  const period = gaps[Math.floor(gaps.length / 2)]!;
  const from = Math.max(0, prices[best.first]! - period + 1);
  const to = prices[best.last]!;
  let words = 0;
  for (let i = from; i <= to; i++) if (blocks[i]!.features.menuPattern === undefined) words += blocks[i]!.features.words;
  return { from, to, records: best.last - best.first + 1, words };
}

/**
 * Keeps a priced run ("priced-run"): its lines with words, except furniture vocabulary and lines repeating one
 * already kept in the run, bullets aside (a card names its product on the image and again as a link). Everything
 * else is relabelled boilerplate.
 */
export function selectPricedRun(blocks: Block[], run: { from: number; to: number }): void {
  const inRun = (b: Block) => b.index >= run.from && b.index <= run.to;
  keepOnly(blocks, inRun, (b) => b.text.replace(BULLET, '').trimStart(), 'grids', 'priced-run', 'outside-priced-run');
}
