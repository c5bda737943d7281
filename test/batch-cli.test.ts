import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';
import { batch, declutter } from '../src/index.js';
import { EXIT } from '../src/cli/exit-codes.js';
import { runCli } from './support/cli.js';
import { articlePage, declutterBin, listTree, parseLines, readTree } from './support/batch.js';

import { jest } from '@jest/globals';
import { HEAVY_TEST_MS } from './support/timeouts.js';

// Every test here starts processes or worker threads, and some clean a few hundred pages.
jest.setTimeout(HEAVY_TEST_MS);

let dir: string;
const path = (...parts: string[]) => join(dir, ...parts);
const textOf = (page: string) => declutter(page).text + '\n';

const DUMP = `Home | News | Sport | Weather\n\nThe harvest came early this year because the summer was warm and the rain fell at the right time for the farmers.\n\nPrices at the market fell by a third, which pleased the buyers but worried the growers who had borrowed money.\n\nCopyright 2020 Example News\n`;

async function warcFile(records: { type: 'response' | 'request' | 'conversion'; url: string; body: string | Buffer; contentType?: string }[], gzip: boolean): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for (const r of records) {
    const record = WARCRecord.create(
      {
        url: r.url,
        date: '2024-01-01T00:00:00Z',
        type: r.type,
        warcVersion: 'WARC/1.0',
        ...(r.type === 'response' ? { statusline: 'HTTP/1.1 200 OK', httpHeaders: { 'Content-Type': r.contentType ?? 'text/html; charset=utf-8' } } : {}),
        ...(r.type === 'conversion' ? { warcHeaders: { 'Content-Type': 'text/plain' } } : {}),
      },
      (async function* () {
        yield typeof r.body === 'string' ? new TextEncoder().encode(r.body) : new Uint8Array(r.body);
      })(),
    );
    parts.push(await WARCSerializer.serialize(record, { gzip }));
  }
  return Buffer.concat(parts.map((p) => Buffer.from(p)));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'declutter-batch-'));
  mkdirSync(path('pages', 'a'), { recursive: true });
  mkdirSync(path('pages', '.hidden'));
  writeFileSync(path('pages', 'a', 'b.html.gz'), gzipSync(articlePage(1)));
  writeFileSync(path('pages', 'a', 'c.htm'), articlePage(2));
  writeFileSync(path('pages', 'd.txt'), DUMP);
  writeFileSync(path('pages', 'e.html'), articlePage(3));
  writeFileSync(path('pages', 'e.txt'), DUMP);
  writeFileSync(path('pages', 'empty.html'), '');
  writeFileSync(path('pages', 'nothing.html'), '<html><body><nav><a href="/">Home</a></nav></body></html>');
  writeFileSync(path('pages', 'notes.md'), 'not a page');
  writeFileSync(path('pages', '.hidden', 'x.html'), articlePage(4));
  symlinkSync(path('nowhere.html'), path('pages', 'broken.html'));
  symlinkSync(path('pages'), path('pages', 'a', 'loop'));

  const records = [
    { id: 'first', url: 'https://example.com/first', html: articlePage(5) },
    { id: '../../escape', html: articlePage(6) },
    { id: '/etc/passwd', html: articlePage(7) },
    { id: 'nul\u0000byte', text: DUMP },
    { id: 'x'.repeat(400), html: articlePage(8) },
    { url: 'https://example.com/a/b?c=d', html: articlePage(9) },
    { id: 'first', html: articlePage(10) },
    { id: 'no-body' },
  ];
  const jsonl = records.map((r) => JSON.stringify(r)).join('\n') + '\n{not json\n\n';
  writeFileSync(path('records.jsonl'), jsonl);
  writeFileSync(path('records.jsonl.gz'), gzipSync(jsonl));

  writeFileSync(
    path('crawl.warc.gz'),
    await warcFile(
      [
        { type: 'response', url: 'https://example.com/one', body: articlePage(11) },
        { type: 'request', url: 'https://example.com/one', body: '' },
        { type: 'response', url: 'https://example.com/logo.png', body: 'PNG', contentType: 'image/png' },
        { type: 'response', url: 'https://example.com/two', body: articlePage(12) },
      ],
      true,
    ),
  );
  const latin1 = Buffer.from(articlePage(15).replace(/committee/g, 'café committee'), 'latin1');
  writeFileSync(path('latin1.warc'), await warcFile([{ type: 'response', url: 'https://example.com/cafe', body: latin1, contentType: 'text/html; charset=windows-1251' }], false));
  writeFileSync(path('crawl.wet'), await warcFile([{ type: 'conversion', url: 'https://example.com/three', body: DUMP }], false));
  writeFileSync(path('slow.html'), '<html><body>' + Array.from({ length: 40000 }, (_, i) => `<div><p>Paragraph ${i} with some words, and a <a href="/x${i}">link</a>.</p></div>`).join('') + '</body></html>');
  mkdirSync(path('timeouts'));
  writeFileSync(path('timeouts', '1-fast.html'), articlePage(13));
  writeFileSync(path('timeouts', '2-slow.html'), readFileSync(path('slow.html')));
  writeFileSync(path('timeouts', '3-fast.html'), articlePage(14));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('declutter batch FOLDER --out DIR', () => {
  let run: Awaited<ReturnType<typeof declutterBin>>;
  beforeAll(async () => {
    run = await declutterBin(['batch', path('pages'), '--out', path('out-tree'), '--jobs', '2']);
  });

  it('mirrors the folder, page extensions replaced by the format', () => {
    expect(listTree(path('out-tree'))).toEqual(['a/b.txt', 'a/c.txt', 'd.txt', 'e.html.txt', 'e.txt.txt', 'failures.jsonl', 'nothing.txt']);
    const tree = readTree(path('out-tree'));
    expect(tree['a/b.txt']).toBe(textOf(articlePage(1)));
    expect(tree['e.html.txt']).toBe(textOf(articlePage(3)));
    expect(tree['e.txt.txt']).toBe(textOf(DUMP));
    expect(tree['nothing.txt']).toBe(''); // no main content: an empty output, not a failure
  });

  it('lists failed pages with a one-line reason and goes on; the exit code says some failed', () => {
    expect(run.code).toBe(EXIT.SOME_FAILED);
    const failures = parseLines(readFileSync(path('out-tree', 'failures.jsonl'), 'utf8'));
    expect(failures).toEqual([
      { path: 'a/loop', reason: expect.stringMatching(/symbolic link loop/), category: 'unreadable' },
      { path: 'broken.html', reason: 'no such file', category: 'unreadable' },
      { path: 'empty.html', reason: 'input is empty', category: 'rejected' },
    ]);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^declutter: 3 of 9 pages failed; see .*failures\.jsonl\n$/);
  });

  it('gives the same bytes on one worker and on three', async () => {
    const one = await declutterBin(['batch', path('pages'), path('records.jsonl'), '--out', path('out-j1'), '-j', '1', '-f', 'json']);
    const three = await declutterBin(['batch', path('pages'), path('records.jsonl'), '--out', path('out-j3'), '-j', '3', '-f', 'json']);
    expect(one.code).toBe(three.code);
    expect(readTree(path('out-j3'))).toEqual(readTree(path('out-j1')));
    const s1 = await declutterBin(['batch', path('pages'), path('crawl.warc.gz'), '--out', '-', '-j', '1']);
    const s3 = await declutterBin(['batch', path('pages'), path('crawl.warc.gz'), '--out', '-', '-j', '3']);
    expect(s3.stdout).toBe(s1.stdout);
    expect(parseLines(s1.stdout).length).toBe(8);
  });

  it('reports an input that does not exist and processes the others', async () => {
    const r = await declutterBin(['batch', path('pages', 'a', 'c.htm'), path('pages', 'a', 'missing.html'), '--out', path('out-missing')]);
    expect(r.code).toBe(EXIT.SOME_FAILED);
    expect(listTree(path('out-missing'))).toEqual(['c.txt', 'failures.jsonl']);
    expect(parseLines(readFileSync(path('out-missing', 'failures.jsonl'), 'utf8'))).toEqual([
      { path: path('pages', 'a', 'missing.html'), reason: 'no such file', category: 'unreadable' },
    ]);
  });

  it('refuses a pipe and an over-large file without reading them', async () => {
    mkdirSync(path('odd'));
    execFileSync('mkfifo', [path('odd', 'pipe.html')]);
    writeFileSync(path('odd', 'big.html'), articlePage(16));
    const r = await declutterBin(['batch', path('odd'), '--out', path('out-odd'), '--max-bytes', '100', '--page-timeout', '5']);
    expect(r.code).toBe(EXIT.SOME_FAILED);
    expect(parseLines(readFileSync(path('out-odd', 'failures.jsonl'), 'utf8'))).toEqual([
      { path: 'big.html', reason: 'input is larger than --max-bytes', category: 'rejected' },
      { path: 'pipe.html', reason: 'not a regular file', category: 'unreadable' },
    ]);
  });

  it('takes quoted globs, relative to their folder', async () => {
    const r = await declutterBin(['batch', `${path('pages')}/*/*.htm*`, '--out', path('out-glob'), '-f', 'markdown']);
    expect(r.code).toBe(EXIT.OK);
    expect(listTree(path('out-glob'))).toEqual(['a/b.md', 'a/c.md']);
    const deep = await declutterBin(['batch', `${path('pages')}/**/[a-e]*.htm*`, '--out', '-']);
    expect(parseLines(deep.stdout).map((l) => l.path)).toEqual(['a/b.html.gz', 'a/c.htm', 'e.html']);
    expect(deep.code).toBe(EXIT.SOME_FAILED); // broken.html and empty.html match too
  });
});

