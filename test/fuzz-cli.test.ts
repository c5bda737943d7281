/**
 * The CLI on hostile input: whatever it is given, it exits with a documented code, writes at most one line on
 * stderr (exactly one when it fails) and no stack trace, and writes valid UTF-8 on stdout. Random inputs run
 * in-process (fast); the real process (bin/declutter.js, built by `npm test`) is spawned for the cases where
 * the process itself matters: exit codes, the stderr line, a huge stdin.
 */
import { spawn as spawnAsync, spawnSync } from 'node:child_process';
import { isUtf8 } from 'node:buffer';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { EXIT } from '../src/cli/exit-codes.js';
import { formatBytes } from '../src/input/size.js';
import { runCli, type CliRun } from './support/cli.js';
import {
  anyCodeUnit, countCase, fuzzParams, isWellFormed, recordTime, reportSlowest, samplePages, tagSoup, textDump, timed,
} from './support/fuzz.js';
import { jest } from '@jest/globals';
import { HEAVY_TEST_MS } from './support/timeouts.js';

// Properties run the command on hundreds of generated inputs.
jest.setTimeout(HEAVY_TEST_MS);

afterAll(() => reportSlowest('fuzz-cli'));

/** Every exit code the README documents. */
const DOCUMENTED = new Set<number>(Object.values(EXIT));

/** The stderr contract: empty on success or one line; exactly one line, starting "declutter: ", on failure. */
function checkRun(run: { code: number | null; stdout: string | Buffer; stderr: string }): void {
  expect(DOCUMENTED.has(run.code ?? -1)).toBe(true);
  expect(run.code).not.toBe(EXIT.INTERNAL);
  const lines = run.stderr.split('\n').filter((l, i, all) => i < all.length - 1 || l !== '');
  expect(lines.length).toBeLessThanOrEqual(1);
  if (run.code !== EXIT.OK) {
    expect(lines.length).toBe(1);
    expect(run.stderr).toMatch(/^declutter: .+\n$/);
  }
  expect(run.stderr).not.toMatch(/\n\s+at |Error: /);
  if (typeof run.stdout === 'string') expect(isWellFormed(run.stdout)).toBe(true);
  else expect(isUtf8(run.stdout)).toBe(true);
}

const FLAG_SETS: string[][] = [
  [], ['--format', 'json'], ['--format', 'markdown', '--links'], ['--format', 'html', '--links'], ['--explain'],
  ['--input', 'html'], ['--input', 'text', '--favor', 'recall'], ['--favor', 'precision', '--format', 'json', '--links'],
];

/** Runs the CLI in-process, timed; `count` is false inside properties, whose cases fast-check counts. */
async function cli(args: string[], stdin: string | Buffer, count = true): Promise<CliRun> {
  if (count) countCase('cli runs (in-process, hand-built)');
  const start = performance.now();
  const run = await runCli(args, { stdin });
  const ms = performance.now() - start;
  recordTime(() => `cli ${args.join(' ')} on ${stdin.length} bytes`, ms);
  return run;
}

describe('the CLI in-process, on random input from stdin', () => {
  const inputs: fc.Arbitrary<string | Buffer> = fc.oneof(
    fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
    fc.string({ unit: anyCodeUnit, maxLength: 1000 }),
    tagSoup,
    textDump,
  );

  test('exits 0 or 4, one stderr line at most, valid UTF-8 on stdout', async () => {
    await fc.assert(
      fc.asyncProperty(inputs, fc.constantFrom(...FLAG_SETS), async (stdin, flags) => {
        const run = await cli(flags, stdin, false);
        checkRun(run);
        expect([EXIT.OK, EXIT.REJECTED]).toContain(run.code);
      }),
      fuzzParams('cli in-process', 150),
    );
  });

  test('--max-bytes: past the limit, exit 4 and one clear line; at the limit, accepted', async () => {
    const page = `<html><body><p>${'A sentence of the article, long enough to be kept by the classifier. '.repeat(20)}</p></body></html>`;
    const over = await cli(['--max-bytes', `${page.length - 1}`], page);
    checkRun(over);
    expect(over.code).toBe(EXIT.REJECTED);
    expect(over.stderr).toBe(`declutter: stdin: input is larger than --max-bytes ${formatBytes(page.length - 1)}\n`);
    const at = await cli(['--max-bytes', `${page.length}`], page);
    expect(at.code).toBe(EXIT.OK);
    expect(at.stdout).toContain('A sentence of the article');
  });

  test('--max-bytes accepts size suffixes and refuses nonsense with exit 2', async () => {
    for (const size of ['1k', '512KB', '10MB', '1.5m', '64mb', '1G', '1000000']) {
      const run = await cli(['--max-bytes', size], 'some words of a text');
      expect({ size, code: run.code }).toEqual({ size, code: EXIT.OK });
    }
    for (const size of ['', 'ten', '-1', '0', '10XB', '1e9', 'Infinity']) {
      const run = await cli(['--max-bytes', size], 'some words');
      checkRun(run);
      expect({ size, code: run.code }).toEqual({ size, code: EXIT.USAGE });
    }
  });

  test('--help documents --max-bytes, its default and its exit code', async () => {
    const help = await runCli(['clean', '--help']);
    expect(help.code).toBe(EXIT.OK);
    expect(help.stdout).toMatch(/--max-bytes <size>\s+refuse inputs larger than this with exit code 4[^\n]*\n?[^\n]*default: 64MB/);
  });

  test('a gzip bomb stops at --max-bytes with exit 4', async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
    const run = await cli(['--max-bytes', '1MB'], bomb);
    checkRun(run);
    expect(run.code).toBe(EXIT.REJECTED);
  });
});

