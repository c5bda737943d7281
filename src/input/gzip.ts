/**
 * Gzip recognised by its magic bytes, never by a file name: scraped pages are often stored compressed under
 * an .html name, or served with Content-Encoding: gzip and saved as they came.
 *
 * Damaged streams: a truncated stream yields what was decoded before the cut (a page cut short still has
 * its beginning, where the article usually starts). A stream corrupt in the middle, or followed by garbage,
 * yields the longest prefix that inflates cleanly, found by bisection (deflate notices damage only some
 * bytes after it, so the end of that output may be garbled). Only when nothing at all can be recovered is
 * the input refused, as 'corrupt'.
 */
import { constants as bufferConstants } from 'node:buffer';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import { formatBytes } from './size.js';

/** The gzip header: ID1 ID2 and CM = 8 (deflate, the only method in use). Three bytes avoid chance matches. */
const GZIP_MAGIC = [0x1f, 0x8b, 0x08] as const;

/** Flushing with Z_SYNC_FLUSH instead of Z_FINISH makes a truncated stream return its output, not throw. */
const LENIENT_FLUSH = zlibConstants.Z_SYNC_FLUSH;

/** The largest output zlib may be asked to produce in one buffer. */
const MAX_BUFFER_BYTES = bufferConstants.MAX_LENGTH;

/** Node's error code when the output would pass maxOutputLength: the sign of a bomb or an oversized page. */
const OUTPUT_TOO_LARGE_CODE = 'ERR_BUFFER_TOO_LARGE';

export type GunzipResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'too-large' | 'corrupt'; detail: string };

/** Thrown inside the bisection when the output limit is hit, to stop it at once. */
class OutputTooLarge extends Error {}

/** True when the bytes start with a gzip header. */
export function isGzip(bytes: Uint8Array): boolean {
  return GZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** zlib's maxOutputLength must be an integer from 1 to the buffer limit; maxBytes may be 0 or Infinity. */
function outputLimit(maxBytes: number): number {
  if (!Number.isFinite(maxBytes)) return MAX_BUFFER_BYTES;
  return Math.min(MAX_BUFFER_BYTES, Math.max(1, Math.floor(maxBytes)));
}

function isOutputTooLarge(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === OUTPUT_TOO_LARGE_CODE;
}

/** One inflation attempt; throws OutputTooLarge past the limit and rethrows zlib's data errors. */
function inflate(bytes: Uint8Array, limit: number): Uint8Array {
  try {
    return gunzipSync(bytes, { finishFlush: LENIENT_FLUSH, maxOutputLength: limit });
  } catch (err) {
    if (isOutputTooLarge(err)) throw new OutputTooLarge();
    throw err;
  }
}

/**
 * The output of the longest prefix of a damaged stream that inflates without error. A prefix that ends
 * before the damage inflates cleanly (the lenient flush treats it as truncated) and one that reaches it
 * fails, so bisection finds the boundary in about log2(n) attempts. Runs only for damaged input.
 */
function recoverPrefix(bytes: Uint8Array, limit: number): Uint8Array {
  let good = 0;
  let bad = bytes.length;
  let best: Uint8Array = new Uint8Array(0);
  while (bad - good > 1) {
    const mid = good + Math.floor((bad - good) / 2);
    try {
      best = inflate(bytes.subarray(0, mid), limit);
      good = mid;
    } catch (err) {
      if (err instanceof OutputTooLarge) throw err;
      bad = mid;
    }
  }
  return best;
}

/** Short form of a zlib error for the failure detail. */
function zlibMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Inflates a gzip stream, never producing more than maxBytes: a gzip bomb stops at the limit and is
 * reported as 'too-large' without the memory ever being allocated.
 */
export function gunzipBounded(bytes: Uint8Array, maxBytes: number): GunzipResult {
  const limit = outputLimit(maxBytes);
  const tooLarge: GunzipResult = {
    ok: false,
    reason: 'too-large',
    detail: `gzip input expands to more than --max-bytes ${formatBytes(maxBytes)}`,
  };
  try {
    return { ok: true, bytes: inflate(bytes, limit) };
  } catch (err) {
    if (err instanceof OutputTooLarge) return tooLarge;
    try {
      const recovered = recoverPrefix(bytes, limit);
      if (recovered.length > 0) return { ok: true, bytes: recovered };
    } catch (inner) {
      if (inner instanceof OutputTooLarge) return tooLarge;
    }
    const detail = `corrupt gzip stream (${zlibMessage(err)}), nothing could be recovered`;
    return { ok: false, reason: 'corrupt', detail };
  }
}
