/** Sizes as people read them in messages ("70.2 MB"), with binary multiples, as the --max-bytes default is. */

/** One kilobyte as used in messages: 1024 bytes. */
const KB = 1024;

/** One megabyte as used in messages: 1024 × 1024 bytes, so the default limit reads "64 MB". */
const MB = KB * KB;

/** One decimal place, without a trailing ".0", so 64 MB reads "64 MB" and not "64.0 MB". */
function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A byte count in bytes, KB or MB, whichever reads best. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'unlimited';
  if (bytes < KB) return `${bytes} bytes`;
  if (bytes < MB) return `${oneDecimal(bytes / KB)} KB`;
  return `${oneDecimal(bytes / MB)} MB`;
}

/** The message for an input over the limit, e.g. "input is 70.2 MB, larger than --max-bytes 64 MB". */
export function tooLargeDetail(bytes: number, maxBytes: number): string {
  return `input is ${formatBytes(bytes)}, larger than --max-bytes ${formatBytes(maxBytes)}`;
}
