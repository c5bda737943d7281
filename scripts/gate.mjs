#!/usr/bin/env node
// The quality gate (`npm run gate`): extracts every dev set of ../shared/datasets as each input it ships (HTML,
// w3m dumps in text/, lynx dumps in text-lynx/), scores every page by the set's published headline metric, and
// compares the means with the floors pinned in gate/floors.json; lists the pages whose F1 moved by more than
// the file's `movedBy` against gate/pages.tsv. Exit 0 when every row holds, 1 when one does not, 2 on bad usage
// or missing data. The logic lives in src/eval/gate.ts; this file reads, extracts and writes.
//
//   npm run gate                         judge; write nothing
//   npm run gate -- --update             judge; when it passes, raise floors that were beaten and rewrite the record
//   npm run gate -- --repin              pin floors, ceilings and page lists afresh (even lower ones): a visible
//                                        edit for a deliberate trade or a data change, never part of --update
//   npm run gate -- --only wcxb-dev      only the rows of one set (or set/input); nothing is written
//   npm run gate -- --out DIR            also write every page's output text to DIR/<set>/<input>/<id>.txt
//   npm run gate -- --jobs N             worker threads (default: one per core, at most 4)
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FLOORS = join(ROOT, 'gate', 'floors.json');
const RECORD = join(ROOT, 'gate', 'pages.tsv');

if (isMainThread) await main();
else await work(workerData);

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const gate = await import(join(ROOT, 'dist', 'eval', 'gate.js'));
  const file = gate.parseGateFile(readFileSync(FLOORS, 'utf8'));
  const entries = file.entries.filter((e) => args.only === undefined || e.set === args.only || `${e.set}/${e.input}` === args.only);
  if (entries.length === 0) fail(`gate: no row of ${FLOORS} matches --only ${args.only}`);
  for (const e of entries) {
    if (!existsSync(join(args.data, e.set, e.input))) fail(`gate: ${join(args.data, e.set, e.input)}: no such folder (the dev sets live in ../shared/datasets)`);
  }
  const started = Date.now();
  const measurements = await measureAll(entries, args);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const judged = { ...file, entries };
  const verdict = gate.judge(judged, measurements);
  const record = existsSync(RECORD) ? gate.parseRecord(readFileSync(RECORD, 'utf8')) : new Map();
  const moved = gate.movedPages(record, measurements, file.movedBy);
  process.stdout.write(renderVerdict(verdict, file, seconds) + renderMoved(moved, file.movedBy));

  if (args.repin || args.update) {
    if (args.only !== undefined) fail('gate: --update and --repin measure every row; drop --only');
    if (args.update && !verdict.ok) {
      process.stderr.write('gate: not updated: the gate fails (lowering a floor is an edit of gate/floors.json, or --repin)\n');
      process.exit(1);
    }
    const next = args.repin ? gate.repin(file, measurements) : gate.raiseFloors(file, measurements);
    writeAtomically(FLOORS, gate.formatGateFile(next));
    writeAtomically(RECORD, gate.formatRecord(measurements));
    process.stderr.write(`gate: wrote ${FLOORS} and ${RECORD}\n`);
    process.exit(0);
  }
  process.exit(verdict.ok ? 0 : 1);
}

function parseArgs(argv) {
  const args = { update: false, repin: false, only: undefined, out: undefined, jobs: undefined, data: resolve(ROOT, '..', 'shared', 'datasets') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`gate: ${arg} needs a value`);
      return v;
    };
    if (arg === '--update') args.update = true;
    else if (arg === '--repin') args.repin = true;
    else if (arg === '--only') args.only = value();
    else if (arg === '--out') args.out = resolve(value());
    else if (arg === '--data') args.data = resolve(value());
    else if (arg === '--jobs') {
      args.jobs = Number(value());
      if (!Number.isInteger(args.jobs) || args.jobs < 1) fail('gate: --jobs needs a whole number of at least 1');
    } else fail(`gate: unknown argument ${arg} (see the top of scripts/gate.mjs)`);
  }
  if (args.update && args.repin) fail('gate: --update or --repin, not both');
  return args;
}

function fail(message) {
  process.stderr.write(message + '\n');
  process.exit(2);
}

/**
 * Measures every row on a few worker threads, largest rows first so the threads finish together. Each worker
 * measures whole rows: the per-page results travel back as one array.
 */
async function measureAll(entries, args) {
  const jobs = Math.min(args.jobs ?? Math.min(availableParallelism(), 4), entries.length);
  const queue = [...entries].sort((a, b) => b.pages - a.pages);
  const results = new Map();
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
        const pages = await runWorker({ entry, data: args.data, out: args.out });
        const values = [...pages.values()];
        const mean = entry.metric === 'zyte' ? pages.zyteMean : values.reduce((s, v) => s + v, 0) / Math.max(values.length, 1);
        results.set(`${entry.set}/${entry.input}`, { set: entry.set, input: entry.input, metric: entry.metric, mean, pages });
      }
    }),
  );
  return entries.map((e) => results.get(`${e.set}/${e.input}`));
}

