import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { declutter } from '../src/index.js';
import type { Article } from '../src/article.js';
import type { Block } from '../src/blocks/block.js';
import { analyseReport, describeFrom, foldRuns, renderReport } from '../src/report/page.js';
import { REASONS } from '../src/classify/reasons.js';
import { escapeHtml } from '../src/render/html.js';
import { renderReportIndex, SORT_SCRIPT, type IndexEntry } from '../src/report/index-page.js';
import { makeBlock } from './support/blocks.js';

const seedPage = readFileSync('test/pages/seed/source.txt');
const seedReference = readFileSync('test/pages/seed/reference.txt', 'utf8');

/** The HTML of the block with this index in a report. */
function blockHtml(report: string, index: number): string {
  const start = report.indexOf(`id="b${index}"`);
  expect(start).toBeGreaterThan(0);
  const open = report.lastIndexOf('<div class="b ', start);
  const end = report.indexOf('\n', start);
  return report.slice(open, end);
}

const P1 = 'The committee met on Tuesday to discuss the new budget, and most of its members agreed that the plan was fair.';
const P2 = 'After a long debate the vote was postponed until next month, when the final figures from the treasury are known.';
const LOST = 'This short paragraph sits in the sidebar of the page and therefore the extractor throws it away with the rest.';

/** A page whose text tries every way to get markup into the report. */
const HOSTILE = `<!doctype html><html><head>
<title>Budget &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>
<link rel="canonical" href="javascript:alert(2)">
<meta name="description" content="&quot;&gt;&lt;img src=x onerror=alert(3)&gt;">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/x">&lt;b&gt;bold&lt;/b&gt;</a></nav>
<article>
<p>${P1}</p>
<p>${P2} &lt;img src=x onerror=alert(4)&gt; &amp;amp; "quoted"</p>
<script>alert(5)</script>
</article>
<aside class="sidebar"><ul><li><a href="/a">Related one</a></li><li><a href="/b">Related two</a></li></ul><p>${LOST}</p></aside>
<footer><a href="/about">About us</a> <a href="/contact">Contact</a></footer>
</body></html>`;

