/**
 * The input stage: bytes or a string in, clean text out, with what it is (HTML or a text dump) and how it
 * was decoded — or a typed reason why there is nothing to extract from.
 *
 *   bytes ─► size ─► gunzip (by magic) ─► size ─► binary magic? ─► UTF-16? ─► control bytes?
 *         ─► charset ─► decode ─► clean ─► blank? ─► sniff (html | text)
 */
import { Buffer } from 'node:buffer';
import { DEFAULT_OPTIONS, type InputHint } from '../options.js';
import { sniffControlBytes, sniffMagic } from './binary.js';
import { chooseCharset, decodeBytes, sniffBom, sniffUtf16WithoutBom, type EncodingSource } from './charset.js';
import { gunzipBounded, isGzip } from './gzip.js';
import { tooLargeDetail } from './size.js';
import { sniffKind } from './sniff.js';
import { cleanText, isBlank, toWellFormed } from './text.js';

export { sniffKind } from './sniff.js';
export type { EncodingSource } from './charset.js';

/** Why the input gave no text. The same names as the Article's EmptyReason. */
export type DecodeFailureReason = 'empty-input' | 'binary-input' | 'too-large';

export type DecodedInput =
  | {
      ok: true;
      text: string;
      kind: 'html' | 'text';
      encoding: string;
      encodingSource: EncodingSource | 'string';
      gzip: boolean;
    }
  | { ok: false; reason: DecodeFailureReason; detail: string };

export interface DecodeOptions {
  /** 'html' or 'text' skips sniffing; 'auto' (the default) sniffs. */
  hint?: InputHint;
  /** Inputs (after gunzip) larger than this many bytes are refused as 'too-large'. */
  maxBytes?: number;
  /** An HTTP Content-Type header value; its charset outranks the page's own declarations. */
  contentType?: string;
}

/**
 * A string has no byte encoding; it is reported as UTF-8, the encoding every output is written in.
 * encodingSource 'string' says that nothing was decoded.
 */
const STRING_ENCODING = 'utf-8';

/** UTF-8 never needs more than 3 bytes per UTF-16 code unit, so length × 3 bounds the byte length. */
const MAX_UTF8_BYTES_PER_UNIT = 3;

type Decoded = { text: string; encoding: string; encodingSource: EncodingSource | 'string'; gzip: boolean };
type Failure = Extract<DecodedInput, { ok: false }>;

function fail(reason: DecodeFailureReason, detail: string): Failure {
  return { ok: false, reason, detail };
}

/** The string's UTF-8 size, computed only when it could exceed the limit. */
function stringTooLarge(input: string, maxBytes: number): number | undefined {
  if (input.length * MAX_UTF8_BYTES_PER_UNIT <= maxBytes) return undefined;
  const bytes = Buffer.byteLength(input, 'utf8');
  return bytes > maxBytes ? bytes : undefined;
}

/** An already decoded string: no charset work, only the size, lone surrogates and the clean-ups. */
function fromString(input: string, maxBytes: number): Decoded | Failure {
  if (input.length === 0) return fail('empty-input', 'input is empty');
  const size = stringTooLarge(input, maxBytes);
  if (size !== undefined) return fail('too-large', tooLargeDetail(size, maxBytes));
  return { text: cleanText(toWellFormed(input)), encoding: STRING_ENCODING, encodingSource: 'string', gzip: false };
}

/** The bytes to decode: gunzipped when they carry the gzip magic, and within the size limit. */
function unpack(input: Uint8Array, maxBytes: number): { bytes: Uint8Array; gzip: boolean } | Failure {
  if (input.length === 0) return fail('empty-input', 'input is empty (0 bytes)');
  if (input.length > maxBytes) return fail('too-large', tooLargeDetail(input.length, maxBytes));
  if (!isGzip(input)) return { bytes: input, gzip: false };
  const inflated = gunzipBounded(input, maxBytes);
  if (!inflated.ok) return fail(inflated.reason === 'too-large' ? 'too-large' : 'binary-input', inflated.detail);
  const bytes = inflated.bytes;
  if (bytes.length === 0) return fail('empty-input', 'gzip stream holds no data');
  if (bytes.length > maxBytes) return fail('too-large', tooLargeDetail(bytes.length, maxBytes));
  return { bytes, gzip: true };
}

/** Raw bytes: unpack, refuse binary, choose the charset, decode. */
function fromBytes(input: Uint8Array, maxBytes: number, contentType: string | undefined): Decoded | Failure {
  const unpacked = unpack(input, maxBytes);
  if ('ok' in unpacked) return unpacked;
  const { bytes, gzip } = unpacked;
  // Magic numbers are unambiguous and come first; UTF-16 is recognised before the control-byte test,
  // which would take its NULs for binary.
  const magic = sniffMagic(bytes);
  if (magic !== undefined) return fail('binary-input', magic);
  const unicode = sniffBom(bytes) ?? sniffUtf16WithoutBom(bytes);
  if (unicode === undefined) {
    const binary = sniffControlBytes(bytes);
    if (binary !== undefined) return fail('binary-input', binary);
  }
  const choice = unicode ?? chooseCharset(bytes, contentType);
  const text = choice.text ?? decodeBytes(bytes, choice.encoding);
  return { text: cleanText(text), encoding: choice.encoding, encodingSource: choice.source, gzip };
}

/**
 * Turns an input into clean text (newlines \n, no BOM, valid Unicode) and says whether it is HTML or a text
 * dump. Never throws on bad input: empty, binary and oversized inputs come back as typed failures.
 */
export function decodeInput(input: string | Uint8Array, opts: DecodeOptions = {}): DecodedInput {
  const maxBytes = opts.maxBytes ?? DEFAULT_OPTIONS.maxBytes;
  const hint = opts.hint ?? 'auto';
  const decoded =
    typeof input === 'string' ? fromString(input, maxBytes) : fromBytes(input, maxBytes, opts.contentType);
  if ('ok' in decoded) return decoded;
  if (isBlank(decoded.text)) return fail('empty-input', 'input holds only whitespace');
  const kind = hint === 'auto' ? sniffKind(decoded.text) : hint;
  return { ok: true, kind, ...decoded };
}
