#!/usr/bin/env node
/**
 * `npm run fuzz`: the robustness suite (test/fuzz-*.test.ts, test/robust-*.test.ts) with many more cases and a
 * fresh seed, then a summary: cases run, the slowest inputs, and the measurements worth reading.
 *
 *   npm run fuzz                      # 20× the CI case counts, a random seed
 *   npm run fuzz -- --scale 100       # more cases
 *   npm run fuzz -- --seed 12345      # replay a seed a failure printed
 *   npm run fuzz -- --only fuzz-lib   # only the test files whose name contains this
 *
 * A failing property prints its seed and its shrunk counterexample; pass --seed to replay it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '20' },
    seed: { type: 'string' },
    only: { type: 'string' },
  },
});

const scale = Number(values.scale);
if (!Number.isFinite(scale) || scale < 1) {
  process.stderr.write('fuzz: --scale must be a number of at least 1\n');
  process.exit(2);
}
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
const dir = mkdtempSync(path.join(tmpdir(), 'declutter-fuzz-'));
const report = path.join(dir, 'report.jsonl');
const pattern = values.only === undefined ? 'test/(fuzz|robust)-' : `test/.*${values.only}`;

process.stderr.write(`fuzz: scale ${scale}, seed ${seed}\n`);
const started = Date.now();
const jest = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', '--no-warnings', 'node_modules/jest/bin/jest.js', '--runInBand', pattern],
  {
    stdio: 'inherit',
    env: { ...process.env, DECLUTTER_FUZZ_SCALE: String(scale), DECLUTTER_FUZZ_SEED: seed, DECLUTTER_FUZZ_REPORT: report },
  },
);
const seconds = ((Date.now() - started) / 1000).toFixed(0);

const entries = existsSync(report)
  ? readFileSync(report, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l))
  : [];
rmSync(dir, { recursive: true, force: true });

const cases = new Map();
for (const e of entries.filter((e) => e.kind === 'property' || e.kind === 'cases')) {
  cases.set(e.name, (cases.get(e.name) ?? 0) + e.cases);
}
const total = [...cases.values()].reduce((a, b) => a + b, 0);
const slow = entries.filter((e) => e.kind === 'slow').sort((a, b) => b.ms - a.ms).slice(0, 10);

const out = [`\nfuzz: seed ${seed}, scale ${scale}, ${seconds} s, ${total.toLocaleString('en')} cases`];
for (const [name, n] of [...cases].sort((a, b) => b[1] - a[1])) out.push(`  ${String(n).padStart(9)}  ${name}`);
out.push('slowest inputs:');
for (const s of slow) out.push(`  ${String(s.ms).padStart(7)} ms  ${s.what}`);
const notes = entries.filter((e) => e.kind === 'note');
if (notes.length > 0) out.push('measurements:');
for (const n of notes) out.push(`  ${n.text}`);
process.stdout.write(out.join('\n') + '\n');
process.exit(jest.status ?? 1);