describe('renderReport', () => {
  const article = declutter(seedPage);
  const report = renderReport(article, { source: 'page.txt' });

  it('shows every block in reading order, kept ones plain and removed ones struck through', () => {
    let at = 0;
    for (const b of article.blocks) {
      const html = blockHtml(report, b.index);
      const position = report.indexOf(`id="b${b.index}"`);
      expect(position).toBeGreaterThan(at);
      at = position;
      if (b.label === 'content') {
        expect(html).toMatch(/^<div class="b kept /);
        expect(html).not.toContain('<del>');
      } else {
        expect(html).toMatch(/^<div class="b removed /);
        expect(html).toContain('<del>');
      }
      for (const reason of b.reasons) expect(html).toMatch(new RegExp(`<code( title="[^"]*")?>${escapeHtml(reason).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</code>`));
      expect(html).toContain((b.score >= 0 ? '+' : '') + b.score.toFixed(1));
    }
  });

  it('has a header with the extractor and the kept and removed counts', () => {
    const kept = article.blocks.filter((b) => b.label === 'content');
    const keptWords = kept.reduce((n, b) => n + b.features.words, 0);
    const removedWords = article.blocks.reduce((n, b) => n + b.features.words, 0) - keptWords;
    expect(report).toContain('<dt>extractor</dt><dd>text (one block per line)</dd>');
    expect(report).toContain(`<tr class="kept"><th>kept</th><td>${kept.length}</td><td>${keptWords}</td></tr>`);
    expect(report).toContain(`<tr class="removed"><th>removed</th><td>${article.blocks.length - kept.length}</td><td>${removedWords}</td></tr>`);
  });

  it('is self-contained: no script, nothing fetched, a policy that forbids fetching', () => {
    expect(report).not.toMatch(/<script|<img|<link|<iframe|@import|url\(/i);
    expect(report).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`);
  });

  it('is deterministic', () => {
    expect(renderReport(declutter(seedPage), { source: 'page.txt', reference: seedReference })).toBe(
      renderReport(declutter(seedPage), { source: 'page.txt', reference: seedReference }),
    );
  });

  it('with a reference, puts the scores on top and lists what is missing and extra', () => {
    const withReference = renderReport(article, { reference: seedReference });
    expect(withReference).toContain('<tr><th>Zyte (4-token shingles)</th><td>0.970</td><td>0.970</td><td class="f1">0.970</td></tr>');
    expect(withReference).toMatch(/<a href="#missing">1 missing reference sentence<\/a>/);
    expect(withReference).toContain('<span class="where">in no block</span> <span class="line">line 11</span> Endi</li>');
    expect(withReference.indexOf('class="scores"')).toBeLessThan(withReference.indexOf('<main'));
  });
});

describe('renderReport on hostile input', () => {
  const article = declutter(HOSTILE);
  const report = renderReport(article, { source: '<page>.html', reference: `${P1}\n${LOST}` });

  it('escapes every text from the page: no element, attribute or URL of it survives', () => {
    expect(report).not.toMatch(/<script|<img|<b>|onerror=alert\(\d\)[^<]*>|href="javascript/i);
    expect(report).toContain('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(report).toContain('&lt;img src=x onerror=alert(4)&gt;');
    expect(report).toContain('&quot;quoted&quot;');
    expect(report).toContain('&lt;page&gt;.html');
    expect(report).not.toContain('alert(5)');
  });

  it('marks a removed block that holds reference text, and kept text the reference lacks', () => {
    const analysis = analyseReport(article, `${P1}\n${LOST}`);
    const lostBlock = article.blocks.find((b) => b.text === LOST)!;
    expect(lostBlock.label).toBe('boilerplate');
    expect(analysis.missing).toEqual([expect.objectContaining({ text: LOST, block: lostBlock.index })]);
    expect(blockHtml(report, lostBlock.index)).toMatch(/^<div class="b removed kind-paragraph has-missing".*<del><mark class="missing"/);

    const extraBlock = article.blocks.find((b) => b.text.startsWith(P2))!;
    expect(analysis.extra).toEqual([expect.objectContaining({ block: extraBlock.index })]);
    expect(blockHtml(report, extraBlock.index)).toMatch(/^<div class="b kept kind-paragraph has-extra".*<mark class="extra"/);
    expect(report).toContain(`<a class="where" href="#b${lostBlock.index}">block #${lostBlock.index}</a>`);
  });

  it('says when the reference is empty', () => {
    expect(renderReport(article, { reference: '' })).toContain('The reference has no text');
  });

  it('renders a page without blocks', () => {
    const empty = renderReport(declutter(''), { note: 'This page could not be decoded: <binary>.' });
    expect(empty).toContain('The page gave no blocks.');
    expect(empty).toContain('&lt;binary&gt;');
  });
});

describe('the legend of reason codes', () => {
  /** A stand-in for the classifier's table of reason descriptions. */
  const TABLE = { 'link-dense': 'most of its text is in links', good: 'the rules scored it as content' };
  const withReasons = (index: number, label: Block['label'], reasons: string[]): Block => ({ ...makeBlock(index, 'paragraph', `Block ${index}`, { label }), reasons });
  const article: Article = {
    ok: true,
    confidence: 0.9,
    extractor: 'html',
    metadata: {},
    blocks: [withReasons(0, 'boilerplate', ['link-dense', 'short']), withReasons(1, 'content', ['long', '→good'])],
    text: 'Block 1',
  };

  it('lists the reasons of the page that have a description, and shows each on hover', () => {
    const report = renderReport(article, { describeReason: describeFrom(TABLE) });
    expect(report).toContain('<summary>What the reasons on this page mean</summary>');
    expect(report).toContain('<div><dt><code>link-dense</code></dt><dd>most of its text is in links</dd></div>');
    expect(report).toContain('<div><dt><code>good</code></dt><dd>the rules scored it as content</dd></div>');
    expect(report).not.toMatch(/<dt><code>(short|long)<\/code>/); // no description, no entry
    expect(blockHtml(report, 0)).toContain('<code title="most of its text is in links">link-dense</code> <code>short</code>');
    expect(blockHtml(report, 1)).toContain('<code title="the rules scored it as content">→good</code>');
  });

  it('takes a function as well as a table, and uses the classifier\'s own table without one', () => {
    const upper = renderReport(article, { describeReason: (reason) => (reason === 'short' ? 'few words' : undefined) });
    expect(upper).toContain('<dd>few words</dd>');
    const own = renderReport(article);
    expect(own).toContain('What the reasons on this page mean');
    expect(own).toContain(`<div><dt><code>short</code></dt><dd>${escapeHtml(REASONS.short.description)}</dd></div>`);
    expect(blockHtml(own, 1)).toContain(`<code title="${escapeHtml(REASONS.good.description)}">→good</code>`);
    expect(renderReport(article, { describeReason: () => undefined })).not.toContain('What the reasons on this page mean');
    expect(describeFrom(new Map([['a', 'b']]))('a')).toBe('b');
    expect(describeFrom({ a: 'b' })('toString')).toBeUndefined();
  });
});

describe('folding and the first kept block', () => {
  const blocks = (labels: string): Block[] =>
    [...labels].map((c, i) => makeBlock(i, 'paragraph', `Block ${i}`, { label: c === 'k' ? 'content' : 'boilerplate' }));

  it('folds runs of at least eight removed blocks, and no shorter run', () => {
    const runs = foldRuns(blocks('rrrrrrrrrrkrrrkrrrrrrrr'), () => false);
    expect(runs.map((r) => [r.fold, r.blocks.length])).toEqual([[true, 10], [false, 5], [true, 8]]);
  });

  it('never folds a removed block that holds missing reference text: it cuts the run', () => {
    const runs = foldRuns(blocks('rrrrrrrrrrrrrrrk'), (b) => b.index === 5);
    expect(runs.map((r) => [r.fold, r.blocks.map((b) => b.index)])).toEqual([
      [false, [0, 1, 2, 3, 4, 5]],
      [true, [6, 7, 8, 9, 10, 11, 12, 13, 14]],
      [false, [15]],
    ]);
  });

  it('in the report, a fold is one line that opens to the blocks, and the header links to the first kept block', () => {
    const article: Article = { ok: true, extractor: 'html', metadata: {}, blocks: blocks('rrrrrrrrrrk'), text: 'Block 10', confidence: 0.9 };
    const report = renderReport(article);
    expect(report).toContain('<details class="fold removed"><summary>10 removed blocks, #0–#9 (20 words)</summary>');
    expect(report.indexOf('</details>')).toBeLessThan(report.indexOf('id="b10"'));
    expect(report).toContain('<a href="#b10">first kept block (#10) ↓</a>');
    expect(renderReport({ ...article, blocks: blocks('rr') })).not.toContain('first kept block');
  });
});

describe('renderReportIndex', () => {
  const row = (id: string, f1: number, wordF1: number, extra: Partial<IndexEntry> = {}): IndexEntry => ({
    id,
    href: `pages/${id}.html`,
    zyte: { precision: f1, recall: f1, f1 },
    words: { precision: wordF1, recall: wordF1, f1: wordF1 },
    cause: 'both',
    ...extra,
  });
  const entries = [
    row('good', 0.95, 0.97),
    row('bad-<b>', 0.1, 0.3, { group: 'forum<i>' }),
    row('tie-b', 0.5, 0.6),
    row('tie-a', 0.5, 0.6),
    row('unread', 0, 0, { error: 'no such file' }),
    row('worse-words', 0.5, 0.2),
  ];
  delete entries[4]!.href;
  const index = renderReportIndex(entries, { groupField: 'page_type' });

  it('lists the pages worst first in the HTML itself (lowest Zyte F1, then word F1, then id)', () => {
    const ids = [...index.matchAll(/<tr data-rank="(\d+)"[^>]*><td data-v="\d+">\d+<\/td><td data-v="([^"]*)"/g)].map((m) => m[2]);
    expect(ids).toEqual(['unread', 'bad-&lt;b&gt;', 'worse-words', 'tie-a', 'tie-b', 'good']);
  });

  it('links each report, escapes ids and groups, and shows errors without a link', () => {
    expect(index).toContain('<a href="pages/good.html">good</a>');
    expect(index).toContain('forum&lt;i&gt;');
    expect(index).not.toMatch(/bad-<b>|forum<i>/);
    expect(index).toMatch(/<tr data-rank="1" class="error"><td data-v="1">1<\/td><td data-v="unread" class="text">unread<\/td>/);
    expect(index).toContain('error: no such file');
  });

  it('records the version, the date and the options of the run', () => {
    const withRun = renderReportIndex(entries, { run: { version: '9.9.9', date: '2030-01-02T03:04:05.000Z', options: { favor: 'recall', input: 'auto' } } });
    expect(withRun).toContain('<meta name="generator" content="declutter 9.9.9">');
    expect(withRun).toContain(
      '<p class="run">declutter 9.9.9 · <time datetime="2030-01-02T03:04:05.000Z">2030-01-02T03:04:05.000Z</time> · ' +
        '<span class="opt">--favor recall</span> <span class="opt">--input auto</span></p>',
    );
    expect(index).not.toContain('class="run"');
  });

  it('runs only its own sort script, allowed by its hash', () => {
    const hash = createHash('sha256').update(SORT_SCRIPT).digest('base64');
    expect(index).toContain(`script-src 'sha256-${hash}'`);
    expect(index.match(/<script>/g)).toHaveLength(1);
    expect(index).toContain(`<script>${SORT_SCRIPT}</script>`);
  });
});
