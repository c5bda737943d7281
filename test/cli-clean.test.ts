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

const seed = 'fixtures/seed/page.txt';
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

  it('--format json gives the blocks with their kinds, the extractor and counts', async () => {
    const run = await runCli([seed, '--format', 'json']);
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
    const json = JSON.parse((await runCli([page, '--format', 'json', '--links'])).stdout);
    expect(json.blocks.flatMap((b: { links?: unknown[] }) => b.links ?? [])).toEqual([
      expect.objectContaining({ href: 'https://bakery.example/j/stone.html' }),
    ]);
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
