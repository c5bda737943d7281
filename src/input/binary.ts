/**
 * Binary detection on the raw bytes, before any decoding: a PDF or an image handed to an article extractor
 * should be refused with a clear reason, not turned into a page of mojibake.
 *
 * Two tests: known magic numbers (names the type), then the share of C0 control bytes in the first few KB.
 * Text in any ASCII-compatible legacy charset (GBK, Shift_JIS, windows-125x…) uses bytes ≥ 0x80 for its
 * non-ASCII characters and almost never a C0 control, so it is not called binary. UTF-16 is full of NULs
 * and must be recognised (by BOM or byte pattern) between the two tests.
 */

/** One part of a signature: these bytes (or this ASCII string) at this offset. */
type MagicPart = readonly [offset: number, bytes: string | readonly number[]];

interface Signature {
  /** What the file looks like, completing "looks like …". */
  what: string;
  parts: readonly MagicPart[];
}

/**
 * Magic numbers of the binary formats most often found where pages are expected (downloads saved by a
 * crawler, attachments). Each is specific enough not to open a page of text: a magic made only of letters
 * is an unlikely word ("fLaC", "wOFF") or needs a second part. Formats not listed here are still caught by
 * the control-byte share.
 */
const SIGNATURES: readonly Signature[] = [
  { what: 'a PDF document', parts: [[0, '%PDF-']] },
  { what: 'a PNG image', parts: [[0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]]] },
  { what: 'a JPEG image', parts: [[0, [0xff, 0xd8, 0xff]]] },
  { what: 'a GIF image', parts: [[0, 'GIF87a']] },
  { what: 'a GIF image', parts: [[0, 'GIF89a']] },
  { what: 'a WebP image', parts: [[0, 'RIFF'], [8, 'WEBP']] },
  { what: 'a WAV audio file', parts: [[0, 'RIFF'], [8, 'WAVE']] },
  { what: 'an AVI video', parts: [[0, 'RIFF'], [8, 'AVI ']] },
  { what: 'an MP4/QuickTime/HEIF media file', parts: [[4, 'ftyp']] },
  { what: 'a ZIP archive (or a docx/xlsx/epub/jar)', parts: [[0, [0x50, 0x4b, 0x03, 0x04]]] },
  { what: 'a ZIP archive (or a docx/xlsx/epub/jar)', parts: [[0, [0x50, 0x4b, 0x05, 0x06]]] },
  { what: 'an MS Office (OLE2) document', parts: [[0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]]] },
  { what: 'a 7-Zip archive', parts: [[0, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]]] },
  { what: 'a RAR archive', parts: [[0, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]]] },
  { what: 'a bzip2 archive', parts: [[0, [0x42, 0x5a, 0x68]], [4, [0x31, 0x41, 0x59, 0x26, 0x53, 0x59]]] },
  { what: 'an xz archive', parts: [[0, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]]] },
  { what: 'a zstd archive', parts: [[0, [0x28, 0xb5, 0x2f, 0xfd]]] },
  { what: 'a gzip archive', parts: [[0, [0x1f, 0x8b]]] },
  { what: 'an ELF executable', parts: [[0, [0x7f, 0x45, 0x4c, 0x46]]] },
  { what: 'a Mach-O executable', parts: [[0, [0xcf, 0xfa, 0xed, 0xfe]]] },
  { what: 'a Mach-O executable', parts: [[0, [0xce, 0xfa, 0xed, 0xfe]]] },
  { what: 'a Java class file or Mach-O universal binary', parts: [[0, [0xca, 0xfe, 0xba, 0xbe]]] },
  { what: 'a WebAssembly module', parts: [[0, [0x00, 0x61, 0x73, 0x6d]]] },
  { what: 'an SQLite database', parts: [[0, 'SQLite format 3\u0000']] },
  { what: 'an Ogg media file', parts: [[0, 'OggS\u0000']] },
  { what: 'a FLAC audio file', parts: [[0, 'fLaC']] },
  { what: 'an MP3 audio file', parts: [[0, [0x49, 0x44, 0x33]], [4, [0x00]]] },
  { what: 'a TIFF image', parts: [[0, [0x49, 0x49, 0x2a, 0x00]]] },
  { what: 'a TIFF image', parts: [[0, [0x4d, 0x4d, 0x00, 0x2a]]] },
  { what: 'a WOFF font', parts: [[0, 'wOFF']] },
  { what: 'a WOFF2 font', parts: [[0, 'wOF2']] },
  { what: 'a Windows icon', parts: [[0, [0x00, 0x00, 0x01, 0x00]]] },
];

/** The signatures with their parts turned into bytes once, at load. */
const COMPILED_SIGNATURES = SIGNATURES.map((sig) => ({
  what: sig.what,
  parts: sig.parts.map(([offset, bytes]) => ({
    offset,
    bytes: typeof bytes === 'string' ? Array.from(bytes, (c) => c.charCodeAt(0)) : bytes,
  })),
}));

/** How many leading bytes the control-byte test reads: enough for a stable share, cheap on any input. */
export const BINARY_SAMPLE_BYTES = 8 * 1024;

/**
 * Share of C0 control bytes above which the sample is binary. Text has almost none; uniformly random or
 * compressed bytes have 27/256 ≈ 10.5%, executables and images far more. 3% leaves room for a page
 * with a few stray controls while catching even short random samples.
 */
const BINARY_CONTROL_SHARE = 0.03;

/**
 * C0 control bytes that do occur in text: \t \n \f \r and ESC (which ISO-2022-JP uses to switch
 * character sets). Every other byte below 0x20 counts as a control byte.
 */
const TEXT_CONTROL_BYTES: ReadonlySet<number> = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x1b]);

/** A 256-entry table: 1 for a byte that counts as binary control, 0 otherwise. Built once. */
const IS_BINARY_CONTROL: Uint8Array = (() => {
  const table = new Uint8Array(256);
  for (let b = 0; b < 0x20; b++) table[b] = TEXT_CONTROL_BYTES.has(b) ? 0 : 1;
  return table;
})();

/** The format named by the first matching magic number, if any. */
export function magicType(bytes: Uint8Array): string | undefined {
  const match = COMPILED_SIGNATURES.find((sig) =>
    sig.parts.every(({ offset, bytes: magic }) => magic.every((b, i) => bytes[offset + i] === b)),
  );
  return match?.what;
}

/** The share of binary control bytes among the first BINARY_SAMPLE_BYTES bytes. */
export function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, BINARY_SAMPLE_BYTES);
  if (n === 0) return 0;
  let controls = 0;
  for (let i = 0; i < n; i++) controls += IS_BINARY_CONTROL[bytes[i]!]!;
  return controls / n;
}

/** "looks like a PDF document" when the bytes start with a known binary magic number. Unambiguous, so it runs first. */
export function sniffMagic(bytes: Uint8Array): string | undefined {
  const what = magicType(bytes);
  return what === undefined ? undefined : `looks like ${what}`;
}

/**
 * Why the bytes look binary by their share of control bytes, or undefined for text. Run only on bytes
 * that are not UTF-16, whose NULs would otherwise count as controls.
 */
export function sniffControlBytes(bytes: Uint8Array): string | undefined {
  const share = controlShare(bytes);
  if (share <= BINARY_CONTROL_SHARE) return undefined;
  const percent = Math.round(share * 100);
  return `looks like binary data: ${percent}% of the first bytes are control characters (NUL and others)`;
}
