/**
 * Conformance of the scorer with the published scrapinghub table. `../shared/datasets/scrapinghub/published/`
 * holds the benchmark's stored outputs of twelve systems; its README prints the figures the benchmark's
 * evaluate.py gives for them. Scoring those outputs with our folder scorer must give the same precision,
 * recall, F1 and accuracy to the third decimal, the precision of the published table.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { jest } from '@jest/globals';
import { aggregate, benchmarkScores } from '../src/score/index.js';
import { runCli } from './support/cli.js';
import { DATASETS, datasetsPresent } from './support/datasets.js';
import { PROCESS_TEST_MS } from './support/timeouts.js';

// Twelve systems' outputs on every page are scored.
jest.setTimeout(PROCESS_TEST_MS);

const SCRAPINGHUB = join(DATASETS, 'scrapinghub');
const PRESENT = datasetsPresent('score-published.test.ts');
const PUBLISHED = join(SCRAPINGHUB, 'published');

/** The published table (published/README.md): F1, precision, recall, accuracy, as printed there. */
const TABLE: Record<string, [f1: number, precision: number, recall: number, accuracy: number]> = {
  AutoExtract: [0.97, 0.984, 0.956, 0.47],
  rs_trafilatura: [0.97, 0.951, 0.99, 0.287],
  go_trafilatura: [0.96, 0.94, 0.98, 0.287],
  trafilatura: [0.958, 0.938, 0.978, 0.293],
  Diffbot: [0.951, 0.958, 0.944, 0.348],
  newspaper: [0.949, 0.964, 0.934, 0.326],
  readability_js: [0.947, 0.914, 0.982, 0.166],
  goose3: [0.896, 0.94, 0.856, 0.232],
  dom_smoothie: [0.865, 0.785, 0.963, 0.055],
  boilerpipe: [0.86, 0.85, 0.87, 0.006],
  justext: [0.804, 0.858, 0.756, 0.088],
  'html-text': [0.665, 0.5, 0.994, 0],
};

const ids = PRESENT
  ? readdirSync(join(SCRAPINGHUB, 'gold'))
      .filter((name) => name.endsWith('.txt'))
      .map((name) => name.slice(0, -'.txt'.length))
      .sort()
  : [];
const gold = new Map(ids.map((id) => [id, readFileSync(join(SCRAPINGHUB, 'gold', `${id}.txt`), 'utf8')]));

/** A stored output file's article bodies by page id (with or without the `{version, output}` wrapper). */
function storedOutputs(system: string): Map<string, string> {
  const json = JSON.parse(gunzipSync(readFileSync(join(PUBLISHED, `${system}.json.gz`))).toString('utf8')) as {
    output?: Record<string, { articleBody?: string }>;
  } & Record<string, { articleBody?: string }>;
  const outputs = json.output ?? json;
  return new Map(ids.map((id) => [id, outputs[id]?.articleBody ?? '']));
}

const round = (value: number) => Number(value.toFixed(3));

(PRESENT ? describe : describe.skip)('the scorer reproduces the published scrapinghub table', () => {
  it('has a stored output for every system of the table, and every page', () => {
    const files = readdirSync(PUBLISHED).filter((name) => name.endsWith('.json.gz'));
    expect(files.map((name) => name.slice(0, -'.json.gz'.length)).sort()).toEqual(Object.keys(TABLE).sort());
    expect(ids).toHaveLength(181);
  });

  it.each(Object.entries(TABLE))('%s: F1, precision, recall and accuracy to the third decimal', (system, expected) => {
    const outputs = storedOutputs(system);
    const rows = ids.map((id) => ({ id, ...benchmarkScores(outputs.get(id) ?? '', gold.get(id) ?? '') }));
    const { zyte } = aggregate(rows);
    expect([round(zyte.f1), round(zyte.precision), round(zyte.recall), round(zyte.accuracy)]).toEqual(expected);
  });

  it('gives the same figures through `declutter score --pred --gold` folder mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'declutter-published-'));
    try {
      for (const system of ['readability_js', 'html-text', 'justext']) {
        const pred = join(dir, system);
        const outputs = storedOutputs(system);
        mkdirSync(pred);
        for (const [id, text] of outputs) writeFileSync(join(pred, `${id}.txt`), text);
        const run = await runCli(['score', '--pred', pred, '--gold', join(SCRAPINGHUB, 'gold'), '--json']);
        expect(run.code).toBe(0);
        const { summary } = JSON.parse(run.stdout) as { summary: { tokens: string; zyte: Record<string, number> } };
        expect(summary.tokens).toBe('published');
        const { f1, precision, recall, accuracy } = summary.zyte;
        expect([f1, precision, recall, accuracy].map((v) => round(v ?? NaN))).toEqual(TABLE[system]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("labels 'words' figures as not the published method", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'declutter-published-'));
    try {
      writeFileSync(join(dir, `${ids[0]}.txt`), gold.get(ids[0] ?? '') ?? '');
      const goldDir = join(dir, 'gold');
      mkdirSync(goldDir);
      writeFileSync(join(goldDir, `${ids[0]}.txt`), gold.get(ids[0] ?? '') ?? '');
      const published = await runCli(['score', '--pred', dir, '--gold', goldDir]);
      const words = await runCli(['score', '--pred', dir, '--gold', goldDir, '--tokens', 'words']);
      expect(published.stdout).toMatch(/Zyte \(scrapinghub method\)/);
      expect(words.stdout).not.toMatch(/Zyte|WCXB/);
      expect(words.stdout).toMatch(/not the published method/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
