import { readFileSync } from 'node:fs';
import { COMMAND_OPTIONS, optionTable, SPECS } from '../src/cli/specs.js';
import { main } from '../src/cli/main.js';
import { Readable } from 'node:stream';
import type { CliIO } from '../src/cli/io.js';

/**
 * The README's option tables say what the commands accept: each is the table the specs give (the specs also
 * register the flags, so the help and the README cannot drift apart). `npm run readme-options` rewrites them.
 */
const README = readFileSync('README.md', 'utf8');

/** The README's table for a command, between its markers. */
function readmeTable(command: string): string | undefined {
  const open = `<!-- options: ${command} -->\n`;
  const start = README.indexOf(open);
  const end = README.indexOf('\n<!-- /options -->', start);
  return start < 0 || end < 0 ? undefined : README.slice(start + open.length, end);
}

/** A command's --help, as the CLI prints it. */
async function help(command: string): Promise<string> {
  let out = '';
  const sink = { isTTY: false, write: (s: string) => ((out += s), true) } as unknown as CliIO['stdout'];
  await main(['node', 'declutter', command, '--help'], { stdout: sink, stderr: sink, stdin: Readable.from([]), env: {} });
  return out;
}

describe.each(Object.keys(COMMAND_OPTIONS) as (keyof typeof COMMAND_OPTIONS)[])('the options of %s', (command) => {
  it('are the README table the specs give (npm run readme-options rewrites it)', () => {
    expect(readmeTable(command)).toBe(optionTable(COMMAND_OPTIONS[command]));
  });

  it('are the flags the command takes', async () => {
    const text = await help(command);
    const options = COMMAND_OPTIONS[command];
    for (const spec of [...options.shared, ...options.own]) expect(text).toContain(spec.flags);
  });
});

describe('the specs', () => {
  it('give --favor its choices, default and help once, for the library and every command', () => {
    expect(SPECS.favor).toEqual(expect.objectContaining({ choices: ['balanced', 'precision', 'recall'], default: 'balanced' }));
    for (const command of ['clean', 'batch', 'eval'] as const) {
      const { shared, own } = COMMAND_OPTIONS[command];
      expect([...shared, ...own]).toContain(SPECS.favor);
    }
    expect(README).toContain('| `--favor balanced\\|precision\\|recall` | `balanced` |');
  });
});
