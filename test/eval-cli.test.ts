import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { declutter } from '../src/index.js';
import { runCli } from './support/cli.js';
import { jest } from '@jest/globals';
import { PROCESS_TEST_MS } from './support/timeouts.js';

// Each test extracts and scores a folder of pages.
jest.setTimeout(PROCESS_TEST_MS);

// Three pages and their references, scored by hand.
//
// Page "a" (gzipped HTML): declutter keeps the two article paragraphs, 20 + 19 = 39 tokens → 36 shingles.
// Its reference adds a third sentence of 6 tokens: 45 tokens → 42 shingles. The output is a prefix of the
// reference, so every output shingle and word is in it:
//   Zyte tp 36, fp 0, fn 6 → P 1, R 36/42 = 0.857, F1 72/78 = 0.923
//   words tp 39 of 39 output, 45 reference → P 1, R 39/45 = 0.867, F1 78/84 = 0.929
// Page "b" (text dump): declutter keeps two paragraphs, 22 + 23 = 45 tokens → 42 shingles; the reference is
// the second paragraph only, 23 tokens → 20 shingles, a suffix of the output:
//   Zyte tp 20, fp 22, fn 0 → P 20/42 = 0.476, R 1, F1 40/62 = 0.645
//   words tp 23 → P 23/45 = 0.511, R 1, F1 46/68 = 0.676
// Page "c" is a PNG: it cannot be decoded, so it is an error row scored as empty output against a
// 6-token reference (3 shingles): P = R = F1 = 0 by both methods.
// Means (Zyte): P over the pages with output (a, b) = (1 + 20/42) / 2 = 0.738; R over all three
// = (36/42 + 1 + 0) / 3 = 0.619; F1 = 2PR / (P + R) = 0.673.
// Means (words, over all pages): P (1 + 23/45 + 0) / 3 = 0.504, R (39/45 + 1 + 0) / 3 = 0.622,
// F1 (78/84 + 46/68 + 0) / 3 = 0.535.

const A1 = 'The river flooded the old town overnight, and the water reached the first floors of the houses near the bridge.';
const A2 = 'Rescue teams reached every street by noon, and the mayor said that nobody had been hurt in the night.';
const A3 = 'Schools will stay closed until Monday.';
const PAGE_A = `<!doctype html><html><head><title>Flood</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/weather">Weather</a></nav>
<article><h1>Flood</h1>
<p>${A1}</p>
<p>${A2}</p>
</article>
<footer><a href="/about">About us</a> <a href="/contact">Contact</a></footer>
</body></html>
`;

const B1 = 'The harvest came early this year because the summer was warm and the rain fell at the right time for the farmers.';
const B2 = 'Prices at the market fell by a third, which pleased the buyers but worried the growers who had borrowed money for new machines.';
const PAGE_B = `Home | News | Sport | Weather\n\n${B1}\n\n${B2}\n\nCopyright 2020 Example News\n`;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);