function runWorker(task) {
  return new Promise((resolvePages, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: task });
    worker.once('message', ({ rows, zyteMean }) => {
      const pages = new Map(rows);
      pages.zyteMean = zyteMean;
      resolvePages(pages);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`gate: the worker for ${task.entry.set}/${task.entry.input} exited with ${code}`));
    });
  });
}

/** In a worker: extract and score every page of one row; post [id, F1] pairs and the row's Zyte mean. */
async function work({ entry, data, out }) {
  const { declutter } = await import(join(ROOT, 'dist', 'declutter.js'));
  const { aggregate, benchmarkScores } = await import(join(ROOT, 'dist', 'score', 'index.js'));
  const { listPages } = await import(join(ROOT, 'dist', 'eval', 'index.js'));
  const pageDir = join(data, entry.set, entry.input);
  const goldDir = join(data, entry.set, 'gold');
  const gold = new Set(readdirSync(goldDir).filter((n) => n.endsWith('.txt')).map((n) => n.slice(0, -4)));
  const { pages } = listPages(readdirSync(pageDir));
  const outDir = out === undefined ? undefined : join(out, entry.set, entry.input);
  if (outDir !== undefined) mkdirSync(outDir, { recursive: true });
  const rows = [];
  const scores = [];
  for (const page of pages) {
    if (!gold.has(page.id)) continue;
    const text = declutter(readFileSync(join(pageDir, page.file))).text;
    if (outDir !== undefined) writeFileSync(join(outDir, `${page.id}.txt`), text);
    const score = benchmarkScores(text, readFileSync(join(goldDir, `${page.id}.txt`), 'utf8'));
    scores.push(score);
    rows.push([page.id, entry.metric === 'zyte' ? score.zyte.f1 : score.words.f1]);
  }
  parentPort.postMessage({ rows, zyteMean: aggregate(scores).zyte.f1 });
}

function renderVerdict(verdict, file, seconds) {
  const lines = [['set', 'input', 'metric', 'pages', 'floor', 'mean', 'change', `F1<${file.collapseBelow}`, 'ceiling', 'status']];
  for (const row of verdict.rows) {
    const { entry, measured } = row;
    const mean = measured?.mean;
    lines.push([
      entry.set,
      entry.input,
      entry.metric === 'zyte' ? 'Zyte F1' : 'word F1',
      String(measured?.pages.size ?? '-'),
      entry.floor.toFixed(4),
      mean === undefined ? '-' : mean.toFixed(4),
      mean === undefined ? '-' : signed(mean - entry.floor),
      String(row.collapsed),
      String(entry.collapsedCeiling),
      row.status.join(', '),
    ]);
  }
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  const table = lines.map((l) => l.map((c, i) => (i < 3 || i === 9 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd()).join('\n');
  const verdictLine = verdict.ok
    ? `gate passed (allowance ${file.allowance} below each floor; ${seconds} s)`
    : `GATE FAILED: ${verdict.rows.filter((r) => r.status[0] !== 'ok').map((r) => `${r.entry.set}/${r.entry.input} ${r.status.join(', ')}`).join('; ')}`;
  return `${table}\n\n${verdictLine}\n`;
}

function renderMoved(moved, by) {
  if (moved.length === 0) return `no page moved by more than ${by} against gate/pages.tsv\n`;
  const lost = moved.filter((p) => p.before !== undefined && p.after < p.before);
  const won = moved.filter((p) => p.before !== undefined && p.after > p.before);
  const fresh = moved.filter((p) => p.before === undefined);
  const line = (p) => `  ${p.set}/${p.input}/${p.id}  ${p.before === undefined ? 'new' : p.before.toFixed(3)} → ${p.after.toFixed(3)}`;
  let text = `\npages that moved by more than ${by} against gate/pages.tsv: ${lost.length} lost, ${won.length} won\n`;
  if (lost.length > 0) text += 'lost:\n' + lost.map(line).join('\n') + '\n';
  if (won.length > 0) text += 'won:\n' + won.map(line).join('\n') + '\n';
  if (fresh.length > 0) text += `${fresh.length} pages are not in the record (first ${Math.min(fresh.length, 10)}):\n` + fresh.slice(0, 10).map(line).join('\n') + '\n';
  return text;
}

function signed(value) {
  return (value >= 0 ? '+' : '') + value.toFixed(4);
}

function writeAtomically(path, text) {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
