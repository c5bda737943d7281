/**
 * "Content is loaded by script": the served HTML of a client-rendered page is a shell (an empty app root, a
 * noscript asking for JavaScript, scripts) with almost no text of its own. The extractor reports such a page as
 * script-only instead of returning whatever scraps of chrome it holds.
 */

import type { ScriptMarks } from './observer.js';
import { SCRIPT_ONLY_APP_ROOT_MAX_VISIBLE_CHARS, SCRIPT_ONLY_MAX_VISIBLE_CHARS } from './thresholds.js';

/** What the page shows of a script application, for the "content is loaded by script" signal. */
export interface PageSignals extends ScriptMarks {
  /** Characters of all blocks' text. */
  visibleChars: number;
  /** An app root (id="root", id="__next", <app-root>…) with no visible text inside. */
  emptyAppRoot: boolean;
}

/**
 * True when the page is a client-rendered shell:
 * - its app root (id="root", id="__next", <app-root>…) is empty and the page shows little else (a header and a
 *   footer around the empty root); or
 * - it shows almost no text and carries a script application's marks: a noscript asking for JavaScript, a
 *   script, a script preload.
 */
export function isScriptOnly(signals: PageSignals): boolean {
  if (signals.emptyAppRoot && signals.visibleChars < SCRIPT_ONLY_APP_ROOT_MAX_VISIBLE_CHARS) return true;
  if (signals.visibleChars >= SCRIPT_ONLY_MAX_VISIBLE_CHARS) return false;
  return signals.emptyAppRoot || signals.noscriptAsksForJs || signals.scripts > 0;
}
