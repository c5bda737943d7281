import { existsSync } from 'node:fs';
import { Chalk } from 'chalk';
import type { Command } from 'commander';
import { declutter } from '../declutter.js';
import { renderExplain } from '../render/explain.js';
import type { StageName } from '../blocks/trace.js';
import type { Favor, Format, InputHint } from '../options.js';
import type { Article } from '../article.js';
import { REFUSAL_MESSAGES, renderFormat, renderOptionsOf, type RenderOptions } from '../render/format.js';
import { renderReport } from '../report/page.js';
import type { CommandContext } from './context.js';
import { CliError, EXIT } from './exit-codes.js';
import { writeFileAtomic } from './report.js';
import { readInputFile, readStdin, readTextFile, useColour } from './io.js';
import { addOptions, COMMAND_OPTIONS } from './specs.js';
import { closestCommand } from './suggest.js';

interface CleanFlags extends RenderOptions {
  format: Format;
  json?: boolean;
  explain?: boolean;
  input: InputHint;
  favor: Favor;
  url?: string;
  maxBytes: number;
  out?: string;
  quiet?: boolean;
  report?: string;
  reference?: string;
  skipStage?: StageName[];
  comments?: boolean;
}

/** Examples shown by `declutter --help` and `declutter clean --help`: a command line and what it does. */
const EXAMPLE_LINES: readonly (readonly [string, string])[] = [
  ['declutter page.html', 'the article as plain text'],
  ['curl -s URL | declutter --url URL', 'a page from the web (declutter never fetches it itself)'],
  ['declutter page.html -f markdown --links --images', 'markdown with links and images'],
  ['declutter page.html --json -o page.json', 'metadata and text as JSON, written to a file'],
  ['declutter page.html --explain', 'why each block was kept (+) or removed (-)'],
  ['declutter batch pages/ --out clean/', 'many pages, on every core (see declutter batch --help)'],
  ['declutter score output.txt reference.txt', 'precision, recall and F1 against a reference'],
  ['declutter eval pages/ gold/ --report r/', 'extract and score a folder, with a report per page'],
];

export const EXAMPLES = `Examples:\n${(() => {
  const width = Math.max(...EXAMPLE_LINES.map(([line]) => line.length));
  return EXAMPLE_LINES.map(([line, what]) => `  ${line.padEnd(width)}  ${what}`).join('\n');
})()}`;

/** Registers the default command: `declutter [FILE]` prints the main article of one page. */
export function registerClean(program: Command, ctx: CommandContext): Command {
  const command = program
    .command('clean [file]', { isDefault: true })
    .description('print the main article of a page (a file, or stdin when FILE is "-" or omitted)')
    // Extra arguments are caught in the action, to suggest the command that was meant.
    .allowExcessArguments(true)
    .addHelpText('after', `\n${EXAMPLES}\n`);
  addOptions(command, COMMAND_OPTIONS.clean);
  command.action(async (file: string | undefined, flags: CleanFlags, cmd: Command) => {
    const { io } = ctx;
    checkArguments(cmd.args);
    const source = file ?? '-';
    if (source === '-' && file === undefined && io.stdin.isTTY === true) {
      throw new CliError('no input: give a file, or pipe a page to standard input (see --help)', EXIT.USAGE);
    }
    if (flags.reference !== undefined && flags.report === undefined) {
      throw new CliError('--reference is used with --report FILE', EXIT.USAGE);
    }
    const reference = flags.reference === undefined ? undefined : await readTextFile(flags.reference);
    const bytes = source === '-' ? await readStdin(io.stdin, flags.maxBytes) : await readInputFile(source, flags.maxBytes);
    const article = declutter(bytes, {
      input: flags.input,
      favor: flags.favor,
      maxBytes: flags.maxBytes,
      ...(flags.url === undefined ? {} : { url: flags.url }),
      ...(flags.skipStage === undefined ? {} : { skipStages: flags.skipStage }),
      ...(flags.comments === true ? { comments: true } : {}),
    });
    const name = source === '-' ? 'stdin' : source;
    const rejection = article.reason === undefined ? undefined : REFUSAL_MESSAGES[article.reason];
    if (rejection !== undefined) throw new CliError(`${name}: ${rejection}`, EXIT.REJECTED);
    if (flags.report !== undefined) {
      await writeFileAtomic(flags.report, renderReport(article, { source: name, ...(reference === undefined ? {} : { reference }) }), 'the report');
    }

    const output = render(article, flags, ctx);
    if (flags.out === undefined) io.stdout.write(output);
    else await writeFileAtomic(flags.out, output, 'the output');
    if (!article.ok && !flags.explain && flags.quiet !== true) {
      const why = article.reason === 'script-only' ? 'the page loads its content by script' : 'no main content found';
      io.stderr.write(`declutter: ${name}: ${why}\n`);
    }
  });
  return command;
}

/** A URL given where a file is expected: an address that names no file here. */
const URL_ARGUMENT = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The clean command takes one page. A URL is not fetched; a first argument that is no file but a command's
 * misspelling ("scroe") is that command; several files are a batch.
 */
function checkArguments(args: readonly string[]): void {
  const [first, ...rest] = args;
  if (first === undefined || first === '-' || existsSync(first)) {
    if (rest.length > 0) {
      throw new CliError(
        `declutter cleans one page; for several, use: declutter batch ${args.map(quoteArg).join(' ')} --out DIR`,
        EXIT.USAGE,
      );
    }
    return;
  }
  if (URL_ARGUMENT.test(first)) {
    throw new CliError(
      `${first}: declutter does not fetch URLs; download the page and pipe it: curl -s ${quoteArg(first)} | declutter --url ${quoteArg(first)}`,
      EXIT.USAGE,
    );
  }
  const command = closestCommand(first);
  if (command !== undefined) throw new CliError(`unknown command '${first}'; did you mean 'declutter ${command}'?`, EXIT.USAGE);
  if (rest.length > 0) {
    throw new CliError(
      `declutter cleans one page; for several, use: declutter batch ${args.map(quoteArg).join(' ')} --out DIR`,
      EXIT.USAGE,
    );
  }
}

/** An argument as a shell would need it: quoted when it holds anything but plain characters. */
function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function render(article: Article, flags: CleanFlags, ctx: CommandContext): string {
  if (flags.explain) {
    const colour = flags.out === undefined && useColour(ctx.io.stdout, ctx.io.env);
    const chalk = new Chalk({ level: colour ? 1 : 0 });
    return renderExplain(article, { kept: (s) => s, removed: (s) => chalk.dim(s) }) + '\n';
  }
  const out = renderFormat(article, flags.json === true ? 'json' : flags.format, renderOptionsOf(flags));
  return out === '' ? '' : out + '\n';
}

