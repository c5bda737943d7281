import { readFile, stat } from 'node:fs/promises';
import { CliError, EXIT } from './exit-codes.js';

/** Terminal-facing streams, injectable so tests can capture output without spawning a process. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** Colour is used only on a terminal and never when NO_COLOR is set (https://no-color.org). */
export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

/** Reads a whole file as bytes, turning file-system failures into one-line CLI errors. */
export async function readInputFile(path: string): Promise<Buffer> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new CliError(`${path}: ${fsReason(err)}`, EXIT.UNREADABLE);
  }
  if (info.isDirectory()) throw new CliError(`${path}: is a directory, expected a file`, EXIT.UNREADABLE);
  try {
    return await readFile(path);
  } catch (err) {
    throw new CliError(`${path}: ${fsReason(err)}`, EXIT.UNREADABLE);
  }
}

/** Reads all of standard input as bytes. */
export async function readStdin(stdin: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, expected a file';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return (err as Error | undefined)?.message?.split('\n')[0] ?? 'cannot be read';
  }
}
