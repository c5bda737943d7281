#!/usr/bin/env node
// Where declutter's time goes, stage by stage: samples the library (the built dist/) with V8's CPU profiler over
// a dev set's pages and charges every sample to the pipeline stage of the nearest frame on its stack that belongs
// to a known file (a regular expression or a built-in is charged to the code that called it).
//
//   node scripts/profile.mjs                         scrapinghub and wcxb-dev, HTML, a table per set
//   node scripts/profile.mjs --sets cleaneval-dev    other sets (comma-separated names of ../shared/datasets)
//   node scripts/profile.mjs --input text-lynx       the text dumps instead (text/ or text-lynx/)
//   node scripts/profile.mjs --functions 20          also the functions with the most self time
//   node scripts/profile.mjs --json                  the shares as JSON (bench/run.mjs reads this)
//   node scripts/profile.mjs --cpu-prof DIR          also write each set's .cpuprofile (for a flame graph viewer)
//
// Pages are read, gunzipped and decoded to strings before sampling, as in the benchmark; one untimed pass warms
// the code up, then `--passes` (default 2) sampled passes. Exit 0, or 2 on bad usage or missing data.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATASETS = resolve(ROOT, '..', 'shared', 'datasets');
const SAMPLING_MICROSECONDS = 100;

/**
 * The stages of the pipeline, in its order, and the files whose code is each stage's. A path matches the first
 * rule whose pattern it contains; `dist/` paths are the library's, `node_modules/` its parser's.
 */
export const STAGES = [
  { name: 'decode', files: ['/dist/input/'] },
  { name: 'parse', files: ['/node_modules/htmlparser2/', '/node_modules/domhandler/', '/node_modules/entities/', '/dist/extract/html/parse.js'] },
  { name: 'metadata', files: ['/dist/extract/html/metadata.js', '/dist/extract/html/json-ld.js', '/dist/extract/html/title.js', '/dist/extract/html/author.js', '/dist/extract/html/dates.js'] },
  { name: 'links & images', files: ['/dist/extract/html/links.js', '/dist/extract/html/markup.js'] },
  { name: 'segmentation', files: ['/dist/extract/', '/node_modules/domutils/'] },
  { name: 'features', files: ['/dist/blocks/', '/dist/lang/', '/dist/classify/index.js'] },
  { name: 'rules', files: ['/dist/classify/rules/', '/dist/classify/vocab.js', '/dist/classify/page-context.js'] },
  { name: 'smoothing', files: ['/dist/classify/smooth.js'] },
  { name: 'selection', files: ['/dist/classify/'] },
  { name: 'rendering', files: ['/dist/render/', '/dist/declutter.js', '/dist/options.js'] },
];
const GC = 'garbage collection';
const OTHER = 'other';
const PROFILER = 'profiler';

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { declutter } = await import(join(ROOT, 'dist', 'index.js'));
  const results = [];
  for (const set of args.sets) {
    const pages = loadPages(set, args.input);
    for (const page of pages) declutter(page);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_MICROSECONDS });
    await session.post('Profiler.start');
    const started = performance.now();
    for (let pass = 0; pass < args.passes; pass++) for (const page of pages) declutter(page);
    const ms = performance.now() - started;
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    if (args.cpuProf !== undefined) {
      mkdirSync(args.cpuProf, { recursive: true });
      writeFileSync(join(args.cpuProf, `${set}-${args.input}.cpuprofile`), JSON.stringify(profile));
    }
    const shares = attribute(profile);
    results.push({ set, input: args.input, pages: pages.length, pagesPerSecond: (pages.length * args.passes * 1000) / ms, ...shares });
  }
  if (args.json) process.stdout.write(`${JSON.stringify(results, null, 1)}\n`);
  else process.stdout.write(formatTable(results, args.functions));
}

