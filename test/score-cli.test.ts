import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/io.js';
import { EXIT } from '../src/cli/exit-codes.js';

/** A CliIO that records what the command writes. */
function fakeIO(env: NodeJS.ProcessEnv = {}): { io: CliIO; stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    ({
      isTTY: false,
      write(chunk: string | Uint8Array): boolean {
        append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      },
    }) as unknown as NodeJS.WritableStream & { isTTY?: boolean };
  const io: CliIO = {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    stdin: Readable.from([]),
    env,
  };
  return { io, stdout: () => stdout, stderr: () => stderr };
}

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const fake = fakeIO(env);
  const code = await main(['node', 'declutter', 'score', ...args], fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

let dir: string;
const path = (...parts: string[]) => join(dir, ...parts);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'declutter-score-'));
  // A pair: the output lost the second sentence and kept a menu line.
  writeFileSync(path('reference.txt'), 'The river flooded the old town overnight. Rescue teams reached every street by noon.\n');
  writeFileSync(path('output.txt'), '\uFEFFHome News Weather\nThe river flooded the old town overnight.\n');
  // A folder run: the three pages of the aggregate test, page C without output, and a stray prediction X.
  mkdirSync(path('gold'));
  mkdirSync(path('pred'));
  writeFileSync(path('gold', 'A.txt'), 'alpha beta gamma delta');
  writeFileSync(path('gold', 'B.txt'), 'alpha beta gamma delta epsilon');
  writeFileSync(path('gold', 'C.txt'), 'alpha beta gamma delta');
  writeFileSync(path('pred', 'A.txt'), 'alpha beta gamma delta epsilon');
  writeFileSync(path('pred', 'B.txt'), 'alpha beta gamma delta');
  writeFileSync(path('pred', 'X.txt'), 'stray');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('declutter score FILE FILE', () => {
  // Hand-computed: output tokens Home News Weather The river flooded the old town overnight (10 → 7 shingles);
  // reference tokens The river … overnight Rescue teams reached every street by noon (14 → 11 shingles).
  // Shared shingles: the 4 inside "The river flooded the old town overnight" → tp 4, fp 3, fn 7.
  // Zyte P = 4/7 = 0.571, R = 4/11 = 0.364, F1 = 8/18 = 0.444.
  // Words: 10 output words, 14 reference words, 7 shared → P 0.700, R 0.500, F1 = 14/24 = 0.583.
  it('prints an aligned table of the figures', async () => {
    const { code, stdout, stderr } = await run([path('output.txt'), path('reference.txt')]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/Zyte \(scrapinghub method\)\s+0\.571\s+0\.364\s+0\.444/);
    expect(stdout).toMatch(/WCXB word F1\s+0\.700\s+0\.500\s+0\.583/);
    expect(stdout).toMatch(/similarity\s+0\.\d{3}/);
    expect(stdout).toContain('4 matched, 3 extra, 7 missing');
  });

  it('refuses a binary file as the clean command does (exit 4, one line)', async () => {
    // An executable's first bytes: the ELF magic, then NULs.
    writeFileSync(path('program'), Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(200)]));
    const { code, stdout, stderr } = await run([path('program'), path('program')]);
    expect([code, stdout]).toEqual([EXIT.REJECTED, '']);
    expect(stderr).toBe(`declutter: ${path('program')}: input is binary, not text (looks like an ELF executable)\n`);
  });

  it('-f json is --json', async () => {
    expect((await run(['-f', 'json', path('output.txt'), path('reference.txt')])).stdout).toBe(
      (await run(['--json', path('output.txt'), path('reference.txt')])).stdout,
    );
  });

  it('prints one JSON object with --json', async () => {
    const { code, stdout } = await run(['--json', path('output.txt'), path('reference.txt')]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(parsed.zyte).toMatchObject({ tp: 4, fp: 3, fn: 7 });
    expect(parsed.words.precision).toBeCloseTo(0.7, 10);
    expect(typeof parsed.similarity).toBe('number');
    expect(parsed).not.toHaveProperty('diff');
  });

  it('lists missing sentences and extra lines with --diff, uncoloured off a terminal', async () => {
    const { code, stdout } = await run(['--diff', path('output.txt'), path('reference.txt')]);
    expect(code).toBe(0);
    expect(stdout).toContain('\n- Rescue teams reached every street by noon.\n');
    expect(stdout).toContain('\n+ Home News Weather\n');
    expect(stdout).not.toContain('\u001b[');
  });

  it('colours the diff when colour is forced, and never when NO_COLOR is set', async () => {
    const forced = await run(['--diff', path('output.txt'), path('reference.txt')], { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\u001b[31m- Rescue teams reached every street by noon.');
    expect(forced.stdout).toContain('\u001b[33m+ Home News Weather');
    const plain = await run(['--diff', path('output.txt'), path('reference.txt')], { FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('includes the diff as arrays with --json --diff', async () => {
    const { stdout } = await run(['--json', '--diff', path('output.txt'), path('reference.txt')]);
    const parsed = JSON.parse(stdout);
    expect(parsed.diff.missing).toEqual([{ text: 'Rescue teams reached every street by noon.', line: 1, found: 0 }]);
    expect(parsed.diff.extra).toEqual([{ text: 'Home News Weather', line: 1, found: 0 }]);
  });

  it('exits 3 with one stderr line and no stdout for a missing file', async () => {
    const { code, stdout, stderr } = await run([path('nope.txt'), path('reference.txt')]);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toBe(`declutter: ${path('nope.txt')}: no such file\n`);
  });

  it('exits 3 for a directory given as a file', async () => {
    const { code, stderr } = await run([path('gold'), path('reference.txt')]);
    expect(code).toBe(3);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('declutter score --pred DIR --gold DIR', () => {
  it('prints one row per page and the two published means', async () => {
    const { code, stdout, stderr } = await run(['--pred', path('pred'), '--gold', path('gold')]);
    expect(code).toBe(0);
    const rows = stdout.split('\n').filter((line) => /^[ABC] /.test(line));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^A\s+0\.500\s+1\.000\s+0\.667\s+0\.889$/);
    expect(rows[2]).toMatch(/^C\s+0\.000\s+0\.000\s+0\.000\s+0\.000$/);
    // Means from the aggregate test: Zyte 0.750 / 0.500 / 0.600; words 0.600 / 0.600 / 0.593.
    expect(stdout).toMatch(/Zyte \(scrapinghub method\)\s+0\.750\s+0\.500\s+0\.600/);
    expect(stdout).toMatch(/WCXB word F1\s+0\.600\s+0\.600\s+0\.593/);
    expect(stdout).toContain('2 pages with output');
    expect(stderr).toContain('1 reference has no prediction file; scored as empty output');
    expect(stderr).toContain('1 prediction has no reference file; ignored');
    expect(stdout).not.toMatch(/^X /m);
  });

  it('gives { pages, summary } sorted by id with --json', async () => {
    const { code, stdout } = await run(['--json', '--gold', path('gold'), '--pred', path('pred')]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(parsed.pages.map((p: { id: string }) => p.id)).toEqual(['A', 'B', 'C']);
    expect(parsed.summary.zyte.precision).toBeCloseTo(0.75, 10);
    expect(parsed.summary.zyte.recall).toBeCloseTo(0.5, 10);
    expect(parsed.summary.zyte.f1).toBeCloseTo(0.6, 10);
    expect(parsed.summary.words.f1).toBeCloseTo(16 / 27, 10);
    expect(parsed.summary.pages).toBe(3);
  });

  it('exits 3 with one line for a missing directory', async () => {
    const { code, stdout, stderr } = await run(['--pred', path('pred'), '--gold', path('missing')]);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toBe(`declutter: ${path('missing')}: no such directory\n`);
  });

  it('exits 3 when a directory argument is a file', async () => {
    const { code, stderr } = await run(['--pred', path('output.txt'), '--gold', path('gold')]);
    expect(code).toBe(3);
    expect(stderr).toBe(`declutter: ${path('output.txt')}: is not a directory\n`);
  });
});

describe('declutter score usage errors', () => {
  it.each([
    ['no arguments', []],
    ['one file', ['a.txt']],
    ['three files', ['a.txt', 'b.txt', 'c.txt']],
    ['--pred alone', ['--pred', 'p']],
    ['--gold alone', ['--gold', 'g']],
    ['folders and files together', ['--pred', 'p', '--gold', 'g', 'a.txt', 'b.txt']],
    ['--diff in folder mode', ['--diff', '--pred', 'p', '--gold', 'g']],
    ['an unknown option', ['--bogus', 'a.txt', 'b.txt']],
  ])('exits 2 for %s, with one stderr line and no stdout', async (_name, args) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
