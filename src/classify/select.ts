/**
 * Selection: the grids stage (a listing's or a shop's grid of records, or a text dump's run of priced cards, wins
 * over a thin prose region) and the regions stage (the main region of content, any further region next to it, or the
 * longest run of records on a page without prose). Whichever chooses first sets the page's regions.
 */
import type { Block } from '../blocks/block.js';
import type { Calibration, FavorPreset } from './calibration.js';
import { forEachWord } from '../lang/words.js';
import { stopwordMask } from '../lang/stopwords.js';
import { findPricedRun, findRecordGrids, gridIsContent, selectPricedRun, selectRecordGrid, type RecordGrid } from './grid.js';
import { outweighingRun, restoreRun, snapshot, undoStep } from './guard.js';
import { relabel, stageContext, type Region, type Stage, type StageContext } from './stage.js';

export type { Region } from './stage.js';

export const gridsStage: Stage = { name: 'grids', run: selectGrid };
export const regionsStage: Stage = { name: 'regions', run: selectRegions };

/**
 * Both selection stages on their own (for callers that smooth blocks themselves): the regions kept, in page order.
 * Content outside them is relabelled boilerplate.
 */
export function selectMainRegions(blocks: Block[], c: Calibration, favor: FavorPreset = c.favor.balanced): Region[] {
  const context = stageContext(blocks, c, favor);
  selectGrid(context);
  selectRegions(context);
  return context.regions ?? [];
}

/**
 * The grids stage. A record grid (DOM pages) that outweighs the page's prose is its content ("record-grid"); so is, in
 * a text dump without one, a run of priced cards ("priced-run"). The grid of link cards found on the way is left for
 * the regions stage, which takes it on a page without prose.
 */
function selectGrid(context: StageContext): void {
  const { blocks, calibration: c } = context;
  const before = snapshot(blocks);
  const regions = chooseGrid(context);
  if (regions === undefined) return;
  // A grid or a run of cards that would throw away an article outweighing it is not the page's content; a promotion
  // repeated in a carousel beside it is no such article.
  const run = outweighingRun(blocks, before, c, { distinct: true });
  if (run === undefined) context.regions = regions;
  else undoStep(blocks, run, before, 'grids');
}

/** The grids stage's choice: the regions of the grid or priced run it relabelled, or undefined when it took none. */
function chooseGrid(context: StageContext): Region[] | undefined {
  const { blocks, calibration: c } = context;
  const main = bestRegion(regionValues(blocks, c), blocks, new Array<boolean>(blocks.length).fill(false));
  const grids = findRecordGrids(blocks, c);
  context.linkCardGrid = grids.linkCards;
  const grid = grids.strict;
  if (grid !== undefined && gridIsContent(grid, pageTextWords(blocks, main, c), c)) {
    const r = selectRecordGrid(blocks, grid, 'grids');
    return r === undefined ? [] : [{ ...r, value: grid.words, contentWords: grid.words }];
  }
  if (grid === undefined && blocks[0]?.features.indent !== undefined) {
    const priced = findPricedRun(blocks, c);
    // Compared with the prose only: where there is none, a run of priced cards is a better guess than any run of
    // short lines.
    const prose = main !== undefined && main.contentWords >= c.regions.minRegionWords ? main.contentWords : 0;
    if (priced !== undefined && priced.words >= c.records.minRecordRunWords && priced.words >= prose * c.records.pricedRunOverProse) {
      selectPricedRun(blocks, priced);
      return [{ from: priced.from, to: priced.to, value: priced.words, contentWords: priced.words }];
    }
  }
  return undefined;
}

/**
 * The regions stage (unless the grids stage chose already). After smoothing, content can still appear far from the
 * article (a teaser paragraph in a sidebar, a long comment in the footer). The article is the contiguous stretch of
 * blocks that maximises content words minus the cost of the boilerplate it has to cross (a maximum-sum subarray).
 * Further regions are kept when they are substantial next to the main one (a page split by an advert, forum posts
 * separated by signatures), or, smaller, when they share its topic words (see topicOverlap). Content outside every
 * kept region is relabelled boilerplate ("outside-main-region"). A page without prose enough for a region falls back
 * on its records (see selectWithoutProse).
 */
function selectRegions(context: StageContext): void {
  if (context.regions !== undefined) return;
  const { blocks, calibration: c } = context;
  const before = snapshot(blocks);
  const regions = chooseRegions(context);
  // A run of good blocks left outside every region that outweighs them is the article (or a part of it) too.
  const run = outweighingRun(blocks, before, c);
  if (run !== undefined) {
    restoreRun(context, run, before, 'regions');
    regions.push(run);
  }
  context.regions = regions.sort((a, b) => a.from - b.from);
}

