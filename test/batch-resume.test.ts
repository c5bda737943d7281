import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { EXIT } from '../src/cli/exit-codes.js';
import { spawn, spawnSync } from 'node:child_process';
import { articlePage, BIN, declutterBin, listTree, readTree, start } from './support/batch.js';
import { HEAVY_TEST_MS } from './support/timeouts.js';

// Each test runs batches of hundreds of pages, several times.
jest.setTimeout(HEAVY_TEST_MS);

const PAGES = 400;
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasScript) process.stderr.write('batch-resume.test.ts: the terminal test is skipped: no `script` command (util-linux)\n');
let dir: string;
const path = (...parts: string[]) => join(dir, ...parts);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'declutter-resume-'));
  for (let i = 0; i < PAGES; i++) {
    mkdirSync(path('pages', `s${i % 7}`), { recursive: true });
    writeFileSync(path('pages', `s${i % 7}`, `page-${i}.html`), articlePage(i, 12));
  }
  symlinkSync(path('missing.html'), path('pages', 's3', 'page-broken.html'));
  const lines = Array.from({ length: PAGES }, (_, i) => JSON.stringify({ id: `r${i}`, html: articlePage(i, 12) }));
  lines.splice(PAGES / 2, 0, '{"id": "bad"}');
  writeFileSync(path('records.jsonl'), lines.join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts a run and kills it with SIGKILL as soon as `progressed()` says it is part-way. */
async function killPartWay(args: string[], progressed: () => boolean): Promise<void> {
  const { child, done } = start(args);
  let exited = false;
  void done.then(() => (exited = true));
  while (!exited && !progressed()) await sleep(5);
  expect(exited).toBe(false); // the run must still be going when it is killed
  child.kill('SIGKILL');
  const run = await done;
  expect(run.signal).toBe('SIGKILL');
}

function fileCount(folder: string): number {
  return existsSync(folder) ? listTree(folder).length : 0;
}

describe('kill -9 part-way, then --resume', () => {
  it('a mirrored tree ends byte-identical to an uninterrupted run, with no temporary file left', async () => {
    const reference = await declutterBin(['batch', path('pages'), '--out', path('ref-tree'), '-j', '2']);
    expect(reference.code).toBe(EXIT.SOME_FAILED);
    expect(fileCount(path('ref-tree'))).toBe(PAGES + 1);

    await killPartWay(['batch', path('pages'), '--out', path('tree'), '-j', '2'], () => fileCount(path('tree')) >= PAGES / 4);
    const partial = fileCount(path('tree'));
    expect(partial).toBeLessThan(PAGES);

    const resumed = await declutterBin(['batch', path('pages'), '--out', path('tree'), '-j', '2', '--resume']);
    expect(resumed.code).toBe(EXIT.SOME_FAILED);
    expect(listTree(path('tree'))).toEqual(listTree(path('ref-tree')));
    expect(readTree(path('tree'))).toEqual(readTree(path('ref-tree')));
  });

  it('a JSON Lines output ends byte-identical: nothing lost, nothing twice', async () => {
    const ref = path('ref.jsonl');
    const reference = await declutterBin(['batch', path('records.jsonl'), '--out', ref, '-j', '2']);
    expect(reference.code).toBe(EXIT.SOME_FAILED);
    const full = readFileSync(ref, 'utf8');
    expect(full.split('\n').length - 1).toBe(PAGES);

    const out = path('out.jsonl');
    const size = () => (existsSync(out) ? statSync(out).size : 0);
    // Kill twice: once early, once again during the resumed run.
    await killPartWay(['batch', path('records.jsonl'), '--out', out, '-j', '2'], () => size() >= full.length / 4);
    await killPartWay(['batch', path('records.jsonl'), '--out', out, '-j', '2', '--resume'], () => size() >= full.length * 0.6);
    const resumed = await declutterBin(['batch', path('records.jsonl'), '--out', out, '-j', '2', '--resume']);
    expect(resumed.code).toBe(EXIT.SOME_FAILED);
    expect(readFileSync(out, 'utf8')).toBe(full);
    expect(readFileSync(path('out.failures.jsonl'), 'utf8')).toBe(readFileSync(path('ref.failures.jsonl'), 'utf8'));
  });

  it('Ctrl-C part-way stops with exit code 130 and says how to finish; --resume finishes', async () => {
    const { child, done } = start(['batch', path('pages'), '--out', path('int-tree'), '-j', '2']);
    let exited = false;
    void done.then(() => (exited = true));
    while (!exited && fileCount(path('int-tree')) < PAGES / 4) await sleep(5);
    expect(exited).toBe(false);
    child.kill('SIGINT');
    const run = await done;
    expect(run.code).toBe(EXIT.INTERRUPTED);
    expect(run.stderr).toBe('declutter: interrupted; to finish, run the same command with --resume\n');
    expect(fileCount(path('int-tree'))).toBeLessThan(PAGES);
    const resumed = await declutterBin(['batch', path('pages'), '--out', path('int-tree'), '-j', '2', '--resume']);
    expect(resumed.code).toBe(EXIT.SOME_FAILED);
    expect(readTree(path('int-tree'))).toEqual(readTree(path('ref-tree')));
  });

  // `script` (util-linux) gives the run a terminal, where Ctrl-C is a byte typed, as a user types it.
  (hasScript ? it : it.skip)('on a terminal, Ctrl-C puts the terminal back (cursor shown, lines wrapped) before it says how to finish', async () => {
    const command = `${process.execPath} ${BIN} batch ${path('pages')} --out ${path('tty-tree')} -j 1`;
    const child = spawn('script', ['-qefc', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let shown = '';
    child.stdout.on('data', (d: Buffer) => (shown += d.toString('latin1')));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    while (fileCount(path('tty-tree')) < 20) await sleep(5);
    child.stdin.write('\x03');
    expect(await exited).toBe(EXIT.INTERRUPTED);
    const after = shown.slice(shown.lastIndexOf('^C'));
    expect(shown).toContain('\x1b[?25l'); // the bar hid the cursor…
    expect(after).toContain('\x1b[?25h'); // …and it is shown again,
    expect(after).toContain('\x1b[?7h'); // with line wrapping back on,
    expect(after).toMatch(/declutter: interrupted; to finish, run the same command with --resume\r\n$/);
  });

  it('resuming a finished run does no work and changes nothing', async () => {
    const again = await declutterBin(['batch', path('pages'), '--out', path('ref-tree'), '-j', '2', '--resume']);
    expect(again.code).toBe(EXIT.SOME_FAILED); // the broken link is tried again, and fails again
    expect(fileCount(path('ref-tree'))).toBe(PAGES + 1);
  });
});
