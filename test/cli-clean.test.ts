import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { expectOneLineError, runCli } from './support/cli.js';
import { EXIT } from '../src/cli/exit-codes.js';
import { jest } from '@jest/globals';
import { PROCESS_TEST_MS } from './support/timeouts.js';

// Some tests clean the same page several times, or start the command.
jest.setTimeout(PROCESS_TEST_MS);

const seed = 'test/pages/seed/source.txt';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'declutter-clean-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.txt'), '  \n\t\n');
  writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
  writeFileSync(join(dir, 'page.txt.gz'), gzipSync(readFileSync(seed)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('declutter FILE', () => {
  it('prints the article of a file and nothing else', async () => {
    const run = await runCli([seed]);
    expect(run.code).toBe(EXIT.OK);
    expect(run.stderr).toBe('');
    expect(run.stdout.startsWith('A senior Chinese Internet affairs official')).toBe(true);
    expect(run.stdout.endsWith('cyber culture.\n')).toBe(true);
  });

  it('reads standard input with "-" and without an argument', async () => {
    const page = readFileSync(seed);
    const a = await runCli(['-'], { stdin: page });
    const b = await runCli([], { stdin: page });
    expect(a.stdout).toBe((await runCli([seed])).stdout);
    expect(b.stdout).toBe(a.stdout);
  });

  it('reads gzip by its magic bytes', async () => {
    const run = await runCli([join(dir, 'page.txt.gz')]);
    expect(run.stdout).toBe((await runCli([seed])).stdout);
  });

  it('--format json is a compact document: confidence, metadata, counts and text, no blocks', async () => {
    const doc = JSON.parse((await runCli([seed, '--format', 'json'])).stdout);
    expect(Object.keys(doc)).toEqual(['ok', 'confidence', 'extractor', 'encoding', 'language', 'title', 'metadata', 'counts', 'text']);
    expect(doc.text).toBe((await runCli([seed])).stdout.trimEnd());
    expect(doc.counts.kept).toBe(11);
  });

  it('--json is --format json; both at once, with another format, is bad usage', async () => {
    expect((await runCli([seed, '--json'])).stdout).toBe((await runCli([seed, '-f', 'json'])).stdout);
    expectOneLineError(await runCli([seed, '--json', '-f', 'markdown']), EXIT.USAGE, /--json.*cannot be used with.*--format/);
  });

  it('--blocks adds the blocks with their kinds, the extractor and counts', async () => {
    const run = await runCli([seed, '--format', 'json', '--blocks']);
    const doc = JSON.parse(run.stdout);
    expect(doc.extractor).toBe('text');
    expect(doc.counts.kept).toBe(11);
    expect(doc.counts.blocks).toBe(doc.blocks.length);
    expect(doc.blocks[0]).toEqual(expect.objectContaining({ kind: expect.any(String), label: 'boilerplate', reasons: expect.any(Array) }));
  });

  it('--links keeps links in markdown, html and json, and changes nothing for text', async () => {
    const page = join(dir, 'links.html');
    writeFileSync(page, '<html><head><title>Oven</title><base href="https://bakery.example/j/"></head><body><article>'
      + '<p>Preheat the oven for a full hour before baking so that the stone is hot, as explained in '
      + '<a href="stone.html">our baking stone notes</a>, and keep the door shut while it heats up.</p></article></body></html>');
    const md = await runCli([page, '--format', 'markdown', '--links']);
    expect(md.code).toBe(EXIT.OK);
    expect(md.stdout).toContain('[our baking stone notes](https://bakery.example/j/stone.html)');
    expect((await runCli([page, '--format', 'markdown'])).stdout).not.toContain('](');
    const html = await runCli([page, '--format', 'html', '--links']);
    expect(html.stdout).toContain('<a href="https://bakery.example/j/stone.html">our baking stone notes</a>');
    const json = JSON.parse((await runCli([page, '--format', 'json', '--links', '--blocks'])).stdout);
    expect(json.blocks.flatMap((b: { links?: unknown[] }) => b.links ?? [])).toEqual([
      expect.objectContaining({ href: 'https://bakery.example/j/stone.html' }),
    ]);
    const compact = JSON.parse((await runCli([page, '--json', '--links'])).stdout);
    expect(compact.links.map((l: { start: number; end: number }) => compact.text.slice(l.start, l.end))).toEqual(['our baking stone notes']);
    expect((await runCli([page, '--links'])).stdout).toBe((await runCli([page])).stdout);
  });

  it('--explain lists every block with label, score and reasons, plain when piped', async () => {
    const run = await runCli([seed, '--explain']);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('+ '))).toHaveLength(11);
    expect(lines.some((l) => l.startsWith('- ') && l.includes('menu:share') && l.endsWith('| Share'))).toBe(true);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('--explain dims removed blocks on a terminal, unless NO_COLOR is set', async () => {
    const tty = await runCli([seed, '--explain'], { tty: true });
    expect(tty.stdout).toMatch(/\u001b\[2m- /);
    const noColour = await runCli([seed, '--explain'], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColour.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('declutter FILE: where the output goes, and the page URL', () => {
  it('-o FILE writes the output there, whole, and nothing on stdout', async () => {
    const out = join(dir, 'out.md');
    const run = await runCli([seed, '-f', 'markdown', '-o', out]);
    expect(run.code).toBe(EXIT.OK);
    expect(run.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe((await runCli([seed, '-f', 'markdown'])).stdout);
    expectOneLineError(await runCli([seed, '-o', join(dir, 'no', 'such', 'folder', 'out.txt')]), EXIT.CANNOT_WRITE, /cannot write the output: no such folder/);
  });

  it('-q keeps stderr quiet when a page has no main content', async () => {
    const page = join(dir, 'menu.html');
    writeFileSync(page, '<html><body><nav><a href="/">Home</a> <a href="/a">About</a></nav></body></html>');
    expect((await runCli([page])).stderr).toMatch(/no main content found/);
    const quiet = await runCli([page, '-q']);
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([EXIT.OK, '', '']);
  });

  it('--url resolves the links of a page read from stdin, and is the url of json', async () => {
    const page = '<html><body><article><p>Preheat the oven for a full hour before baking so that the stone is hot, as '
      + 'explained in <a href="stone.html">our baking stone notes</a>, and keep the door shut while it heats up.</p></article></body></html>';
    const md = await runCli(['--url', 'https://bakery.example/j/bread', '-f', 'markdown', '--links'], { stdin: page });
    expect(md.stdout).toContain('[our baking stone notes](https://bakery.example/j/stone.html)');
    const json = JSON.parse((await runCli(['--url', 'https://bakery.example/j/bread', '--json'], { stdin: page })).stdout);
    expect(json.url).toBe('https://bakery.example/j/bread');
    expectOneLineError(await runCli([seed, '--url', 'bakery.example'], { stdin: page }), EXIT.USAGE, /--url.*absolute URL/);
  });
});

describe('what a new user types', () => {
  it('a URL: declutter does not fetch, and shows the pipe that does', async () => {
    expectOneLineError(
      await runCli(['https://example.com/a?b=1']),
      EXIT.USAGE,
      /^declutter: https:\/\/example\.com\/a\?b=1: declutter does not fetch URLs; download the page and pipe it: curl -s 'https:\/\/example\.com\/a\?b=1' \| declutter --url 'https:\/\/example\.com\/a\?b=1'\n$/,
    );
  });

  it('a misspelt command is named; several files point to batch', async () => {
    expectOneLineError(await runCli(['scroe', 'a.txt', 'b.txt']), EXIT.USAGE, /^declutter: unknown command 'scroe'; did you mean 'declutter score'\?\n$/);
    expectOneLineError(await runCli(['btach']), EXIT.USAGE, /did you mean 'declutter batch'/);
    expectOneLineError(await runCli([seed, seed]), EXIT.USAGE, /declutter cleans one page; for several, use: declutter batch .*source\.txt .*source\.txt --out DIR/);
    expectOneLineError(await runCli(['a.html', 'b.html']), EXIT.USAGE, /for several, use: declutter batch a\.html b\.html --out DIR/);
    // A word far from every command is a file name like any other.
    expectOneLineError(await runCli(['soup']), EXIT.UNREADABLE, /soup: no such file/);
  });

  it('the top-level help shows the options of declutter FILE and examples', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(EXIT.OK);
    expect(help.stdout).toContain('Options of declutter [FILE] (the clean command, run when no other command is named):');
    for (const flag of ['--format <format>', '--json', '--links', '--images', '--formatting', '--with-metadata', '--url <url>', '--out <file>', '--explain']) {
      expect(help.stdout).toContain(flag);
    }
    expect(help.stdout).toMatch(/Examples:\n {2}declutter page\.html +the article as plain text\n/);
    expect(help.stdout).toContain('curl -s URL | declutter --url URL');
  });

  it('--version is the package version', async () => {
    expect((await runCli(['--version'])).stdout).toBe(`${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`);
  });
});

describe('declutter errors', () => {
  it('a missing file', async () => {
    expectOneLineError(await runCli([join(dir, 'nope.html')]), EXIT.UNREADABLE, /nope\.html: no such file/);
  });
  it('a directory where a file is expected', async () => {
    expectOneLineError(await runCli([dir]), EXIT.UNREADABLE, /is a directory/);
  });
  it('empty input', async () => {
    expectOneLineError(await runCli([join(dir, 'empty.txt')]), EXIT.REJECTED, /input is empty/);
    expectOneLineError(await runCli([join(dir, 'blank.txt')]), EXIT.REJECTED, /input is empty/);
    expectOneLineError(await runCli([], { stdin: '' }), EXIT.REJECTED, /stdin: input is empty/);
  });
  it('binary input', async () => {
    expectOneLineError(await runCli([join(dir, 'image.png')]), EXIT.REJECTED, /binary/);
  });
  it('input past --max-bytes', async () => {
    expectOneLineError(await runCli([seed, '--max-bytes', '1KB']), EXIT.REJECTED, /larger than --max-bytes/);
  });
  it('an unknown option', async () => {
    expectOneLineError(await runCli([seed, '--no-such-option']), EXIT.USAGE, /unknown option '--no-such-option'/);
  });
  it('an invalid option value', async () => {
    expectOneLineError(await runCli([seed, '--format', 'pdf']), EXIT.USAGE, /--format/);
  });
  it('no input on a terminal', async () => {
    expectOneLineError(await runCli([], { tty: true }), EXIT.USAGE, /no input/);
  });
});