/** The regions stage's choice: the regions kept, content outside them relabelled boilerplate. */
function chooseRegions(context: StageContext): Region[] {
  const { blocks, calibration: c, favor } = context;
  const secondaryShare = favor.secondaryRegionShare;
  const values = regionValues(blocks, c);
  const regions: Region[] = [];
  const taken = new Array<boolean>(blocks.length).fill(false);
  const main = bestRegion(values, blocks, taken);
  if (main === undefined || main.contentWords < c.regions.minRegionWords) return selectWithoutProse(blocks, c, main, context.linkCardGrid);
  const records = longestRecordRun(blocks, c);
  if (records !== undefined && records.contentWords >= main.contentWords * c.records.recordRunOverProse) return selectRecordRun(blocks, c);
  regions.push(main);
  mark(taken, main);
  let mainTopic: Set<string> | undefined;
  const floor = Math.min(secondaryShare, c.regions.topicRegionShare);
  for (;;) {
    const next = bestRegion(values, blocks, taken);
    if (next === undefined || next.value < main.value * floor || next.contentWords < c.regions.minRegionWords) break;
    mark(taken, next);
    if (next.value < main.value * secondaryShare && topicShare(blocks, next, (mainTopic ??= topicWords(blocks, main, c)), c) < c.regions.topicOverlap) continue;
    regions.push(next);
  }
  const kept = new Array<boolean>(blocks.length).fill(false);
  for (const r of regions) mark(kept, r);
  for (let i = 0; i < blocks.length; i++) if (!kept[i] && blocks[i]!.label === 'content') relabel(blocks[i]!, 'regions', 'boilerplate', 'outside-main-region');
  for (const r of regions) keepListsInRegion(blocks, r);
  return regions;
}

/** Calls `visit` with the topic words of a text: lower-cased words of `topicWordMinLetters` letters or more that are no stopword. */
function forEachTopicWord(text: string, c: Calibration, visit: (word: string) => void): void {
  const minLetters = c.regions.topicWordMinLetters;
  forEachWord(text.toLowerCase(), (w) => {
    if (w.length >= minLetters && stopwordMask(w) === 0) visit(w);
  });
}

/** The topic words of a region's content. */
function topicWords(blocks: readonly Block[], r: Region, c: Calibration): Set<string> {
  const out = new Set<string>();
  for (let i = r.from; i <= r.to; i++) if (blocks[i]!.label === 'content') forEachTopicWord(blocks[i]!.text, c, (w) => out.add(w));
  return out;
}

/** Share of a region's topic words (counted with repeats) that the main region uses too. */
function topicShare(blocks: readonly Block[], r: Region, main: ReadonlySet<string>, c: Calibration): number {
  let all = 0;
  let shared = 0;
  for (let i = r.from; i <= r.to; i++) {
    if (blocks[i]!.label !== 'content') continue;
    forEachTopicWord(blocks[i]!.text, c, (w) => {
      all++;
      if (main.has(w)) shared++;
    });
  }
  return all === 0 ? 0 : shared / all;
}

/**
 * The words of the text a record grid competes with: the main prose region, or, when it is too small to be
 * kept, the record run that the fallback would return.
 */
function pageTextWords(blocks: readonly Block[], main: Region | undefined, c: Calibration): number {
  if (main !== undefined && main.contentWords >= c.regions.minRegionWords) return main.contentWords;
  return Math.max(main?.contentWords ?? 0, longestRecordRun(blocks, c)?.contentWords ?? 0);
}

/**
 * A bulleted block inside a kept region that no rule found confidently boilerplate is one of the article's list
 * items ("list-in-region"): the region already crosses it, and menus that sit inside an article are short
 * bulleted runs that the per-block rules mark bad.
 */
function keepListsInRegion(blocks: Block[], r: Region): void {
  for (let i = r.from; i <= r.to; i++) {
    const b = blocks[i]!;
    if (b.label === 'content' || !b.features.bullet || b.tier === 'bad') continue;
    relabel(b, 'regions', 'content', 'list-in-region');
  }
}

/**
 * Each block's value to a region. Content adds its words. Boilerplate costs its words plus a fixed cost per block; a
 * block that was only uncertain (a code line, a table row, a short label) costs a share of that, so an article
 * interrupted by a code sample or a table stays one region while a confident menu still splits it.
 */
function regionValues(blocks: readonly Block[], c: Calibration): number[] {
  const r = c.regions;
  return blocks.map((b) => {
    if (b.label === 'content') return b.features.words;
    const cost = b.features.words * r.gapCostPerWord + r.gapCostPerBlock;
    return b.tier === 'bad' ? -cost : -cost * r.uncertainGapShare;
  });
}

/** Kadane's algorithm restricted to blocks not yet taken; a region starts and ends on content. */
function bestRegion(values: number[], blocks: readonly Block[], taken: boolean[]): Region | undefined {
  let best: Region | undefined;
  let sum = 0;
  let start = -1;
  let words = 0;
  for (let i = 0; i < values.length; i++) {
    if (taken[i]) {
      sum = 0;
      start = -1;
      words = 0;
      continue;
    }
    const v = values[i]!;
    if (start < 0) {
      if (v <= 0) continue;
      start = i;
      sum = 0;
      words = 0;
    }
    sum += v;
    if (blocks[i]!.label === 'content') words += blocks[i]!.features.words;
    if (sum <= 0) {
      start = -1;
      continue;
    }
    if (v > 0 && (best === undefined || sum > best.value)) best = { from: start, to: i, value: sum, contentWords: words };
  }
  return best;
}

