import { join } from 'node:path';
import type { Command } from 'commander';
import { declutter } from '../declutter.js';
import type { Favor, InputHint } from '../options.js';
import type { Article, EmptyReason } from '../article.js';
import { aggregate, benchmarkScores, type Summary, type TokenMethod } from '../score/index.js';
import {
  fieldValue,
  groupSummaries,
  indexHasField,
  IndexError,
  listPages,
  PAGE_EXTENSIONS,
  parseIndex,
  worstPages,
  type EvalRow,
  type GroupSummary,
  type PageFile,
  type PageIndex,
  type WorstPage,
} from '../eval/index.js';
import type { CommandContext } from './context.js';
import { CliError, EXIT } from './exit-codes.js';
import { listFileNames } from './folder.js';
import { fixed, metricNames, plural, renderSummary, scoreCells, scoreHeaders, table } from './format.js';
import { readInputFile, readTextFile } from './io.js';
import { addOptions, COMMAND_OPTIONS, type ScoreFormat } from './specs.js';
import { VERSION } from './version.js';
import { formatBytes } from '../input/size.js';
import { EvalReports, INDEX_FILE, prepareReportDir } from './report.js';

/** Options of `declutter eval`, as commander parses them. */
interface EvalFlags {
  format: ScoreFormat;
  json?: boolean;
  maxBytes: number;
  quiet?: boolean;
  by?: string;
  index?: string;
  favor: Favor;
  input: InputHint;
  report?: string;
  tokens: TokenMethod;
}

/** References are `<id>.txt` in the gold folder. */
const GOLD_SUFFIX = '.txt';

/** Decode failures: the page is an error row, scored as empty output. An empty page is not one (Outcome.empty). */
const DECODE_FAILURES: Partial<Record<EmptyReason, string>> = {
  'binary-input': 'binary, not HTML or text',
  'too-large': 'larger than the size limit',
};

/** Registers `declutter eval PAGES GOLD`: extract every page of a folder and score it against its reference. */
export function registerEval(program: Command, ctx: CommandContext): void {
  const command = program
    .command('eval')
    .description(
      'Extract every page of a folder and score it against its reference: a row per page, the means by both ' +
        'published methods (Zyte shingle F1, WCXB word F1), and the ten worst pages.',
    )
    .argument('<pages>', `folder of pages: ${PAGE_EXTENSIONS.map((e) => '<id>' + e).join(', ')}`)
    .argument('<gold>', 'folder of references: <id>.txt (UTF-8)');
  addOptions(command, COMMAND_OPTIONS.eval)
    .action(async (pagesDir: string, goldDir: string, flags: EvalFlags) => {
      if ((flags.by === undefined) !== (flags.index === undefined)) {
        throw new CliError('eval: --by FIELD and --index FILE must be given together', EXIT.USAGE);
      }
      if (flags.report !== undefined && flags.tokens !== 'published') {
        throw new CliError('eval: reports show the published figures; --report cannot be used with --tokens words', EXIT.USAGE);
      }
      const pageIndex = flags.index === undefined ? undefined : await readIndex(flags.index, flags.by ?? '');
      if (flags.report !== undefined) await prepareReportDir(flags.report);
      const reports =
        flags.report === undefined
          ? undefined
          : new EvalReports(flags.report, pageIndex === undefined ? undefined : (id) => fieldValue(pageIndex.get(id), flags.by ?? ''));
      const pages = await findPages(pagesDir, ctx);
      const goldIds = await listGoldIds(goldDir);
      writePairingNotes(pages, goldIds, ctx);
      const scored = pages.filter((page) => goldIds.has(page.id));

      const { rows, empty } = await scorePages(scored, pagesDir, goldDir, flags, ctx, reports);
      const report = buildReport(rows, flags, pageIndex);
      await reports?.finish({
        title: `declutter eval: ${pagesDir}`,
        run: { version: VERSION, date: new Date().toISOString(), options: { favor: flags.favor, input: flags.input, 'max-bytes': formatBytes(flags.maxBytes) } },
        summary: report.summary,
        ...(report.groups === undefined ? {} : { groupField: report.groups.field, groups: report.groups.values }),
      });
      if (flags.report !== undefined) ctx.io.stderr.write(`declutter: note: reports written; open ${join(flags.report, INDEX_FILE)}\n`);
      ctx.io.stdout.write(flags.json === true || flags.format === 'json' ? renderJsonReport(report, flags) : renderReport(report, flags));
      writeClosingNotes(report, empty, ctx);
      if (report.failed > 0) ctx.exitCode = EXIT.SOME_FAILED;
    });
}

/**
 * Extracts and scores the pages one at a time, in id order. A page that cannot be read or decoded is a row
 * with its error, scored as empty output, and a note on stderr.
 */
