#!/usr/bin/env node
// Which calibration values generalise: a sweep of calibration values over all four dev sets at once, with
// leave-one-set-out validation. For each value of each name, every set is extracted with that one value changed
// (the `calibration` option; the source is not edited) and scored by its published metric (scrapinghub: Zyte F1;
// the others: word F1). Then, for each set in turn, the value that does best on the OTHER three sets (the mean of
// their changes, each set weighing the same) is chosen and its change on the held-out set is reported. A value
// whose held-out changes are all ≥ 0 generalises; one that wins on some sets and loses on others is keyed to them.
//
//   npm run build && node scripts/fit.mjs                          the default names, each at ×0.5, ×0.75, ×1.25, ×1.5
//   node scripts/fit.mjs rules.longWeight=2,2.5,3.5 tiers.good=2,4  these names and values
//   node scripts/fit.mjs --input text-lynx                          the text dumps (text/ or text-lynx/) instead of HTML
//   node scripts/fit.mjs --stride 2                                 every 2nd page of each set (faster, noisier)
//   node scripts/fit.mjs --favor precision --jobs 2 --json
//
// Values interact: a sweep changes one at a time from the calibration as it stands. A change a sweep suggests is
// made in calibration.ts and measured with `npm run gate` (every set, every input) before it is kept.
// Exit 0, or 2 on bad usage or missing data.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATASETS = resolve(ROOT, '..', 'shared', 'datasets');
const SETS = [
  { name: 'scrapinghub', metric: 'zyte' },
  { name: 'wcxb-dev', metric: 'words' },
  { name: 'dragnet-train', metric: 'words' },
  { name: 'cleaneval-dev', metric: 'words' },
];
/** A change smaller than this on a set's mean is noise: it neither wins nor loses. */
const NOISE = 0.0005;
/** The names swept when none is given: the weights and cut-offs that decide most labels. */
const DEFAULT_NAMES = [
  'rules.longWeight', 'rules.mediumWeight', 'rules.shortWeight', 'rules.stopwordRichWeight', 'rules.stopwordPoorWeight',
  'rules.terminalWeight', 'rules.menuPatternWeight', 'rules.titleCaseWeight', 'rules.commentSectionWeight',
  'rules.relatedSectionWeight', 'rules.offColumnWeight', 'domRules.linkDenseWeight', 'domRules.navWeight',
  'domRules.footerWeight', 'domRules.asideWeight', 'domRules.boilerplateClassWeight', 'domRules.contentClassWeight',
  'domRules.inArticleWeight', 'tiers.good', 'tiers.bad', 'smoothing.maxRescuedRun', 'container.mainContainerShare',
  'regions.gapCostPerWord', 'regions.gapCostPerBlock',
];
const DEFAULT_FACTORS = [0.5, 0.75, 1.25, 1.5];

if (!isMainThread) work(workerData);
else if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { CALIBRATION } = await import(join(ROOT, 'dist', 'index.js'));
  const sweeps = (args.sweeps.length > 0 ? args.sweeps : DEFAULT_NAMES.map((name) => ({ name, values: undefined }))).map((sweep) => {
    const current = sweep.name.split('.').reduce((o, k) => o?.[k], CALIBRATION);
    if (typeof current !== 'number') fail(`${sweep.name} is not a number of the calibration (see src/classify/calibration.ts)`);
    const values = sweep.values ?? DEFAULT_FACTORS.map((f) => round(current * f));
    return { name: sweep.name, current, values: values.filter((v) => v !== current) };
  });
  for (const set of SETS) {
    if (!existsSync(join(DATASETS, set.name, args.input))) fail(`${join(DATASETS, set.name, args.input)}: no such folder (the dev sets live in ../shared/datasets)`);
  }
  // One task per set and value (the default's too); the workers load every set once and take tasks as they free up.
  const tasks = [];
  for (const set of SETS) {
    tasks.push({ set: set.name, name: undefined, value: undefined });
    for (const sweep of sweeps) for (const value of sweep.values) tasks.push({ set: set.name, name: sweep.name, value });
  }
  process.stderr.write(`fit: ${tasks.length} extractions of a set (${args.input}, every ${args.stride === 1 ? '' : `${args.stride}th `}page, favor ${args.favor}) on ${args.jobs} threads\n`);
  const scores = await runTasks(tasks, args);
  const f1 = (set, name, value) => scores.get(key(set, name, value));
  const report = sweeps.map((sweep) => judge(sweep, f1));
  if (args.json) process.stdout.write(`${JSON.stringify({ input: args.input, favor: args.favor, stride: args.stride, defaults: Object.fromEntries(SETS.map((s) => [s.name, f1(s.name)])), sweeps: report }, null, 1)}\n`);
  else process.stdout.write(formatReport(report, SETS.map((s) => [s.name, f1(s.name)]), args));
}

