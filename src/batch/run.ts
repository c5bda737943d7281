/**
 * The batch run: inputs stream in, a bounded window of pages goes out to the worker pool, results come back
 * in any order and are written in input order, so the outputs and reports never depend on scheduling.
 *
 *   walk ─► shard ─► resume? ─► window ─► workers ─► reorder ─► outputs + failures report + progress
 */
import { closeSync, ftruncateSync, openSync, readSync, fstatSync, rmSync, rmdirSync, writeSync, mkdirSync, realpathSync } from 'node:fs';
import { access, opendir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { DEFAULT_OPTIONS } from '../options.js';
import { renderOptionsOf } from '../render/format.js';
import { FORMAT_EXTENSIONS, shardOf, type Shard } from './names.js';
import { WorkerPool } from './pool.js';
import { temporaryNameTest, type FailureCategory, type Task, type TaskResult, type WorkerOptions } from './task.js';
import { fsErrorReason } from '../fs-errors.js';
import { BatchUsageError, planInputs, walkInputs, type FileItem, type Identity, type InputPlan, type RecordItem, type WorkItem } from './walk.js';

/** Defaults of the batch-only options (the extraction options take theirs from DEFAULT_OPTIONS). */
export const BATCH_DEFAULTS = Object.freeze({
  /** Seconds a page may take before it is recorded as failed and its worker replaced. */
  pageTimeout: 30,
});

export interface BatchOptions extends Omit<WorkerOptions, 'tmpTag'> {
  inputs: string[];
  /** A folder (mirrored tree), a `.jsonl` file, or "-" for JSON Lines on stdout. */
  out: string;
  jobs: number;
  /** Per-page time budget, in seconds. */
  pageTimeout: number;
  resume: boolean;
  shard?: Shard;
  /** Where failed pages are listed (JSON Lines); defaults beside the output. */
  failures?: string;
  stdin?: NodeJS.ReadableStream;
  stdout?: NodeJS.WritableStream;
  cwd?: string;
}

/** A batch as a library caller describes it: the inputs and the output; the rest defaults as in the CLI. */
export type BatchRequest = Pick<BatchOptions, 'inputs' | 'out'> & Partial<Omit<BatchOptions, 'inputs' | 'out'>>;

/** The full options of a request: text output, one worker per core, the extraction's own defaults. */
export function batchOptions(request: BatchRequest): BatchOptions {
  return {
    format: 'text',
    input: DEFAULT_OPTIONS.input,
    favor: DEFAULT_OPTIONS.favor,
    maxBytes: DEFAULT_OPTIONS.maxBytes,
    jobs: availableParallelism(),
    pageTimeout: BATCH_DEFAULTS.pageTimeout,
    resume: false,
    ...request,
  };
}

export interface Failure {
  identity: Identity;
  reason: string;
  category: FailureCategory;
}

export interface BatchProgress {
  /** Pages settled so far (done, empty, failed or skipped). */
  settled: number;
  /** Pages known so far; grows while containers are read. */
  total: number;
  extracted: number;
  empty: number;
  failed: number;
  skipped: number;
  words: number;
  /** Files of the walked folders that are not pages (images, stylesheets…), left alone. */
  ignored: number;
}

export interface BatchSummary extends BatchProgress {
  seconds: number;
  /** The failures report, when one was written. */
  failuresPath?: string;
  /** The manifest of a tree's records (which output holds which record), when one was written. */
  manifestPath?: string;
}

export interface BatchEvents {
  /** The number of pages to expect (pages in folders and files; records are added as they are read). */
  onTotal?(total: number): void;
  onProgress?(progress: Readonly<BatchProgress>): void;
  onFailure?(failure: Failure): void;
}

type OutMode = { type: 'tree'; dir: string } | { type: 'jsonl'; file: string } | { type: 'stdout' };

function outMode(out: string, cwd: string): OutMode {
  if (out === '-') return { type: 'stdout' };
  if (/\.jsonl$/i.test(out)) return { type: 'jsonl', file: resolve(cwd, out) };
  return { type: 'tree', dir: resolve(cwd, out) };
}

/**
 * Pages handed to the pool per worker: one running, one queued, so a worker that finishes starts its next page
 * at once instead of waiting for the main thread. A page's time budget starts when a worker takes it.
 */
const QUEUED_PER_WORKER = 2;

/** Results waiting for the pages before them. Larger in tree mode, where an entry holds no output text. */
function windowSize(mode: OutMode, jobs: number): number {
  return mode.type === 'tree' ? Math.max(256, jobs * 64) : Math.max(16, jobs * 8);
}

type Outcome =
  | { type: 'done'; empty: boolean; words: number; line?: string }
  | { type: 'failed'; failure: Failure }
  | { type: 'skipped' };

/** A line of a tree's manifest: a record of a container (who it is) and the output that holds it. */
type ManifestEntry = Identity & { output: string };

/** Appends lines to a file with plain write(2) calls: in order, and complete in the file once written. */
class LineFile {
  private fd: number | undefined;
  /** True once a write opened (created) the file. */
  written = false;
  constructor(readonly path: string) {}
  write(line: string): void {
    try {
      if (this.fd === undefined) this.fd = openSync(this.path, 'a');
      this.written = true;
      const bytes = Buffer.from(line, 'utf8');
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done);
    } catch (err) {
      throw new OutputError(this.path, err);
    }
  }
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * Prepares a JSON Lines file for resuming: drops a partial last line (an interrupted write) and returns the
 * number of complete lines.
 */
export function completeLines(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, 'r+');
  } catch {
    return 0;
  }
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.alloc(1 << 20);
    let lines = 0;
    let lastNewline = -1;
    for (let pos = 0; pos < size; ) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) break;
      for (let at = buf.indexOf(0x0a, 0); at !== -1 && at < n; at = buf.indexOf(0x0a, at + 1)) {
        lines++;
        lastNewline = pos + at;
      }
      pos += n;
    }
    if (lastNewline + 1 < size) ftruncateSync(fd, lastNewline + 1);
    return lines;
  } finally {
    closeSync(fd);
  }
}

