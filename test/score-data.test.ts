import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { aggregate, benchmarkScores, score, type PageScore } from '../src/score/index.js';
import { jest } from '@jest/globals';
import { PROCESS_TEST_MS } from './support/timeouts.js';
import { DATASETS, datasetsPresent } from './support/datasets.js';

// Every page of the scrapinghub set is scored.
jest.setTimeout(PROCESS_TEST_MS);

const SCRAPINGHUB = join(DATASETS, 'scrapinghub');
/** Per-page shingle counts computed by the published benchmark script (see the file's header). */
const PUBLISHED_COUNTS = resolve(process.cwd(), 'fixtures/score/scrapinghub-keep-everything.tsv');

const read = (...parts: string[]) => readFileSync(join(SCRAPINGHUB, ...parts), 'utf8');
const ids = () =>
  readdirSync(join(SCRAPINGHUB, 'gold'))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => name.slice(0, -'.txt'.length))
    .sort();

(datasetsPresent('score-data.test.ts') ? describe : describe.skip)('the scorer on the scrapinghub benchmark data', () => {
  it('scores a reference against itself 1 on every metric', () => {
    const gold = read('gold', `${ids()[0]}.txt`);
    const scores = score(gold, gold);
    expect([scores.zyte.f1, scores.words.f1, scores.similarity]).toEqual([1, 1, 1]);
    expect(scores.zyte.fp + scores.zyte.fn).toBe(0);
  });

  it('counts shingles exactly as the published script on every page', () => {
    const published = new Map(
      readFileSync(PUBLISHED_COUNTS, 'utf8')
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith('#'))
        .map((line) => {
          const [id = '', tp, fp, fn] = line.split('\t');
          return [id, { tp: Number(tp), fp: Number(fp), fn: Number(fn) }];
        }),
    );
    expect(published.size).toBe(ids().length);
    const differing: string[] = [];
    for (const id of ids()) {
      const { tp, fp, fn } = benchmarkScores(read('text', `${id}.txt`), read('gold', `${id}.txt`)).zyte;
      if (JSON.stringify({ tp, fp, fn }) !== JSON.stringify(published.get(id))) differing.push(id);
    }
    expect(differing).toEqual([]);
  });

  it('gives "keep every line" the Zyte F1 the published script gives, 0.6440', () => {
    const rows: PageScore[] = ids().map((id) => ({
      id,
      ...benchmarkScores(read('text', `${id}.txt`), read('gold', `${id}.txt`)),
    }));
    const { zyte } = aggregate(rows);
    expect(zyte.f1).toBeCloseTo(0.644, 4);
    expect(zyte.pagesWithOutput).toBe(rows.length);
  });
});
