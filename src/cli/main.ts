import { Command, CommanderError } from 'commander';
import { CliError, EXIT } from './exit-codes.js';
import { processIO, type CliIO } from './io.js';
import type { CommandContext } from './context.js';
import { EXAMPLES, registerClean } from './clean.js';
import { VERSION } from './version.js';
import { registerScore } from './score.js';
import { registerEval } from './eval.js';
import { registerBatch } from './batch.js';

export { VERSION } from './version.js';

/**
 * Runs the CLI and resolves to the exit code. Never throws: every failure becomes one line on stderr.
 */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const ctx: CommandContext = { io, exitCode: EXIT.OK };
  const program = new Command('declutter')
    .description('Extract the main article from a web page (HTML or a text dump), and score extractions.')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(oneLine(s.replace(/^error: /, 'declutter: ')) + '\n'),
    });
  const clean = registerClean(program, ctx);
  program.addHelpText('after', () => `\n${cleanOptionsHelp(clean)}\n\n${EXAMPLES}\n`);
  registerScore(program, ctx);
  registerEval(program, ctx);
  registerBatch(program, ctx);
  for (const cmd of program.commands) cmd.exitOverride().configureOutput(program.configureOutput());

  try {
    await program.parseAsync(argv);
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        return EXIT.OK;
      }
      return EXIT.USAGE;
    }
    if (err instanceof CliError) {
      io.stderr.write(`declutter: ${oneLine(err.message)}\n`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`declutter: internal error: ${oneLine(message)}\n`);
    return EXIT.INTERNAL;
  }
}

/** The options of the default command, for the top-level help: `declutter [FILE]` is what most people run. */
function cleanOptionsHelp(clean: Command): string {
  const help = clean.createHelp();
  const options = help.visibleOptions(clean).filter((option) => option.long !== '--help');
  const width = Math.max(...options.map((option) => help.optionTerm(option).length));
  const lines = options.map((option) => `  ${help.optionTerm(option).padEnd(width)}  ${help.optionDescription(option)}`);
  return `Options of declutter [FILE] (the clean command, run when no other command is named):\n${lines.join('\n')}`;
}

/**
 * Joins a message into one line. The lookbehind starts a match only where a run of white space starts, so a long
 * run without a newline is not retried from each of its characters (which takes time in the square of its length).
 */
function oneLine(s: string): string {
  return s.replace(/(?<!\s)\s*\n\s*/g, ' ').trim();
}
