import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../src/article.js';
import { EXIT } from '../src/cli/exit-codes.js';
import { EvalReports, prepareReportDir } from '../src/cli/report.js';
import { declutter } from '../src/index.js';
import { benchmarkScores } from '../src/score/index.js';
import { expectOneLineError, runCli } from './support/cli.js';
import { jest } from '@jest/globals';
import { PROCESS_TEST_MS } from './support/timeouts.js';

// Each test extracts pages and writes reports.
jest.setTimeout(PROCESS_TEST_MS);

const seed = 'test/pages/seed/source.txt';
const seedReference = 'test/pages/seed/reference.txt';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'declutter-report-'));
  writeFileSync(join(dir, 'a-file'), 'not a folder');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('declutter PAGE --report FILE', () => {
  it('writes the report and still prints the article, and only the article, on stdout', async () => {
    const path = join(dir, 'seed.html');
    const plain = await runCli([seed]);
    const run = await runCli([seed, '--report', path]);
    expect(run.code).toBe(EXIT.OK);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(plain.stdout);
    const report = readFileSync(path, 'utf8');
    expect(report.startsWith('<!doctype html>')).toBe(true);
    expect(report).toContain('<dd>test/pages/seed/source.txt</dd>');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('works with the other output formats and with standard input', async () => {
    const path = join(dir, 'stdin.html');
    const run = await runCli(['--format', 'json', '--report', path], { stdin: readFileSync(seed) });
    expect(JSON.parse(run.stdout).extractor).toBe('text');
    expect(readFileSync(path, 'utf8')).toContain('<dd>stdin</dd>');
  });

  it('with --reference, adds the scores and the missing and extra text', async () => {
    const path = join(dir, 'seed-ref.html');
    const run = await runCli([seed, '--report', path, '--reference', seedReference]);
    expect(run.code).toBe(EXIT.OK);
    expect(readFileSync(path, 'utf8')).toContain('<h2 id="missing">Missing: in the reference, not in the output (1)</h2>');
  });

  it('refuses --reference without --report (bad usage)', async () => {
    expectOneLineError(await runCli([seed, '--reference', seedReference]), EXIT.USAGE, /--reference is used with --report/);
  });

  it('an unreadable reference is an unreadable input', async () => {
    expectOneLineError(await runCli([seed, '--report', join(dir, 'x.html'), '--reference', join(dir, 'nope.txt')]), EXIT.UNREADABLE, /nope\.txt: no such file/);
  });

  it('a report path that cannot be written is one line and EXIT.CANNOT_WRITE, with no file left behind', async () => {
    expectOneLineError(await runCli([seed, '--report', join(dir, 'missing-folder', 'r.html')]), EXIT.CANNOT_WRITE, /r\.html: cannot write the report: no such folder/);
    expectOneLineError(await runCli([seed, '--report', join(dir, 'a-file', 'r.html')]), EXIT.CANNOT_WRITE, /cannot write the report: a parent is not a folder/);
    expectOneLineError(await runCli([seed, '--report', dir]), EXIT.CANNOT_WRITE, /cannot write the report: is a folder/);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('declutter eval PAGES GOLD --report DIR', () => {
  let pages: string;
  let gold: string;

  beforeAll(() => {
    pages = join(dir, 'pages-in');
    gold = join(dir, 'gold');
    mkdirSync(pages);
    mkdirSync(gold);
    copyFileSync(seed, join(pages, 'seed.txt'));
    copyFileSync(seedReference, join(gold, 'seed.txt'));
    copyFileSync('test/pages/forum-thread/source.html', join(pages, 'forum.html'));
    copyFileSync('test/pages/forum-thread/expected.txt', join(gold, 'forum.txt'));
    // A page scored against a reference it does not contain: the worst page.
    copyFileSync('test/pages/link-dense-paragraph/source.html', join(pages, 'off.html'));
    writeFileSync(join(gold, 'off.txt'), 'A reference about something else entirely, which no page of this folder holds.\n');
    writeFileSync(join(dir, 'index.jsonl'), ['seed', 'forum', 'off'].map((id) => JSON.stringify({ id, page_type: id === 'forum' ? 'forum' : 'article' })).join('\n'));
  });

  it('writes a report per page and an index listing them worst first; stdout is unchanged', async () => {
    const out = join(dir, 'reports', 'run1');
    const plain = await runCli(['eval', pages, gold, '--quiet']);
    const run = await runCli(['eval', pages, gold, '--quiet', '--report', out]);
    expect(run.code).toBe(EXIT.OK);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.stderr).toBe(`declutter: note: reports written; open ${join(out, 'index.html')}\n`);
    expect(readdirSync(join(out, 'pages')).sort()).toEqual(['forum.html', 'off.html', 'seed.html']);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    const links = [...index.matchAll(/<a href="(pages\/[^"]+)">([^<]+)<\/a>/g)];
    expect(links.map((m) => m[2])[0]).toBe('off');
    for (const [, href] of links) expect(existsSync(join(out, href!))).toBe(true);
    expect(readFileSync(join(out, 'pages', 'seed.html'), 'utf8')).toContain('<a href="../index.html">← all pages</a>');
    expect(index).toMatch(/<p class="run">declutter \d+\.\d+\.\d+ · <time datetime="\d{4}-\d\d-\d\dT[\d:.]+Z">/);
    expect(index).toContain('<span class="opt">--favor balanced</span> <span class="opt">--input auto</span> <span class="opt">--max-bytes 64 MB</span>');
  });

  it('adds the group column with --by', async () => {
    const out = join(dir, 'reports', 'run2');
    const run = await runCli(['eval', pages, gold, '--quiet', '--report', out, '--by', 'page_type', '--index', join(dir, 'index.jsonl')]);
    expect(run.code).toBe(EXIT.OK);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<th data-type="text" class="text">page_type</th>');
    expect(index).toContain('<td data-v="forum" class="text">forum</td>');
  });

  it('a report folder that cannot be made is EXIT.CANNOT_WRITE before any page is read', async () => {
    expectOneLineError(await runCli(['eval', pages, gold, '--report', join(dir, 'a-file', 'sub')]), EXIT.CANNOT_WRITE, /cannot create the report folder/);
  });
});

describe('EvalReports', () => {
  it('lists a page whose report cannot be drawn with the reason, and goes on to the next page and the index', async () => {
    const out = mkdtempSync(join(tmpdir(), 'declutter-reports-'));
    try {
      await prepareReportDir(out);
      const reports = new EvalReports(out);
      const reference = 'A senior official called for greater trust.';
      const row = (id: string) => ({ id, file: `${id}.html`, ...benchmarkScores(reference, reference) });
      const broken = { ...declutter('<p>A senior official called for greater trust.</p>'), blocks: undefined } as unknown as Article;
      await reports.page(row('broken'), broken, reference);
      await reports.page(row('fine'), declutter('<p>A senior official called for greater trust.</p>'), reference);
      await reports.finish({ title: 'test' });
      const index = readFileSync(join(out, 'index.html'), 'utf8');
      expect(index).toMatch(/error: no report: /);
      expect(existsSync(join(out, 'pages', 'fine.html'))).toBe(true);
      expect(existsSync(join(out, 'pages', 'broken.html'))).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
