import type { Article } from '../article.js';
import type { Block } from '../blocks/block.js';
import { diff, score, tokenize, type DiffItem, type Scores } from '../score/index.js';
import { SHINGLE_SIZE } from '../score/constants.js';
import { escapeHtml } from '../render/html.js';
import { REPORT_STYLE, SCORE_DECIMALS, contentSecurityPolicy } from './style.js';
import { wordCounts } from '../render/format.js';
import { describeReason } from '../classify/reasons.js';

/**
 * The visual report (`declutter PAGE --report FILE`): one self-contained HTML file showing every block of the
 * page in reading order, kept blocks in full colour, removed ones dimmed and struck through, each with its kind,
 * score and reasons. With a reference text it also marks what the reference has and the output misses (located
 * in the blocks that hold it, usually removed ones) and the output lines the reference lacks, with the scores on
 * top.
 *
 * The page is hostile input: only its text reaches the report, escaped; no page markup, no links taken from the
 * page, no script, no network (a Content-Security-Policy forbids every fetch). Styles are inline.
 */
export interface ReportOptions {
  /** What the page is called in the header: its file name, or "stdin". */
  source?: string;
  /** The clean reference text: adds the scores, missing reference sentences and extra output lines. */
  reference?: string;
  /** Relative link to an index of reports, shown at the top. */
  indexHref?: string;
  /** A note shown under the header (e.g. why a page has no blocks). */
  note?: string;
  /** analyseReport(article, reference), when the caller has it already (it is computed otherwise). */
  analysis?: ReportAnalysis;
  /**
   * What a reason code means (the code without the "→" that marks a label change), or undefined when it has no
   * description: the legend lists the page's reasons with their descriptions, and each code shows its own on hover.
   * The classifier's own table (describeReason) unless another is given.
   */
  describeReason?: ReasonDescriber;
}

/** A reason code's description, if it has one. */
export type ReasonDescriber = (reason: string) => string | undefined;

/** A describer from a table of descriptions by reason code. */
export function describeFrom(table: Readonly<Record<string, string>> | ReadonlyMap<string, string>): ReasonDescriber {
  if (table instanceof Map) return (reason) => table.get(reason);
  const record = table as Readonly<Record<string, string>>;
  return (reason) => (Object.hasOwn(record, reason) ? record[reason] : undefined);
}

/** How a reference compares with an article's output, located in the article's blocks. */
export interface ReportAnalysis {
  scores: Scores;
  /** Reference sentences the output misses; `block` is the block that holds most of the sentence, if any. */
  missing: (DiffItem & { block?: number })[];
  /** Output lines the reference lacks, with the kept block they come from. */
  extra: (DiffItem & { block?: number })[];
}

/** Share of a missing sentence's units a block must hold for the sentence to be located in that block. */
const LOCATE_FOUND_AT_LEAST = 0.5;

/** Compares the article's text with a reference: scores, then missing sentences and extra lines, located in blocks. */
export function analyseReport(article: Article, reference: string): ReportAnalysis {
  const { missing, extra } = diff(article.text, reference);
  const lineBlocks = outputLineBlocks(article);
  const located = locateInBlocks(missing, article.blocks);
  return {
    scores: score(article.text, reference),
    missing: missing.map((item, i) => withBlock(item, located[i])),
    extra: extra.map((item) => withBlock(item, lineBlocks.get(item.line))),
  };
}

function withBlock(item: DiffItem, block: number | undefined): DiffItem & { block?: number } {
  return block === undefined ? { ...item } : { ...item, block };
}

/** The report as one HTML document. Deterministic: the same article and options give the same bytes. */
export function renderReport(article: Article, options: ReportOptions = {}): string {
  const analysis = options.analysis ?? (options.reference === undefined ? undefined : analyseReport(article, options.reference));
  const title = article.metadata.title;
  const out: string[] = [];
  out.push(
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`declutter report: ${title ?? options.source ?? 'page'}`)}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head>',
    '<body>',
  );
  out.push(renderHeader(article, options, analysis));
  out.push(renderBlocks(article, analysis, options.describeReason ?? describeReason));
  if (analysis !== undefined) out.push(renderDiffLists(analysis));
  out.push('</body>', '</html>', '');
  return out.join('\n');
}

// ── header ───────────────────────────────────────────────────────────────────────────────────────────────