describe('declutter batch with JSON Lines and web archives', () => {
  it('writes one file per record, every name inside --out', async () => {
    const r = await declutterBin(['batch', path('records.jsonl.gz'), '--out', path('out-records')]);
    expect(r.code).toBe(EXIT.SOME_FAILED);
    const files = listTree(path('out-records'));
    expect(files.filter((f) => f !== 'failures.jsonl' && f !== 'manifest.jsonl').every((f) => f.startsWith('records/') && f.split('/').length === 2)).toBe(true);
    expect(files).toContain('records/first.txt');
    expect(files).toContain('records/first~2.txt');
    expect(files.length).toBe(2 + 7);
    for (const f of files) expect(Buffer.byteLength(f.split('/').pop()!)).toBeLessThanOrEqual(200);
    expect(readFileSync(path('out-records', 'records', 'first.txt'), 'utf8')).toBe(textOf(articlePage(5)));
    const failures = parseLines(readFileSync(path('out-records', 'failures.jsonl'), 'utf8'));
    expect(failures).toEqual([
      { source: 'records.jsonl.gz', id: 'no-body', reason: 'no "html" or "text" field (line 8)', category: 'rejected' },
      { source: 'records.jsonl.gz', line: 9, reason: 'not valid JSON', category: 'rejected' },
    ]);
    // Nothing was written outside --out.
    expect(listTree(dir).filter((f) => f.includes('passwd') || f.includes('escape')).every((f) => /^out-[^/]+\/records\/[^/]+$/.test(f))).toBe(true);
    expect(existsSync('/etc/passwd.txt')).toBe(false);
  });

  it('filters JSON Lines from stdin to stdout, in input order, failures on stderr', async () => {
    const r = await declutterBin(['batch', '-', '--out', '-', '-j', '2'], { stdin: readFileSync(path('records.jsonl')) });
    expect(r.code).toBe(EXIT.SOME_FAILED);
    const lines = parseLines(r.stdout);
    expect(lines.map((l) => l.id ?? l.url)).toEqual(['first', '../../escape', '/etc/passwd', 'nul\u0000byte', 'x'.repeat(400), 'https://example.com/a/b?c=d', 'first']);
    const first = declutter(articlePage(5));
    expect(lines[0]).toEqual({ id: 'first', url: 'https://example.com/first', ok: true, confidence: first.confidence, title: 'The orchard report 5', text: first.text });
    expect(r.stderr.trimEnd().split('\n')).toEqual(['declutter: no-body: no "html" or "text" field (line 8)', 'declutter: line 9: not valid JSON']);
  });

  it('reads WARC responses and WET conversions, keyed by record id and URL', async () => {
    const r = await declutterBin(['batch', path('crawl.warc.gz'), path('crawl.wet'), '--out', '-', '-f', 'json']);
    expect(r.code).toBe(EXIT.OK);
    const lines = parseLines(r.stdout);
    expect(lines.map((l) => [l.source, l.url, l.extractor])).toEqual([
      ['crawl.warc.gz', 'https://example.com/one', 'html'],
      ['crawl.warc.gz', 'https://example.com/two', 'html'],
      ['crawl.wet', 'https://example.com/three', 'text'],
    ]);
    for (const l of lines) expect(l.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines[0]!.text).toBe(declutter(articlePage(11)).text);

    const served = parseLines((await declutterBin(['batch', path('latin1.warc'), '--out', '-', '-f', 'json'])).stdout);
    // The HTTP header's charset wins over any guess: byte 0xE9 is "й" in windows-1251.
    expect(served[0]!.encoding).toBe('windows-1251');
    expect(served[0]!.text).toContain('orchard cafй committee met');

    const tree = await declutterBin(['batch', path('crawl.warc.gz'), '--out', path('out-warc')]);
    expect(tree.code).toBe(EXIT.OK);
    const files = listTree(path('out-warc'));
    expect(files).toHaveLength(3);
    for (const f of files.filter((name) => name !== 'manifest.jsonl')) expect(f).toMatch(/^crawl\/[0-9a-f-]{36}\.txt$/);
  });

  it('a tree of records has a manifest from each record (id, URL) to its output, and JSON outputs carry the URL', async () => {
    const tree = await declutterBin(['batch', path('crawl.warc.gz'), '--out', path('out-warc-json'), '-f', 'json']);
    expect(tree.code).toBe(EXIT.OK);
    const manifest = parseLines(readFileSync(path('out-warc-json', 'manifest.jsonl'), 'utf8'));
    expect(manifest.map((m) => m.url)).toEqual(['https://example.com/one', 'https://example.com/two']);
    for (const m of manifest) {
      expect(m).toEqual({ source: 'crawl.warc.gz', id: expect.stringMatching(/^[0-9a-f-]{36}$/), url: expect.any(String), output: `crawl/${m.id as string}.json` });
      expect(JSON.parse(readFileSync(path('out-warc-json', m.output as string), 'utf8')).url).toBe(m.url);
    }
    // Page files need no manifest: their outputs mirror their paths.
    await declutterBin(['batch', path('pages', 'a', 'c.htm'), '--out', path('out-no-manifest')]);
    expect(listTree(path('out-no-manifest'))).toEqual(['c.txt']);
  });
});

