#!/usr/bin/env node
/**
 * Fits and measures the Article's confidence (src/classify/confidence.ts). Extracts every page of the four dev sets of
 * ../shared/datasets as each input they ship (HTML, w3m dumps in text/, lynx dumps in text-lynx/), measures the
 * confidence's features and the page's F1 (scrapinghub: Zyte F1, its headline figure; the others: word F1, as the
 * gate scores them), then fits the logistic model of each kind of page (HTML; a text dump with a line per
 * paragraph; a dump wrapped at a fixed width, see confidenceModel) with
 * leave-one-set-out validation: fitted on three sets, measured on the fourth. Prints, per set and input, the
 * Spearman rank correlation between confidence and F1 held out (and with the confidence the committed calibration
 * gives), and the mean F1 of the pages at or above the cut and below it, with their counts. Ends with the weights
 * fitted on all four sets, to be copied into the calibration's `confidence` section.
 *
 *   npm run build && node scripts/confidence.mjs [--cache FILE] [--jobs N] [--cut 0.5]
 *
 * --cache FILE keeps the measurements: read when the file exists, written when it does not (refitting is then
 * instant; delete it after changing the features). Each set weighs the same in a fit (wcxb-dev's 1,497 pages do not
 * drown cleaneval-dev's 58). The fit is a fractional logistic
 * regression (the F1 itself is the target) on standardised features, by Newton's method, with a small ridge.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = resolve(ROOT, '..', 'shared', 'datasets');
const SETS = [
  { set: 'scrapinghub', metric: 'zyte' },
  { set: 'wcxb-dev', metric: 'words' },
  { set: 'dragnet-train', metric: 'words' },
  { set: 'cleaneval-dev', metric: 'words' },
];
const INPUTS = ['html', 'text', 'text-lynx'];
const MODELS = ['html', 'text', 'wrapped'];
/** Ridge on the standardised weights: keeps a feature that helps no set from taking a large weight by chance. */
const RIDGE = 10;

if (isMainThread) await main();
else await work(workerData);

async function main() {
  const { values: flags } = parseArgs({ options: { cache: { type: 'string' }, jobs: { type: 'string' }, cut: { type: 'string', default: '0.5' } } });
  const cut = Number(flags.cut);
  const { CONFIDENCE_FEATURES, confidenceFrom } = await import(join(ROOT, 'dist', 'classify', 'confidence.js'));
  const { CALIBRATION } = await import(join(ROOT, 'dist', 'classify', 'calibration.js'));
  let rows;
  if (flags.cache !== undefined && existsSync(flags.cache)) rows = JSON.parse(readFileSync(flags.cache, 'utf8'));
  else {
    rows = await measureAll(Number(flags.jobs ?? Math.min(availableParallelism(), 4)));
    if (flags.cache !== undefined) writeFileSync(flags.cache, JSON.stringify(rows));
  }
  const names = CONFIDENCE_FEATURES;

  // Leave one set out: each model fitted on the other three sets, applied to the held-out one.
  const heldOut = new Map();
  for (const { set } of SETS) {
    const models = new Map(MODELS.map((m) => [m, fit(rows.filter((r) => r.set !== set), m, names)]));
    for (const r of rows.filter((r) => r.set === set)) {
      heldOut.set(r, r.pages.map((p) => (p.empty ? 0 : predict(models.get(p.model), p.features))));
    }
  }

  const header = ['set', 'input', 'pages', 'Spearman held out', 'Spearman committed', `≥${cut}: pages`, 'mean F1', `<${cut}: pages`, 'mean F1'];
  const table = [header];
  for (const r of rows) {
    const f1 = r.pages.map((p) => p.f1);
    const held = heldOut.get(r);
    // What declutter gives with the calibration as built (the features measured, the committed weights).
    const committed = r.pages.map((p) => (p.empty ? 0 : confidenceFrom(p.features, CALIBRATION.confidence[p.model])));
    const above = r.pages.filter((_, i) => held[i] >= cut).map((p) => p.f1);
    const below = r.pages.filter((_, i) => held[i] < cut).map((p) => p.f1);
    table.push([r.set, r.input, String(r.pages.length), spearman(held, f1).toFixed(2), spearman(committed, f1).toFixed(2), String(above.length), mean(above), String(below.length), mean(below)]);
  }
  process.stdout.write(`Confidence against per-page F1 (scrapinghub: Zyte F1; the others: word F1); cut ${cut}, held-out confidences\n`);
  process.stdout.write(formatTable(table) + '\n\n');

  process.stdout.write('Weights fitted on all four sets (the calibration\'s `confidence` section):\n');
  for (const name of MODELS) {
    const raw = rawWeights(fit(rows, name, names), names);
    process.stdout.write(`    ${name}: {\n      ${Object.entries(raw).map(([k, v]) => `${k}: ${v}`).join(', ')},\n    }\n`);
    const committed = CALIBRATION.confidence[name];
    const differs = Object.entries(raw).some(([k, v]) => Math.abs(v - committed[k]) > 0.01);
    if (differs) process.stdout.write(`    (the committed ${name} weights differ)\n`);
  }
}

/** Measures every set/input on a few worker threads. */
async function measureAll(jobs) {
  const queue = SETS.flatMap(({ set, metric }) => INPUTS.map((input) => ({ set, metric, input })));
  const results = [];
  await Promise.all(
    Array.from({ length: Math.max(1, jobs) }, async () => {
      for (let task = queue.shift(); task !== undefined; task = queue.shift()) {
        results.push({ ...task, pages: await runWorker(task) });
        process.stderr.write(`measured ${task.set}/${task.input}\n`);
      }
    }),
  );
  const order = (r) => SETS.findIndex((s) => s.set === r.set) * 3 + INPUTS.indexOf(r.input);
  return results.sort((a, b) => order(a) - order(b));
}

