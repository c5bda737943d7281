import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The evaluation data beside the repository (../shared/datasets; see its README), which CI checks out. */
export const DATASETS = resolve(process.cwd(), '../shared/datasets');

/**
 * Whether the tests of a file that need the datasets run: yes when they are present, and always under CI=true,
 * where their absence must fail. Otherwise (a fresh clone alone) the file says so in one line on stderr, and its
 * tests are skipped.
 */
export function datasetsPresent(file: string): boolean {
  if (existsSync(DATASETS) || process.env.CI === 'true') return true;
  process.stderr.write(`${file}: skipped: no datasets at ${DATASETS} (required when CI=true)\n`);
  return false;
}
