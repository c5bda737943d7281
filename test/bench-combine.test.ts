// `npm run bench -- --combine A.json B.json` joins runs made side by side: it must refuse runs of different
// commits and a set measured twice, before writing anything (bench/results.* are the committed results).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUN = join(process.cwd(), 'bench', 'run.mjs');

/** A results.json as bench/run.mjs writes it, reduced to what --combine reads. */
function results(commit: string, sets: string[]) {
  return {
    env: { date: '2026-12-04T18:00:00Z', commit, load: [1, 2], seconds: 60, cores: 2, usableCores: 2, versions: [], sets },
    runs: sets.map((set) => ({ set, pages: 1, passes: 1, tools: [] })),
  };
}

describe('bench --combine', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'declutter-combine-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function combine(...parts: object[]) {
    const files = parts.map((part, i) => {
      const file = join(dir, `run${i}.json`);
      writeFileSync(file, JSON.stringify(part));
      return file;
    });
    return spawnSync(process.execPath, [RUN, '--combine', ...files], { encoding: 'utf8' });
  }

  it('refuses runs of different commits', () => {
    const out = combine(results('aaaaaaa', ['scrapinghub']), results('bbbbbbb', ['cleaneval-dev']));
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('different commits (aaaaaaa, bbbbbbb)');
  });

  it('refuses a set measured by two runs', () => {
    const out = combine(results('aaaaaaa', ['scrapinghub', 'wcxb-dev']), results('aaaaaaa', ['wcxb-dev']));
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('wcxb-dev was measured by more than one of the runs');
  });

  it('refuses a single file and a file that is not JSON', () => {
    expect(combine(results('aaaaaaa', ['scrapinghub'])).status).toBe(2);
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, 'not json');
    const out = spawnSync(process.execPath, [RUN, '--combine', notJson, notJson], { encoding: 'utf8' });
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('not a results.json');
  });
});
