/** Reading folders for the folder commands (`score --pred/--gold`, `eval`). */
import { readdir } from 'node:fs/promises';
import { CliError, EXIT } from './exit-codes.js';
import { fsErrorReason } from '../fs-errors.js';

/**
 * The names of the files (not sub-folders) of a folder, sorted by code unit so the order never depends on
 * locale. A folder that cannot be listed is EXIT.UNREADABLE.
 */
export async function listFileNames(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    throw new CliError(`${dir}: ${fsErrorReason(err, 'folder')}`, EXIT.UNREADABLE);
  }
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => entry.name)
    .sort(compareCodeUnits);
}

export function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Maps over items with at most `limit` calls in flight, keeping the results in input order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const UTF8 = new TextDecoder('utf-8');

/** Decodes UTF-8 text; a leading byte-order mark is dropped and invalid bytes become U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}
