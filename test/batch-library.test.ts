import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batch, BatchUsageError, declutter, type BatchProgress } from '../src/index.js';
import { jest } from '@jest/globals';
import { HEAVY_TEST_MS } from './support/timeouts.js';

// Each test runs a batch on worker threads.
jest.setTimeout(HEAVY_TEST_MS);

const article = (n: number) =>
  `<!doctype html><html><body><nav><a href="/">Home</a> <a href="/about">About</a></nav><article>${[1, 2, 3]
    .map((k) => `<p>Story ${n}, paragraph ${k}: a sentence of running text, long enough that every rule reads it as the article's own prose.</p>`)
    .join('')}</article></body></html>`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'declutter-batch-lib-'));
  mkdirSync(join(dir, 'pages', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'pages', 'a.html'), article(1));
  writeFileSync(join(dir, 'pages', 'sub', 'b.html'), article(2));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('batch() from the library', () => {
  it('cleans a folder into a mirrored tree with the defaults, and says what it did', async () => {
    const seen: BatchProgress[] = [];
    const summary = await batch({ inputs: [join(dir, 'pages')], out: join(dir, 'out'), jobs: 1 }, { onProgress: (p) => seen.push({ ...p }) });
    expect(summary).toMatchObject({ total: 2, extracted: 2, empty: 0, failed: 0, skipped: 0 });
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.txt', 'sub']);
    expect(readFileSync(join(dir, 'out', 'sub', 'b.txt'), 'utf8')).toBe(declutter(article(2)).text + '\n');
    expect(seen.at(-1)?.settled).toBe(2);
  });

  it('takes the options of the CLI (resume, format)', async () => {
    const resumed = await batch({ inputs: [join(dir, 'pages')], out: join(dir, 'out'), jobs: 1, resume: true });
    expect(resumed).toMatchObject({ skipped: 2, extracted: 0 });
    const md = await batch({ inputs: [join(dir, 'pages')], out: join(dir, 'out-md'), jobs: 1, format: 'markdown' });
    expect(md.extracted).toBe(2);
    expect(readdirSync(join(dir, 'out-md')).sort()).toEqual(['a.md', 'sub']);
  });

  it('lists an input that does not exist among the failures and resolves', async () => {
    const summary = await batch({ inputs: [join(dir, 'missing')], out: join(dir, 'out-missing'), jobs: 1 });
    expect(summary).toMatchObject({ failed: 1, extracted: 0 });
    const failures = readFileSync(summary.failuresPath!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { reason: string });
    expect(failures).toHaveLength(1);
    expect(failures[0]!.reason).toMatch(/not found|no such|does not exist/i);
  });

  it('refuses an output that is one of its inputs before doing any work', async () => {
    await expect(batch({ inputs: [join(dir, 'pages')], out: join(dir, 'pages'), jobs: 1 })).rejects.toBeInstanceOf(BatchUsageError);
  });
});
