import { join } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Command } from 'commander';
import type { CommandContext } from './context.js';
import { CliError, EXIT } from './exit-codes.js';
import { readTextFile, useColour } from './io.js';
import { listFileNames, mapLimited } from './folder.js';
import { addOptions, COMMAND_OPTIONS, type ScoreFormat } from './specs.js';
import { fixed, metricNames, plural, renderSummary, scoreHeaders, table } from './format.js';
import {
  aggregate,
  benchmarkScores,
  diff,
  score,
  type DiffItem,
  type DiffResult,
  type PageScore,
  type Scores,
  type TokenMethod,
} from '../score/index.js';

/** Options of `declutter score`, as commander parses them. */
interface ScoreFlags {
  format: ScoreFormat;
  json?: boolean;
  diff?: boolean;
  pred?: string;
  gold?: string;
  tokens: TokenMethod;
}

/** What to score: one candidate file against one reference file, or a folder of outputs against references. */
type ScoreJob =
  | { kind: 'pair'; candidate: string; reference: string }
  | { kind: 'folder'; pred: string; gold: string };

/** File names a folder run pairs: `<id>.txt`. */
const PAGE_SUFFIX = '.txt';

/**
 * Files read at once in folder mode: enough to hide file-system latency, few enough to stay far below the
 * open-file limit whatever the folder size.
 */
const READ_CONCURRENCY = 32;

const USAGE_HINT = 'give CANDIDATE and REFERENCE files, or --pred DIR and --gold DIR';

/** Registers `declutter score`: one candidate against one reference, or a folder of outputs (`--pred/--gold`). */
export function registerScore(program: Command, ctx: CommandContext): void {
  const command = program
    .command('score')
    .description(
      'Score an extraction against a clean reference: Zyte 4-shingle precision/recall/F1 (scrapinghub ' +
        'benchmark), WCXB word F1, and character similarity.',
    )
    .argument('[candidate]', 'the extracted text (UTF-8 file)')
    .argument('[reference]', 'the reference main text (UTF-8 file)');
  addOptions(command, COMMAND_OPTIONS.score)
    .action(async (candidate: string | undefined, reference: string | undefined, flags: ScoreFlags) => {
      const job = resolveJob(candidate, reference, flags);
      if (job.kind === 'pair') await scorePair(job, flags, ctx);
      else await scoreFolder(job, flags, ctx);
    });
}

/** Decides the mode from the arguments, refusing mixtures of the two. */
function resolveJob(candidate: string | undefined, reference: string | undefined, flags: ScoreFlags): ScoreJob {
  const folderFlags = flags.pred !== undefined || flags.gold !== undefined;
  if (folderFlags) {
    if (candidate !== undefined) {
      throw new CliError(`score: --pred/--gold cannot be combined with file arguments; ${USAGE_HINT}`, EXIT.USAGE);
    }
    if (flags.pred === undefined || flags.gold === undefined) {
      throw new CliError('score: --pred and --gold must be given together', EXIT.USAGE);
    }
    if (flags.diff === true) {
      throw new CliError('score: --diff compares two files; it cannot be used with --pred/--gold', EXIT.USAGE);
    }
    return { kind: 'folder', pred: flags.pred, gold: flags.gold };
  }
  if (candidate === undefined || reference === undefined) throw new CliError(`score: ${USAGE_HINT}`, EXIT.USAGE);
  return { kind: 'pair', candidate, reference };
}

async function scorePair(job: Extract<ScoreJob, { kind: 'pair' }>, flags: ScoreFlags, ctx: CommandContext): Promise<void> {
  const candidate = await readTextFile(job.candidate);
  const reference = await readTextFile(job.reference);
  const scores = score(candidate, reference, { tokens: flags.tokens });
  const differences = flags.diff === true ? diff(candidate, reference, { tokens: flags.tokens }) : undefined;
  const out = ctx.io.stdout;
  if (flags.json === true || flags.format === 'json') {
    const result = { tokens: flags.tokens, ...scores };
    out.write(JSON.stringify(differences === undefined ? result : { ...result, diff: differences }, null, 2) + '\n');
    return;
  }
  out.write(renderScores(scores, flags.tokens));
  if (differences !== undefined) {
    const chalk = new Chalk({ level: useColour(out, ctx.io.env) ? 1 : 0 });
    out.write(renderDiff(differences, chalk));
  }
}

