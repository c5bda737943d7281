import { readFile, stat } from 'node:fs/promises';
import { sniffMagic, sniffControlBytes } from '../input/binary.js';
import { formatBytes, tooLargeDetail } from '../input/size.js';
import { CliError, EXIT } from './exit-codes.js';
import { fsErrorReason } from '../fs-errors.js';

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

/**
 * Reads a whole file as bytes, turning file-system failures into one-line CLI errors. A file larger than
 * `maxBytes` is refused (exit code 4) before it is read, so a huge file never fills memory.
 */
export async function readInputFile(path: string, maxBytes = Infinity): Promise<Buffer> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new CliError(`${path}: ${fsErrorReason(err, 'file')}`, EXIT.UNREADABLE);
  }
  if (info.isDirectory()) throw new CliError(`${path}: is a directory, expected a file`, EXIT.UNREADABLE);
  if (info.isFile() && info.size > maxBytes) throw new CliError(`${path}: ${tooLargeDetail(info.size, maxBytes)}`, EXIT.REJECTED);
  try {
    return await readFile(path);
  } catch (err) {
    throw new CliError(`${path}: ${fsErrorReason(err, 'file')}`, EXIT.UNREADABLE);
  }
}

/**
 * Reads all of standard input as bytes. Past `maxBytes` it stops reading and refuses the input (exit code 4),
 * so an endless or huge stream never fills memory.
 */
export async function readStdin(stdin: NodeJS.ReadableStream, maxBytes = Infinity): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > maxBytes) throw new CliError(`stdin: input is larger than --max-bytes ${formatBytes(maxBytes)}`, EXIT.REJECTED);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

const UTF8 = new TextDecoder('utf-8');

/**
 * Reads a UTF-8 text file (a reference, an extraction output): a leading byte-order mark is dropped and invalid
 * bytes become U+FFFD. A binary file (an executable, an image, a gzip) is refused with EXIT.REJECTED, as the clean
 * command refuses binary pages: its "text" would be scored as if it meant something.
 */
export async function readTextFile(path: string): Promise<string> {
  const bytes = await readInputFile(path);
  const binary = sniffMagic(bytes) ?? sniffControlBytes(bytes);
  if (binary !== undefined) throw new CliError(`${path}: input is binary, not text (${binary})`, EXIT.REJECTED);
  return UTF8.decode(bytes);
}