describe('inputs that hold no page', () => {
  it('an empty folder, or a glob that matches nothing, is a usage error that names it; no output is made', async () => {
    mkdirSync(path('void'));
    mkdirSync(path('styles'));
    writeFileSync(path('styles', 'site.css'), 'body { color: red }');
    for (const input of [path('void'), `${path('void')}/*.html`, `${path('nowhere')}/**/*.html`, path('styles')]) {
      const r = await runCli(['batch', input, '--out', path('out-void')]);
      expect(r.code).toBe(EXIT.USAGE);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`declutter: no pages matched ${input} (pages are .html`);
      expect(existsSync(path('out-void'))).toBe(false);
    }
  });

  it('beside inputs that hold pages, is a failure of its own', async () => {
    const r = await declutterBin(['batch', path('pages', 'a', 'c.htm'), path('void'), '--out', '-']);
    expect(r.code).toBe(EXIT.SOME_FAILED);
    expect(parseLines(r.stdout).map((l) => l.path)).toEqual(['pages/a/c.htm']);
    expect(r.stderr).toBe(`declutter: ${path('void')}: no pages matched\n`);
  });

  it("takes a crawler's .php and extensionless pages when they hold HTML, and counts the files left alone", async () => {
    mkdirSync(path('crawled', 'blog'), { recursive: true });
    writeFileSync(path('crawled', 'index.php'), articlePage(20));
    writeFileSync(path('crawled', 'blog', 'soup'), articlePage(21));
    writeFileSync(path('crawled', 'blog', 'page.aspx'), 'Plain words, not a page.');
    writeFileSync(path('crawled', 'style.css'), 'body { color: red }');
    writeFileSync(path('crawled', 'README'), 'How this folder was made.');
    const summary = await batch({ inputs: [path('crawled')], out: path('out-crawled'), jobs: 1 });
    expect(listTree(path('out-crawled'))).toEqual(['blog/soup.txt', 'index.txt']);
    expect(readFileSync(path('out-crawled', 'index.txt'), 'utf8')).toBe(textOf(articlePage(20)));
    expect(summary).toEqual(expect.objectContaining({ extracted: 2, failed: 0, ignored: 3 }));
  });
});

