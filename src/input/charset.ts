/**
 * Which character encoding the bytes are in, and decoding them. The order of the rules, first match wins:
 *
 *   1. byte order mark (UTF-8, UTF-16LE/BE)                        — unambiguous, and the HTML spec puts it first
 *   2. UTF-16 without a BOM, by its pattern of NUL bytes           — otherwise it would be refused as binary
 *   3. the declared charset (Content-Type header, <meta>, <?xml?>) — weighed against the bytes, see weighDeclared
 *   4. valid UTF-8                                                 — by far the most common encoding of the web
 *   5. mostly valid UTF-8 (a few damaged bytes)                    — a damaged UTF-8 page is still a UTF-8 page
 *   6. detection by chardet on a sample                            — legacy pages that declare nothing
 *   7. windows-1252                                                — decodes any byte, and is the web's default
 *
 * Labels are resolved by TextDecoder, which follows the WHATWG Encoding Standard ("latin1" and "ascii" mean
 * windows-1252, "gb2312" means gbk). An unknown or unsupported label is ignored, never an exception.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { analyse } from 'chardet';

export type EncodingSource = 'bom' | 'declared' | 'detected' | 'default';

export interface CharsetChoice {
  /** A WHATWG encoding name that TextDecoder accepts. */
  encoding: string;
  source: EncodingSource;
  /** The decoded text, when choosing already required decoding (the strict UTF-8 check). */
  text?: string;
}

/**
 * The HTML spec's prescan reads the first 1024 bytes; pages with a long head (analytics, preloads) put the
 * <meta> later, so we read 4 KB.
 */
const PRESCAN_BYTES = 4096;

/** How many leading bytes the UTF-16 pattern test reads. */
const UTF16_SAMPLE_BYTES = 1024;

/**
 * How many bytes the mostly-UTF-8 tally and chardet read, from the first non-ASCII byte on. chardet costs
 * about 5 ms on 16 KB and 20 ms on 64 KB, and 16 KB of actual non-ASCII text is plenty to tell charsets apart.
 */
const DETECTION_SAMPLE_BYTES = 16 * 1024;

/**
 * UTF-16 without a BOM: in mostly-ASCII text (markup is ASCII) one byte of every pair is NUL. At least this
 * share of pairs must have the NUL on one side…
 */
const UTF16_NUL_SIDE_MIN = 0.5;
/** …and at most this share on the other side (NUL-filled or random bytes have NULs on both sides or few). */
const UTF16_OTHER_SIDE_MAX = 0.05;
/** Fewer pairs than this say nothing reliable about a pattern. */
const UTF16_MIN_PAIRS = 8;

/**
 * chardet reports a confidence from 0 to 100 for every recogniser; below this the guess is noise, and
 * windows-1252 (the fallback) is the better bet.
 */
const MIN_DETECTION_CONFIDENCE = 20;

/**
 * Detector results that cannot apply here: UTF-8 was already found invalid; UTF-16/32 need a BOM or the
 * NUL pattern; the rest are chardet's generic family names, not charsets.
 */
const UNUSABLE_DETECTIONS: ReadonlySet<string> = new Set([
  'UTF-8', 'UTF-16LE', 'UTF-16BE', 'UTF-32', 'UTF-32LE', 'UTF-32BE', 'ISO_2022', 'mbcs', 'sbcs',
]);

/** The encoding that decodes any byte sequence; the WHATWG default for legacy pages. */
const FALLBACK_ENCODING = 'windows-1252';

/** ISO-2022-JP is 7-bit, so valid UTF-8; its kanji shift sequences (ESC $ B, ESC $ @) give it away. */
const ISO_2022_JP_SHIFTS = ['\u001b$B', '\u001b$@'] as const;

/**
 * What windows-1252 bytes 0x80–0x9F stand for (WHATWG index-windows-1252); the five bytes it leaves
 * unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value.
 */
