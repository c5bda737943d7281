import { WorkerPool, type HeapLimits } from '../src/batch/pool.js';
import type { WorkerOptions } from '../src/batch/task.js';
import { jest } from '@jest/globals';
import { HEAVY_TEST_MS } from './support/timeouts.js';

// Each test fills a worker heap on purpose and starts workers again.
jest.setTimeout(HEAVY_TEST_MS);

/**
 * A page that runs out of a worker's heap is tried once more, alone, in a worker with a larger heap; past that it
 * fails with a reason, and the pool goes on with the next page. The limits are made small here so that an
 * ordinary large page crosses them.
 */
const OPTIONS: WorkerOptions = { format: 'text', tmpTag: 'test', links: false, input: 'auto', favor: 'balanced', maxBytes: 64 * 2 ** 20 };

/** A long article: a few MB of paragraphs. */
function bigPage(paragraphs: number): string {
  const p = (k: number) => `<p>Paragraph ${k} of a very long article, with enough words in it to be read as prose by every rule, and then some more words.</p>`;
  return `<!doctype html><html><body><article>${Array.from({ length: paragraphs }, (_, k) => p(k)).join('')}</article></body></html>`;
}
const SMALL_PAGE = bigPage(5);
const BIG_PAGE = bigPage(40_000);

/** Limits that load the worker's modules and clean a small page, but not the big one. */
const TIGHT = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 4 };

async function withPool<T>(heap: HeapLimits, body: (pool: WorkerPool) => Promise<T>): Promise<T> {
  const pool = new WorkerPool(1, OPTIONS, 60_000, heap);
  try {
    return await body(pool);
  } finally {
    await pool.close();
  }
}

describe('pages that run out of memory', () => {
  it('are retried alone with the larger heap, and succeed there', async () => {
    const result = await withPool({ normal: TIGHT, large: { maxOldGenerationSizeMb: 1024 } }, (pool) =>
      pool.run({ id: 0, payload: BIG_PAGE, kind: 'html', identity: { id: 'big' } }));
    expect(result).toMatchObject({ id: 0, ok: true, empty: false });
  });

  it('fail with a reason when the larger heap is not enough either, and the next page is cleaned', async () => {
    await withPool({ normal: TIGHT, large: TIGHT }, async (pool) => {
      const big = await pool.run({ id: 0, payload: BIG_PAGE, kind: 'html', identity: { id: 'big' } });
      expect(big).toEqual({ id: 0, ok: false, reason: 'ran out of memory', category: 'internal' });
      const small = await pool.run({ id: 1, payload: SMALL_PAGE, kind: 'html', identity: { id: 'small' } });
      expect(small).toMatchObject({ id: 1, ok: true, empty: false });
    });
  });
});