describe('the real process (bin/declutter.js)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'declutter-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function spawn(args: string[], stdin?: Buffer | string): { code: number | null; stdout: Buffer; stderr: string } {
    countCase('cli runs (process)');
    const child = timed(
      () => `process: declutter ${args.map((a) => path.basename(a)).join(' ')}`,
      () => spawnSync(process.execPath, ['bin/declutter.js', ...args], { input: stdin ?? '', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }),
    );
    return { code: child.status, stdout: child.stdout, stderr: child.stderr.toString('utf8') };
  }

  function file(name: string, content: string | Uint8Array): string {
    const p = path.join(dir, name);
    writeFileSync(p, content);
    return p;
  }

  test('random bytes, a binary file, an empty file: refused with exit 4 and one line', () => {
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 256;
    for (const [name, content] of [['random.bin', random], ['empty.html', ''], ['blank.txt', ' \n\t \n']] as const) {
      const run = spawn([file(name, content)]);
      checkRun(run);
      expect({ name, code: run.code }).toEqual({ name, code: EXIT.REJECTED });
    }
  });

  test('a file over --max-bytes is refused before it is read: exit 4, the sizes in the message', () => {
    const big = file('big.html', `<p>${'x'.repeat(3000)}</p>`);
    const run = spawn([big, '--max-bytes', '1k']);
    checkRun(run);
    expect(run.code).toBe(EXIT.REJECTED);
    expect(run.stderr).toBe(`declutter: ${big}: input is 2.9 KB, larger than --max-bytes 1 KB\n`);
  });

  test('stdin over --max-bytes: exit 4 without reading it all', () => {
    const run = spawn(['--max-bytes', '64KB'], Buffer.alloc(8 * 1024 * 1024, 0x61));
    checkRun(run);
    expect(run.code).toBe(EXIT.REJECTED);
    expect(run.stderr).toBe('declutter: stdin: input is larger than --max-bytes 64 KB\n');
  });

  test('unreadable inputs: exit 3; bad usage: exit 2', () => {
    const missing = spawn([path.join(dir, 'no-such-file.html')]);
    checkRun(missing);
    expect(missing.code).toBe(EXIT.UNREADABLE);
    const folder = path.join(dir, 'folder');
    mkdirSync(folder, { recursive: true });
    const isDir = spawn([folder]);
    checkRun(isDir);
    expect(isDir.code).toBe(EXIT.UNREADABLE);
    for (const args of [['--format', 'pdf'], ['--no-such-option'], ['--max-bytes', 'lots']]) {
      const run = spawn([...args, file('ok.txt', 'words')]);
      checkRun(run);
      expect({ args, code: run.code }).toEqual({ args, code: EXIT.USAGE });
    }
  });

  test('a damaged real page, invalid UTF-8 and lone surrogates: exit 0, valid UTF-8 on stdout', () => {
    const page = samplePages(1)[0]?.bytes ?? Buffer.from('<html><body><p>Some text.</p></body></html>');
    const damaged = Buffer.concat([page.subarray(0, Math.floor(page.length * 0.6)), Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80])]);
    for (const format of ['text', 'json', 'markdown', 'html']) {
      const run = spawn([file('damaged.html', damaged), '--format', format, '--links']);
      checkRun(run);
      expect({ format, code: run.code }).toEqual({ format, code: EXIT.OK });
    }
    const surrogates = spawn(['--format', 'json'], `<p>${'Lone \ud800 surrogates in a long enough sentence of prose. '.repeat(10)}</p>`);
    checkRun(surrogates);
  });

  test('a reader that closes the pipe early (declutter page | head): exit 0, nothing on stderr', async () => {
    const paragraphs = Array.from({ length: 5000 }, (_, i) => `<p>Paragraph ${i}: ${'a sentence of prose long enough to keep. '.repeat(4)}</p>`);
    const page = file('long.html', `<html><body><article>${paragraphs.join('')}</article></body></html>`);
    for (const format of ['text', 'json']) {
      countCase('cli runs (process)');
      const child = spawnAsync(process.execPath, ['bin/declutter.js', page, '--format', format], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      expect({ format, code, stderr }).toEqual({ format, code: EXIT.OK, stderr: '' });
    }
  });

  test('an output that cannot be written (a full disk): one line on stderr, not a stack trace', () => {
    if (!existsSync('/dev/full')) return;
    countCase('cli runs (process)');
    const child = spawnSync('sh', ['-c', `"${process.execPath}" bin/declutter.js "$0" > /dev/full`, file('full.html', `<p>${'A sentence of the article, long enough to be kept by the classifier. '.repeat(20)}</p>`)], { encoding: 'utf8' });
    expect(child.status).not.toBe(EXIT.OK);
    expect(child.stderr).toMatch(/^declutter: cannot write the output: [^\n]+\n$/);
  });

  test('a page nested 100,000 deep through stdin: exit 0 in seconds', () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}<p>${'Deep text of the page, a sentence long enough to keep. '.repeat(5)}</p>`;
    const start = Date.now();
    const run = spawn(['--format', 'json'], html);
    checkRun(run);
    expect(run.code).toBe(EXIT.OK);
    expect(Date.now() - start).toBeLessThan(30_000);
    expect(JSON.parse(run.stdout.toString('utf8')).text).toContain('Deep text of the page');
  });
});
