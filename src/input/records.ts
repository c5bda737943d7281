/**
 * Record readers for containers of many pages: JSON Lines (one page per line, with an `html` or `text`
 * field) and web archives (WARC responses and WET conversions, read with warcio). Both stream: one record
 * is read when the previous one has been taken, so memory holds a record, not a file.
 */
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { WARCParser } from 'warcio';

/** A page found in a container, or the reason a part of the container could not be read. */
export type ContainerRecord =
  | {
      ok: true;
      /** The record's own name: its `id`, else its `url`, else `line-N` (JSON Lines); its record id (WARC). */
      name: string;
      id?: string;
      url?: string;
      line?: number;
      payload: string | Uint8Array;
      /** What the container says the payload is. */
      kind: 'html' | 'text' | 'auto';
      /** The HTTP Content-Type of a WARC response: its charset outranks the page's own declarations. */
      contentType?: string;
    }
  | { ok: false; name: string; id?: string; url?: string; line?: number; reason: string };

const NEWLINE = 0x0a;

/** Splits a byte stream into lines without holding more than the current line. */
async function* lines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  for await (const chunk of stream) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let at = buf.indexOf(NEWLINE);
    while (at !== -1) {
      pending.push(buf.subarray(0, at));
      yield pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending);
      pending = [];
      buf = buf.subarray(at + 1);
      at = buf.indexOf(NEWLINE);
    }
    if (buf.length > 0) pending.push(buf);
  }
  if (pending.length > 0) yield Buffer.concat(pending);
}

function field(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Reads JSON Lines: `{"id"|"url": …, "html"|"text": …}` per line; blank lines are skipped. */
export async function* readJsonLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<ContainerRecord> {
  let line = 0;
  for await (const bytes of lines(stream)) {
    line++;
    const text = bytes.toString('utf8').trim();
    if (text === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // The line number is the record's identity (it has no id): the reason does not repeat it.
      yield { ok: false, name: `line-${line}`, line, reason: 'not valid JSON' };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { ok: false, name: `line-${line}`, line, reason: 'not a JSON object' };
      continue;
    }
    const rec = value as Record<string, unknown>;
    const id = field(rec.id);
    const url = field(rec.url);
    const name = id ?? url ?? `line-${line}`;
    const html = typeof rec.html === 'string' ? rec.html : undefined;
    const body = html ?? (typeof rec.text === 'string' ? rec.text : undefined);
    const where = { ...(id === undefined ? {} : { id }), ...(url === undefined ? {} : { url }), ...(id === undefined && url === undefined ? { line } : {}) };
    if (body === undefined) {
      // A record known by its id or URL says on which line it is; one known by its line number needs no more.
      const at = id === undefined && url === undefined ? '' : ` (line ${line})`;
      yield { ok: false, name, ...where, reason: `no "html" or "text" field${at}` };
      continue;
    }
    yield { ok: true, name, ...where, payload: body, kind: html !== undefined ? 'html' : 'text' };
  }
}

/** Content types of HTTP responses taken as pages; responses without a content type are tried too. */
const PAGE_CONTENT_TYPE = /^\s*(text\/html|application\/xhtml\+xml|text\/plain)\b/i;

function recordId(raw: string | null | undefined): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const trimmed = raw.trim().replace(/^<(.*)>$/, '$1');
  return trimmed.replace(/^urn:uuid:/i, '') || undefined;
}

/**
 * Reads a WARC or WET file: one page per `response` (or `resource`) record holding HTML, one text dump per
 * `conversion` record. Other records (requests, metadata, revisits, images…) are skipped.
 */
export async function* readWarc(stream: AsyncIterable<Uint8Array>): AsyncGenerator<ContainerRecord> {
  let index = 0;
  const parser = new WARCParser(stream);
  for await (const record of parser) {
    index++;
    const type = record.warcType;
    if (type !== 'response' && type !== 'resource' && type !== 'conversion') continue;
    const id = recordId(record.warcHeader('WARC-Record-ID'));
    const url = record.warcTargetURI ?? undefined;
    const name = id ?? url ?? `record-${index}`;
    const contentType =
      type === 'response' ? record.httpHeaders?.headers.get('content-type') : type === 'resource' ? record.warcContentType : undefined;
    if (type !== 'conversion' && contentType !== null && contentType !== undefined && !PAGE_CONTENT_TYPE.test(contentType)) continue;
    const payload = await record.readFully(true);
    yield {
      ok: true,
      name,
      ...(id === undefined ? {} : { id }),
      ...(url === undefined ? {} : { url }),
      payload,
      kind: type === 'conversion' ? 'text' : 'auto',
      ...(typeof contentType === 'string' && contentType !== '' ? { contentType } : {}),
    };
  }
}

/** Decompresses when `gzip` is set; multi-member gzip (one member per record) is read whole. */
export function maybeGunzip(stream: Readable, gzip: boolean): AsyncIterable<Buffer> {
  if (!gzip) return stream;
  // pipeline (not pipe) so that a read error of the file reaches the reader of the gunzipped stream.
  return pipeline(stream, createGunzip(), () => {});
}