async function scorePages(
  pages: readonly PageFile[],
  pagesDir: string,
  goldDir: string,
  flags: EvalFlags,
  ctx: CommandContext,
  reports?: EvalReports,
): Promise<{ rows: EvalRow[]; empty: number }> {
  const rows: EvalRow[] = [];
  let empty = 0;
  const progress = progressLine(pages.length, ctx);
  for (const page of pages) {
    progress(rows.length);
    const reference = await readTextFile(join(goldDir, page.id + GOLD_SUFFIX));
    const path = join(pagesDir, page.file);
    const outcome = await extract(path, flags);
    if (outcome.empty) empty++;
    if (outcome.error !== undefined) {
      progress(undefined);
      ctx.io.stderr.write(`declutter: ${path}: ${outcome.error}\n`);
    }
    const row: EvalRow = {
      id: page.id,
      file: page.file,
      ...benchmarkScores(outcome.text, reference, { tokens: flags.tokens }),
      ...(outcome.article === undefined ? {} : { confidence: outcome.article.confidence }),
      ...(outcome.error === undefined ? {} : { error: outcome.error }),
    };
    rows.push(row);
    await reports?.page(row, outcome.article, reference);
  }
  progress(undefined);
  return { rows, empty };
}

/** The ids of the references (`<id>.txt`) in the gold folder. */
async function listGoldIds(dir: string): Promise<Set<string>> {
  const names = await listFileNames(dir);
  return new Set(names.filter((name) => name.endsWith(GOLD_SUFFIX)).map((name) => name.slice(0, -GOLD_SUFFIX.length)));
}

/** Pages between two updates of the progress line. */
const PROGRESS_EVERY = 25;

/**
 * A progress line on stderr, only when stderr is a terminal (a log file gets only the notes). Called with
 * the pages done so far; with undefined, it clears the line.
 */
function progressLine(total: number, ctx: CommandContext): (done: number | undefined) => void {
  const stderr = ctx.io.stderr;
  if (stderr.isTTY !== true) return () => undefined;
  return (done) => {
    if (done === undefined) stderr.write('\r\x1b[K');
    else if (done % PROGRESS_EVERY === 0) stderr.write(`\r\x1b[K${done}/${total} pages`);
  };
}

/** What an eval run found. */
interface Report {
  pages: EvalRow[];
  summary: Summary;
  worst: WorstPage[];
  groups?: { field: string; values: GroupSummary[] };
  failed: number;
}

function buildReport(rows: EvalRow[], flags: EvalFlags, pageIndex: PageIndex | undefined): Report {
  const field = flags.by;
  return {
    pages: rows,
    summary: aggregate(rows, flags.tokens),
    worst: worstPages(rows),
    ...(pageIndex === undefined || field === undefined
      ? {}
      : { groups: { field, values: groupSummaries(rows, (id) => fieldValue(pageIndex.get(id), field), flags.tokens) } }),
    failed: rows.filter((row) => row.error !== undefined).length,
  };
}

/** The pages of the folder, with a note on stderr for each id that has several page files. */
async function findPages(dir: string, ctx: CommandContext): Promise<PageFile[]> {
  const { pages, duplicates } = listPages(await listFileNames(dir));
  if (pages.length === 0) {
    throw new CliError(`${dir}: no page files (${PAGE_EXTENSIONS.map((e) => '<id>' + e).join(', ')})`, EXIT.USAGE);
  }
  for (const { used, ignored } of duplicates) {
    ctx.io.stderr.write(`declutter: note: ${join(dir, used)} is used; ${ignored.join(', ')} ignored (same id)\n`);
  }
  return pages;
}

/** Tells on stderr how the pages and references did not match one to one; only pages with a reference are scored. */
function writePairingNotes(pages: readonly PageFile[], goldIds: ReadonlySet<string>, ctx: CommandContext): void {
  const pageIds = new Set(pages.map((page) => page.id));
  const noGold = pages.filter((page) => !goldIds.has(page.id)).length;
  const noPage = [...goldIds].filter((id) => !pageIds.has(id)).length;
  if (noGold > 0) {
    ctx.io.stderr.write(
      `declutter: note: ${noGold} ${plural(noGold, 'page has', 'pages have')} no reference <id>.txt; not scored\n`,
    );
  }
  if (noPage > 0) {
    ctx.io.stderr.write(
      `declutter: note: ${noPage} ${plural(noPage, 'reference has', 'references have')} no page; not scored\n`,
    );
  }
}

function writeClosingNotes(report: Report, empty: number, ctx: CommandContext): void {
  if (empty > 0) {
    ctx.io.stderr.write(
      `declutter: note: ${empty} ${plural(empty, 'page is', 'pages are')} empty; scored as empty output\n`,
    );
  }
  if (report.failed > 0) {
    ctx.io.stderr.write(
      `declutter: ${report.failed} ${plural(report.failed, 'page', 'pages')} failed to read or decode; ` +
        `scored as empty output\n`,
    );
  }
}