/** Each stage's share of the samples (and the functions with the most self time), from a V8 CPU profile. */
export function attribute(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stageOfNode = new Map();
  const stageOf = (id) => {
    if (stageOfNode.has(id)) return stageOfNode.get(id);
    const node = nodes.get(id);
    const name = node.callFrame.functionName;
    let stage;
    if (node.callFrame.url === 'node:inspector') stage = PROFILER;
    else if (name === '(garbage collector)') stage = GC;
    else if (name === '(program)' || name === '(idle)' || name === '(root)') stage = OTHER;
    else {
      stage = stageOfFile(node.callFrame.url);
      if (stage === undefined) stage = parent.has(id) ? stageOf(parent.get(id)) : OTHER;
    }
    stageOfNode.set(id, stage);
    return stage;
  };
  const byStage = new Map();
  const byFunction = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    const weight = profile.timeDeltas[i] ?? 0;
    const stage = stageOf(id);
    if (stage === PROFILER) continue; // the profiler stopping and handing over its samples
    total += weight;
    byStage.set(stage, (byStage.get(stage) ?? 0) + weight);
    if (stage === OTHER) continue; // the profiler's own work, idle time: no function of the pipeline
    const frame = nodes.get(id).callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${shortPath(frame.url)}${frame.url === '' ? '' : `:${frame.lineNumber + 1}`}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + weight);
  }
  const share = (value) => (total === 0 ? 0 : value / total);
  const order = [...STAGES.map((stage) => stage.name), GC, OTHER];
  return {
    stages: order.map((name) => ({ name, share: share(byStage.get(name) ?? 0) })),
    functions: [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([name, value]) => ({ name, share: share(value) })),
  };
}

function stageOfFile(url) {
  if (url === '') return undefined;
  for (const stage of STAGES) if (stage.files.some((file) => url.includes(file))) return stage.name;
  return undefined;
}

/** A frame's file: under node_modules/ from the package's name, else under dist/. */
function shortPath(url) {
  const module = url.lastIndexOf('/node_modules/');
  if (module >= 0) return url.slice(module + '/node_modules/'.length);
  const at = url.lastIndexOf('/dist/');
  return at >= 0 ? url.slice(at + '/dist/'.length) : url;
}

/** A markdown table: one column per profiled set. */
export function formatTable(results, functions = 0) {
  const percent = (share) => (share * 100).toFixed(1);
  const lines = [
    `| stage | ${results.map((r) => `${r.set} (${r.input})`).join(' | ')} |`,
    `|---|${results.map(() => '---:').join('|')}|`,
  ];
  for (const [i, stage] of results[0].stages.entries()) {
    lines.push(`| ${stage.name} | ${results.map((r) => `${percent(r.stages[i].share)} %`).join(' | ')} |`);
  }
  lines.push(`| pages/s while sampled | ${results.map((r) => r.pagesPerSecond.toFixed(0)).join(' | ')} |`);
  let out = `${lines.join('\n')}\n`;
  for (const r of functions > 0 ? results : []) {
    out += `\nThe ${functions} functions with the most self time, ${r.set} (${r.input}):\n\n| self time | function (file:line of dist/ or node_modules/) |\n|---:|---|\n`;
    for (const f of r.functions.slice(0, functions)) out += `| ${percent(f.share)} % | \`${f.name}\` |\n`;
  }
  return out;
}

/** A set's pages as strings, as the benchmark hands them to the library. */
function loadPages(set, input) {
  const dir = join(DATASETS, set, input);
  let names;
  try {
    names = readdirSync(dir).sort();
  } catch {
    fail(`${dir}: no such folder (the dev sets live in ../shared/datasets)`);
  }
  return names.map((name) => {
    const bytes = readFileSync(join(dir, name));
    return (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  });
}

function parseArgs(argv) {
  const args = { sets: ['scrapinghub', 'wcxb-dev'], input: 'html', passes: 2, functions: 0, json: false, cpuProf: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) fail(`${arg} needs a value`);
      return next;
    };
    if (arg === '--sets') args.sets = value().split(',').filter((name) => name !== '');
    else if (arg === '--input') args.input = value();
    else if (arg === '--passes') args.passes = wholeNumber(arg, value());
    else if (arg === '--functions') args.functions = wholeNumber(arg, value());
    else if (arg === '--json') args.json = true;
    else if (arg === '--cpu-prof') args.cpuProf = value();
    else fail(`unknown argument ${arg}`);
  }
  if (!['html', 'text', 'text-lynx'].includes(args.input)) fail(`--input takes html, text or text-lynx, not ${args.input}`);
  return args;
}

function wholeNumber(flag, text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) fail(`${flag} needs a whole number of at least 1`);
  return n;
}

function fail(message) {
  process.stderr.write(`profile: ${message}\n`);
  process.exit(2);
}
