#!/usr/bin/env node
// The README's Accuracy tables, measured afresh: `declutter eval` on every dev set of ../shared/datasets, for each
// input it ships (HTML, w3m dumps in text/, lynx dumps in text-lynx/) and each preset, by the published methods
// (scrapinghub: Zyte F1; the other sets: word F1), plus wcxb-dev by page type.
//
//   npm run accuracy                 print the tables (markdown)
//   npm run accuracy -- --readme     also put them into README.md between the accuracy markers
//   npm run accuracy -- --jobs N     evaluations side by side (default: one per core, at most 4)
//
// Each figure is one `declutter eval … --json` run of the built CLI, so the README shows exactly what a user gets
// from the command it quotes.
import { execFile } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'declutter.js');
const DATASETS = resolve(ROOT, '..', 'shared', 'datasets');
const README = join(ROOT, 'README.md');
const START = '<!-- accuracy:start (npm run accuracy -- --readme) -->';
const END = '<!-- accuracy:end -->';

/** The sets and the metric of their published tables. */
const SETS = [
  { name: 'scrapinghub', metric: 'zyte', label: 'scrapinghub (181 news pages) Zyte' },
  { name: 'wcxb-dev', metric: 'words', label: 'wcxb-dev (1,497 pages, 7 types) word' },
  { name: 'dragnet-train', metric: 'words', label: 'dragnet-train (966 news and blog pages) word' },
  { name: 'cleaneval-dev', metric: 'words', label: 'cleaneval-dev (58 web pages) word' },
];
const INPUTS = [
  { dir: 'html', label: 'HTML' },
  { dir: 'text', label: 'w3m dump' },
  { dir: 'text-lynx', label: 'lynx dump' },
];
const PRESETS = ['balanced', 'precision', 'recall'];
/** wcxb-dev's page types, in the order of the by-type table (most pages first). */
const BY_TYPE = { set: 'wcxb-dev', field: 'page_type' };

const run = promisify(execFile);

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const jobs = [];
  for (const set of SETS) {
    for (const input of INPUTS) {
      for (const favor of PRESETS) {
        const byType = set.name === BY_TYPE.set && favor === 'balanced';
        jobs.push({ set, input, favor, byType });
      }
    }
  }
  const results = await pool(jobs, args.jobs, evaluate);
  const markdown = render(results);
  process.stdout.write(markdown);
  if (args.readme) {
    const readme = readFileSync(README, 'utf8');
    const from = readme.indexOf(START);
    const to = readme.indexOf(END);
    if (from < 0 || to < from) fail(`accuracy: ${README} has no accuracy markers (${START} … ${END})`);
    const next = readme.slice(0, from + START.length) + '\n' + markdown + readme.slice(to);
    writeFileSync(README + '.tmp', next);
    renameSync(README + '.tmp', README);
    process.stderr.write(`accuracy: wrote the tables into ${README}\n`);
  }
}

function parseArgs(argv) {
  const args = { readme: false, jobs: Math.min(availableParallelism(), 4) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--readme') args.readme = true;
    else if (arg === '--jobs') {
      args.jobs = Number(argv[++i]);
      if (!Number.isInteger(args.jobs) || args.jobs < 1) fail('accuracy: --jobs needs a whole number of at least 1');
    } else fail(`accuracy: unknown argument ${arg} (see the top of scripts/accuracy.mjs)`);
  }
  return args;
}

function fail(message) {
  process.stderr.write(message + '\n');
  process.exit(2);
}

/** Runs `work` over the jobs, `width` at a time, results in the jobs' order. */
async function pool(jobs, width, work) {
  const results = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, jobs.length) }, async () => {
      for (let i = next++; i < jobs.length; i = next++) results[i] = { ...jobs[i], report: await work(jobs[i]) };
    }),
  );
  return results;
}

/** One `declutter eval --json` run. */
async function evaluate({ set, input, favor, byType }) {
  const dir = join(DATASETS, set.name);
  const argv = [CLI, 'eval', join(dir, input.dir), join(dir, 'gold'), '--json', '--quiet', '--favor', favor];
  if (byType) argv.push('--by', BY_TYPE.field, '--index', join(dir, 'index.jsonl'));
  const { stdout } = await run(process.execPath, argv, { maxBuffer: 256 * 1024 * 1024 });
  process.stderr.write(`accuracy: ${set.name} ${input.dir} ${favor}\n`);
  return JSON.parse(stdout);
}

const f3 = (v) => v.toFixed(3);

function render(results) {
  const find = (set, input, favor) => results.find((r) => r.set.name === set && r.input.dir === input && r.favor === favor);
  const out = [];
  for (const set of SETS) {
    out.push(`| ${set.label} | preset | P | R | **F1** |`, '|---|---|---:|---:|---:|');
    for (const input of INPUTS) {
      for (const favor of PRESETS) {
        const m = find(set.name, input.dir, favor).report.summary[set.metric];
        out.push(`| ${input.label} | ${favor} | ${f3(m.precision)} | ${f3(m.recall)} | **${f3(m.f1)}** |`);
      }
    }
    out.push('');
  }
  const typed = INPUTS.map((input) => ({ input, groups: find(BY_TYPE.set, input.dir, 'balanced').report.groups.values }));
  const types = [...typed[0].groups].sort((a, b) => b.summary.pages - a.summary.pages).map((g) => g.value);
  out.push(`wcxb-dev word F1 by page type (balanced):`, '');
  out.push(`| input | ${types.map((t) => `${t} (${typed[0].groups.find((g) => g.value === t).summary.pages})`).join(' | ')} |`);
  out.push(`|---|${types.map(() => '---:').join('|')}|`);
  for (const { input, groups } of typed) {
    out.push(`| ${input.label} | ${types.map((t) => f3(groups.find((g) => g.value === t).summary.words.f1)).join(' | ')} |`);
  }
  out.push('');
  return out.join('\n');
}

await main();