/** Removes the temporary files an interrupted run left in the output tree. */
async function removeTemporaries(dir: string, tag: string): Promise<void> {
  const isTemporary = temporaryNameTest(tag);
  const stack = [dir];
  while (stack.length > 0) {
    const folder = stack.pop() as string;
    let handle;
    try {
      handle = await opendir(folder);
    } catch {
      continue;
    }
    for await (const entry of handle) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (isTemporary(entry.name)) await rm(path, { force: true });
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Resolves waiters whenever something settles, so the producer can wait for room without polling. */
class Signal {
  private waiters: (() => void)[] = [];
  wait(): Promise<void> {
    return new Promise((r) => this.waiters.push(r));
  }
  notify(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const r of w) r();
  }
}

/** Checks the command line's paths, creates the output, and resolves the plan of inputs. */
async function prepare(opts: BatchOptions, mode: OutMode, cwd: string): Promise<{ plan: InputPlan; exclude?: string; created: boolean }> {
  if (opts.inputs.length === 0) throw new BatchUsageError('no input: give folders, files, globs, or "-" for JSON Lines on stdin');
  if (/\.jsonl\.gz$/i.test(opts.out)) throw new BatchUsageError('--out cannot write gzip: give a .jsonl file, or "-" and pipe it through gzip');
  if (opts.resume && mode.type === 'stdout') throw new BatchUsageError('--resume needs --out to be a folder or a .jsonl file, not "-"');
  const plan = await planInputs(opts.inputs, cwd);
  if (mode.type === 'jsonl') {
    for (const root of plan.roots) {
      if (root.type === 'file' && root.path === mode.file) throw new BatchUsageError(`--out ${opts.out} is also an input`);
    }
  }
  if (mode.type !== 'tree') return { plan, created: false };
  for (const root of plan.roots) {
    if (root.type === 'folder' || root.type === 'glob' || root.type === 'file') {
      if (mode.dir === root.path || root.path.startsWith(mode.dir + sep)) {
        throw new BatchUsageError(`--out ${opts.out} holds the input ${root.path}: outputs would mix with the pages`);
      }
    }
  }
  try {
    const created = mkdirSync(mode.dir, { recursive: true }) !== undefined;
    return { plan, exclude: realpathSync(mode.dir), created };
  } catch (err) {
    throw new OutputError(mode.dir, err);
  }
}

function failuresPathFor(opts: BatchOptions, mode: OutMode, cwd: string): string | undefined {
  if (opts.failures !== undefined) return resolve(cwd, opts.failures);
  // Shards writing into one folder each keep their own report.
  if (mode.type === 'tree') return join(mode.dir, opts.shard === undefined ? 'failures.jsonl' : `failures.${opts.shard.index}-of-${opts.shard.count}.jsonl`);
  if (mode.type === 'jsonl') return mode.file.replace(/\.jsonl$/i, '.failures.jsonl');
  return undefined;
}

/** Runs a batch to the end and returns its summary. Usage problems throw BatchUsageError before any work. */
export async function runBatch(opts: BatchOptions, events: BatchEvents = {}): Promise<BatchSummary> {
  const started = process.hrtime.bigint();
  const cwd = opts.cwd ?? process.cwd();
  const mode = outMode(opts.out, cwd);
  const { plan, exclude, created } = await prepare(opts, mode, cwd);
  const extension = FORMAT_EXTENSIONS[opts.format];
  const tmpTag = opts.shard === undefined ? '1of1' : `${opts.shard.index}of${opts.shard.count}`;
  const walk = walkInputs(plan, { extension, ...(exclude === undefined ? {} : { exclude }), ...(opts.stdin === undefined ? {} : { stdin: opts.stdin }), cwd });
  const items = await someInput(walk);
  if (items === undefined) {
    if (created) removeIfEmpty(mode);
    throw new BatchUsageError(`no pages matched ${opts.inputs.join(' ')} (${PAGES_ARE})`);
  }
  const outputs = await prepareOutputs(opts, mode, cwd, tmpTag);
  const sink = new OrderedSink(outputs, events, windowSize(mode, opts.jobs));
  const worker: WorkerOptions = {
    tmpTag,
    format: opts.format,
    ...renderOptionsOf(opts),
    input: opts.input,
    favor: opts.favor,
    maxBytes: opts.maxBytes,
    comments: opts.comments === true,
  };
  const pool = new WorkerPool(opts.jobs, worker, opts.pageTimeout * 1000);

  // The expected total is counted on the side (folders and files only); the bar starts at once.
  if (events.onTotal !== undefined) void countPages(plan, extension, exclude, opts.shard).then((n) => events.onTotal?.(n));
  try {
    const fed = await feed(items, opts, mode, outputs.resumeAfter, sink, pool);
    await sink.settled(fed);
  } finally {
    await pool.close();
    sink.close();
    outputs.close();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return sink.summary(seconds);
}

/** What a folder walk takes, for the message when it takes nothing. */
const PAGES_ARE = 'pages are .html, .htm and .txt files, optionally .gz, and files holding HTML; JSON Lines and WARC files are named or globbed';

/**
 * The work items, unless every input is a folder or glob that matched no page (its other files left alone): then
 * undefined, before any output is made. The items read ahead are given again.
 */
async function someInput(items: AsyncGenerator<WorkItem>): Promise<AsyncIterable<WorkItem> | undefined> {
  const ahead: WorkItem[] = [];
  let next = await items.next();
  while (next.done !== true && (next.value.type === 'ignored' || (next.value.type === 'failed' && next.value.unmatched === true))) {
    ahead.push(next.value);
    next = await items.next();
  }
  if (next.done === true && ahead.some((item) => item.type === 'failed')) return undefined;
  const first = next;
  return (async function* () {
    yield* ahead;
    if (first.done === true) return;
    yield first.value;
    yield* items;
  })();
}

/** Removes the output folder (which the run made) when nothing was written into it. */
function removeIfEmpty(mode: OutMode): void {
  if (mode.type !== 'tree') return;
  try {
    rmdirSync(mode.dir);
  } catch {
    // Not empty, or not ours to remove: left as it is.
  }
}

/** The output files of a run, opened, and where an interrupted run it resumes left off. */
interface Outputs {
  /** JSON Lines output file (mode 'jsonl'). */
  output?: LineFile;
  /** JSON Lines on standard output (mode 'stdout'). */
  stdout?: NodeJS.WritableStream;
  failures?: LineFile;
  failuresPath?: string;
  /** A tree's manifest of records (opened on the first record). */
  manifest?: LineFile;
  /** Pages an interrupted JSON Lines run already wrote, to the output or the failures report. */
  resumeAfter: number;
  /** Failures an interrupted JSON Lines run already reported: they stay in the report and count as failed. */
  priorFailures: number;
  close(): void;
}

/**
 * Opens the outputs. Resume: in tree mode an output that exists is complete (outputs are renamed into place), so
 * only the temporary files left behind are removed; in JSON Lines mode every page wrote one line, to the output
 * or to the failures report, in input order, so the count of complete lines says where to go on. Without
 * --resume, earlier outputs and reports are replaced.
 */
async function prepareOutputs(opts: BatchOptions, mode: OutMode, cwd: string, tmpTag: string): Promise<Outputs> {
  const failuresPath = failuresPathFor(opts, mode, cwd);
  let resumeAfter = 0;
  let priorFailures = 0;
  const manifestPath = mode.type === 'tree' ? join(mode.dir, opts.shard === undefined ? 'manifest.jsonl' : `manifest.${opts.shard.index}-of-${opts.shard.count}.jsonl`) : undefined;
  if (mode.type === 'tree') {
    await removeTemporaries(mode.dir, tmpTag);
    if (failuresPath !== undefined) rmSync(failuresPath, { force: true });
    // Every record goes through the run again, done or skipped: the manifest is written whole each time.
    if (manifestPath !== undefined) rmSync(manifestPath, { force: true });
  } else if (mode.type === 'jsonl') {
    if (opts.resume) {
      priorFailures = failuresPath === undefined ? 0 : completeLines(failuresPath);
      resumeAfter = completeLines(mode.file) + priorFailures;
    } else {
      rmSync(mode.file, { force: true });
      if (failuresPath !== undefined) rmSync(failuresPath, { force: true });
    }
  } else if (failuresPath !== undefined) {
    rmSync(failuresPath, { force: true });
  }
  for (const file of [mode.type === 'jsonl' ? mode.file : undefined, failuresPath]) {
    if (file === undefined) continue;
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch (err) {
      throw new OutputError(dirname(file), err);
    }
  }
  const output = mode.type === 'jsonl' ? new LineFile(mode.file) : undefined;
  output?.write(''); // create the file even when no page succeeds
  const failures = failuresPath === undefined ? undefined : new LineFile(failuresPath);
  const manifest = manifestPath === undefined ? undefined : new LineFile(manifestPath);
  return {
    ...(output === undefined ? {} : { output }),
    ...(manifest === undefined ? {} : { manifest }),
    ...(mode.type === 'stdout' ? { stdout: opts.stdout ?? process.stdout } : {}),
    ...(failures === undefined ? {} : { failures }),
    ...(failuresPath === undefined ? {} : { failuresPath }),
    resumeAfter,
    priorFailures,
    close() {
      output?.close();
      failures?.close();
      manifest?.close();
    },
  };
}

/**
 * Streams the work items to the pool, at most a window ahead of the oldest unwritten result, and hands every
 * outcome to the sink under its input index. Returns the number of items fed.
 */
async function feed(items: AsyncIterable<WorkItem>, opts: BatchOptions, mode: OutMode, resumeAfter: number, sink: OrderedSink, pool: WorkerPool): Promise<number> {
  let index = 0;
  let inFlight = 0;
  for await (const item of items) {
    if (opts.shard !== undefined && shardOf(item.key, opts.shard.count) !== opts.shard.index) continue;
    if (item.type === 'ignored') {
      sink.ignored();
      continue;
    }
    const at = index++;
    sink.known(index);
    await sink.room(at, () => inFlight < opts.jobs * QUEUED_PER_WORKER);
    if (at < resumeAfter) {
      sink.settle(at, { type: 'skipped' });
      continue;
    }
    if (item.type === 'failed') {
      sink.settle(at, { type: 'failed', failure: { identity: item.identity, reason: item.reason, category: item.category } });
      continue;
    }
    const outPath = mode.type === 'tree' ? join(mode.dir, ...item.out.split('/')) : undefined;
    const entry: ManifestEntry | undefined = item.type === 'record' && mode.type === 'tree' ? { ...item.identity, output: item.out } : undefined;
    if (opts.resume && outPath !== undefined && (await exists(outPath))) {
      sink.settle(at, { type: 'skipped' }, entry);
      continue;
    }
    inFlight++;
    void pool.run(taskOf(at, item, outPath)).then((result) => {
      inFlight--;
      sink.settle(at, outcomeOf(result, item), entry);
    });
  }
  return index;
}

/** The task of a page: the file to read or the record's content, and where its output goes. */
function taskOf(id: number, item: FileItem | RecordItem, outPath: string | undefined): Task {
  return {
    id,
    ...(item.type === 'file'
      ? { file: item.path }
      : { payload: item.payload, kind: item.kind, ...(item.url === undefined ? {} : { url: item.url }), ...(item.contentType === undefined ? {} : { contentType: item.contentType }) }),
    ...(outPath === undefined ? { identity: item.identity } : { outPath }),
  };
}

/**
 * Writes outcomes in input order, whatever order they settle in: an outcome waits in a bounded window until
 * every one before it is written. Keeps the run's counts, and the first write error, which stops the run.
 */
class OrderedSink {
  private readonly results = new Map<number, { outcome: Outcome; entry: ManifestEntry | undefined }>();
  private readonly signal = new Signal();
  private readonly progress: BatchProgress;
  private flushIndex = 0;
  private flushing = false;
  /** The resumed pages that had failed are already counted as failed, not as skipped. */
  private uncountedPriorFailures: number;
  private anyFailure: boolean;
  /** A write to the output or the report failed (disk full…): the run stops with that error. */
  private fatal: unknown;
  private readonly onStdoutError = (err: NodeJS.ErrnoException): void => {
    this.fatal = err.code === 'EPIPE' ? new OutputClosedError('standard output was closed') : err;
    this.signal.notify();
  };

  constructor(
    private readonly outputs: Outputs,
    private readonly events: BatchEvents,
    private readonly window: number,
  ) {
    this.progress = { settled: 0, total: 0, extracted: 0, empty: 0, failed: outputs.priorFailures, skipped: 0, words: 0, ignored: 0 };
    this.uncountedPriorFailures = outputs.priorFailures;
    this.anyFailure = outputs.priorFailures > 0;
    const stdout = outputs.stdout;
    if (stdout !== undefined && typeof stdout.on === 'function') stdout.on('error', this.onStdoutError);
  }

  /** The number of pages known so far. */
  known(total: number): void {
    this.progress.total = Math.max(this.progress.total, total);
  }

  /** Waits until the page at `index` fits in the window and `ready()` holds (room in the pool's queue). */
  async room(index: number, ready: () => boolean): Promise<void> {
    while (index >= this.flushIndex + this.window || !ready()) await this.wait();
  }

  /**
   * Records the outcome of the page at `index`, with its manifest entry when it is a record of a tree; both are
   * written once the pages before it are.
   */
  settle(index: number, outcome: Outcome, entry?: ManifestEntry): void {
    this.results.set(index, { outcome, entry });
    void this.flush();
  }

  /** Counts a file of a walked folder that is not a page. */
  ignored(): void {
    this.progress.ignored++;
  }

  /** Waits until the first `count` outcomes are written. */
  async settled(count: number): Promise<void> {
    while (this.flushIndex < count) await this.wait();
  }

  summary(seconds: number): BatchSummary {
    const { failuresPath, manifest } = this.outputs;
    return {
      ...this.progress,
      seconds,
      ...(this.anyFailure && failuresPath !== undefined ? { failuresPath } : {}),
      ...(manifest?.written === true ? { manifestPath: manifest.path } : {}),
    };
  }

  close(): void {
    const stdout = this.outputs.stdout;
    if (stdout !== undefined && typeof stdout.off === 'function') stdout.off('error', this.onStdoutError);
  }

  private async wait(): Promise<void> {
    if (this.fatal !== undefined) throw this.fatal;
    await this.signal.wait();
    if (this.fatal !== undefined) throw this.fatal;
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (let next = this.results.get(this.flushIndex); next !== undefined; next = this.results.get(this.flushIndex)) {
        this.results.delete(this.flushIndex);
        if (next.entry !== undefined) this.outputs.manifest?.write(JSON.stringify(next.entry) + '\n');
        await this.record(next.outcome);
        this.flushIndex++;
      }
    } catch (err) {
      this.fatal = err;
    } finally {
      this.flushing = false;
    }
    this.signal.notify();
  }

  private async record(outcome: Outcome): Promise<void> {
    const progress = this.progress;
    progress.settled++;
    switch (outcome.type) {
      case 'skipped':
        if (this.uncountedPriorFailures > 0) this.uncountedPriorFailures--;
        else progress.skipped++;
        break;
      case 'failed': {
        progress.failed++;
        this.anyFailure = true;
        const { identity, reason, category } = outcome.failure;
        this.outputs.failures?.write(JSON.stringify({ ...identity, reason, category }) + '\n');
        this.events.onFailure?.(outcome.failure);
        break;
      }
      case 'done':
        progress.extracted++;
        if (outcome.empty) progress.empty++;
        progress.words += outcome.words;
        if (outcome.line !== undefined && this.fatal === undefined) await this.writeLine(outcome.line);
        break;
    }
    this.events.onProgress?.(progress);
  }

  private async writeLine(line: string): Promise<void> {
    const { output, stdout } = this.outputs;
    if (output !== undefined) output.write(line);
    else if (stdout !== undefined && !stdout.write(line)) await drained(stdout);
  }
}

function outcomeOf(result: TaskResult, item: WorkItem): Outcome {
  if (result.ok) return { type: 'done', empty: result.empty, words: result.words, ...(result.line === undefined ? {} : { line: result.line }) };
  return { type: 'failed', failure: { identity: item.identity, reason: result.reason, category: result.category } };
}

function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((r) => {
    if (typeof stream.once !== 'function') return r();
    const done = (): void => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      r();
    };
    stream.once('drain', done);
    stream.once('error', done);
    stream.once('close', done);
  });
}

/** The output (folder, JSON Lines file, failures report) cannot be created or written. */
export class OutputError extends Error {
  override name = 'OutputError';
  readonly code: string;
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
    super(`${path}: cannot be written: ${fsErrorReason(cause, 'output')}`);
    this.code = code;
  }
}

/** The reader of standard output went away (e.g. `| head`): the run stops quietly. */
export class OutputClosedError extends Error {
  override name = 'OutputClosedError';
}

/** Counts the pages of folders, globs and page files (containers are counted as they are read). */
async function countPages(plan: InputPlan, extension: string, exclude: string | undefined, shard: Shard | undefined): Promise<number> {
  const pagesOnly: InputPlan = { base: plan.base, roots: plan.roots.filter((r) => r.type !== 'stdin') };
  let n = 0;
  try {
    for await (const item of walkInputs(pagesOnly, { extension, ...(exclude === undefined ? {} : { exclude }), containers: false })) {
      if (item.type === 'ignored' || (item.type === 'failed' && item.unmatched === true)) continue;
      if (shard === undefined || shardOf(item.key, shard.count) === shard.index) n++;
    }
  } catch {
    // Counting is only for the progress bar.
  }
  return n;
}

export { BatchUsageError };
