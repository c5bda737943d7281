/**
 * The README's GNU parallel recipes, run as written (with `declutter` being the built CLI). Skipped, with a
 * note, where GNU parallel is not installed, except under CI=true.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { articlePage, BIN, declutterBin, readTree } from './support/batch.js';
import { HEAVY_TEST_MS } from './support/timeouts.js';

jest.setTimeout(HEAVY_TEST_MS);

const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).stdout?.includes('GNU parallel') === true;
// Skipped without GNU parallel, except under CI=true (.ci/run installs it), where a missing tool is a failure.
const runRecipes = hasParallel || process.env.CI === 'true';
if (!runRecipes) console.warn('GNU parallel is not installed: the batch recipes for it are skipped (apt-get install parallel)');
const itWithParallel = runRecipes ? it : it.skip;

let dir: string;
const path = (...parts: string[]) => join(dir, ...parts);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'declutter-parallel-'));
  for (let i = 0; i < 60; i++) {
    mkdirSync(path('pages', `s${i % 4}`), { recursive: true });
    writeFileSync(path('pages', `s${i % 4}`, `p${i}.html`), articlePage(i));
  }
  writeFileSync(path('pages.jsonl'), Array.from({ length: 120 }, (_, i) => JSON.stringify({ id: `page-${i}`, html: articlePage(i) })).join('\n') + '\n');
  // `declutter` on the PATH as an installed package would put it: a program, so that every shell parallel starts
  // (sh or bash, whatever $SHELL says) finds it.
  mkdirSync(path('bin'));
  writeFileSync(path('bin', 'declutter'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(path('bin', 'declutter'), 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a shell command line in the test folder, `declutter` on the PATH being the built CLI. */
function shell(command: string, stdin?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('sh', ['-c', command], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${path('bin')}:${process.env.PATH ?? ''}` },
    ...(stdin === undefined ? {} : { input: stdin }),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('GNU parallel recipes', () => {
  itWithParallel('shards: N jobs together write the same tree as one run', async () => {
    const one = await declutterBin(['batch', path('pages'), '--out', path('single')]);
    expect(one.code).toBe(0);
    const r = shell(`parallel --will-cite --halt now,fail=1 declutter batch pages --out sharded --jobs 1 --shard {}/4 ::: 1 2 3 4`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readTree(path('sharded'))).toEqual(readTree(path('single')));
  });

  itWithParallel('filter: JSON Lines blocks through --pipe give the lines of one run, in order', async () => {
    const one = await declutterBin(['batch', '-', '--out', '-'], { stdin: readFileSync(path('pages.jsonl')) });
    const r = shell(`parallel --will-cite --pipe --keep-order -N 25 declutter batch - --out - < pages.jsonl`);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(one.stdout);
    expect(r.stdout.split('\n').length - 1).toBe(120);
  });
});
