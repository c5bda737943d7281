import type { GroupSummary } from '../eval/index.js';
import type { Summary } from '../score/index.js';
import { CONFIDENCE_CUT } from '../classify/confidence.js';
import { escapeHtml } from '../render/html.js';
import { INDEX_STYLE, SCORE_DECIMALS, contentSecurityPolicy } from './style.js';

/**
 * The index of an eval run's reports (`declutter eval PAGES GOLD --report DIR` writes it as DIR/index.html):
 * every page with its scores, worst first, linking to each page's report. The order is in the HTML, so it is
 * right without script; a small inline script (allowed by its hash, nothing else is) makes the columns sortable.
 */

/** One page of the index. */
export interface IndexEntry {
  id: string;
  /** Relative link to the page's report; absent when none was written (the page could not be read). */
  href?: string;
  /** The page's value of the grouping field (e.g. its page type). */
  group?: string;
  zyte: { precision: number; recall: number; f1: number };
  words: { precision: number; recall: number; f1: number };
  /** What went wrong: 'lost text', 'kept noise' or 'both' (see causeOf). */
  cause?: string;
  /** Reference sentences the output misses, and output lines the reference lacks. */
  missing?: number;
  extra?: number;
  keptWords?: number;
  removedWords?: number;
  /** The extraction's confidence (see Article.confidence). */
  confidence?: number;
  /** Why the page could not be read or decoded. */
  error?: string;
}

export interface IndexOptions {
  /** Heading of the index. */
  title?: string;
  /** The folder means. */
  summary?: Summary;
  /** Name of the grouping field, and the means of each of its values. */
  groupField?: string;
  groups?: readonly GroupSummary[];
  /** What made the pages: declutter's version, when, and the options of the run. */
  run?: RunFacts;
}

/** What an index records of the run it lists, so that two indexes can be told apart and compared. */
export interface RunFacts {
  version: string;
  /** When the run was made (ISO 8601). */
  date: string;
  /** The run's options, by their flag names (favor, input, max-bytes…), as given or defaulted. */
  options: Readonly<Record<string, string | number | boolean>>;
}

/** Below this Zyte or word F1 a cell is shown in red. */
const LOW_F1 = 0.5;

