/** Helpers for the batch tests: the built CLI in a child process (workers load from dist/), pages, trees. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const BIN = resolve('bin/declutter.js');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `declutter ARGS` as a child process; `stdin` is written and closed. */
export function start(args: string[], options: { cwd?: string; stdin?: string | Buffer } = {}): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? process.cwd(), env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  child.stdin?.on('error', () => undefined);
  child.stdin?.end(options.stdin ?? '');
  const done = new Promise<Run>((resolveRun) => child.on('close', (code, signal) => resolveRun({ code, signal, stdout, stderr })));
  return { child, done };
}

/** Runs `declutter ARGS` to the end. */
export function declutterBin(args: string[], options: { cwd?: string; stdin?: string | Buffer } = {}): Promise<Run> {
  return start(args, options).done;
}

const TOPICS = ['river', 'harvest', 'library', 'railway', 'festival', 'orchard', 'harbour', 'museum', 'bridge', 'market'];

/** An article page whose text depends on `n`, between a menu and a footer. */
export function articlePage(n: number, paragraphs = 3): string {
  const topic = TOPICS[n % TOPICS.length] as string;
  const body = Array.from(
    { length: paragraphs },
    (_, p) =>
      `<p>Report ${n}, part ${p + 1}: the ${topic} committee met on Tuesday and agreed that the ${topic} would stay open through the winter, ` +
      `because the town council had found the money for repairs and the volunteers had promised to keep working every weekend.</p>`,
  ).join('\n');
  return `<!doctype html><html><head><title>The ${topic} report ${n}</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article><h1>The ${topic} report ${n}</h1>
${body}
</article>
<footer><a href="/about">About us</a> <a href="/contact">Contact</a> <a href="/privacy">Privacy</a></footer>
</body></html>
`;
}

/** Every file under a folder, as sorted '/'-separated relative paths. */
export function listTree(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const folder = stack.pop() as string;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  }
  return out.sort();
}

/** Every file under a folder with its content. */
export function readTree(dir: string): Record<string, string> {
  return Object.fromEntries(listTree(dir).map((rel) => [rel, readFileSync(join(dir, rel), 'utf8')]));
}

/** JSON Lines text as objects. */
export function parseLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