function renderHeader(article: Article, options: ReportOptions, analysis: ReportAnalysis | undefined): string {
  const out: string[] = ['<header>'];
  const links: string[] = [];
  if (options.indexHref !== undefined) links.push(`<a href="${escapeHtml(options.indexHref)}">← all pages</a>`);
  const firstKept = article.blocks.find((b) => b.label === 'content');
  if (firstKept !== undefined) links.push(`<a href="#b${firstKept.index}">first kept block (#${firstKept.index}) ↓</a>`);
  if (links.length > 0) out.push(`<p class="nav">${links.join(' · ')}</p>`);
  const title = article.metadata.title;
  out.push(title === undefined ? '<h1 class="untitled">(no title found)</h1>' : `<h1>${escapeHtml(title)}</h1>`);

  const facts: [string, string | undefined][] = [
    ['page', options.source],
    ['extractor', article.extractor === 'html' ? 'html (DOM blocks)' : 'text (one block per line)'],
    ['result', article.ok ? 'main content found' : `no content: ${article.reason ?? 'unknown'}`],
    ['confidence', article.confidence.toFixed(2)],
    ['encoding', article.encoding],
    ['language', article.language],
    ['author', article.metadata.author],
    ['published', article.metadata.published],
    ['site', article.metadata.siteName],
    ['declared language', article.metadata.language],
    ['canonical URL', article.metadata.canonicalUrl],
    ['description', article.metadata.description],
  ];
  out.push('<dl class="facts">');
  for (const [name, value] of facts) {
    if (value !== undefined && value !== '') out.push(`<div><dt>${name}</dt><dd>${escapeHtml(value)}</dd></div>`);
  }
  out.push('</dl>');

  const counts = wordCounts(article);
  out.push(
    '<table class="counts"><thead><tr><th></th><th>blocks</th><th>words</th></tr></thead><tbody>',
    `<tr class="kept"><th>kept</th><td>${counts.keptBlocks}</td><td>${counts.kept}</td></tr>`,
    `<tr class="removed"><th>removed</th><td>${counts.removedBlocks}</td><td>${counts.removed}</td></tr>`,
    '</tbody></table>',
  );
  if (analysis !== undefined) out.push(renderScores(analysis));
  if (options.note !== undefined) out.push(`<p class="note">${escapeHtml(options.note)}</p>`);
  out.push(renderLegend(analysis !== undefined));
  out.push(renderReasonLegend(article, options.describeReason ?? describeReason));
  out.push('</header>');
  return out.join('\n');
}

function renderScores(analysis: ReportAnalysis): string {
  const { zyte, words, similarity } = analysis.scores;
  const cell = (v: number) => `<td>${v.toFixed(SCORE_DECIMALS)}</td>`;
  const located = analysis.missing.filter((m) => m.block !== undefined).length;
  const emptyReference = zyte.tp + zyte.fn === 0;
  return [
    '<table class="scores"><thead><tr><th>against the reference</th><th>precision</th><th>recall</th><th>F1</th></tr></thead><tbody>',
    `<tr><th>Zyte (4-token shingles)</th>${cell(zyte.precision)}${cell(zyte.recall)}<td class="f1">${zyte.f1.toFixed(SCORE_DECIMALS)}</td></tr>`,
    `<tr><th>WCXB (words)</th>${cell(words.precision)}${cell(words.recall)}<td class="f1">${words.f1.toFixed(SCORE_DECIMALS)}</td></tr>`,
    `<tr><th>character similarity</th><td colspan="3">${similarity.toFixed(SCORE_DECIMALS)}</td></tr>`,
    '</tbody></table>',
    '<p class="diffcounts">',
    `<a href="#missing">${analysis.missing.length} missing reference ${analysis.missing.length === 1 ? 'sentence' : 'sentences'}</a>`,
    ` (${located} found in the page's blocks) · `,
    `<a href="#extra">${analysis.extra.length} extra output ${analysis.extra.length === 1 ? 'line' : 'lines'}</a>`,
    '</p>',
    ...(emptyReference ? ['<p class="note">The reference has no text: the right output for this page is empty.</p>'] : []),
  ].join('\n');
}

function renderLegend(withReference: boolean): string {
  const items = [
    '<span class="b kept sample">kept</span>',
    '<span class="b removed sample"><del>removed</del></span>',
  ];
  if (withReference) {
    items.push('<mark class="missing">in the reference, missing from the output</mark>');
    items.push('<mark class="extra">in the output, not in the reference</mark>');
  }
  return [
    `<p class="legend">${items.join(' ')}</p>`,
    '<p class="legend">Each block: its position, kind, score (positive: content) and the reasons the rules gave, ' +
      'in the order they applied; a reason after → changed the label.</p>',
  ].join('\n');
}