let dir: string;
const path = (...parts: string[]) => join(dir, ...parts);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'declutter-eval-'));
  for (const folder of ['pages', 'good', 'gold', 'empty', 'blank']) mkdirSync(path(folder));
  // An empty text dump (a broken page) against an empty reference, and an id with two page files.
  writeFileSync(path('blank', 'e.txt'), '\n');
  writeFileSync(path('blank', 'b.txt'), PAGE_B);
  writeFileSync(path('blank', 'b.html'), `<html><body><p>${B2}</p></body></html>`);
  writeFileSync(path('pages', 'a.html.gz'), gzipSync(Buffer.from(PAGE_A)));
  writeFileSync(path('pages', 'b.txt'), PAGE_B);
  writeFileSync(path('pages', 'c.html'), PNG);
  writeFileSync(path('pages', 'notes.md'), 'not a page');
  writeFileSync(path('good', 'a.html.gz'), gzipSync(Buffer.from(PAGE_A)));
  writeFileSync(path('good', 'b.txt'), PAGE_B);
  writeFileSync(path('gold', 'a.txt'), `${A1}\n\n${A2}\n\n${A3}\n`);
  writeFileSync(path('gold', 'b.txt'), `${B2}\n`);
  writeFileSync(path('gold', 'c.txt'), 'Some reference text for page c.\n');
  writeFileSync(path('gold', 'e.txt'), '');
  writeFileSync(
    path('index.jsonl'),
    [
      { id: 'a', url: 'https://example.com/a', page_type: 'article' },
      { id: 'b', url: 'https://example.com/b', page_type: 'forum' },
      { id: 'z', url: 'https://example.com/z', page_type: 'article' },
    ]
      .map((entry) => JSON.stringify(entry))
      .join('\n') + '\n',
  );
  writeFileSync(path('bad.jsonl'), '{"id": "a"}\nnot json\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const evalCli = (...args: string[]) => runCli(['eval', ...args]);

describe('the fixture pages', () => {
  // The hand computations above rest on what declutter keeps of pages a and b: checked here, so a change
  // in the extractors shows up as this precondition, not as a puzzling score.
  it('extract to the paragraphs the hand computation assumes', () => {
    expect(declutter(PAGE_A).text).toBe(`${A1}\n\n${A2}`);
    expect(declutter(PAGE_B).text).toBe(`${B1}\n\n${B2}`);
  });
});

describe('declutter eval PAGES GOLD', () => {
  it('prints a row per page, the means, and the worst pages; a failed page exits 1', async () => {
    const { code, stdout, stderr } = await evalCli(path('pages'), path('gold'));
    expect(code).toBe(1);
    const rows = stdout.split('\n').filter((line) => /^[abc] /.test(line));
    expect(rows.slice(0, 3)).toEqual([
      expect.stringMatching(/^a\s+1\.000\s+0\.857\s+0\.923\s+1\.000\s+0\.867\s+0\.929$/),
      expect.stringMatching(/^b\s+0\.476\s+1\.000\s+0\.645\s+0\.511\s+1\.000\s+0\.676$/),
      expect.stringMatching(/^c\s+0\.000\s+0\.000\s+0\.000\s+0\.000\s+0\.000\s+0\.000\s+error$/),
    ]);
    expect(stdout).toMatch(/means over 3 pages/);
    expect(stdout).toMatch(/Zyte \(scrapinghub method\)\s+0\.738\s+0\.619\s+0\.673/);
    expect(stdout).toMatch(/WCXB word F1\s+0\.504\s+0\.622\s+0\.535/);
    // The worst list: lowest Zyte F1 first, with what went wrong.
    const worst = stdout.slice(stdout.indexOf('3 worst pages')).split('\n').slice(1, 4);
    expect(worst[0]).toMatch(/^c\s+0\.000\s+0\.000\s+0\.000\s+0\.000\s+error$/);
    expect(worst[1]).toMatch(/^b\s+0\.645\s+0\.476\s+1\.000\s+0\.676\s+kept noise$/);
    expect(worst[2]).toMatch(/^a\s+0\.923\s+1\.000\s+0\.857\s+0\.929\s+lost text$/);
    // stderr: the failing page, and the count at the end; nothing about the stray notes.md.
    expect(stderr).toContain(`declutter: ${path('pages', 'c.html')}: binary, not HTML or text\n`);
    expect(stderr).toMatch(/1 page failed to read or decode; scored as empty output\n$/);
    expect(stdout).not.toContain('declutter:');
  });

  it('gives { options, pages, summary, worst, failed } with --json', async () => {
    const { code, stdout } = await evalCli('--json', path('pages'), path('gold'));
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['options', 'pages', 'summary', 'worst', 'failed']);
    expect(report.options).toEqual({ favor: 'balanced', input: 'auto', tokens: 'published' });
    expect(report.pages.map((p: { id: string; file: string }) => [p.id, p.file])).toEqual([
      ['a', 'a.html.gz'],
      ['b', 'b.txt'],
      ['c', 'c.html'],
    ]);
    expect(report.pages[0].zyte).toMatchObject({ tp: 36, fp: 0, fn: 6, precision: 1 });
    expect(report.pages[0].zyte.recall).toBeCloseTo(36 / 42, 12);
    expect(report.pages[1].zyte).toMatchObject({ tp: 20, fp: 22, fn: 0, recall: 1 });
    expect(report.pages[1].words.precision).toBeCloseTo(23 / 45, 12);
    expect(report.pages[2]).toMatchObject({ id: 'c', error: 'binary, not HTML or text', zyte: { tp: 0, fp: 0, fn: 3 } });
    expect(report.pages[0]).not.toHaveProperty('error');
    expect(report.summary.pages).toBe(3);
    expect(report.summary.zyte.pagesWithOutput).toBe(2);
    expect(report.summary.zyte.precision).toBeCloseTo((1 + 20 / 42) / 2, 12);
    expect(report.summary.zyte.recall).toBeCloseTo((36 / 42 + 1) / 3, 12);
    expect(report.summary.words.f1).toBeCloseTo((78 / 84 + 46 / 68) / 3, 12);
    expect(report.worst.map((w: { id: string; cause: string }) => [w.id, w.cause])).toEqual([
      ['c', 'lost text'],
      ['b', 'kept noise'],
      ['a', 'lost text'],
    ]);
    expect(report.worst[0].error).toBe('binary, not HTML or text');
    expect(report.failed).toBe(1);
  });

  it('exits 0 when every page is read, and --quiet prints only the summary', async () => {
    const { code, stdout, stderr } = await evalCli('--quiet', path('good'), path('gold'));
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/^id /m);
    expect(stdout).toMatch(/^means over 2 pages/);
    expect(stdout).toMatch(/Zyte \(scrapinghub method\)\s+0\.738\s+0\.929\s+0\.822/);
    expect(stdout).toMatch(/2 worst pages/);
    // The reference c has no page here: said on stderr, not scored.
    expect(stderr).toBe('declutter: note: 2 references have no page; not scored\n');
  });

  it('scores an empty page as empty output without failing, and uses the HTML of an id with two files', async () => {
    const { code, stdout, stderr } = await evalCli('--json', path('blank'), path('gold'));
    expect(code).toBe(0);
    const { pages } = JSON.parse(stdout);
    expect(pages.map((p: { id: string; file: string }) => [p.id, p.file])).toEqual([
      ['b', 'b.html'],
      ['e', 'e.txt'],
    ]);
    // Nothing to find and nothing kept: perfect by both methods.
    expect(pages[1]).toMatchObject({ zyte: { f1: 1, tp: 0, fp: 0, fn: 0 }, words: { f1: 1 } });
    expect(pages[1]).not.toHaveProperty('error');
    expect(stderr).toContain(`declutter: note: ${path('blank', 'b.html')} is used; b.txt ignored (same id)\n`);
    expect(stderr).toContain('declutter: note: 1 page is empty; scored as empty output\n');
  });

  it('-f json is --json, as in score; -q is --quiet', async () => {
    expect((await evalCli('-f', 'json', '-q', path('good'), path('gold'))).stdout).toBe((await evalCli('--json', '--quiet', path('good'), path('gold'))).stdout);
  });

  it('drops the page rows from --json with --quiet', async () => {
    const { stdout } = await evalCli('--json', '--quiet', path('good'), path('gold'));
    const report = JSON.parse(stdout);
    expect(report).not.toHaveProperty('pages');
    expect(report.summary.pages).toBe(2);
  });

  it('groups the means by an index field with --by and --index', async () => {
    const { code, stdout } = await evalCli('--by', 'page_type', '--index', path('index.jsonl'), path('pages'), path('gold'));
    expect(code).toBe(1);
    const section = stdout.slice(stdout.indexOf('by page_type')).split('\n');
    expect(section[0]).toMatch(/^by page_type\s+pages\s+Zyte P\s+Zyte R\s+Zyte F1\s+word P\s+word R\s+word F1$/);
    // article: page a alone; forum: page b alone; c is not in the index.
    expect(section[1]).toMatch(/^article\s+1\s+1\.000\s+0\.857\s+0\.923\s+1\.000\s+0\.867\s+0\.929$/);
    expect(section[2]).toMatch(/^forum\s+1\s+0\.476\s+1\.000\s+0\.645\s+0\.511\s+1\.000\s+0\.676$/);
    expect(section[3]).toMatch(/^\(none\)\s+1\s+0\.000\s+0\.000\s+0\.000\s+0\.000\s+0\.000\s+0\.000$/);
  });

  it('groups in --json as { field, values: [{ value, summary }] }, null for pages without the field', async () => {
    const { stdout } = await evalCli('--json', '--by', 'page_type', '--index', path('index.jsonl'), path('pages'), path('gold'));
    const { groups } = JSON.parse(stdout);
    expect(groups.field).toBe('page_type');
    expect(groups.values.map((g: { value: string | null; summary: { pages: number } }) => [g.value, g.summary.pages])).toEqual([
      ['article', 1],
      ['forum', 1],
      [null, 1],
    ]);
    expect(groups.values[0].summary.zyte.recall).toBeCloseTo(36 / 42, 12);
  });

  it('passes --input to declutter', async () => {
    const auto = JSON.parse((await evalCli('--json', path('good'), path('gold'))).stdout);
    const text = JSON.parse((await evalCli('--json', '--input', 'text', path('good'), path('gold'))).stdout);
    expect(text.options.input).toBe('text');
    // Read as a text dump, the HTML page keeps its markup as words: its precision falls.
    expect(text.pages[0].words.precision).toBeLessThan(auto.pages[0].words.precision);
  });

  it('passes --favor to declutter', async () => {
    const { code, stdout } = await evalCli('--json', '--favor', 'precision', path('good'), path('gold'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).options.favor).toBe('precision');
  });
});

