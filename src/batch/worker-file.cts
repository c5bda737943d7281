/**
 * Where the worker thread's module is: beside this one, in the same build (dist/batch/ for the ES modules,
 * dist/cjs/batch/ for CommonJS). A CommonJS module knows its own folder without import.meta, which the CommonJS
 * build cannot contain. From the TypeScript sources (the tests), the ES module build in dist/.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function workerFile(): string {
  const here = join(__dirname, 'worker.js');
  return existsSync(here) ? here : join(__dirname, '..', '..', 'dist', 'batch', 'worker.js');
}