/** A reason code without the "→" that marks a label change: what the describer is asked about. */
function bareReason(reason: string): string {
  return reason.startsWith('→') ? reason.slice(1) : reason;
}

/** The reasons the page's blocks carry, each with its description, in the order they first appear. */
function renderReasonLegend(article: Article, describe: ReasonDescriber): string {
  const seen = new Map<string, string | undefined>();
  for (const b of article.blocks) {
    for (const r of b.reasons) {
      const code = bareReason(r);
      if (!seen.has(code)) seen.set(code, describe(code));
    }
  }
  const rows = [...seen].filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (rows.length === 0) return '';
  return [
    '<details class="reasons"><summary>What the reasons on this page mean</summary><dl>',
    ...rows.map(([code, text]) => `<div><dt><code>${escapeHtml(code)}</code></dt><dd>${escapeHtml(text)}</dd></div>`),
    '</dl></details>',
  ].join('\n');
}

// ── blocks ───────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Removed blocks in a row, at least this many, are folded under one line (they stay one click away): a page can
 * open with screens of struck-through menus before its first kept line. Fewer stay in view, where they explain
 * the kept blocks around them.
 */
const FOLD_MIN_BLOCKS = 8;

/** A stretch of a block's text to highlight. */
interface Mark {
  start: number;
  end: number;
  kind: 'missing' | 'extra';
  title: string;
}

function renderBlocks(article: Article, analysis: ReportAnalysis | undefined, describe: ReasonDescriber | undefined): string {
  const marks = analysis === undefined ? new Map<number, Mark[]>() : blockMarks(article, analysis);
  const unplaced = new Map<number, string[]>();
  for (const item of analysis?.missing ?? []) {
    if (item.block === undefined) continue;
    const block = article.blocks[item.block];
    if (block === undefined || block.text.includes(item.text)) continue;
    const list = unplaced.get(item.block) ?? [];
    list.push(item.text);
    unplaced.set(item.block, list);
  }
  const out: string[] = [
    // A checkbox and CSS, no script: hides the removed blocks to read the output as the reader gets it.
    '<input type="checkbox" id="hide-removed" class="toggle"><label for="hide-removed" class="toggle">hide removed blocks</label>',
    article.language === undefined ? '<main class="blocks">' : `<main class="blocks" lang="${escapeHtml(article.language)}">`,
  ];
  if (article.blocks.length === 0) out.push('<p class="note">The page gave no blocks.</p>');
  const html = (b: Block) => renderBlock(b, marks.get(b.index) ?? [], unplaced.get(b.index) ?? [], describe);
  for (const run of foldRuns(article.blocks, (b) => marks.has(b.index) || unplaced.has(b.index))) {
    if (run.fold) {
      const words = run.blocks.reduce((n, b) => n + b.features.words, 0);
      const first = (run.blocks[0] as Block).index;
      const last = (run.blocks[run.blocks.length - 1] as Block).index;
      out.push(
        `<details class="fold removed"><summary>${run.blocks.length} removed blocks, #${first}–#${last} (${words} ${words === 1 ? 'word' : 'words'})</summary>`,
        ...run.blocks.map(html),
        '</details>',
      );
    } else {
      out.push(...run.blocks.map(html));
    }
  }
  out.push('</main>');
  return out.join('\n');
}

/**
 * The blocks in reading order, cut into runs: a run of at least FOLD_MIN_BLOCKS removed blocks is to be folded,
 * the blocks between such runs are not. A removed block that holds reference text the output misses is never
 * folded: it is what the reader of the report is looking for.
 */
export function foldRuns(blocks: readonly Block[], marked: (b: Block) => boolean): { fold: boolean; blocks: Block[] }[] {
  const runs: { fold: boolean; blocks: Block[] }[] = [];
  let open: Block[] = [];
  const flushOpen = (): void => {
    if (open.length === 0) return;
    if (open.length >= FOLD_MIN_BLOCKS) runs.push({ fold: true, blocks: open });
    else pushShown(open);
    open = [];
  };
  const pushShown = (shown: Block[]): void => {
    const last = runs[runs.length - 1];
    if (last !== undefined && !last.fold) last.blocks.push(...shown);
    else runs.push({ fold: false, blocks: [...shown] });
  };
  for (const b of blocks) {
    if (b.label !== 'content' && !marked(b)) {
      open.push(b);
      continue;
    }
    flushOpen();
    pushShown([b]);
  }
  flushOpen();
  return runs;
}

