/** `declutter batch INPUT... --out DEST`: many pages on every core, resumable, shardable. */
import { basename, relative } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { containerKind, type Shard } from '../batch/names.js';
import { renderOptionsOf, type RenderOptions } from '../render/format.js';
import { BatchUsageError, OutputClosedError, OutputError, runBatch, type BatchProgress, type BatchSummary, type Failure } from '../batch/run.js';
import type { Favor, Format, InputHint } from '../options.js';
import type { CommandContext } from './context.js';
import { CliError, EXIT } from './exit-codes.js';
import { plural } from './format.js';
import { addOptions, COMMAND_OPTIONS } from './specs.js';

interface BatchFlags extends RenderOptions {
  out: string;
  format: Format;
  json?: boolean;
  input: InputHint;
  favor: Favor;
  maxBytes: number;
  comments?: boolean;
  jobs: number;
  pageTimeout: number;
  resume?: boolean;
  shard?: Shard;
  failures?: string;
  quiet?: boolean;
}

const count = (n: number) => n.toLocaleString('en-US');

export function registerBatch(program: Command, ctx: CommandContext): void {
  const command = program
    .command('batch')
    .description('clean many pages: folders, globs, files, JSON Lines (.jsonl, "-" for stdin), WARC/WET archives')
    .argument('<inputs...>', 'folders (walked recursively), files, quoted globs, .jsonl/.warc/.wet files (optionally .gz), or "-"');
  addOptions(command, COMMAND_OPTIONS.batch)
    .action(async (inputs: string[], flags: BatchFlags) => {
      const { io } = ctx;
      const interactive = io.stderr.isTTY === true && flags.quiet !== true;
      if (inputs.includes('-') && io.stdin.isTTY === true) {
        throw new CliError('"-" reads JSON Lines from standard input, but standard input is a terminal', EXIT.USAGE);
      }
      // Records are counted as they are read: a run with standard input or a container knows no total ahead.
      const bar = interactive ? progressBar(io.stderr, !inputs.some(isOpenEnded)) : undefined;
      const stopInterrupts = onInterrupt((signal) => {
        bar?.stop();
        io.stderr.write(`${bar === undefined ? '' : '\n'}declutter: interrupted; ${resumeHint(flags)}\n`);
        process.exit(signal === 'SIGINT' ? EXIT.INTERRUPTED : EXIT.TERMINATED);
      });
      let total = 0;
      let summary: BatchSummary;
      try {
        summary = await runBatch(
          {
            inputs,
            out: flags.out,
            format: flags.json === true ? 'json' : flags.format,
            ...renderOptionsOf(flags),
            input: flags.input,
            favor: flags.favor,
            maxBytes: flags.maxBytes,
            comments: flags.comments === true,
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
      } finally {
        stopInterrupts();
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

/** An input whose pages are only known as they are read: standard input, a JSON Lines file, a web archive. */
function isOpenEnded(input: string): boolean {
  return input === '-' || containerKind(basename(input)) !== undefined;
}

/** What to run to finish an interrupted run. */
export function resumeHint(flags: { out: string; resume?: boolean }): string {
  if (flags.out === '-') return 'the output on stdout stops at the last complete line';
  return flags.resume === true ? 'run the same command again to finish' : 'to finish, run the same command with --resume';
}

/**
 * Calls `stop` on Ctrl-C (SIGINT) or SIGTERM while a run is going, in place of Node's silent exit; returns the
 * function that stops listening. Outputs are written under temporary names, so what is left is what --resume
 * expects.
 */
function onInterrupt(stop: (signal: NodeJS.Signals) => void): () => void {
  const listener = (signal: NodeJS.Signals): void => stop(signal);
  process.once('SIGINT', listener);
  process.once('SIGTERM', listener);
  return () => {
    process.off('SIGINT', listener);
    process.off('SIGTERM', listener);
  };
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
    ...(s.ignored > 0 ? [`  ${count(s.ignored)} ${plural(s.ignored, 'file', 'files')} of the folders left alone: not pages`] : []),
    ...(s.manifestPath === undefined ? [] : [`  records and their outputs: ${shown(s.manifestPath)}`]),
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

/**
 * A progress bar on stderr: done/total, pages per second, ETA, failures; without a total (pages read from standard
 * input or a container), a count of the pages done, the rate and the failures.
 */
function progressBar(stream: NodeJS.WritableStream, withTotal: boolean): Bar {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: withTotal ? '{bar} {value}/{total} | {rate} pages/s | ETA {remaining} | {failed} failed' : '{value} pages | {rate} pages/s | {failed} failed',
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
