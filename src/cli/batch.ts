/** `declutter batch INPUT... --out DEST`: many pages on every core, resumable, shardable. */
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import cliProgress from 'cli-progress';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { parseShard, type Shard } from '../batch/names.js';
import { FORMATS, type Format } from '../render/format.js';
import { BATCH_DEFAULTS, BatchUsageError, OutputClosedError, OutputError, runBatch, type BatchProgress, type BatchSummary, type Failure } from '../batch/run.js';
import { DEFAULT_OPTIONS, type Favor, type InputHint } from '../options.js';
import type { CommandContext } from './context.js';
import { CliError, EXIT } from './exit-codes.js';
import { plural } from './format.js';
import { parseByteSize } from './parse.js';

interface BatchFlags {
  out: string;
  format: Format;
  links?: boolean;
  input: InputHint;
  favor: Favor;
  maxBytes: number;
  jobs: number;
  pageTimeout: number;
  resume?: boolean;
  shard?: Shard;
  failures?: string;
  quiet?: boolean;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

function positiveSeconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of seconds greater than zero');
  return n;
}

function shardArgument(value: string): Shard {
  const shard = parseShard(value);
  if (shard === undefined) throw new InvalidArgumentError('expected K/N with 1 ≤ K ≤ N, e.g. 3/8');
  return shard;
}

const count = (n: number) => n.toLocaleString('en-US');

export function registerBatch(program: Command, ctx: CommandContext): void {
  program
    .command('batch')
    .description('clean many pages: folders, globs, files, JSON Lines (.jsonl, "-" for stdin), WARC/WET archives')
    .argument('<inputs...>', 'folders (walked recursively), files, quoted globs, .jsonl/.warc/.wet files (optionally .gz), or "-"')
    .requiredOption('-o, --out <dest>', 'a folder (mirrors the inputs), a .jsonl file, or "-" for JSON Lines on stdout')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--links', 'keep links (markdown, html, json), as in the clean command')
    .addOption(new Option('--input <kind>', 'treat every page as html or text instead of sniffing it').choices(['auto', 'html', 'text']).default(DEFAULT_OPTIONS.input))
    .addOption(new Option('--favor <preset>', 'prefer precision (less noise) or recall (less loss)').choices(['balanced', 'precision', 'recall']).default(DEFAULT_OPTIONS.favor))
    .addOption(new Option('--max-bytes <size>', 'refuse pages larger than this (e.g. 64MB)').argParser(parseByteSize).default(DEFAULT_OPTIONS.maxBytes, '64MB'))
    .addOption(new Option('-j, --jobs <n>', 'worker threads').argParser(positiveInteger).default(availableParallelism(), 'one per core'))
    .addOption(new Option('--page-timeout <seconds>', 'time budget per page; a page over it fails and its worker is replaced').argParser(positiveSeconds).default(BATCH_DEFAULTS.pageTimeout))
    .option('--resume', 'finish an interrupted run: keep what is complete, redo the rest')
    .addOption(new Option('--shard <K/N>', 'take only the K-th of N deterministic parts of the inputs (1 ≤ K ≤ N)').argParser(shardArgument))
    .option('--failures <file>', 'where to list failed pages (JSON Lines); default DEST/failures.jsonl, or NAME.failures.jsonl beside a .jsonl')
    .option('-q, --quiet', 'no progress bar, no summary')
    .action(async (inputs: string[], flags: BatchFlags) => {
      const { io } = ctx;
      const interactive = io.stderr.isTTY === true && flags.quiet !== true;
      if (inputs.includes('-') && io.stdin.isTTY === true) {
        throw new CliError('"-" reads JSON Lines from standard input, but standard input is a terminal', EXIT.USAGE);
      }
      const bar = interactive ? progressBar(io.stderr) : undefined;
      let total = 0;
      let summary: BatchSummary;
      try {
        summary = await runBatch(
          {
            inputs,
            out: flags.out,
            format: flags.format,
            links: flags.links === true,
            input: flags.input,
            favor: flags.favor,
            maxBytes: flags.maxBytes,
            jobs: flags.jobs,
            pageTimeout: flags.pageTimeout,
            resume: flags.resume === true,
            ...(flags.shard === undefined ? {} : { shard: flags.shard }),
            ...(flags.failures === undefined ? {} : { failures: flags.failures }),
            stdin: io.stdin,
            stdout: io.stdout,
          },
          {
            ...(bar === undefined
              ? {}
              : {
                  onTotal: (n: number) => {
                    total = n;
                  },
                  onProgress: (p: Readonly<BatchProgress>) => bar.update(p, total),
                }),
            onFailure: (failure: Failure) => {
              // Without a failures report (JSON Lines on stdout), each failure is one line on stderr.
              if (flags.out === '-' && flags.failures === undefined && flags.quiet !== true) {
                bar?.clear();
                io.stderr.write(`declutter: ${describe(failure)}: ${failure.reason}\n`);
              }
            },
          },
        );
      } catch (err) {
        bar?.stop();
        if (err instanceof BatchUsageError) throw new CliError(err.message, EXIT.USAGE);
        if (err instanceof OutputClosedError) return; // the reader had enough, as with `| head`
        if (err instanceof OutputError) throw new CliError(err.message, EXIT.CANNOT_WRITE);
        throw err;
      }
      bar?.stop();
      if (interactive) io.stderr.write(renderBatchSummary(summary));
      else if (summary.failed > 0 && flags.quiet !== true && summary.failuresPath !== undefined) {
        io.stderr.write(
          `declutter: ${count(summary.failed)} of ${count(summary.settled)} ${plural(summary.settled, 'page', 'pages')} failed; see ${shown(summary.failuresPath)}\n`,
        );
      }
      ctx.exitCode = summary.failed > 0 ? EXIT.SOME_FAILED : EXIT.OK;
    });
}

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function describe(failure: Failure): string {
  const { path, source, id, url, line } = failure.identity;
  if (path !== undefined) return path;
  const name = id ?? url ?? (line === undefined ? 'record' : `line ${line}`);
  return source === undefined ? name : `${source}: ${name}`;
}

