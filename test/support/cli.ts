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
