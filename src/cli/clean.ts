import { Chalk } from 'chalk';
import { Option, type Command } from 'commander';
import { declutter } from '../declutter.js';
import { renderExplain } from '../render/explain.js';
import { DEFAULT_OPTIONS, type Favor, type InputHint } from '../options.js';
import type { Article } from '../article.js';
import { FORMATS, REFUSAL_MESSAGES, renderFormat, type Format } from '../render/format.js';
import { renderReport } from '../report/page.js';
import type { CommandContext } from './context.js';
import { CliError, EXIT } from './exit-codes.js';
import { decodeUtf8 } from './folder.js';
import { writeFileAtomic } from './report.js';
import { readInputFile, readStdin, useColour } from './io.js';
import { parseByteSize } from './parse.js';

interface CleanFlags {
  format: Format;
  explain?: boolean;
  links?: boolean;
  input: InputHint;
  favor: Favor;
  maxBytes: number;
  report?: string;
  reference?: string;
}

/** Registers the default command: `declutter [FILE]` prints the main article of one page. */
export function registerClean(program: Command, ctx: CommandContext): void {
  program
    .command('clean [file]', { isDefault: true })
    .description('print the main article of a page (a file, or stdin when FILE is "-" or omitted)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--explain', 'list every block with its label, score and reasons instead of the article')
    .option('--links', 'keep links: [text](url) in markdown, <a href> in html, a "links" array ({start, end, href}) per block in json; ignored for text')
    .addOption(new Option('--input <kind>', 'treat the input as html or text instead of sniffing it').choices(['auto', 'html', 'text']).default(DEFAULT_OPTIONS.input))
    .addOption(new Option('--favor <preset>', 'prefer precision (less noise) or recall (less loss)').choices(['balanced', 'precision', 'recall']).default(DEFAULT_OPTIONS.favor))
    .option('--report <file>', 'also write a visual HTML report: every block kept or removed, with its score and reasons')
    .option('--reference <file>', 'with --report: a clean reference text (UTF-8); the report marks what the output misses and what it adds')
    .addOption(new Option('--max-bytes <size>', 'refuse inputs larger than this with exit code 4 (e.g. 512KB, 64MB)').argParser(parseByteSize).default(DEFAULT_OPTIONS.maxBytes, '64MB'))
    .action(async (file: string | undefined, flags: CleanFlags) => {
      const { io } = ctx;
      const source = file ?? '-';
      if (source === '-' && file === undefined && io.stdin.isTTY === true) {
        throw new CliError('no input: give a file, or pipe a page to standard input (see --help)', EXIT.USAGE);
      }
      if (flags.reference !== undefined && flags.report === undefined) {
        throw new CliError('--reference is used with --report FILE', EXIT.USAGE);
      }
      const reference = flags.reference === undefined ? undefined : decodeUtf8(await readInputFile(flags.reference));
      const bytes = source === '-' ? await readStdin(io.stdin, flags.maxBytes) : await readInputFile(source, flags.maxBytes);
      const article = declutter(bytes, { input: flags.input, favor: flags.favor, maxBytes: flags.maxBytes });
      const name = source === '-' ? 'stdin' : source;
      const rejection = article.reason === undefined ? undefined : REFUSAL_MESSAGES[article.reason];
      if (rejection !== undefined) throw new CliError(`${name}: ${rejection}`, EXIT.REJECTED);
      if (flags.report !== undefined) {
        await writeFileAtomic(flags.report, renderReport(article, { source: name, ...(reference === undefined ? {} : { reference }) }));
      }

      io.stdout.write(render(article, flags, ctx));
      if (!article.ok && !flags.explain) {
        const why = article.reason === 'script-only' ? 'the page loads its content by script' : 'no main content found';
        io.stderr.write(`declutter: ${name}: ${why}\n`);
      }
    });
}

function render(article: Article, flags: CleanFlags, ctx: CommandContext): string {
  if (flags.explain) {
    const colour = useColour(ctx.io.stdout, ctx.io.env);
    const chalk = new Chalk({ level: colour ? 1 : 0 });
    return renderExplain(article, { kept: (s) => s, removed: (s) => chalk.dim(s) }) + '\n';
  }
  const out = renderFormat(article, flags.format, { links: flags.links === true });
  return out === '' ? '' : out + '\n';
}