function key(set, name, value) {
  return name === undefined ? `${set}` : `${set}\t${name}\t${value}`;
}

function round(x) {
  return Math.round(x * 1000) / 1000;
}

/**
 * One name's sweep, judged: each value's change on each set against the default, and for each held-out set the
 * value the other three choose (the default unless a value beats it there by more than the noise) with its change
 * on the held-out set.
 */
export function judge(sweep, f1) {
  const values = sweep.values.map((value) => ({
    value,
    change: Object.fromEntries(SETS.map((s) => [s.name, f1(s.name, sweep.name, value) - f1(s.name)])),
  }));
  const heldOut = SETS.map((held) => {
    const others = SETS.filter((s) => s !== held);
    let best = { value: sweep.current, fit: 0 };
    for (const v of values) {
      const fit = others.reduce((sum, s) => sum + v.change[s.name], 0) / others.length;
      if (fit > best.fit + NOISE) best = { value: v.value, fit };
    }
    const chosen = values.find((v) => v.value === best.value);
    return { set: held.name, value: best.value, fitChange: best.fit, heldOutChange: chosen === undefined ? 0 : chosen.change[held.name] };
  });
  const moved = heldOut.filter((h) => h.value !== sweep.current);
  const verdict =
    moved.length === 0
      ? 'the default holds'
      : moved.every((h) => h.heldOutChange >= -NOISE) && moved.some((h) => h.heldOutChange > NOISE)
        ? 'a change that generalises'
        : moved.some((h) => h.heldOutChange < -NOISE)
          ? 'keyed to some sets: loses on a held-out one'
          : 'no held-out gain';
  return { name: sweep.name, current: sweep.current, values, heldOut, verdict };
}

export function formatReport(report, defaults, args) {
  const sets = defaults.map(([name]) => name);
  const sign = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;
  let out = `Sweep over ${sets.join(', ')} (${args.input}, favor ${args.favor}${args.stride === 1 ? '' : `, every ${args.stride}th page`}).\n`;
  out += `Defaults: ${defaults.map(([name, f]) => `${name} ${f.toFixed(4)}`).join(', ')}.\n`;
  out += `Changes smaller than ${NOISE} count as noise.\n`;
  for (const r of report) {
    out += `\n${r.name} (default ${r.current}): ${r.verdict}\n`;
    out += `  ${'value'.padStart(8)}  ${sets.map((s) => s.padStart(13)).join('  ')}\n`;
    for (const v of r.values) out += `  ${String(v.value).padStart(8)}  ${sets.map((s) => sign(v.change[s]).padStart(13)).join('  ')}\n`;
    out += `  held out: ${r.heldOut.map((h) => `${h.set} ${h.value === r.current ? 'keeps the default' : `gets ${h.value} (fit ${sign(h.fitChange)}), ${sign(h.heldOutChange)}`}`).join('; ')}\n`;
  }
  return out;
}

