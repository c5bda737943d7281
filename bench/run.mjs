// The benchmark: declutter and its peers on the dev sets (../shared/datasets), one run, one table.
//
//   npm run bench                full run: every page of the four dev sets, every tool, the median of 3 timed
//                                passes (the first pass is also the scored one; the two slowest tools get one
//                                timed pass, see SLOW_TOOL_TIMING in tools.mjs); a few hours on a shared
//                                machine; prints the table, writes bench/results.md, bench/chart.svg,
//                                bench/results.json
//   npm run bench -- --quick     a fixed subset of each set (every 10th page of scrapinghub, 40th of wcxb-dev, 25th
//                                of dragnet-train, 4th of cleaneval-dev), one pass (scored and timed), without
//                                Readability on jsdom and defuddle (the slowest by far): a minute or two; prints
//                                the table only (the committed results stay the full run's)
//   npm run bench -- --passes N  N timed passes on every set (at least 1)
//   npm run bench -- --sets a,b  only these sets (by name), e.g. the two small ones when the slow tools' hour on
//                                the two large ones cannot be spared; results.md names the sets it holds
//   npm run bench -- --redraw    draw bench/chart.svg again from bench/results.json, running nothing
//   npm run bench -- --combine A.json B.json
//                                one bench/results.md, chart.svg and results.json from runs made side by side on
//                                the same commit with different --sets (each set measured whole in one of them, so
//                                its speed ratios come from one run); results.md names every run's date, load and
//                                length. On two cores, two runs side by side halve the wall time of the full run
//
// Fairness: every page is read, gunzipped and decoded to a string before any timing, and every tool gets that
// same string (declutter too, though it also takes bytes). Each tool runs in fresh processes (bench/child.mjs), one
// per chunk of pages: each makes an untimed warm-up pass over its pages, then times parse + extract + text for one
// page at a time on one thread, pass after pass; a tool's pass is the sum over its chunks. The figure is the median
// pass.
import { execFileSync, fork } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeInput } from '../dist/input/index.js';
import { aggregate, benchmarkScores } from '../dist/score/index.js';
import { renderChart } from './chart.mjs';
import { writePack } from './pack.mjs';
import { formatTable as profileTable } from '../scripts/profile.mjs';
import { TEXT_CONTENT_CHECK, TOOLS, versionOf } from './tools.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const CHILD = join(BENCH, 'child.mjs');
/** Each pass runs in a fresh process, with room for jsdom's growth over a chunk of pages. */
const CHILD_NODE_OPTIONS = ['--no-deprecation', '--max-old-space-size=4096'];
/** Pack files to remove when the run ends. */
const temporaryFiles = [];
const ROOT = join(BENCH, '..');
const DATASETS = join(ROOT, '..', 'shared', 'datasets');

/**
 * The sets, the metric their published tables quote, and the every-nth-page stride of the quick run (a fixed
 * subset: pages 0, n, 2n… by sorted id).
 */
const SETS = [
  { name: 'scrapinghub', metric: 'zyte', quickStride: 10 },
  { name: 'wcxb-dev', metric: 'words', quickStride: 40 },
  { name: 'dragnet-train', metric: 'words', quickStride: 25 },
  { name: 'cleaneval-dev', metric: 'words', quickStride: 4 },
];

/**
 * Outputs other systems' authors stored for the scrapinghub pages (scrapinghub/published/), scored here by the
 * same code as every tool: rows without a speed, so the table sets declutter beside systems that cannot run here
 * (rs-trafilatura, AutoExtract, Diffbot…).
 */
const STORED_OUTPUTS = join(DATASETS, 'scrapinghub', 'published');

const FULL_PASSES = 3;
const QUICK_PASSES = 1;
/**
 * Pages per child process: few enough that a leaking tool stays far from its heap limit (jsdom keeps about
 * 5 MB a page), many enough that starting processes and warming up costs little.
 */
const CHUNK_PAGES = 200;
/**
 * Each child runs one warm-up pass over its whole chunk (untimed, in the same process) before timing it: the
 * timed pages then run on compiled, optimised code, as in a long batch run. Warming up on only the first 20 pages
 * left declutter's timed pass partly cold (about 110 pages/s on scrapinghub against 190 warm) while Readability
 * barely changed.
 */