describe('declutter eval: usage and unreadable folders', () => {
  const usage = async (...args: string[]) => {
    const { code, stdout, stderr } = await evalCli(...args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.trim().split('\n')).toHaveLength(1);
    return stderr;
  };

  it('exits 2 without its two folders', async () => {
    await usage();
    await usage(path('pages'));
  });

  it('exits 2 for --by without --index, or --index without --by', async () => {
    expect(await usage('--by', 'page_type', path('pages'), path('gold'))).toMatch(/--by FIELD and --index FILE/);
    await usage('--index', path('index.jsonl'), path('pages'), path('gold'));
  });

  it('exits 2 for a --by field that no index entry has', async () => {
    expect(await usage('--by', 'colour', '--index', path('index.jsonl'), path('pages'), path('gold'))).toMatch(/colour/);
  });

  it('exits 2 for an invalid --favor or --input, or an unknown option', async () => {
    await usage('--favor', 'speed', path('pages'), path('gold'));
    await usage('--input', 'pdf', path('pages'), path('gold'));
    await usage('--fast', path('pages'), path('gold'));
  });

  it('exits 2 for a folder without page files', async () => {
    expect(await usage(path('empty'), path('gold'))).toMatch(/no page files/);
  });

  it('exits 3 for a missing folder, with one line and no stdout', async () => {
    for (const args of [[path('missing'), path('gold')], [path('pages'), path('missing')]]) {
      const { code, stdout, stderr } = await evalCli(...args);
      expect(code).toBe(3);
      expect(stdout).toBe('');
      expect(stderr).toBe(`declutter: ${path('missing')}: no such directory\n`);
    }
  });

  it('exits 3 for a missing index, and 4 for an index that is not JSON Lines', async () => {
    const missing = await evalCli('--by', 'page_type', '--index', path('nope.jsonl'), path('pages'), path('gold'));
    expect(missing.code).toBe(3);
    const bad = await evalCli('--by', 'page_type', '--index', path('bad.jsonl'), path('pages'), path('gold'));
    expect(bad.code).toBe(4);
    expect(bad.stderr).toBe(`declutter: ${path('bad.jsonl')}: line 2: not valid JSON\n`);
  });
});