/** Runs the tasks on `args.jobs` worker threads; resolves to a map from task key to the set's mean F1. */
function runTasks(tasks, args) {
  return new Promise((resolvePromise, reject) => {
    const scores = new Map();
    let next = 0;
    let done = 0;
    let running = 0;
    const workers = [];
    const feed = (worker) => {
      if (next >= tasks.length) {
        worker.postMessage({ stop: true });
        return;
      }
      worker.postMessage({ task: tasks[next++] });
    };
    for (let i = 0; i < Math.min(args.jobs, tasks.length); i++) {
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { input: args.input, stride: args.stride, favor: args.favor } });
      running++;
      workers.push(worker);
      worker.on('message', (message) => {
        if (message.ready) return feed(worker);
        scores.set(key(message.task.set, message.task.name, message.task.value), message.f1);
        done++;
        if (done % 10 === 0 || done === tasks.length) process.stderr.write(`fit: ${done} of ${tasks.length}\n`);
        feed(worker);
      });
      worker.on('error', (error) => {
        for (const w of workers) w.terminate();
        reject(error);
      });
      worker.on('exit', () => {
        running--;
        if (running === 0) resolvePromise(scores);
      });
    }
  });
}

async function work({ input, stride, favor }) {
  const { declutter } = await import(join(ROOT, 'dist', 'index.js'));
  const { aggregate, benchmarkScores } = await import(join(ROOT, 'dist', 'score', 'index.js'));
  const utf8 = new TextDecoder('utf-8');
  const pagesOf = new Map();
  const load = (set) => {
    if (pagesOf.has(set)) return pagesOf.get(set);
    const dir = join(DATASETS, set);
    const pages = readdirSync(join(dir, input))
      .sort()
      .filter((_, i) => i % stride === 0)
      .map((file) => ({ file, id: file.replace(/\.(?:html\.gz|html|txt)$/, '') }))
      .filter(({ file, id }) => id !== file && existsSync(join(dir, 'gold', `${id}.txt`)))
      .map(({ file, id }) => {
        const bytes = readFileSync(join(dir, input, file));
        return { bytes: file.endsWith('.gz') ? gunzipSync(bytes) : bytes, reference: utf8.decode(readFileSync(join(dir, 'gold', `${id}.txt`))) };
      });
    pagesOf.set(set, pages);
    return pages;
  };
  parentPort.on('message', ({ task, stop }) => {
    if (stop) return process.exit(0);
    const calibration = task.name === undefined ? undefined : task.name.split('.').reduceRight((inner, k) => ({ [k]: inner }), task.value);
    const rows = load(task.set).map(({ bytes, reference }) =>
      benchmarkScores(declutter(bytes, { favor, ...(calibration === undefined ? {} : { calibration }), ...(input === 'html' ? {} : { input: 'text' }) }).text, reference),
    );
    const { zyte, words } = aggregate(rows);
    const metric = SETS.find((s) => s.name === task.set).metric;
    parentPort.postMessage({ task, f1: metric === 'zyte' ? zyte.f1 : words.f1 });
  });
  parentPort.postMessage({ ready: true });
}

function parseArgs(argv) {
  const args = { input: 'html', stride: 1, favor: 'balanced', jobs: Math.min(4, availableParallelism()), json: false, sweeps: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) fail(`${arg} needs a value`);
      return next;
    };
    if (arg === '--input') args.input = value();
    else if (arg === '--favor') args.favor = value();
    else if (arg === '--stride') args.stride = wholeNumber(arg, value());
    else if (arg === '--jobs') args.jobs = wholeNumber(arg, value());
    else if (arg === '--json') args.json = true;
    else if (/^[a-zA-Z]+\.[a-zA-Z]+=/.test(arg)) {
      const [name, list] = arg.split('=');
      const values = list.split(',').map(Number);
      if (values.length === 0 || values.some((v) => !Number.isFinite(v))) fail(`${arg}: give numbers, e.g. rules.longWeight=2,2.5,3.5`);
      args.sweeps.push({ name, values });
    } else fail(`unknown argument ${arg}`);
  }
  if (!['html', 'text', 'text-lynx'].includes(args.input)) fail(`--input takes html, text or text-lynx, not ${args.input}`);
  if (!['balanced', 'precision', 'recall'].includes(args.favor)) fail(`--favor takes balanced, precision or recall, not ${args.favor}`);
  return args;
}

function wholeNumber(flag, text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) fail(`${flag} needs a whole number of at least 1`);
  return n;
}

function fail(message) {
  process.stderr.write(`fit: ${message}\n`);
  process.exit(2);
}