// (A finite number: the job reaches the child as JSON, where Infinity would become null.)
const WARMUP_PAGES = Number.MAX_SAFE_INTEGER;

/** The figures the harness is checked against (see the issue): scrapinghub Zyte F1. */
const CHECKS = [
  { tool: 'readability-linkedom', expected: 0.952, what: 'Readability.js + linkedom, paragraph breaks' },
  { tool: TEXT_CONTENT_CHECK.id, expected: 0.947, what: 'Readability.js + linkedom, textContent' },
  { tool: 'html-to-text', expected: 0.67, what: 'html-to-text' },
  { tool: 'defuddle-linkedom', expected: 0.931, what: 'defuddle (0.931 on jsdom, measured by others)' },
];
const CHECK_TOLERANCE = 0.01;

function parseArgs(argv) {
  const args = { quick: false, passes: undefined, redraw: false, combine: undefined, sets: SETS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') args.quick = true;
    else if (arg === '--redraw') args.redraw = true;
    else if (arg === '--combine') {
      args.combine = argv.slice(i + 1);
      if (args.combine.length < 2 || args.combine.some((file) => file.startsWith('--'))) usage('--combine takes two or more results.json files, and nothing after them');
      break;
    }    else if (arg === '--passes') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) usage(`--passes needs a whole number of at least 1`);
      args.passes = n;
    } else if (arg === '--sets') {
      const names = (argv[++i] ?? '').split(',').filter((name) => name !== '');
      const unknown = names.filter((name) => !SETS.some((set) => set.name === name));
      if (names.length === 0 || unknown.length > 0) usage(`--sets takes names among ${SETS.map((set) => set.name).join(', ')}${unknown.length > 0 ? `, not ${unknown.join(', ')}` : ''}`);
      args.sets = SETS.filter((set) => names.includes(set.name));
    } else if (arg === '--help' || arg === '-h') usage();
    else usage(`unknown argument ${arg}`);
  }
  args.passes ??= args.quick ? QUICK_PASSES : FULL_PASSES;
  return args;
}

function usage(error) {
  const text = 'usage: npm run bench [-- --quick] [-- --passes N] [-- --sets a,b] [-- --redraw] [-- --combine A.json B.json…]\n';
  if (error === undefined) {
    process.stdout.write(text);
    process.exit(0);
  }
  process.stderr.write(`bench: ${error}\n${text}`);
  process.exit(2);
}

const note = (message) => process.stderr.write(`bench: ${message}\n`);

// ── data ────────────────────────────────────────────────────────────────────────────────────────────────