/** The summary printed on a terminal at the end of a run. */
export function renderBatchSummary(s: BatchSummary): string {
  const rate = s.seconds > 0 ? s.extracted / s.seconds : 0;
  const lines = [
    `declutter: ${count(s.settled)} ${plural(s.settled, 'page', 'pages')} in ${s.seconds.toFixed(1)} s (${rate.toFixed(1)} pages/s)`,
    `  ${count(s.extracted - s.empty)} extracted, ${count(s.empty)} with no main content (empty output), ${count(s.failed)} failed` +
      (s.failuresPath === undefined ? '' : ` (see ${shown(s.failuresPath)})`) +
      (s.skipped > 0 ? `, ${count(s.skipped)} already done` : ''),
    `  ${count(s.words)} ${plural(s.words, 'word', 'words')} kept`,
  ];
  return lines.join('\n') + '\n';
}

/** "45s", "3m05s", "2h07m". */
function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

interface Bar {
  update(p: Readonly<BatchProgress>, counted: number): void;
  clear(): void;
  stop(): void;
}

/** A progress bar on stderr: done/total, pages per second, ETA, failures. */
function progressBar(stream: NodeJS.WritableStream): Bar {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{bar} {value}/{total} | {rate} pages/s | ETA {remaining} | {failed} failed',
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let running = false;
  return {
    update(p, counted) {
      const total = Math.max(counted, p.total, 1);
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? (p.settled - p.skipped) / seconds : 0;
      const payload = { rate: rate.toFixed(1), remaining: rate > 0 ? duration((total - p.settled) / rate) : '…', failed: p.failed };
      if (!running) {
        bar.start(total, p.settled, payload);
        running = true;
      }
      if (bar.getTotal() !== total) bar.setTotal(total);
      bar.update(p.settled, payload);
    },
    clear() {
      if (running) stream.write('\r\x1b[K'); // the line below replaces the bar, which redraws under it
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