function runWorker(task) {
  return new Promise((done, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: task });
    worker.once('message', done);
    worker.once('error', reject);
  });
}

/** In a worker: every page of one set/input, with its F1, its features and its confidence. */
async function work({ set, metric, input }) {
  const { declutter } = await import(join(ROOT, 'dist', 'declutter.js'));
  const { benchmarkScores } = await import(join(ROOT, 'dist', 'score', 'index.js'));
  const { listPages } = await import(join(ROOT, 'dist', 'eval', 'index.js'));
  const { CALIBRATION } = await import(join(ROOT, 'dist', 'classify', 'calibration.js'));
  const { confidenceFeatures, confidenceModel } = await import(join(ROOT, 'dist', 'classify', 'confidence.js'));
  const pageDir = join(DATA, set, input);
  const goldDir = join(DATA, set, 'gold');
  const gold = new Set(readdirSync(goldDir).filter((n) => n.endsWith('.txt')).map((n) => n.slice(0, -4)));
  const pages = [];
  for (const page of listPages(readdirSync(pageDir)).pages) {
    if (!gold.has(page.id)) continue;
    const article = declutter(readFileSync(join(pageDir, page.file)));
    const score = benchmarkScores(article.text, readFileSync(join(goldDir, `${page.id}.txt`), 'utf8'));
    const features = confidenceFeatures(article.blocks, CALIBRATION);
    const model = confidenceModel(article.blocks, article.extractor, CALIBRATION);
    pages.push({ id: page.id, f1: metric === 'zyte' ? score.zyte.f1 : score.words.f1, confidence: article.confidence, empty: !article.ok, model, features });
  }
  parentPort.postMessage(pages);
}

/**
 * A fractional logistic regression of F1 on the standardised features of the pages that `model` judges, each
 * set weighing the same (its pages of every input pooled). Empty outputs are left out: their confidence is 0
 * whatever the weights.
 */
function fit(rows, model, names) {
  const samples = [];
  const perSet = new Map();
  for (const r of rows) for (const p of r.pages) if (!p.empty && p.model === model) perSet.set(r.set, (perSet.get(r.set) ?? 0) + 1);
  for (const r of rows) {
    for (const p of r.pages) if (!p.empty && p.model === model) samples.push({ x: names.map((n) => p.features[n]), y: p.f1, w: 1 / perSet.get(r.set) });
  }
  const k = names.length;
  const center = names.map((_, j) => weightedMean(samples, (s) => s.x[j]));
  const scale = names.map((_, j) => Math.sqrt(weightedMean(samples, (s) => (s.x[j] - center[j]) ** 2)) || 1);
  const z = samples.map((s) => [1, ...s.x.map((v, j) => (v - center[j]) / scale[j])]);
  const totalWeight = samples.reduce((a, s) => a + s.w, 0);
  let beta = new Array(k + 1).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = new Array(k + 1).fill(0);
    const hessian = Array.from({ length: k + 1 }, () => new Array(k + 1).fill(0));
    samples.forEach((s, i) => {
      const p = sigmoid(dot(beta, z[i]));
      const w = s.w / totalWeight;
      for (let a = 0; a <= k; a++) {
        gradient[a] += w * (p - s.y) * z[i][a];
        for (let b = 0; b <= k; b++) hessian[a][b] += w * p * (1 - p) * z[i][a] * z[i][b];
      }
    });
    const ridge = RIDGE / samples.length;
    for (let a = 1; a <= k; a++) {
      gradient[a] += ridge * beta[a];
      hessian[a][a] += ridge;
    }
    const step = solve(hessian, gradient);
    beta = beta.map((v, a) => v - step[a]);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return { beta, center, scale, names };
}

function predict(model, features) {
  const x = [1, ...model.names.map((n, j) => (features[n] - model.center[j]) / model.scale[j])];
  return Math.round(1000 * sigmoid(dot(model.beta, x))) / 1000;
}

/** The model's weights on the raw features, as the calibration holds them. */
function rawWeights(model, names) {
  const round = (v) => Math.round(v * 1000) / 1000;
  let intercept = model.beta[0];
  const out = {};
  names.forEach((n, j) => {
    const w = model.beta[j + 1] / model.scale[j];
    intercept -= w * model.center[j];
    out[n] = round(w);
  });
  return { intercept: round(intercept), ...out };
}

function sigmoid(v) {
  return 1 / (1 + Math.exp(-v));
}

function dot(a, b) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function weightedMean(samples, get) {
  let sum = 0;
  let weight = 0;
  for (const s of samples) {
    sum += s.w * get(s);
    weight += s.w;
  }
  return sum / weight;
}

/** Solves A x = b by Gaussian elimination with partial pivoting. */
function solve(A, b) {
  const n = b.length;
  const m = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / m[r][r];
  }
  return x;
}

/** Spearman's rank correlation: the Pearson correlation of the ranks, ties sharing their mean rank. */
function spearman(a, b) {
  return pearson(ranks(a), ranks(b));
}

function ranks(values) {
  const order = values.map((v, i) => [v, i]).sort((x, y) => x[0] - y[0]);
  const out = new Array(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) out[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

function pearson(a, b) {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa === 0 || sbb === 0 ? 0 : sab / Math.sqrt(saa * sbb);
}

function mean(values) {
  return values.length === 0 ? '-' : (values.reduce((s, v) => s + v, 0) / values.length).toFixed(3);
}

function formatTable(lines) {
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  return lines.map((l) => l.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}