/** The pages of a set in memory: decoded HTML, text dump, reference and URL, by sorted id. */
function loadSet(set, quick) {
  const dir = join(DATASETS, set.name);
  const urls = new Map(
    readFileSync(join(dir, 'index.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line))
      .map((entry) => [entry.id, entry.url]),
  );
  const ids = readdirSync(join(dir, 'gold'))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => name.slice(0, -'.txt'.length))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const chosen = quick ? ids.filter((_, i) => i % set.quickStride === 0) : ids;
  let undecodable = 0;
  const pages = chosen.map((id) => {
    const bytes = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`)));
    // The page's own charset (meta, BOM, sniffing) decides, once, for every tool alike.
    const decoded = decodeInput(bytes, { hint: 'html' });
    if (!decoded.ok) undecodable++;
    return {
      id,
      url: pageUrl(urls.get(id), id),
      html: decoded.ok ? decoded.text : '',
      text: readFileSync(join(dir, 'text', `${id}.txt`), 'utf8'),
      lynx: readFileSync(join(dir, 'text-lynx', `${id}.txt`), 'utf8'),
      gold: readFileSync(join(dir, 'gold', `${id}.txt`), 'utf8'),
    };
  });
  if (undecodable > 0) note(`${set.name}: ${undecodable} pages could not be decoded; every tool gets ""`);
  return pages;
}

/** The page's URL from the index; a stand-in for the few pages whose index has none (or a broken one). */
function pageUrl(url, id) {
  return typeof url === 'string' && URL.canParse(url) ? url : `https://example.invalid/${id}`;
}

// ── running ─────────────────────────────────────────────────────────────────────────────────────────────

/** An empty tally of a tool's timed passes: their times, the pages that threw, the scored pass's outputs. */
function newTally(passes) {
  return { ms: new Array(passes).fill(0), errors: 0, firstError: undefined, outputs: [], crashed: undefined };
}

/**
 * Runs a tool over pages [start, end) of a set: one child process (bench/child.mjs) per `chunkPages` of them, one
 * after the other, each warming up and then timing every pass. Adds what they measured to `tally`, or sets
 * `tally.crashed` when one died (and stops).
 */
async function toolRange(tally, job, start, end, chunkPages) {
  for (let from = start; from < end && tally.crashed === undefined; from += chunkPages) {
    const result = await childChunk({ ...job, start: from, end: Math.min(end, from + chunkPages) });
    if (result.crashed !== undefined) {
      tally.crashed = result.crashed;
      break;
    }
    result.ms.forEach((ms, i) => (tally.ms[i] += ms));
    tally.errors += result.errors;
    tally.firstError ??= result.firstError;
    tally.outputs.push(...result.outputs);
  }
  return tally;
}

/** One chunk in one child process. */
function childChunk(job) {
  return new Promise((resolve) => {
    let result;
    const child = fork(CHILD, [JSON.stringify(job)], { execArgv: CHILD_NODE_OPTIONS, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    // The head and the tail of stderr: V8 prints why it aborted first, then a long native stack.
    child.stderr.on('data', (chunk) => (stderr = stderr.length < 4000 ? stderr + chunk : stderr.slice(0, 2000) + String(chunk).slice(-2000)));
    child.on('message', (message) => (result = message));
    child.on('exit', (code, signal) => {
      if (result !== undefined) resolve(result);
      else resolve({ crashed: `pages ${job.start}–${job.end - 1}, ${signal ?? `exit code ${code}`}: ${crashReason(stderr)}` });
    });
  });
}

/** The line of a dead child's stderr that says why (V8's "FATAL ERROR: …"), else its last line. */
function crashReason(stderr) {
  const lines = stderr.trim().split('\n');
  return lines.find((line) => /FATAL|out of memory|Error:/i.test(line))?.trim() ?? lines.at(-1)?.trim() ?? 'no message';
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Scores a scored pass's outputs; a crashed pass scores as empty output on every page. */
function scorePass(result, pages, toolId) {
  if (result.crashed !== undefined) note(`${toolId}: the process died (${result.crashed}); scored as empty output`);
  else if (result.firstError !== undefined) note(`${toolId}: ${result.errors} pages threw (first: ${result.firstError})`);
  const outputs = result.crashed === undefined ? result.outputs : [];
  const rows = pages.map((page, i) => ({ id: page.id, ...benchmarkScores(outputs[i] ?? '', page.gold) }));
  return { summary: aggregate(rows), errors: result.crashed !== undefined ? pages.length : result.errors };
}

async function benchSet(set, args) {
  const tools = TOOLS.filter((tool) => !args.quick || tool.quick !== false);
  const passes = args.passes;
  const started = performance.now();
  const pages = loadSet(set, args.quick);
  const pack = join(os.tmpdir(), `declutter-bench-${process.pid}-${set.name}.pack`);
  writePack(pack, pages);
  temporaryFiles.push(pack);
  for (const page of pages) page.html = page.text = page.lynx = undefined; // the children read the pack; the parent scores
  note(`${set.name}: ${pages.length} pages loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const warmup = WARMUP_PAGES;

  // Chunk by chunk, tool after tool: each tool's process warms up on the chunk and times every pass of it, so a
  // burst of load from other work on the machine falls on every tool alike. A tool's pass is the sum of its pass
  // over the chunks; the first pass's outputs are the ones scored.
  const results = new Map(tools.map((tool) => [tool.id, { tool, ...newTally(tool.timing?.passes ?? passes) }]));
  for (let start = 0; start < pages.length; start += CHUNK_PAGES) {
    const end = Math.min(pages.length, start + CHUNK_PAGES);
    for (const tool of tools) {
      await toolRange(results.get(tool.id), { pack, tool: tool.id, warmup, passes }, start, end, tool.chunkPages ?? CHUNK_PAGES);
    }
    note(`${set.name}: pages ${start}–${end - 1} of ${pages.length} done`);
  }
  for (const entry of results.values()) {
    Object.assign(entry, scorePass(entry, pages, entry.tool.id));
    if (entry.tool.scored !== false) note(`${set.name}: ${entry.tool.id}: Zyte F1 ${entry.summary.zyte.f1.toFixed(3)}`);
  }
  const check =
    set.name === 'scrapinghub' && !args.quick
      ? scorePass(await toolRange(newTally(1), { pack, tool: TEXT_CONTENT_CHECK.id, warmup: 0, passes: 1 }, 0, pages.length, CHUNK_PAGES), pages, TEXT_CONTENT_CHECK.id).summary
      : undefined;
  return {
    set,
    pages: pages.length,
    passes,
    tools: [
      ...[...results.values()].map((r) => ({
        id: r.tool.id,
        label: r.tool.label + (r.tool.timing === undefined || args.quick ? '' : ' ¹'),
        input: r.tool.input,
        ...(r.tool.scored === false ? { scored: false } : {}),
        summary: r.summary,
        errors: r.errors,
        pagesPerSecond: r.crashed !== undefined ? NaN : pages.length / (median(r.ms) / 1000),
        passesMs: r.crashed !== undefined ? [] : r.ms,
      })),
      ...(set.name === 'scrapinghub' ? storedOutputRows(pages) : []),
    ],
    textContentCheck: check,
  };
}

/** The stored outputs' rows: each system scored on the same pages (the quick run's subset too), untimed. */
function storedOutputRows(pages) {
  if (!existsSync(STORED_OUTPUTS)) return [];
  return readdirSync(STORED_OUTPUTS)
    .filter((name) => name.endsWith('.json.gz'))
    .sort()
    .map((name) => {
      const json = JSON.parse(gunzipSync(readFileSync(join(STORED_OUTPUTS, name))).toString('utf8'));
      const outputs = json.output ?? json;
      const system = name.slice(0, -'.json.gz'.length);
      const rows = pages.map((page) => ({ id: page.id, ...benchmarkScores(outputs[page.id]?.articleBody ?? '', page.gold) }));
      return {
        id: `stored:${system}`,
        label: `${system}${typeof json.version === 'string' ? ` ${json.version}` : ''} (stored outputs)`,
        input: 'stored',
        summary: aggregate(rows),
        errors: 0,
        pagesPerSecond: NaN,
        passesMs: [],
      };
    })
    .sort((a, b) => b.summary.zyte.f1 - a.summary.zyte.f1);
}

// ── reporting ───────────────────────────────────────────────────────────────────────────────────────────

const f3 = (x) => x.toFixed(3);

function speed(x) {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/** The rows of the table, one per set and tool. */
function tableRows(runs) {
  const rows = [];
  for (const run of runs) {
    const declutter = run.tools.find((t) => t.id === 'declutter');
    for (const t of run.tools) {
      const { zyte, words } = t.summary;
      const timed = Number.isFinite(t.pagesPerSecond);
      const ratio = declutter.pagesPerSecond / t.pagesPerSecond;
      const multiple = t.id.startsWith('declutter') || !timed ? '—' : `${ratio.toFixed(ratio < 1 ? 2 : 1)}×`;
      const scored = t.scored !== false;
      rows.push([
        run.set.name,
        t.label,
        scored ? f3(zyte.f1) : '—',
        scored ? f3(zyte.precision) : '—',
        scored ? f3(zyte.recall) : '—',
        scored ? f3(words.f1) : '—',
        timed ? speed(t.pagesPerSecond) : '—',
        multiple,
        String(t.errors),
      ]);
    }
  }
  return rows;
}

const HEADER = ['set', 'tool', 'Zyte F1', 'P', 'R', 'word F1', 'pages/s', 'declutter speed ×', 'errors'];
const LEFT = 2; // the first two columns are names

function markdownTable(rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const rule = HEADER.map((_, i) => (i < LEFT ? '---' : '---:'));
  return [line(HEADER), line(rule), ...rows.map(line)].join('\n');
}

function plainTable(rows) {
  const all = [HEADER, ...rows];
  const widths = HEADER.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all
    .map((r) => r.map((c, i) => (i < LEFT ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd())
    .join('\n');
}

/** The check figures hold for whole sets only: a quick run checks nothing. */
function checkLines(runs, quick) {
  const sh = runs.find((r) => r.set.name === 'scrapinghub');
  if (sh === undefined || quick) return [];
  return CHECKS.map((check) => {
    const summary = check.tool === TEXT_CONTENT_CHECK.id ? sh.textContentCheck : sh.tools.find((t) => t.id === check.tool)?.summary;
    const got = summary?.zyte.f1 ?? NaN;
    const ok = Math.abs(got - check.expected) <= CHECK_TOLERANCE;
    return { ...check, got, ok };
  });
}

function gitDescription() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} with uncommitted changes in src/` : commit;
  } catch {
    return 'unknown commit';
  }
}

/** The commit the run measured: read when it starts, since the tree may move on while it runs. */
let measuredCommit;

function environment(args, loadStart, loadEnd, seconds) {
  const packages = [...new Set(TOOLS.flatMap((t) => t.packages))];
  const cpus = os.cpus();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    node: process.version,
    versions: packages.map((name) => `${name} ${versionOf(name, ROOT)}`),
    commit: (measuredCommit ??= gitDescription()),
    cpu: cpus[0]?.model ?? 'unknown CPU',
    cores: cpus.length,
    // The cores this process may run on (its CPU affinity, e.g. under `taskset`): the children inherit it.
    usableCores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    load: [loadStart, loadEnd],
    passes: args.passes,
    // The sets the run was asked for (--sets); fewer runs than these means the run was cut short.
    sets: args.sets.map((set) => set.name),
    seconds,
  };
}

/** Why the results hold fewer than the four sets, if they do. */
function pagesNote(runs, env) {
  const asked = env.sets ?? SETS.map((set) => set.name);
  const chosen = asked.length < SETS.length ? `; only ${asked.join(' and ')}, chosen with --sets` : '';
  return chosen + (runs.length < asked.length ? '; the run was cut short before the other sets' : '');
}

function resultsMarkdown(runs, env, checks, profile) {
  const pages = runs.map((r) => `${r.set.name} ${r.pages}`).join(', ');
  return `# Benchmark results

Written by \`npm run bench\` (bench/run.mjs). Do not edit by hand: run it again.

- **Date:** ${env.date}
- **Versions:** Node ${env.node}; ${env.versions.join('; ')} (declutter at ${env.commit})
- **Machine:** ${env.cpu}, ${env.cores} cores, ${env.memoryGiB} GiB (\`os.cpus()\`, \`os.totalmem()\`)
- **Run conditions:** ${runConditions(env)}
- **Pages:** ${pages} (every page${pagesNote(runs, env)}). HTML for every tool; the text dumps (w3m's
  in \`text/\`, lynx's in \`text-lynx/\`) for declutter only.
- **Method:** pages read, gunzipped and decoded (the page's own charset) to strings before any timing; every tool
  gets the same string. Time = parse + extract + conversion to text, one page at a time on one thread, summed over
  the set. Each tool runs in fresh Node processes, one per ${CHUNK_PAGES} pages (${TOOLS.filter((t) => t.chunkPages !== undefined).map((t) => `${t.label}: ${t.chunkPages}`).join(', ')}), each making one untimed warm-up pass over
  its pages and then every timed pass over them; the figure is the median of the timed passes (${runs.map((r) => `${r.set.name}: ${r.passes}`).join(', ')}, every tool),
  the tools taking turns chunk by chunk; the first timed pass's outputs are the ones scored. ¹ The two slowest
  tools (Readability.js on jsdom, defuddle) warm up on the first 10 pages of each chunk and make one timed pass. (Fresh processes because jsdom's per-window vm
  contexts are not all freed on Node 20, about 5 MB a page: one process running Readability on jsdom over a
  whole set ran out of an 8 GB heap.)
  The peers' HTML output becomes text by one shared function (bench/paragraphs.mjs: blocks → paragraphs, list
  items → lines, whitespace collapsed). A tool that throws on a page gets empty output for it (the errors column).
- **Scores:** by the published methods, exactly (see README, Scoring; \`test/score-published.test.ts\`): Zyte F1 =
  the scrapinghub article-extraction-benchmark method (Python's \`\\w+\` tokens, 4-token shingles; P over pages
  with output, R over all pages, F1 of the means); word F1 = the WCXB method (mean per-page F1 of the word bags
  of the lower-cased texts). Each set's published tables quote the first (scrapinghub) or the second (the
  others). \`declutter speed ×\` = declutter's pages/s (on HTML) divided by the tool's.
- **Stored outputs** (scrapinghub only): the outputs other systems' authors stored for these pages
  (\`scrapinghub/published/\`), scored by the same code; not run here, so no speed.

${markdownTable(tableRows(runs))}

![F1 against pages per second](chart.svg)

${profile === undefined ? '' : profileSection(profile)}## Check figures (scrapinghub, Zyte F1)

| what | expected | measured | within ${CHECK_TOLERANCE} |
|---|---:|---:|:---:|
${checks.map((c) => `| ${c.what} | ${c.expected.toFixed(3)} | ${f3(c.got)} | ${c.ok ? 'yes' : '**no**'} |`).join('\n')}

## Data

scrapinghub: Zyte (ScrapingHub) article-extraction-benchmark, MIT. wcxb-dev: WCXB, Web Content eXtraction
Benchmark (Murrough Foley, 2026), dev split, CC-BY-4.0. Figures on wcxb-dev are computed on WCXB's data.
dragnet-train: Dragnet benchmark data (Moz, 2013), train split, AGPL-3.0 (measured, never copied). cleaneval-dev:
CleanEval shared task (2007), development set.
`;
}

/** The "Where the time goes" section of results.md. */
function profileSection(profile) {
  return `## Where the time goes

\`node scripts/profile.mjs\`, run after the timed passes: V8's sampling profiler (one sample every 100 µs) over one
pass of the library on each set's HTML, strings already decoded (as timed above), every sample charged to the
pipeline stage of the nearest frame of declutter's or its parser's code on its stack (a regular expression or a
built-in counts for the code that called it). "decode" is the clean-up of the given string (input/); "parse" is
htmlparser2 and domhandler building the DOM.

${profileTable(profile, 8)}
`;
}

/**
 * One set of results from runs made side by side (--combine): every set must come from exactly one run, and every
 * run from the same commit, or the figures would not describe one extractor. Exits 2 when they do not.
 */
function combine(files) {
  const saved = files.map((file) => {
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      return usage(`${file}: not a results.json (${String(error.message).split('\n')[0]})`);
    }
  });
  const commits = [...new Set(saved.map((s) => s.env.commit))];
  if (commits.length > 1) usage(`the runs measured different commits (${commits.join(', ')})`);
  const runs = [];
  for (const set of SETS) {
    const found = saved.flatMap((s) => s.runs.filter((run) => run.set === set.name));
    if (found.length > 1) usage(`${set.name} was measured by more than one of the runs`);
    if (found.length === 1) runs.push({ ...found[0], set });
  }
  const profiles = saved.flatMap((s) => s.profile ?? []);
  const profile = SETS.flatMap((set) => profiles.filter((p) => p.set === set.name));
  const parts = saved.map((s) => ({ sets: s.runs.map((run) => run.set), date: s.env.date, load: s.env.load, seconds: s.env.seconds }));
  const env = {
    ...saved[0].env,
    date: parts.map((part) => part.date).sort().at(-1),
    load: [Math.min(...parts.map((part) => part.load[0])), Math.max(...parts.map((part) => part.load[1]))],
    seconds: Math.max(...parts.map((part) => part.seconds)),
    sets: runs.map((run) => run.set.name),
    parts,
  };
  writeResults(runs, env, { quick: false }, profile.length > 0 ? profile : undefined);
  note(`wrote bench/results.md, bench/chart.svg and bench/results.json from ${files.length} runs`);
}

/** How the results were measured: in one run, or in runs side by side (--combine). */
function runConditions(env) {
  const shared = `${env.usableCores < env.cores ? `pinned to ${env.usableCores} of the ${env.cores} cores (CPU affinity); ` : ''}a shared machine with other work running`;
  if (env.parts === undefined) {
    return `${shared}: load average ${env.load[0].toFixed(2)} at the start,
  ${env.load[1].toFixed(2)} at the end, on ${env.cores} cores. Speeds are comparable with each other (the tools' timed passes
  were interleaved) but not with a quiet machine. The run took ${Math.round(env.seconds / 60)} minutes of wall time.`;
  }
  const parts = env.parts.map((part, i) =>
    `run ${i + 1} (${part.sets.join(', ')}): ended ${part.date.replace('T', ' ').replace(/:\d\dZ$/, ' UTC')}, load average ${part.load[0].toFixed(2)} at the start and ${part.load[1].toFixed(2)} at the end, ${Math.round(part.seconds / 60)} minutes`);
  return `${shared}. ${env.parts.length} runs side by side on the same commit,
  each set measured whole in one of them (\`--combine\`): ${parts.join('; ')}, on ${env.cores} cores. Within a set the
  speeds are comparable with each other (the tools' timed passes were interleaved); across sets and with a quiet
  machine they are not.`;
}

/** Draws bench/chart.svg again from bench/results.json, without running anything. */
function redraw() {
  const saved = JSON.parse(readFileSync(join(BENCH, 'results.json'), 'utf8'));
  const runs = saved.runs.map((run) => ({ ...run, set: SETS.find((set) => set.name === run.set) }));
  writeFileSync(join(BENCH, 'chart.svg'), renderChart(runs));
  note('drew bench/chart.svg from bench/results.json');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.redraw) return redraw();
  if (args.combine !== undefined) return combine(args.combine);
  const loadStart = os.loadavg()[0];
  const started = performance.now();
  measuredCommit = gitDescription();
  const runs = [];
  try {
    for (const set of args.sets) {
      runs.push(await benchSet(set, args));
      // Written after each set, so a run cut short still leaves what it measured (results.md names the sets).
      if (!args.quick) writeResults(runs, environment(args, loadStart, os.loadavg()[0], (performance.now() - started) / 1000), args);
    }
  } finally {
    for (const file of temporaryFiles) rmSync(file, { force: true });
  }
  const profile = args.quick ? undefined : profileSets(runs);
  const seconds = (performance.now() - started) / 1000;
  const env = environment(args, loadStart, os.loadavg()[0], seconds);
  const checks = checkLines(runs, args.quick);
  if (profile !== undefined) writeResults(runs, env, args, profile);

  process.stdout.write(plainTable(tableRows(runs)) + '\n\n');
  for (const c of checks) {
    process.stdout.write(`check: ${c.what}: Zyte F1 ${f3(c.got)}, expected ${c.expected.toFixed(3)} ± ${CHECK_TOLERANCE}: ${c.ok ? 'ok' : 'OFF'}\n`);
  }
  const mode = args.quick
    ? `quick (every ${args.sets.map((s) => `${s.quickStride}th page of ${s.name}`).join(', ')}; no Readability.js + jsdom, no defuddle)`
    : 'full';
  process.stdout.write(
    `\n${mode}; timed passes: ${runs.map((r) => `${r.set.name} ${r.passes}`).join(', ')}; ${env.cpu}, ${env.cores} cores; ` +
      `load ${env.load.map((l) => l.toFixed(2)).join(' → ')}; ${seconds.toFixed(0)} s\n`,
  );
  if (args.quick) note('quick run: bench/results.md and bench/chart.svg are left as they are (they hold the full run)');
  else note('wrote bench/results.md, bench/chart.svg and bench/results.json');
}

/**
 * Where declutter's time goes on each measured set, stage by stage (scripts/profile.mjs: V8's sampling profiler in
 * a process of its own, after every timed pass, so the sampling slows no timed run). Undefined when it fails: the
 * timings stand without it.
 */
function profileSets(runs) {
  const sets = runs.map((run) => run.set.name).join(',');
  note(`profiling declutter on ${sets}`);
  try {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts', 'profile.mjs'), '--json', '--passes', '1', '--functions', '8', '--sets', sets], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(out);
  } catch (error) {
    note(`the profile failed (${String(error.message).split('\n')[0]}); results.md goes without it`);
    return undefined;
  }
}

/** Writes results.md, chart.svg and results.json for the sets measured so far. */
function writeResults(runs, env, args, profile = undefined) {
  writeFileSync(join(BENCH, 'results.md'), resultsMarkdown(runs, env, checkLines(runs, args.quick), profile));
  writeFileSync(join(BENCH, 'chart.svg'), renderChart(runs));
  const json = { env, runs: runs.map(({ set, ...rest }) => ({ set: set.name, ...rest })), ...(profile === undefined ? {} : { profile }) };
  writeFileSync(join(BENCH, 'results.json'), JSON.stringify(json, null, 2) + '\n');
}

// Interrupted (Ctrl-C, kill): the pack files go too.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const file of temporaryFiles) rmSync(file, { force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

await main();