async function scoreFolder(job: Extract<ScoreJob, { kind: 'folder' }>, flags: ScoreFlags, ctx: CommandContext): Promise<void> {
  const goldIds = await listPageIds(job.gold);
  const predIds = new Set(await listPageIds(job.pred));
  const pages = await mapLimited(goldIds, READ_CONCURRENCY, async (id): Promise<PageScore> => {
    const reference = await readTextFile(join(job.gold, id + PAGE_SUFFIX));
    const candidate = predIds.has(id) ? await readTextFile(join(job.pred, id + PAGE_SUFFIX)) : '';
    return { id, ...benchmarkScores(candidate, reference, { tokens: flags.tokens }) };
  });
  writePairingNotes(goldIds, predIds, ctx);
  const summary = aggregate(pages, flags.tokens);
  if (flags.json === true || flags.format === 'json') {
    ctx.io.stdout.write(JSON.stringify({ pages, summary }, null, 2) + '\n');
    return;
  }
  ctx.io.stdout.write(renderPageTable(pages, flags.tokens) + '\n' + renderSummary(summary));
}

/** Tells on stderr how the two folders did not match one to one; the figures on stdout stay clean. */
function writePairingNotes(goldIds: readonly string[], predIds: ReadonlySet<string>, ctx: CommandContext): void {
  const gold = new Set(goldIds);
  const unmatchedGold = goldIds.filter((id) => !predIds.has(id)).length;
  const unmatchedPred = [...predIds].filter((id) => !gold.has(id)).length;
  if (unmatchedGold > 0) {
    ctx.io.stderr.write(
      `declutter: note: ${unmatchedGold} ${plural(unmatchedGold, 'reference has', 'references have')} ` +
        `no prediction file; scored as empty output\n`,
    );
  }
  if (unmatchedPred > 0) {
    ctx.io.stderr.write(
      `declutter: note: ${unmatchedPred} ${plural(unmatchedPred, 'prediction has', 'predictions have')} ` +
        `no reference file; ignored\n`,
    );
  }
}

/** The page ids of a folder (`<id>.txt` files), sorted by code unit so the order never depends on locale. */
async function listPageIds(dir: string): Promise<string[]> {
  return (await listFileNames(dir))
    .filter((name) => name.endsWith(PAGE_SUFFIX))
    .map((name) => name.slice(0, -PAGE_SUFFIX.length));
}

// ── rendering ────────────────────────────────────────────────────────────────────────────────────────────

/** The figures of one pair. */
function renderScores(scores: Scores, tokens: TokenMethod): string {
  const { zyte, words } = scores;
  const names = metricNames(tokens);
  return (
    table([
      ['', 'precision', 'recall', 'F1'],
      [names.shingles, fixed(zyte.precision), fixed(zyte.recall), fixed(zyte.f1)],
      [names.words, fixed(words.precision), fixed(words.recall), fixed(words.f1)],
      ['similarity', '', '', fixed(scores.similarity)],
    ]) + `\nshingles: ${zyte.tp} matched, ${zyte.fp} extra, ${zyte.fn} missing\n`
  );
}

/** The diff of one pair: missing reference sentences in red, extra output lines in yellow. */
function renderDiff(result: DiffResult, chalk: ChalkInstance): string {
  const section = (title: string, items: readonly DiffItem[], mark: string, paint: (s: string) => string): string =>
    `\n${title} (${items.length}):\n` + items.map((item) => paint(`${mark} ${item.text}`) + '\n').join('');
  return (
    section('missing from the output: reference sentences', result.missing, '-', chalk.red) +
    section('extra in the output: lines not in the reference', result.extra, '+', chalk.yellow)
  );
}

/** One row per page of a folder run. */
function renderPageTable(pages: readonly PageScore[], tokens: TokenMethod): string {
  const rows = pages.map((page) => [
    page.id,
    fixed(page.zyte.precision),
    fixed(page.zyte.recall),
    fixed(page.zyte.f1),
    fixed(page.words.f1),
  ]);
  const [shingleP = '', shingleR = '', shingleF1 = '', , , wordF1 = ''] = scoreHeaders(tokens);
  return table([['id', shingleP, shingleR, shingleF1, wordF1], ...rows]) + '\n';
}