function mark(taken: boolean[], r: Region): void {
  for (let i = r.from; i <= r.to; i++) taken[i] = true;
}

/**
 * A page without prose enough for a region: a listing, a grid, a directory. The record run (selectRecordRun) takes
 * the short blocks that no rule found confidently boilerplate. On a grid of link cards (a job board, a shop whose
 * cards are links through and through, a grid inside a container named "search") every block is scored bad for
 * its links or its class, and the run finds little or nothing. So on a DOM page a grid is taken whatever its link
 * share when it holds at least `linkCardGridOverRun` times the words of that run and of the small prose region: a
 * repeated structure of many records is then the best guess at the page's content. With prose on the page, link
 * cards stay boilerplate (taking a grid of 3 times the prose's words measured worse on scrapinghub's news pages, of
 * 6 times no better on wcxb-dev).
 */
function selectWithoutProse(blocks: Block[], c: Calibration, main: Region | undefined, cards: RecordGrid | undefined): Region[] {
  const r = c.records;
  const run = longestRecordRun(blocks, c);
  const runWords = run !== undefined && run.contentWords >= r.minRecordRunWords ? run.contentWords : 0;
  if (cards !== undefined && cards.words >= r.minRecordRunWords && cards.words >= Math.max(runWords, main?.contentWords ?? 0) * r.linkCardGridOverRun) {
    const kept = selectRecordGrid(blocks, cards, 'regions');
    return kept === undefined ? [] : [{ ...kept, value: cards.words, contentWords: cards.words }];
  }
  return selectRecordRun(blocks, c);
}

/**
 * Fallback for pages without prose, or whose prose is a short intro above far more records (product grids,
 * listings, link directories): the article is the longest run of records (see isRecord), allowing short
 * interruptions.
 * Menus are bulleted by renderers and by sites alike, which is what separates them from a grid of records.
 */
export function selectRecordRun(blocks: Block[], c: Calibration): Region[] {
  const best = longestRecordRun(blocks, c);
  for (const b of blocks) if (b.label === 'content') relabel(b, 'regions', 'boilerplate', 'outside-main-region');
  if (best === undefined || best.contentWords < c.records.minRecordRunWords || tooFewRecordLines(blocks, best, c)) return [];
  for (let i = best.from; i <= best.to; i++) {
    const b = blocks[i]!;
    if (isRecord(b, c)) relabel(b, 'regions', 'content', 'record-run');
  }
  return [best];
}

/**
 * Text dumps: a renderer draws one record as a line or a few, so a listing is many lines, and a handful of lines
 * without the function words of prose is a footer of link lists. A handful of prose lines is a short article that
 * no block of which was confident on its own: it stays. A no-op for DOM pages (no indentation), where a few
 * blocks can be a listing.
 */
function tooFewRecordLines(blocks: readonly Block[], r: Region, c: Calibration): boolean {
  if (blocks[r.from]!.features.indent === undefined) return false;
  let n = 0;
  let words = 0;
  let stopwords = 0;
  for (let i = r.from; i <= r.to; i++) {
    const f = blocks[i]!.features;
    if (!isRecord(blocks[i]!, c)) continue;
    n++;
    words += f.words;
    stopwords += f.stopwordDensity * f.words;
  }
  return n < c.records.minRecordRunRecords && stopwords < words * c.records.recordRunProseStopwords;
}

/**
 * A record: a line of a grid or a listing (a name, a price, a rating, a short description), i.e. a block that
 * is not bulleted, not confidently boilerplate, and shorter than running text (a run of long paragraphs is
 * prose, which the main-region selection judges).
 */
function isRecord(b: Block, c: Calibration): boolean {
  return !b.features.bullet && b.features.words < c.records.recordMaxWords && b.tier !== 'bad';
}

/** The run of records with the most words (see selectRecordRun), without relabelling anything. */
function longestRecordRun(blocks: readonly Block[], c: Calibration): Region | undefined {
  let best: Region | undefined;
  let from = -1;
  let words = 0;
  let gap = 0;
  let lastRecord = -1;
  const close = () => {
    if (from >= 0 && (best === undefined || words > best.contentWords)) best = { from, to: lastRecord, value: words, contentWords: words };
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const record = isRecord(b, c);
    if (record) {
      if (from < 0) [from, words] = [i, 0];
      words += b.features.words;
      lastRecord = i;
      gap = 0;
    } else if (from >= 0 && ++gap > c.records.recordRunMaxGap) {
      close();
      from = -1;
    }
  }
  close();
  return best;
}