function renderBlock(b: Block, marks: readonly Mark[], unplaced: readonly string[], describe: ReasonDescriber | undefined): string {
  const kept = b.label === 'content';
  const classes = ['b', kept ? 'kept' : 'removed', `kind-${b.kind}`];
  if (marks.some((m) => m.kind === 'extra')) classes.push('has-extra');
  if (marks.some((m) => m.kind === 'missing') || unplaced.length > 0) classes.push('has-missing');
  const level = b.level === undefined ? '' : ` ${b.kind === 'heading' ? 'h' : 'depth '}${b.level}`;
  const scoreText = (b.score >= 0 ? '+' : '') + b.score.toFixed(1);
  const flips = b.initialLabel === b.label ? '' : ` <span class="flip">first ${b.initialLabel === 'content' ? 'kept' : 'removed'}</span>`;
  const meta =
    `<div class="m"><a class="n" href="#b${b.index}">#${b.index}</a> <span class="k">${b.kind}${level}</span> ` +
    `<span class="s ${b.score < 0 ? 'neg' : 'pos'}">${scoreText}</span> <span class="w">${b.features.words} w</span>${flips}` +
    `<div class="r">${b.reasons.map((r) => reasonCode(r, describe)).join(' ')}</div></div>`;
  const body = highlighted(b.text, marks);
  const text = kept ? `<div class="t">${body}</div>` : `<div class="t"><del>${body}</del></div>`;
  const notes =
    unplaced.length === 0
      ? ''
      : `<ul class="ref">${unplaced.map((s) => `<li><mark class="missing">${escapeHtml(s)}</mark></li>`).join('')}</ul>`;
  return `<div class="${classes.join(' ')}" id="b${b.index}">${meta}${text}${notes}</div>`;
}

/** A reason code, with its description on hover when it has one. */
function reasonCode(reason: string, describe: ReasonDescriber | undefined): string {
  const text = describe?.(bareReason(reason));
  return text === undefined ? `<code>${escapeHtml(reason)}</code>` : `<code title="${escapeHtml(text)}">${escapeHtml(reason)}</code>`;
}

/** The text escaped, its marked stretches wrapped in `<mark>`; overlapping marks after the first are dropped. */
function highlighted(text: string, marks: readonly Mark[]): string {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const m of sorted) {
    if (m.start < at || m.end <= m.start) continue;
    out += `${escapeHtml(text.slice(at, m.start))}<mark class="${m.kind}" title="${escapeHtml(m.title)}">${escapeHtml(text.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  return out + escapeHtml(text.slice(at));
}

/** The stretches to mark in each block: extra output lines, and missing sentences found verbatim in a block. */
function blockMarks(article: Article, analysis: ReportAnalysis): Map<number, Mark[]> {
  const marks = new Map<number, Mark[]>();
  const add = (index: number, mark: Mark) => {
    const list = marks.get(index) ?? [];
    list.push(mark);
    marks.set(index, list);
  };
  for (const item of analysis.extra) {
    if (item.block === undefined) continue;
    const text = article.blocks[item.block]?.text ?? '';
    const start = text.indexOf(item.text);
    if (start >= 0) add(item.block, { start, end: start + item.text.length, kind: 'extra', title: `not in the reference (${percent(item.found)} of it found)` });
  }
  for (const item of analysis.missing) {
    if (item.block === undefined) continue;
    const text = article.blocks[item.block]?.text ?? '';
    const start = text.indexOf(item.text);
    if (start >= 0) add(item.block, { start, end: start + item.text.length, kind: 'missing', title: `reference line ${item.line}, missing from the output` });
  }
  return marks;
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

// ── lists of missing sentences and extra lines ────────────────────────────────────────────────────────────

function renderDiffLists(analysis: ReportAnalysis): string {
  const item = (d: DiffItem & { block?: number }, where: string) => {
    const link = d.block === undefined ? `<span class="where">${where}</span>` : `<a class="where" href="#b${d.block}">block #${d.block}</a>`;
    return `<li>${link} <span class="line">line ${d.line}</span> ${escapeHtml(d.text)}</li>`;
  };
  return [
    '<section class="diff">',
    `<h2 id="missing">Missing: in the reference, not in the output (${analysis.missing.length})</h2>`,
    analysis.missing.length === 0
      ? '<p>None.</p>'
      : `<ol class="missing">${analysis.missing.map((d) => item(d, 'in no block')).join('\n')}</ol>`,
    `<h2 id="extra">Extra: in the output, not in the reference (${analysis.extra.length})</h2>`,
    analysis.extra.length === 0
      ? '<p>None.</p>'
      : `<ol class="extra">${analysis.extra.map((d) => item(d, 'kept')).join('\n')}</ol>`,
    '</section>',
  ].join('\n');
}

