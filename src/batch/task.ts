/**
 * One page's work, as a worker thread does it: read, extract, render, and either write the output file
 * atomically or return the JSON line. Everything here is serialisable, so it crosses to a worker as is.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { declutter } from '../declutter.js';
import type { Article } from '../article.js';
import type { DeclutterOptions, Favor, InputHint } from '../options.js';
import { renderJson } from '../render/json.js';
import { REFUSAL_MESSAGES, renderFormat, wordCounts, type Format, type RenderOptions } from '../render/format.js';
import type { Identity } from './walk.js';
import { fsErrorReason } from '../fs-errors.js';

/** The options every worker runs with: plain data. */
export interface WorkerOptions extends RenderOptions {
  format: Format;
  /** Part of temporary file names: which shard writes them. */
  tmpTag: string;
  input: InputHint;
  favor: Favor;
  maxBytes: number;
  /** Give the readers' comments after the article (see DeclutterOptions.comments). */
  comments?: boolean;
}

/** Why a page failed, grouped the way the CLI's exit codes are. */
export type FailureCategory = 'unreadable' | 'rejected' | 'timeout' | 'unwritable' | 'internal';

export interface Task {
  id: number;
  /** A page file to read, or a page's content taken from a container. */
  file?: string;
  payload?: string | Uint8Array;
  /** From the container: what the payload is, when the user did not say. */
  kind?: 'html' | 'text' | 'auto';
  url?: string;
  /** The HTTP Content-Type the page was served with (WARC responses). */
  contentType?: string;
  /** Tree output: the absolute path to write. JSON Lines output: the identity that starts the line. */
  outPath?: string;
  identity?: Identity;
}

export type TaskResult =
  | { id: number; ok: true; empty: boolean; words: number; line?: string }
  | { id: number; ok: false; reason: string; category: FailureCategory };

/**
 * The temporary name an output is written under before it is renamed into place:
 * `.NAME.tmp-TAG-PID-TASK`. TAG names the shard ("1of1" without --shard), so a shard cleaning up after an
 * interrupted run of itself never touches the files another shard is writing in the same folder.
 */
export function temporaryPath(outPath: string, taskId: number, tag: string, pid = process.pid): string {
  return join(dirname(outPath), `.${basename(outPath)}.tmp-${tag}-${pid}-${taskId}`);
}

/**
 * A test for the temporary files of a run with this tag (any process), which a later run may remove. Built once
 * per run: a resumed run checks every file of the output tree.
 */
export function temporaryNameTest(tag: string): (name: string) => boolean {
  const pattern = new RegExp(`\\.tmp-${tag}-\\d+-\\d+$`);
  return (name) => name.startsWith('.') && pattern.test(name);
}

/** The output file's content: the article in the run's format, with a final newline unless it is empty. */
function render(article: Article, opts: WorkerOptions): string {
  const out = renderFormat(article, opts.format, opts);
  return out === '' ? '' : out + '\n';
}

/** The line of JSON Lines output: who, then the article in the chosen format. */
function jsonLine(identity: Identity, article: Article, opts: WorkerOptions): string {
  if (opts.format === 'json') {
    return JSON.stringify({ ...identity, ...(JSON.parse(renderJson(article, opts)) as object) }) + '\n';
  }
  return (
    JSON.stringify({
      ...identity,
      ok: article.ok,
      ...(article.reason === undefined ? {} : { reason: article.reason }),
      confidence: article.confidence,
      title: article.metadata.title ?? null,
      [opts.format]: renderFormat(article, opts.format, opts),
    }) + '\n'
  );
}

const createdFolders = new Set<string>();

/** Writes to a temporary name in the same folder, then renames: a reader never sees half a file. */
export function writeAtomically(outPath: string, data: string, taskId: number, tag: string): void {
  const folder = dirname(outPath);
  if (!createdFolders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    createdFolders.add(folder);
  }
  const tmp = temporaryPath(outPath, taskId, tag);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, outPath);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * The extraction options of a task: the run's, the kind the container says when the user did not choose one, the
 * record's URL when it is one, and the HTTP Content-Type a WARC response was served with (its charset outranks
 * the page's own declarations).
 */
function extractionOptions(task: Task, opts: WorkerOptions): Partial<DeclutterOptions> {
  return {
    input: opts.input !== 'auto' ? opts.input : task.kind ?? 'auto',
    favor: opts.favor,
    maxBytes: opts.maxBytes,
    ...(opts.comments === true ? { comments: true } : {}),
    ...(task.url !== undefined && URL.canParse(task.url) ? { url: task.url } : {}),
    ...(task.contentType === undefined ? {} : { contentType: task.contentType }),
  };
}

/** Runs one task. Never throws: every failure is a result with a one-line reason. */
export function runTask(task: Task, opts: WorkerOptions): TaskResult {
  let input: string | Uint8Array;
  if (task.file !== undefined) {
    try {
      // Size and kind first: a file over the limit is refused unread, and a device or a pipe is never read.
      const info = statSync(task.file);
      if (!info.isFile()) return { id: task.id, ok: false, reason: 'not a regular file', category: 'unreadable' };
      if (info.size > opts.maxBytes) return { id: task.id, ok: false, reason: REFUSAL_MESSAGES['too-large'] as string, category: 'rejected' };
      input = readFileSync(task.file);
    } catch (err) {
      return { id: task.id, ok: false, reason: fsErrorReason(err, 'file'), category: 'unreadable' };
    }
  } else {
    input = task.payload ?? '';
  }
  let article: Article;
  try {
    article = declutter(input, extractionOptions(task, opts));
  } catch (err) {
    return { id: task.id, ok: false, reason: `internal error: ${(err as Error)?.message?.split('\n')[0] ?? String(err)}`, category: 'internal' };
  }
  const rejection = article.reason === undefined ? undefined : REFUSAL_MESSAGES[article.reason];
  if (rejection !== undefined) return { id: task.id, ok: false, reason: rejection, category: 'rejected' };

  const words = wordCounts(article).kept;
  const empty = !article.ok;
  if (task.outPath === undefined) return { id: task.id, ok: true, empty, words, line: jsonLine(task.identity ?? {}, article, opts) };
  try {
    writeAtomically(task.outPath, render(article, opts), task.id, opts.tmpTag);
  } catch (err) {
    return { id: task.id, ok: false, reason: `cannot write output: ${fsErrorReason(err, 'output')}`, category: 'unwritable' };
  }
  return { id: task.id, ok: true, empty, words };
}