const WINDOWS_1252_C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** A C1 control character, as latin1 decoding leaves bytes 0x80–0x9F. */
const C1_CHAR = /[\u0080-\u009F]/g;

/**
 * <meta charset=x> and <meta http-equiv content="…; charset=x">: one pattern covers both. Lazy, bounded by
 * ">". Global, for matchAll (which copies the pattern, so no lastIndex is shared between calls).
 */
const META_CHARSET = /<meta(?=[\s/])[^>]*?[\s;"'/]charset\s*=\s*["']?\s*([^\s"'>;/]+)/gi;

/** The XML declaration's encoding, only at the very start of the document. */
const XML_ENCODING = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"'\s>]+)["']/i;

/** The charset parameter of a Content-Type header value. */
const CONTENT_TYPE_CHARSET = /;\s*charset\s*=\s*["']?([^\s"';,]+)/i;

/** WHATWG prescan: "x-user-defined" in a <meta> means windows-1252 (TextDecoder in Node does not support it). */
const X_USER_DEFINED = 'x-user-defined';

/** The UTF-8 or UTF-16 byte order mark at the start, if any. */
export function sniffBom(bytes: Uint8Array): CharsetChoice | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', source: 'bom' };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', source: 'bom' };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', source: 'bom' };
  return undefined;
}

/**
 * UTF-16 without a BOM, recognised by NULs on one side of each byte pair. Browsers would not do this, but
 * a UTF-16 file that lost its BOM is still text, and refusing it as binary helps no one.
 */
export function sniffUtf16WithoutBom(bytes: Uint8Array): CharsetChoice | undefined {
  const pairs = Math.floor(Math.min(bytes.length, UTF16_SAMPLE_BYTES) / 2);
  if (pairs < UTF16_MIN_PAIRS) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNuls++;
    if (bytes[2 * i + 1] === 0) oddNuls++;
  }
  const looksLike = (nulSide: number, otherSide: number): boolean =>
    nulSide >= UTF16_NUL_SIDE_MIN * pairs && otherSide <= UTF16_OTHER_SIDE_MAX * pairs;
  if (looksLike(oddNuls, evenNuls)) return { encoding: 'utf-16le', source: 'detected' };
  if (looksLike(evenNuls, oddNuls)) return { encoding: 'utf-16be', source: 'detected' };
  return undefined;
}

/**
 * A label resolved to the WHATWG encoding name TextDecoder accepts, or undefined for an unknown label and
 * for the "replacement" family (iso-2022-kr, hz-gb-2312…), which browsers decode to a single U+FFFD and
 * which detection serves better. A declared UTF-16 in a byte stream without a BOM means UTF-8 (WHATWG
 * prescan rule: the bytes could not have been read as ASCII to find the declaration otherwise).
 */
export function resolveLabel(label: string): string | undefined {
  const normalised = label.trim().toLowerCase();
  if (normalised === X_USER_DEFINED) return FALLBACK_ENCODING;
  let encoding: string;
  try {
    encoding = new TextDecoder(normalised).encoding;
  } catch {
    return undefined;
  }
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? 'utf-8' : encoding;
}

/** The text with <!-- comments --> removed, so a commented-out <meta> is not taken for the real one. */
function withoutComments(head: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = head.indexOf('<!--', from);
    if (open === -1) return out + head.slice(from);
    out += head.slice(from, open);
    const close = head.indexOf('-->', open + 4);
    if (close === -1) return out;
    from = close + 3;
  }
}

/** The first bytes as latin1, one char per byte, as the HTML spec's prescan reads them. */
function prescanWindow(bytes: Uint8Array): string {
  const n = Math.min(bytes.length, PRESCAN_BYTES);
  return Buffer.from(bytes.buffer, bytes.byteOffset, n).toString('latin1');
}

/** Every <meta> charset label in the prescan window, in document order, comments excluded. */
function metaLabels(head: string): string[] {
  return Array.from(withoutComments(head).matchAll(META_CHARSET), (m) => m[1] ?? '');
}

