/**
 * The options of each command, from one table: the library's specs (src/options.ts) and the command-only ones
 * below. Each command registers its flags from its list (addOptions), and the README's option tables are written
 * from the same lists (optionTable; test/readme-options.test.ts checks them, `npm run readme-options` rewrites
 * them).
 */
import { availableParallelism } from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { BATCH_DEFAULTS } from '../batch/run.js';
import { parseShard } from '../batch/names.js';
import { STAGE_NAMES, type StageName } from '../blocks/trace.js';
import { OPTION_SPECS, type OptionSpec } from '../options.js';
import { TOKEN_METHODS } from '../score/index.js';
import { parseByteSize } from './parse.js';

/** An option as a command registers it: its spec, and how its argument is parsed. */
export interface CliSpec extends OptionSpec {
  /** Turns the argument into the option's value; throws InvalidArgumentError with a one-line reason. */
  readonly parse?: (value: string) => unknown;
  /** The option must be given. */
  readonly required?: boolean;
  /** The README shows the argument as this instead of the placeholder ('DIR|FILE.jsonl|-'). */
  readonly arg?: string;
  /** Options that cannot be given with this one (by attribute name: 'format'). */
  readonly conflicts?: readonly string[];
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

function shardArgument(value: string): unknown {
  const shard = parseShard(value);
  if (shard === undefined) throw new InvalidArgumentError('expected K/N with 1 ≤ K ≤ N, e.g. 3/8');
  return shard;
}

/** Collects the repeated --skip-stage values, each a stage's name. */
function collectStage(value: string, previous: StageName[] = []): StageName[] {
  const stage = STAGE_NAMES.find((name) => name === value);
  if (stage === undefined) throw new InvalidArgumentError(`expected a stage: ${STAGE_NAMES.join(', ')}`);
  return [...previous, stage];
}

function absoluteUrl(value: string): string {
  if (!URL.canParse(value)) throw new InvalidArgumentError('expected an absolute URL such as https://example.com/a');
  return value;
}

/** The formats of the scoring commands: aligned tables, or one JSON object. */
export const SCORE_FORMATS = ['table', 'json'] as const;
export type ScoreFormat = (typeof SCORE_FORMATS)[number];

/** Every option of every command. */
export const SPECS = {
  ...OPTION_SPECS,
  maxBytes: { ...OPTION_SPECS.maxBytes, parse: parseByteSize },
  url: { ...OPTION_SPECS.url, parse: absoluteUrl },
  json: { ...OPTION_SPECS.json, conflicts: ['format'] },
  explain: {
    flags: '--explain',
    help: 'list every block with its label, score and trace (each reason with its weight) instead of the article',
    doc:
      'every block, one line each, with its label, score and trace (each rule\'s reason with its weight, then each ' +
      'stage\'s relabelling: `short(-1.5) title-case(-1) →between-bad`), instead of the article',
  },
  skipStage: {
    flags: '--skip-stage <stage>',
    help: `debugging: classify without this stage, to find which one lost a block (repeatable: ${STAGE_NAMES.join(', ')})`,
    doc: 'debugging: classify without this stage (repeatable), to find which one lost or kept a block; see [The classifier](#the-classifier)',
    defaultLabel: 'none',
    parse: collectStage,
  },
  cleanOut: {
    flags: '-o, --out <file>',
    help: 'write the output to FILE instead of standard output (written whole, under a temporary name, then renamed)',
    defaultLabel: 'stdout',
    arg: 'FILE',
  },
  quiet: {
    flags: '-q, --quiet',
    help: 'no notes on stderr (errors are still shown)',
  },
  report: {
    flags: '--report <file>',
    help: 'also write a visual HTML report: every block kept or removed, with its score and reasons',
    doc: 'also write a visual HTML report of the page (see [Reports](#reports)); stdout still gets the article',
  },
  reference: {
    flags: '--reference <file>',
    help: 'with --report: a clean reference text (UTF-8); the report marks what the output misses and adds',
    doc: 'with `--report`: a clean reference text (UTF-8); the report adds the scores and marks what the output misses and adds',
  },
  // ── batch ──
  batchOut: {
    flags: '-o, --out <dest>',
    help: 'a folder (mirrors the inputs), a .jsonl file, or "-" for JSON Lines on stdout',
    doc: 'a mirrored tree, a JSON Lines file, or JSON Lines on stdout',
    required: true,
    arg: 'DIR|FILE.jsonl|-',
  },
  jobs: {
    flags: '-j, --jobs <n>',
    help: 'worker threads',
    default: availableParallelism(),
    defaultLabel: 'one per core',
    parse: positiveInteger,
  },
  pageTimeout: {
    flags: '--page-timeout <seconds>',
    help: 'time budget of one page; a page over it fails and its worker is replaced',
    default: BATCH_DEFAULTS.pageTimeout,
    parse: positiveSeconds,
  },
  resume: {
    flags: '--resume',
    help: 'finish an interrupted run: keep what is complete, do the rest',
  },
  shard: {
    flags: '--shard <K/N>',
    help: 'take only the inputs whose key hashes to K (1 ≤ K ≤ N)',
    defaultLabel: 'all',
    parse: shardArgument,
  },
  failures: {
    flags: '--failures <file>',
    help: 'where to list failed pages (JSON Lines); default DEST/failures.jsonl, or NAME.failures.jsonl beside a .jsonl',
    doc: 'where the failures report goes',
    defaultLabel: 'beside the output',
  },
  batchQuiet: {
    flags: '-q, --quiet',
    help: 'no progress bar, no summary',
  },
  // ── score and eval ──
  scoreFormat: {
    flags: '-f, --format <format>',
    choices: SCORE_FORMATS,
    default: 'table',
    help: 'aligned tables, or one JSON object',
  },
  scoreJson: {
    flags: '--json',
    help: 'the same as --format json',
    doc: 'the same as `--format json`',
    conflicts: ['format'],
  },
  diff: {
    flags: '--diff',
    help: 'also list the reference sentences missing from the candidate (-) and its extra lines (+)',
  },
  pred: {
    flags: '--pred <dir>',
    help: 'folder of extraction outputs, <id>.txt (use with --gold)',
    doc: 'folder of extraction outputs, `<id>.txt` (use with `--gold`)',
  },
  gold: {
    flags: '--gold <dir>',
    help: 'folder of references, <id>.txt: every file is a page (use with --pred)',
    doc: 'folder of references, `<id>.txt`: every file is a page (use with `--pred`)',
  },
  tokens: {
    flags: '--tokens <method>',
    choices: TOKEN_METHODS,
    default: TOKEN_METHODS[0],
    help:
      "how texts are cut into tokens: 'published' is Python's \\w+ on the text as given, as both benchmarks do; " +
      "'words' composes accents, keeps combining marks in words and splits Chinese, Japanese and Thai into words " +
      "(labelled as not the published methods wherever shown)",
  },
  evalQuiet: {
    flags: '-q, --quiet',
    help: 'print only the summary: the means, groups and worst pages, no row per page',
  },
  by: {
    flags: '--by <field>',
    help: 'also give the means per value of this index field, e.g. page_type (needs --index)',
    doc: 'also give the means per value of this index field, e.g. `page_type` (needs `--index`)',
  },
  index: {
    flags: '--index <file>',
    help: 'JSON Lines, one object per page with an "id" field (used with --by)',
    doc: 'JSON Lines, one object per page with an `id` field (used with `--by`)',
  },
  evalReport: {
    flags: '--report <dir>',
    help: 'also write a visual HTML report per page into DIR/pages/, and DIR/index.html listing them worst first',
    doc: 'also write a visual HTML report per page into `DIR/pages/`, and `DIR/index.html` listing them worst first (see [Reports](#reports))',
  },
} as const satisfies Record<string, CliSpec>;

/** The extraction and output options every cleaning command takes, in the order of the help and the README. */
const CLEANING: readonly CliSpec[] = [
  SPECS.format, SPECS.json, SPECS.blocks, SPECS.links, SPECS.images, SPECS.formatting, SPECS.withMetadata,
  SPECS.input, SPECS.favor, SPECS.url, SPECS.maxBytes, SPECS.comments,
];

/** A command's options: those it shares with the clean command (one README row), and its own. */
export interface CommandOptions {
  shared: readonly CliSpec[];
  own: readonly CliSpec[];
}

export const COMMAND_OPTIONS = {
  clean: { shared: [], own: [...CLEANING, SPECS.explain, SPECS.cleanOut, SPECS.quiet, SPECS.report, SPECS.reference, SPECS.skipStage] },
  batch: {
    shared: CLEANING.filter((spec) => spec !== SPECS.url),
    own: [SPECS.batchOut, SPECS.jobs, SPECS.pageTimeout, SPECS.resume, SPECS.shard, SPECS.failures, SPECS.batchQuiet],
  },
  eval: {
    shared: [SPECS.input, SPECS.favor, SPECS.maxBytes],
    own: [SPECS.scoreFormat, SPECS.scoreJson, SPECS.evalQuiet, SPECS.by, SPECS.index, SPECS.evalReport, SPECS.tokens],
  },
  score: { shared: [], own: [SPECS.scoreFormat, SPECS.scoreJson, SPECS.diff, SPECS.pred, SPECS.gold, SPECS.tokens] },
} as const satisfies Record<string, CommandOptions>;

export type CommandName = keyof typeof COMMAND_OPTIONS;

/** Registers a command's options, shared ones first. */
export function addOptions(command: Command, options: CommandOptions): Command {
  for (const spec of [...options.shared, ...options.own]) command.addOption(toOption(spec));
  return command;
}

function toOption(spec: CliSpec): Option {
  const option = new Option(spec.flags, spec.help);
  if (spec.choices !== undefined) option.choices(spec.choices);
  if (spec.default !== undefined && typeof spec.default !== 'boolean') option.default(spec.default, spec.defaultLabel);
  if (spec.parse !== undefined) option.argParser(spec.parse);
  if (spec.required === true) option.makeOptionMandatory();
  if (spec.conflicts !== undefined) option.conflicts([...spec.conflicts]);
  return option;
}

// ── the README's tables ──────────────────────────────────────────────────────────────────────────────────

/** The option table of a command as the README shows it (a GitHub-flavoured Markdown table, no final newline). */
export function optionTable(options: CommandOptions): string {
  const rows = ['| option | default | meaning |', '|---|---|---|'];
  if (options.shared.length > 0) {
    const flags = options.shared.map((spec) => `\`${placeholder(spec.flags).flag}\``).join(', ');
    rows.push(`| ${flags} | as \`declutter [FILE]\` | the same options as the clean command, applied to every page |`);
  }
  for (const spec of options.own) rows.push(`| \`${cell(readmeFlag(spec))}\` | ${cell(readmeDefault(spec))} | ${cell(spec.doc ?? spec.help)} |`);
  return rows.join('\n');
}

/** '--favor balanced|precision|recall', '--max-bytes SIZE', '-o, --out FILE'. */
function readmeFlag(spec: CliSpec): string {
  const { flag, arg } = placeholder(spec.flags);
  if (arg === undefined) return flag;
  return `${flag} ${spec.arg ?? (spec.choices === undefined ? arg.toUpperCase() : spec.choices.join('|'))}`;
}

/** Flags split from their argument's placeholder: '--max-bytes <size>' → '--max-bytes' and 'size'. */
function placeholder(flags: string): { flag: string; arg?: string } {
  const at = flags.indexOf(' <');
  if (at < 0 || !flags.endsWith('>')) return { flag: flags };
  return { flag: flags.slice(0, at), arg: flags.slice(at + 2, -1) };
}

function readmeDefault(spec: CliSpec): string {
  if (spec.required === true) return 'required';
  if (spec.defaultLabel !== undefined) return spec.defaultLabel;
  return spec.default === undefined || typeof spec.default === 'boolean' ? 'off' : `\`${String(spec.default)}\``;
}

/** A table cell: a "|" would end it. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
