import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Bytes on standard input; stdin is a terminal when undefined and `tty` is set. */
  stdin?: string | Buffer;
  /** Pretend stdout and stdin are terminals. */
  tty?: boolean;
}

/** Runs the CLI in-process with captured streams. `args` exclude the program name. */
export async function runCli(args: string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    ({
      isTTY: options.tty === true,
      write(chunk: string | Uint8Array): boolean {
        append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      },
    }) as unknown as NodeJS.WritableStream & { isTTY?: boolean };
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]) as Readable & { isTTY?: boolean };
  stdin.isTTY = options.tty === true && options.stdin === undefined;
  const io: CliIO = { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)), stdin, env: options.env ?? {} };
  const code = await main(['node', 'declutter', ...args], io);
  return { code, stdout, stderr };
}

/** A failure: the documented exit code, exactly one line on stderr and no stack trace, nothing on stdout. */
export function expectOneLineError(run: CliRun, code: number, pattern: RegExp): void {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
}