describe('--shard K/N', () => {
  it('the shards together cover every input exactly once', async () => {
    const inputs = [path('pages'), path('records.jsonl'), path('crawl.warc.gz')];
    const full = await declutterBin(['batch', ...inputs, '--out', '-', '--failures', path('shard-all.failures.jsonl')]);
    const keys = (out: string, failures: string) => [
      ...parseLines(out).map((l) => JSON.stringify([l.path, l.source, l.id, l.url])),
      ...parseLines(existsSync(failures) ? readFileSync(failures, 'utf8') : '').map((l) => JSON.stringify([l.path, l.source, l.id ?? (l.line === undefined ? undefined : `line ${l.line}`), l.url])),
    ];
    const all = keys(full.stdout, path('shard-all.failures.jsonl'));
    expect(all.length).toBe(9 + 9 + 2);
    const parts: string[] = [];
    for (let k = 1; k <= 3; k++) {
      const fails = path(`shard-${k}.failures.jsonl`);
      const run = await declutterBin(['batch', ...inputs, '--out', '-', '--shard', `${k}/3`, '--failures', fails]);
      const mine = keys(run.stdout, fails);
      expect(mine.length).toBeGreaterThan(0);
      parts.push(...mine);
    }
    expect(parts.slice().sort()).toEqual(all.slice().sort());
  });
});