/** Reads the index and checks the --by field appears in it. */
async function readIndex(path: string, field: string): Promise<PageIndex> {
  const text = await readTextFile(path);
  let index: PageIndex;
  try {
    index = parseIndex(text);
  } catch (err) {
    if (err instanceof IndexError) throw new CliError(`${path}: ${err.message}`, EXIT.REJECTED);
    throw err;
  }
  if (!indexHasField(index, field)) throw new CliError(`eval: --by ${field}: no entry of ${path} has this field`, EXIT.USAGE);
  return index;
}

/** One page's extraction: its text, or the error that left it empty. */
interface Outcome {
  text: string;
  error?: string;
  /** The page file holds nothing (or only whitespace): not a failure, the output is empty. */
  empty: boolean;
  /** The extraction, when the page could be read. */
  article?: Article;
}

async function extract(path: string, flags: EvalFlags): Promise<Outcome> {
  let bytes: Buffer;
  try {
    bytes = await readInputFile(path);
  } catch (err) {
    return { text: '', error: errorMessage(err, path), empty: false };
  }
  try {
    const article = declutter(bytes, { favor: flags.favor, input: flags.input, maxBytes: flags.maxBytes });
    const failure = article.reason === undefined ? undefined : DECODE_FAILURES[article.reason];
    if (failure !== undefined) return { text: '', error: failure, empty: false, article };
    return { text: article.text, empty: article.reason === 'empty-input', article };
  } catch (err) {
    // A bug in an extractor must not end the run: the page is an error row, and the message says so.
    return { text: '', error: `internal error: ${errorMessage(err, path)}`, empty: false };
  }
}

/** The message of an error, without the path that the note already starts with. */
function errorMessage(err: unknown, path: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const first = message.split('\n')[0] ?? '';
  return first.startsWith(path + ': ') ? first.slice(path.length + 2) : first;
}

// ── rendering ────────────────────────────────────────────────────────────────────────────────────────────

function renderJsonReport(report: Report, flags: EvalFlags): string {
  const { pages, ...rest } = report;
  const options = { favor: flags.favor, input: flags.input, tokens: flags.tokens };
  return JSON.stringify(flags.quiet === true ? { options, ...rest } : { options, pages, ...rest }, null, 2) + '\n';
}

function renderReport(report: Report, flags: EvalFlags): string {
  const parts: string[] = [];
  const tokens = report.summary.tokens;
  if (flags.quiet !== true) parts.push(renderPageTable(report.pages, tokens));
  parts.push(renderSummary(report.summary));
  if (report.groups !== undefined) parts.push(renderGroups(report.groups.field, report.groups.values, tokens));
  if (report.worst.length > 0) parts.push(renderWorst(report.worst, tokens));
  return parts.join('\n');
}

/** One row per page; a page that failed says so in the last column (the reason is on stderr). */
function renderPageTable(rows: readonly EvalRow[], tokens: TokenMethod): string {
  const failed = rows.some((row) => row.error !== undefined);
  const header = ['id', ...scoreHeaders(tokens), ...(failed ? ['note'] : [])];
  const body = rows.map((row) => [
    row.id,
    ...scoreCells(row.zyte, row.words),
    ...(failed ? [row.error === undefined ? '' : 'error'] : []),
  ]);
  return table([header, ...body]) + '\n';
}

/** The means per value of the --by field. */
function renderGroups(field: string, groups: readonly GroupSummary[], tokens: TokenMethod): string {
  const rows = groups.map(({ value, summary }) => [value ?? '(none)', String(summary.pages), ...scoreCells(summary.zyte, summary.words)]);
  return table([[`by ${field}`, 'pages', ...scoreHeaders(tokens)], ...rows]) + '\n';
}

/** The worst pages, with what went wrong: text lost (low recall), noise kept (low precision), or both. */
function renderWorst(worst: readonly WorstPage[], tokens: TokenMethod): string {
  const { shinglesShort: s, wordsShort: w } = metricNames(tokens);
  const causes = worst.map((page) => (page.error === undefined ? page.cause : 'error'));
  const width = Math.max('cause'.length, ...causes.map((cause) => cause.length));
  // The last column reads as words: padded to one width so the right-aligned table shows it left-aligned.
  const rows = worst.map((page, i) => [
    page.id,
    fixed(page.f1),
    fixed(page.precision),
    fixed(page.recall),
    fixed(page.wordF1),
    (causes[i] ?? '').padEnd(width),
  ]);
  const title = `${worst.length} worst ${plural(worst.length, 'page', 'pages')}`;
  return table([[title, `${s} F1`, `${s} P`, `${s} R`, `${w} F1`, 'cause'.padEnd(width)], ...rows]) + '\n';
}
