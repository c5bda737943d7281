import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CALIBRATION, CONFIDENCE_CUT, declutter } from '../src/index.js';
import { CONFIDENCE_FEATURES, confidenceFeatures, confidenceFrom, confidenceModel, type ConfidenceWeights } from '../src/classify/confidence.js';
import { renderJson } from '../src/render/json.js';
import { renderReport } from '../src/report/page.js';
import { renderReportIndex } from '../src/report/index-page.js';
import { runCli } from './support/cli.js';
import { articlePage, declutterBin, parseLines } from './support/batch.js';
import { PROCESS_TEST_MS } from './support/timeouts.js';

const SENTENCE =
  'The committee met on Tuesday evening and agreed that the old library would stay open through the winter, because the council had found the money for the repairs.';

/** A clear article: a menu, a headline, six paragraphs of prose inside <article>, a footer. */
const ARTICLE_PAGE = `<!doctype html><html lang="en"><head><title>The library stays open</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>The library stays open</h1>
${Array.from({ length: 6 }, (_, i) => `<p>${SENTENCE} Volunteers promised to keep working every weekend, part ${i + 1} of the plan.</p>`).join('\n')}
</article>
<footer><a href="/about">About us</a> <a href="/contact">Contact</a></footer>
</body></html>`;

/** A page of link lists only: several menus of short linked entries and a footer. */
const LINK_LIST_PAGE = `<!doctype html><html lang="en"><head><title>Site map</title></head><body>
${Array.from(
  { length: 6 },
  (_, list) =>
    `<div class="links"><h3>Section ${list + 1}</h3><ul>${Array.from({ length: 8 }, (_, i) => `<li><a href="/s${list}/p${i}">Page ${list}-${i} of the site</a></li>`).join('')}</ul></div>`,
).join('\n')}
<footer><a href="/about">About us</a> <a href="/contact">Contact</a> <a href="/privacy">Privacy</a></footer>
</body></html>`;

/** The same two pages as a text dump with one line per paragraph. */
const ARTICLE_DUMP = ['Home | News | Sport', '', 'The library stays open', '', ...Array.from({ length: 6 }, () => [SENTENCE, ''])].flat().join('\n');
const LINK_LIST_DUMP = Array.from({ length: 6 }, (_, list) => [`Section ${list + 1}`, ...Array.from({ length: 8 }, (_, i) => `  • Page ${list}-${i}`), '']).flat().join('\n');