describe('--page-timeout', () => {
  it('fails a page over its budget, replaces the worker and goes on', async () => {
    const started = Date.now();
    const r = await declutterBin(['batch', path('timeouts'), '--out', path('out-timeout'), '-j', '1', '--page-timeout', '0.5']);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(EXIT.SOME_FAILED);
    expect(listTree(path('out-timeout'))).toEqual(['1-fast.txt', '3-fast.txt', 'failures.jsonl']);
    expect(parseLines(readFileSync(path('out-timeout', 'failures.jsonl'), 'utf8'))).toEqual([
      { path: '2-slow.html', reason: 'timed out after 0.5 s', category: 'timeout' },
    ]);
  });
});

describe('declutter batch usage', () => {
  const usage = async (args: string[], pattern: RegExp) => {
    const r = await runCli(['batch', ...args]);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
  };

  it('needs --out and at least one input', async () => {
    await usage([path('pages')], /required option '-o, --out <dest>'/);
    await usage(['--out', path('x')], /missing required argument/);
  });
  it('refuses bad --shard, --jobs and --page-timeout values', async () => {
    await usage([path('pages'), '--out', path('x'), '--shard', '4/3'], /--shard.*K\/N/);
    await usage([path('pages'), '--out', path('x'), '--jobs', '0'], /--jobs.*at least 1/);
    await usage([path('pages'), '--out', path('x'), '--page-timeout', '-1'], /--page-timeout.*greater than zero/);
  });
  it('refuses overlapping inputs, an output holding an input, and --resume without a file', async () => {
    await usage([path('pages'), path('pages', 'a'), '--out', path('x')], /inputs overlap/);
    await usage([path('pages'), path('pages', 'a', 'c.htm'), '--out', path('x')], /inputs overlap: .*c\.htm and .*pages hold the same pages/);
    await usage([path('pages', 'd.txt'), path('pages', 'd.txt'), '--out', path('x')], /inputs overlap/);
    await usage([path('pages', 'a'), '--out', path('pages')], /outputs would mix with the pages/);
    await usage([path('pages'), '--out', '-', '--resume'], /--resume needs --out/);
  });
});

describe('an output that cannot be written', () => {
  it('stops at once with exit code 5 and one line', async () => {
    const r = await runCli(['batch', path('pages', 'd.txt'), '--out', path('pages', 'e.html', 'sub')]);
    expect(r.code).toBe(EXIT.CANNOT_WRITE);
    expect(r.stderr).toMatch(/^declutter: .*e\.html.*: cannot be written: a parent is not a folder\n$/);
  });
});

describe('on a terminal', () => {
  it('ends with a summary: pages, empty results, failures, words kept, time', async () => {
    const r = await runCli(['batch', path('pages'), '--out', path('out-tty'), '-j', '1'], { tty: true });
    expect(r.code).toBe(EXIT.SOME_FAILED);
    expect(r.stderr).toMatch(/declutter: 9 pages in \d+\.\d s \(\d+\.\d pages\/s\)\n/);
    expect(r.stderr).toMatch(/  5 extracted, 1 with no main content \(empty output\), 3 failed \(see .*failures\.jsonl\)\n/);
    expect(r.stderr).toMatch(/  [\d,]+ words kept\n  1 file of the folders left alone: not pages\n$/);
  });

  it('shows a count and a rate, no total or ETA, for pages read from standard input', async () => {
    const r = await runCli(['batch', '-', '--out', path('out-tty-stdin'), '-j', '1'], { tty: true, stdin: readFileSync(path('records.jsonl')) });
    expect(r.code).toBe(EXIT.SOME_FAILED);
    expect(r.stderr).toMatch(/\d+ pages \| [\d.]+ pages\/s \| \d+ failed/);
    expect(r.stderr).not.toMatch(/ETA|\d+\/\d+/);
  });
});