// ── locating diff items in blocks ─────────────────────────────────────────────────────────────────────────

/** Line breaks as the diff splits them. */
const LINE_BREAK = /\r\n|\r|\n/;

/**
 * The kept block each line of the article's text comes from (1-based line numbers, as the diff reports them).
 * The text is rebuilt from the kept blocks as renderText joins them (one blank line between blocks, none between
 * consecutive list items); an Article whose text was made otherwise maps no line.
 */
function outputLineBlocks(article: Article): Map<number, number> {
  const map = new Map<number, number>();
  let text = '';
  let line = 1;
  let previous: Block | undefined;
  for (const b of article.blocks) {
    if (b.label !== 'content') continue;
    if (previous !== undefined) {
      const separator = previous.kind === 'list-item' && b.kind === 'list-item' ? '\n' : '\n\n';
      text += separator;
      line += separator.length;
    }
    const lines = b.text.split(LINE_BREAK).length;
    for (let i = 0; i < lines; i++) map.set(line + i, b.index);
    line += lines - 1;
    text += b.text;
    previous = b;
  }
  return text === article.text ? map : new Map();
}

/**
 * For each missing sentence, the block holding most of its units (its 4-token shingles, or for a shorter
 * sentence its whole token run), when that block holds at least LOCATE_FOUND_AT_LEAST of them. Blocks are
 * indexed once by the token runs the sentences need; ties go to the earlier block.
 */
function locateInBlocks(sentences: readonly DiffItem[], blocks: readonly Block[]): (number | undefined)[] {
  if (sentences.length === 0) return [];
  const units = sentences.map((s) => unitsOf(tokenize(s.text)));
  const sizes = new Set<number>();
  for (const u of units) if (u.length > 0) sizes.add(u.size);
  const index = new Map<string, number[]>();
  for (const b of blocks) {
    const tokens = tokenize(b.text);
    for (const size of sizes) {
      for (let i = 0; i + size <= tokens.length; i++) {
        const key = tokens.slice(i, i + size).join('\u0000');
        const list = index.get(key);
        if (list === undefined) index.set(key, [b.index]);
        else if (list[list.length - 1] !== b.index) list.push(b.index);
      }
    }
  }
  // The reference is in reading order: a sentence is looked for first at or after the block of the sentence
  // located before it, so that a short one ("About", "Reviews") is not placed in a menu at the top of the page.
  let cursor = 0;
  return units.map(({ keys }) => {
    const distinct = new Set(keys);
    if (distinct.size === 0) return undefined;
    const hits = new Map<number, number>();
    for (const key of distinct) for (const block of index.get(key) ?? []) hits.set(block, (hits.get(block) ?? 0) + 1);
    const needed = LOCATE_FOUND_AT_LEAST * distinct.size;
    const located = bestBlock(hits, needed, cursor) ?? bestBlock(hits, needed, 0);
    if (located !== undefined) cursor = located;
    return located;
  });
}

/** The block from `from` on with the most hits (at least `needed`), the earliest among equals. */
function bestBlock(hits: ReadonlyMap<number, number>, needed: number, from: number): number | undefined {
  let best: number | undefined;
  let bestHits = 0;
  for (const [block, count] of hits) {
    if (block < from || count < needed) continue;
    if (count > bestHits || (count === bestHits && best !== undefined && block < best)) {
      best = block;
      bestHits = count;
    }
  }
  return best;
}

/** A sentence's units: its shingles, or for a sentence shorter than a shingle, its whole token run. */
function unitsOf(tokens: readonly string[]): { keys: string[]; size: number; length: number } {
  const size = Math.min(tokens.length, SHINGLE_SIZE);
  const keys: string[] = [];
  for (let i = 0; i + size <= tokens.length && size > 0; i++) keys.push(tokens.slice(i, i + size).join('\u0000'));
  return { keys, size, length: keys.length };
}
