#!/usr/bin/env node
/**
 * Library speed, A against B: two builds of declutter run in turn over the same pages, each in a fresh process
 * pinned to one core, alternating, so that a machine's changing load falls on both alike. Only the ratio of two
 * builds measured in one run means anything.
 *
 *   node scripts/ab.mjs A/dist/index.js B/dist/index.js [--rounds 5] [--sets scrapinghub,wcxb-dev] [--kinds html] [--core 0]
 *   node scripts/ab.mjs A/dist/index.js B/dist/index.js --interleave [--rounds 5] …
 *
 * Each round runs A then B (B then A on odd rounds); each run reads the pages into memory, makes one warm-up pass
 * and times a second. Prints every run's seconds of CPU, the ratio B/A of each round and their median.
 *
 * With --interleave, one process pinned to one core loads both builds and, after a warm-up pass of each, times them
 * in turn on every page (A then B, B then A on the next page): a load that comes and goes on a shared machine then
 * falls on both alike, which separate runs of a minute each cannot promise. Each round is one pass over the pages.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '5' },
    sets: { type: 'string', default: 'scrapinghub,wcxb-dev' },
    kinds: { type: 'string', default: 'html' },
    core: { type: 'string', default: '0' },
    child: { type: 'boolean' },
    interleave: { type: 'boolean' },
    'interleaved-child': { type: 'boolean' },
  },
});

const DATASETS = new URL('../../shared/datasets/', import.meta.url).pathname;

/**
 * Seconds of CPU this process has used (its threads together: the garbage collector's helpers count too). Unlike the
 * wall clock, it does not grow while other processes hold the core.
 */
function cpuSeconds() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Every page of the sets and kinds asked for, in memory. */
function readPages() {
  const pages = [];
  for (const set of values.sets.split(',')) {
    for (const kind of values.kinds.split(',')) {
      const dir = path.join(DATASETS, set, kind);
      for (const name of readdirSync(dir).sort()) pages.push(readFileSync(path.join(dir, name)));
    }
  }
  return pages;
}

if (values['interleaved-child'] === true) {
  const [a, b] = await Promise.all(positionals.map((lib) => import(pathToFileURL(path.resolve(lib)).href)));
  const pages = readPages();
  for (const page of pages) a.declutter(page), b.declutter(page);
  for (let round = 0; round < Number(values.rounds); round++) {
    let ta = 0;
    let tb = 0;
    pages.forEach((page, i) => {
      const order = i % 2 === 0 ? [a, b] : [b, a];
      for (const lib of order) {
        const start = cpuSeconds();
        lib.declutter(page);
        const took = cpuSeconds() - start;
        if (lib === a) ta += took;
        else tb += took;
      }
    });
    process.stdout.write(`${JSON.stringify({ a: ta, b: tb })}\n`);
  }
  process.exit(0);
}

if (values.child === true) {
  // One timed run: the pages in memory, a warm-up pass, then the pass that counts.
  const { declutter } = await import(pathToFileURL(path.resolve(positionals[0])).href);
  const pages = readPages();
  let words = 0;
  for (const page of pages) words += declutter(page).text.length;
  const start = cpuSeconds();
  for (const page of pages) words += declutter(page).text.length;
  const seconds = cpuSeconds() - start;
  process.stdout.write(JSON.stringify({ seconds, pages: pages.length, words }));
  process.exit(0);
}

const [a, b] = positionals;
if (a === undefined || b === undefined) {
  process.stderr.write('usage: ab.mjs A/dist/index.js B/dist/index.js [--rounds N] [--sets a,b] [--kinds html] [--core 0]\n');
  process.exit(2);
}
const self = fileURLToPath(import.meta.url);
if (values.interleave === true) {
  const args = [self, a, b, '--interleaved-child', '--rounds', values.rounds, '--sets', values.sets, '--kinds', values.kinds];
  const out = execFileSync('taskset', ['-c', values.core, process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const rounds = out.trim().split('\n').map((l) => JSON.parse(l));
  rounds.forEach(({ a: ta, b: tb }, i) => process.stdout.write(`round ${i + 1}: A ${ta.toFixed(2)} s, B ${tb.toFixed(2)} s, B/A ${(tb / ta).toFixed(3)}\n`));
  summarise(rounds.map(({ a: ta, b: tb }) => tb / ta));
  process.exit(0);
}
const run = (lib) => {
  const args = [self, lib, '--child', '--sets', values.sets, '--kinds', values.kinds];
  const out = execFileSync('taskset', ['-c', values.core, process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out).seconds;
};
const ratios = [];
for (let round = 0; round < Number(values.rounds); round++) {
  const [first, second] = round % 2 === 0 ? [a, b] : [b, a];
  const t1 = run(first);
  const t2 = run(second);
  const [ta, tb] = round % 2 === 0 ? [t1, t2] : [t2, t1];
  ratios.push(tb / ta);
  process.stdout.write(`round ${round + 1}: A ${ta.toFixed(2)} s, B ${tb.toFixed(2)} s, B/A ${(tb / ta).toFixed(3)}\n`);
}
summarise(ratios);

function summarise(ratios) {
  const sorted = [...ratios].sort((x, y) => x - y);
  process.stdout.write(`B/A over ${ratios.length} rounds: median ${sorted[Math.floor(sorted.length / 2)].toFixed(3)}, ` +
    `from ${sorted[0].toFixed(3)} to ${sorted[sorted.length - 1].toFixed(3)} (below 1: B is faster)\n`);
}