describe('the confidence of an Article', () => {
  it('is higher for a clear article page than for a page of link lists (HTML)', () => {
    const article = declutter(ARTICLE_PAGE);
    const links = declutter(LINK_LIST_PAGE);
    expect(article.ok).toBe(true);
    expect(article.confidence).toBeGreaterThanOrEqual(CONFIDENCE_CUT);
    expect(links.confidence).toBeLessThan(article.confidence);
  });

  it('is higher for a clear article than for link lists in a text dump too', () => {
    const article = declutter(ARTICLE_DUMP, { input: 'text' });
    const links = declutter(LINK_LIST_DUMP, { input: 'text' });
    expect(article.ok).toBe(true);
    expect(links.confidence).toBeLessThan(article.confidence);
  });

  it('is a number in [0, 1], and 0 when nothing was kept', () => {
    for (const page of [ARTICLE_PAGE, LINK_LIST_PAGE, ARTICLE_DUMP, LINK_LIST_DUMP, '<p>Hi</p>', 'x']) {
      const { confidence } = declutter(page);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
    expect(declutter('').confidence).toBe(0);
    expect(declutter('<html><body><nav><a href="/">Home</a></nav></body></html>').confidence).toBe(0);
  });

  it('stays in [0, 1] whatever the weights, as a logistic model does', () => {
    const features = confidenceFeatures(declutter(ARTICLE_PAGE).blocks, CALIBRATION);
    for (const scale of [-1000, -1, 0, 1, 1000]) {
      const weights = Object.fromEntries([['intercept', scale], ...CONFIDENCE_FEATURES.map((n) => [n, scale])]) as ConfidenceWeights;
      const value = confidenceFrom(features, weights);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    const zero = Object.fromEntries([['intercept', 0], ...CONFIDENCE_FEATURES.map((n) => [n, 0])]) as ConfidenceWeights;
    expect(confidenceFrom(features, zero)).toBe(0.5);
  });

  it('measures the article page as mostly kept prose and the link lists as not', () => {
    const article = confidenceFeatures(declutter(ARTICLE_PAGE).blocks, CALIBRATION);
    expect(article.proseKept).toBe(1);
    expect(article.goodShare).toBeGreaterThan(0.9);
    expect(article.linkDensity).toBe(0);
    expect(article.inArticle).toBe(1);
    const links = confidenceFeatures(declutter(LINK_LIST_PAGE).blocks, CALIBRATION);
    expect(links.proseKept).toBe(0);
    for (const name of CONFIDENCE_FEATURES) expect(Number.isFinite(links[name])).toBe(true);
  });

  it('takes a dump without a line longer than a fixed width for a wrapped one', () => {
    const wrapped = declutter(ARTICLE_DUMP.replaceAll(SENTENCE, 'The committee met on Tuesday evening and agreed\nthat the old library would stay open.'), { input: 'text' });
    expect(confidenceModel(wrapped.blocks, wrapped.extractor, CALIBRATION)).toBe('wrapped');
    const lines = declutter(ARTICLE_DUMP, { input: 'text' });
    expect(confidenceModel(lines.blocks, lines.extractor, CALIBRATION)).toBe('text');
    const html = declutter(ARTICLE_PAGE);
    expect(confidenceModel(html.blocks, html.extractor, CALIBRATION)).toBe('html');
  });
});

describe('the confidence in the outputs', () => {
  it('is in the JSON document', () => {
    const article = declutter(ARTICLE_PAGE);
    const doc = JSON.parse(renderJson(article)) as { confidence: unknown };
    expect(doc.confidence).toBe(article.confidence);
    expect(JSON.parse(renderJson(declutter(''))) as { confidence: unknown }).toMatchObject({ confidence: 0 });
  });

  it("is in the CLI's JSON output", async () => {
    const run = await runCli(['--format', 'json', '-'], { stdin: ARTICLE_PAGE });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { confidence: unknown }).confidence).toBe(declutter(ARTICLE_PAGE).confidence);
  });

  it('is in every batch JSON Lines record, in the json format and the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'declutter-confidence-'));
    try {
      const records = [{ id: 'a', html: articlePage(1) }, { id: 'b', html: LINK_LIST_PAGE }];
      writeFileSync(join(dir, 'in.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
      for (const format of ['text', 'json']) {
        const run = await declutterBin(['batch', join(dir, 'in.jsonl'), '--out', join(dir, `out-${format}.jsonl`), '-f', format, '-q']);
        expect(run.code).toBe(0);
        const lines = parseLines(readFileSync(join(dir, `out-${format}.jsonl`), 'utf8'));
        expect(lines.map((l) => l['confidence'])).toEqual(records.map((r) => declutter(r.html).confidence));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, PROCESS_TEST_MS);

  it("is in a page's report, and a column of the eval index (red below the cut)", () => {
    const article = declutter(ARTICLE_PAGE);
    expect(renderReport(article)).toContain(`<dt>confidence</dt><dd>${article.confidence.toFixed(2)}</dd>`);
    const scores = { precision: 1, recall: 1, f1: 1 };
    const index = renderReportIndex([
      { id: 'sure', zyte: scores, words: scores, confidence: 0.91 },
      { id: 'doubtful', zyte: scores, words: scores, confidence: 0.2 },
    ]);
    expect(index).toContain('>confidence</th>');
    expect(index).toContain('<td data-v="0.910">0.91</td>');
    expect(index).toContain('<td data-v="0.200" class="low">0.20</td>');
  });

  it("is in each page's record of declutter eval --json", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'declutter-confidence-'));
    try {
      mkdirSync(join(dir, 'pages'));
      mkdirSync(join(dir, 'gold'));
      writeFileSync(join(dir, 'pages', 'a.html'), ARTICLE_PAGE);
      writeFileSync(join(dir, 'gold', 'a.txt'), declutter(ARTICLE_PAGE).text);
      const run = await runCli(['eval', '--json', join(dir, 'pages'), join(dir, 'gold')]);
      expect(run.code).toBe(0);
      const pages = (JSON.parse(run.stdout) as { pages: { id: string; confidence?: number }[] }).pages;
      expect(pages).toEqual([expect.objectContaining({ id: 'a', confidence: declutter(ARTICLE_PAGE).confidence })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