/**
 * The declared encoding, already resolved, in the HTML spec's order of authority: the transport layer
 * (Content-Type header) first, then <meta> (the first one whose label resolves, as the prescan does),
 * then the XML declaration. A label that does not resolve is skipped, so the next declaration or
 * detection gets its chance.
 */
export function declaredEncoding(bytes: Uint8Array, contentType?: string): string | undefined {
  const fromHeader = contentType === undefined ? undefined : CONTENT_TYPE_CHARSET.exec(contentType)?.[1];
  const head = prescanWindow(bytes);
  const candidates = [fromHeader, ...metaLabels(head), XML_ENCODING.exec(head)?.[1]];
  for (const label of candidates) {
    const encoding = label === undefined ? undefined : resolveLabel(label);
    if (encoding !== undefined) return encoding;
  }
  return undefined;
}

/**
 * The bytes as UTF-8 if they are valid UTF-8, else undefined. Validation is a native SIMD pass (isUtf8),
 * so an invalid page costs no exception and no wasted decode; a valid one is decoded once.
 */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
}

/** Index of the first byte ≥ 0x80, or the length. A simple byte scan. */
function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return bytes.length;
}

/**
 * The sample the statistical rules look at: it starts at the first non-ASCII byte, because pages often
 * open with tens of KB of ASCII scripts and styles that say nothing about the charset.
 */
function detectionSample(bytes: Uint8Array): Uint8Array {
  const start = firstNonAscii(bytes);
  return bytes.subarray(start, start + DETECTION_SAMPLE_BYTES);
}

/** How many continuation bytes a UTF-8 lead byte announces; 0 for a byte that cannot lead (80–C1, F5–FF). */
function utf8TrailLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return 0;
}