/** The entries worst first: lowest Zyte F1, then lowest word F1, then id (code unit order), as eval's worst list. */
export function sortWorstFirst(entries: readonly IndexEntry[]): IndexEntry[] {
  return [...entries].sort((a, b) => a.zyte.f1 - b.zyte.f1 || a.words.f1 - b.words.f1 || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Sorts the table by a column when its header is clicked; ties keep the worst-first rank. */
export const SORT_SCRIPT = `(function () {
  var table = document.querySelector('table.pages');
  if (!table || !table.tHead || !table.tBodies[0]) return;
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      var numeric = th.getAttribute('data-type') === 'number';
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute('data-v') || '', y = b.cells[col].getAttribute('data-v') || '';
        var c = numeric ? Number(x) - Number(y) : (x < y ? -1 : x > y ? 1 : 0);
        return c * dir || Number(a.getAttribute('data-rank')) - Number(b.getAttribute('data-rank'));
      });
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();`;

interface Column {
  name: string;
  type: 'number' | 'text';
  cls?: string;
  cell: (e: IndexEntry, rank: number) => { v: string | number; html: string; cls?: string };
}

function scoreColumn(name: string, get: (e: IndexEntry) => number, f1 = false): Column {
  return {
    name,
    type: 'number',
    cell: (e) => {
      const v = get(e);
      const classes = [...(f1 ? ['f1'] : []), ...(v < LOW_F1 ? ['low'] : [])];
      return { v: v.toFixed(6), html: v.toFixed(SCORE_DECIMALS), ...(classes.length > 0 ? { cls: classes.join(' ') } : {}) };
    },
  };
}

function countColumn(name: string, get: (e: IndexEntry) => number | undefined): Column {
  return {
    name,
    type: 'number',
    cell: (e) => {
      const v = get(e);
      return v === undefined ? { v: -1, html: '' } : { v, html: String(v) };
    },
  };
}

/** The index as one HTML document. Deterministic: the same entries and options give the same bytes. */
export function renderReportIndex(entries: readonly IndexEntry[], options: IndexOptions = {}): string {
  const sorted = sortWorstFirst(entries);
  const grouped = options.groupField !== undefined;
  const columns: Column[] = [
    { name: '#', type: 'number', cell: (_, rank) => ({ v: rank, html: String(rank) }) },
    {
      name: 'page',
      type: 'text',
      cls: 'text',
      cell: (e) => ({
        v: e.id,
        html: e.href === undefined ? escapeHtml(e.id) : `<a href="${escapeHtml(e.href)}">${escapeHtml(e.id)}</a>`,
        cls: 'text',
      }),
    },
    ...(grouped
      ? [{ name: options.groupField ?? '', type: 'text', cls: 'text', cell: (e) => ({ v: e.group ?? '', html: escapeHtml(e.group ?? ''), cls: 'text' }) } satisfies Column]
      : []),
    scoreColumn('Zyte F1', (e) => e.zyte.f1, true),
    scoreColumn('Zyte P', (e) => e.zyte.precision),
    scoreColumn('Zyte R', (e) => e.zyte.recall),
    scoreColumn('word F1', (e) => e.words.f1, true),
    {
      name: 'confidence',
      type: 'number',
      cell: (e) => {
        const v = e.confidence;
        if (v === undefined) return { v: -1, html: '' };
        return { v: v.toFixed(3), html: v.toFixed(2), ...(v < CONFIDENCE_CUT ? { cls: 'low' } : {}) };
      },
    },
    {
      name: 'cause',
      type: 'text',
      cls: 'text',
      cell: (e) => {
        const text = e.error === undefined ? e.cause ?? '' : `error: ${e.error}`;
        return { v: text, html: escapeHtml(text), cls: 'text' };
      },
    },
    countColumn('missing', (e) => e.missing),
    countColumn('extra', (e) => e.extra),
    countColumn('kept words', (e) => e.keptWords),
    countColumn('removed words', (e) => e.removedWords),
  ];

  const title = options.title ?? 'declutter reports';
  const out: string[] = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(SORT_SCRIPT)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    ...(options.run === undefined ? [] : [`<meta name="generator" content="declutter ${escapeHtml(options.run.version)}">`]),
    `<style>${INDEX_STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
  ];
  if (options.run !== undefined) out.push(renderRun(options.run));
  out.push(renderSummary(entries.length, options));
  out.push(
    '<p class="legend">Worst first (lowest Zyte F1, then word F1). Click a column to sort by it. ' +
      '<b>missing</b>: reference sentences the output lacks; <b>extra</b>: output lines the reference lacks; ' +
      '<b>confidence</b>: how good declutter expects its extraction to be (0 to 1; below 0.5, doubtful).</p>',
  );
  out.push('<table class="pages">', '<thead><tr>');
  for (const c of columns) {
    const sort = c.name === 'Zyte F1' ? ' aria-sort="ascending"' : '';
    out.push(`<th data-type="${c.type}"${c.cls === undefined ? '' : ` class="${c.cls}"`}${sort}>${escapeHtml(c.name)}</th>`);
  }
  out.push('</tr></thead>', '<tbody>');
  sorted.forEach((e, i) => {
    const rank = i + 1;
    const cells = columns.map((c) => {
      const { v, html, cls } = c.cell(e, rank);
      return `<td data-v="${escapeHtml(String(v))}"${cls === undefined ? '' : ` class="${cls}"`}>${html}</td>`;
    });
    out.push(`<tr data-rank="${rank}"${e.error === undefined ? '' : ' class="error"'}>${cells.join('')}</tr>`);
  });
  out.push('</tbody>', '</table>', `<script>${SORT_SCRIPT}</script>`, '</body>', '</html>', '');
  return out.join('\n');
}

/** One line: the version, the date, and the options of the run. */
function renderRun(run: RunFacts): string {
  const options = Object.entries(run.options).map(([name, value]) => `<span class="opt">--${escapeHtml(name)} ${escapeHtml(String(value))}</span>`);
  const date = `<time datetime="${escapeHtml(run.date)}">${escapeHtml(run.date)}</time>`;
  return `<p class="run">declutter ${escapeHtml(run.version)} · ${date} · ${options.join(' ')}</p>`;
}

function renderSummary(pages: number, options: IndexOptions): string {
  const { summary, groups, groupField } = options;
  if (summary === undefined) return `<p class="summary">${pages} ${pages === 1 ? 'page' : 'pages'}</p>`;
  const f = (v: number) => v.toFixed(SCORE_DECIMALS);
  const head = '<th>Zyte P</th><th>Zyte R</th><th>Zyte F1</th><th>word P</th><th>word R</th><th>word F1</th>';
  const row = (name: string, n: number, s: Summary) =>
    `<tr><th>${escapeHtml(name)}</th><td>${n}</td><td>${f(s.zyte.precision)}</td><td>${f(s.zyte.recall)}</td>` +
    `<td>${f(s.zyte.f1)}</td><td>${f(s.words.precision)}</td><td>${f(s.words.recall)}</td><td>${f(s.words.f1)}</td></tr>`;
  const rows = [row('all pages', summary.pages, summary)];
  for (const g of groups ?? []) rows.push(row(g.value ?? '(none)', g.summary.pages, g.summary));
  const first = groupField === undefined ? '' : escapeHtml(`by ${groupField}`);
  return (
    `<table class="summary"><thead><tr><th>${first}</th><th>pages</th>${head}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}