/** How many well-formed multi-byte UTF-8 sequences and how many invalid bytes the sample holds. */
export function tallyUtf8(sample: Uint8Array): { sequences: number; errors: number } {
  let sequences = 0;
  let errors = 0;
  let i = 0;
  const n = sample.length;
  while (i < n) {
    const lead = sample[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail = utf8TrailLength(lead);
    if (trail === 0) {
      errors++;
      i++;
      continue;
    }
    // A sequence cut by the end of the sample is neither: the sample (or a truncated download) ended there.
    if (i + trail >= n) break;
    // The second byte's range excludes overlong forms (E0, F0), surrogates (ED) and code points past U+10FFFF (F4).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    let ok = sample[i + 1]! >= low && sample[i + 1]! <= high;
    for (let k = 2; ok && k <= trail; k++) ok = sample[i + k]! >= 0x80 && sample[i + k]! <= 0xbf;
    if (ok) {
      sequences++;
      i += trail + 1;
    } else {
      errors++;
      i++;
    }
  }
  return { sequences, errors };
}

/**
 * UTF-8 with some damage (a truncated character, a stray windows-1252 byte pasted in): decoding it as
 * UTF-8 loses only the damaged characters, while any single-byte reading would garble every valid
 * sequence. So UTF-8 wins when valid sequences outnumber invalid bytes; in real legacy text, byte pairs
 * that happen to form valid UTF-8 are rare.
 */
export function isMostlyUtf8(bytes: Uint8Array): boolean {
  const { sequences, errors } = tallyUtf8(detectionSample(bytes));
  return sequences > errors;
}

/** True when the strictly decoded text has one char per byte, which only ASCII gives. */
function isAscii(text: string, bytes: Uint8Array): boolean {
  return text.length === bytes.length;
}

/** True when the bytes hold an ISO-2022-JP shift into JIS X 0208 (a native search, no per-byte loop). */
function hasIso2022JpShift(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return ISO_2022_JP_SHIFTS.some((shift) => buf.includes(shift, 0, 'latin1'));
}

/** chardet's best usable guess for a sample, resolved to a WHATWG name; undefined when it has none. */
export function detectWithChardet(sample: Uint8Array): string | undefined {
  for (const match of analyse(sample)) {
    if (match.confidence < MIN_DETECTION_CONFIDENCE) return undefined;
    if (UNUSABLE_DETECTIONS.has(match.name)) continue;
    const encoding = resolveLabel(match.name);
    if (encoding !== undefined && encoding !== 'utf-8') return encoding;
  }
  return undefined;
}

/**
 * A declaration weighed against the bytes. Declarations are wrong often enough on the web that they
 * cannot be taken blindly:
 * - declared UTF-8 and valid: taken. Declared UTF-8 but invalid: taken when mostly valid (damage, not a
 *   wrong label), else dropped for detection (a windows-1252 page behind a template that says UTF-8).
 * - declared legacy but the bytes are valid UTF-8 with non-ASCII content: UTF-8. Browsers would honour
 *   the label, but scraped pages are often re-encoded to UTF-8 by the crawler while the <meta> keeps the
 *   original label (seen in the dev datasets, where the references agree with the UTF-8 reading), and
 *   legacy text that is also valid UTF-8 is rare beyond a stray pair of bytes.
 * - declared legacy otherwise: taken.
 */
function weighDeclared(declared: string, bytes: Uint8Array, utf8: string | undefined): CharsetChoice | undefined {
  if (declared === 'utf-8') {
    if (utf8 !== undefined) return { encoding: 'utf-8', source: 'declared', text: utf8 };
    return isMostlyUtf8(bytes) ? { encoding: 'utf-8', source: 'declared' } : undefined;
  }
  if (utf8 !== undefined && !isAscii(utf8, bytes)) return { encoding: 'utf-8', source: 'detected', text: utf8 };
  return { encoding: declared, source: 'declared' };
}

/** Rules 4 to 7, for bytes whose declaration is absent or was dropped. */
function detectCharset(bytes: Uint8Array, utf8: string | undefined): CharsetChoice {
  if (utf8 !== undefined) {
    if (!isAscii(utf8, bytes)) return { encoding: 'utf-8', source: 'detected', text: utf8 };
    if (hasIso2022JpShift(bytes)) return { encoding: 'iso-2022-jp', source: 'detected' };
    // Pure ASCII reads the same in every ASCII-compatible charset: nothing to detect, UTF-8 by default.
    return { encoding: 'utf-8', source: 'default', text: utf8 };
  }
  if (isMostlyUtf8(bytes)) return { encoding: 'utf-8', source: 'detected' };
  const detected = detectWithChardet(detectionSample(bytes));
  if (detected !== undefined) return { encoding: detected, source: 'detected' };
  return { encoding: FALLBACK_ENCODING, source: 'default' };
}

/**
 * The encoding of bytes that have no BOM (rules 3 to 7). The strict UTF-8 pass runs first because it is
 * the answer for most pages and its text is reused, so a UTF-8 page is decoded once.
 */
export function chooseCharset(bytes: Uint8Array, contentType?: string): CharsetChoice {
  const utf8 = strictUtf8(bytes);
  const declared = declaredEncoding(bytes, contentType);
  const weighed = declared === undefined ? undefined : weighDeclared(declared, bytes, utf8);
  return weighed ?? detectCharset(bytes, utf8);
}

/**
 * windows-1252 decoded as Node's latin1 (one char per byte), then bytes 0x80–0x9F mapped by the WHATWG
 * index. Node's own TextDecoder('windows-1252') decodes those 32 bytes as latin1 C1 controls
 * (nodejs/node#56542), which would lose every €, smart quote and dash of a legacy page.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  return latin1.replace(C1_CHAR, (ch) => WINDOWS_1252_C1[ch.charCodeAt(0) - 0x80] ?? ch);
}

/** Decodes with replacement (U+FFFD) for invalid sequences: never throws. A matching BOM is dropped. */
export function decodeBytes(bytes: Uint8Array, encoding: string): string {
  if (encoding === FALLBACK_ENCODING) return decodeWindows1252(bytes);
  return new TextDecoder(encoding).decode(bytes);
}
