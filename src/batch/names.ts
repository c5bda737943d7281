/**
 * Naming in batch mode: which files are pages, what an output is called, names that are safe to write
 * whatever a record calls itself, and the shard an input belongs to. Pure functions, no file system.
 */
import { createHash } from 'node:crypto';
import type { Format } from '../render/format.js';

/** The extension each output format writes. */
export const FORMAT_EXTENSIONS: Readonly<Record<Format, string>> = Object.freeze({
  text: '.txt',
  markdown: '.md',
  html: '.html',
  json: '.json',
});

/** Page files: the extension that says "a page", before an optional `.gz`. */
const PAGE_EXTENSIONS = ['.html', '.htm', '.txt'] as const;

/**
 * Extensions a saved page often has, though they do not say "HTML": what a crawler (`wget -r`) or a server
 * names its pages. A folder walk takes such a file, or one without an extension, when its content is HTML.
 */
const MAYBE_PAGE_EXTENSIONS = ['.xhtml', '.xht', '.shtml', '.shtm', '.php', '.asp', '.aspx', '.jsp', '.cfm', '.cgi'] as const;
const GZIP_EXTENSION = '.gz';

/** Containers of many pages, by the extension before an optional `.gz`. */
export type ContainerKind = 'jsonl' | 'warc';
const CONTAINER_EXTENSIONS: ReadonlyArray<readonly [string, ContainerKind]> = [
  ['.jsonl', 'jsonl'],
  ['.ndjson', 'jsonl'],
  ['.warc', 'warc'],
  ['.wet', 'warc'],
];

/**
 * The longest file name written, in UTF-8 bytes. Most file systems allow 255; the margin leaves room for
 * the temporary prefix and suffix of an atomic write.
 */
export const MAX_NAME_BYTES = 200;

/** A record's name is kept as it is when it is this simple; anything else is sanitised and hashed. */
const SIMPLE_NAME = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;
/** Characters replaced by "_" in a sanitised name. */
const UNSAFE_RUN = /[^A-Za-z0-9._-]+/g;
/** Readable part kept before the hash of a sanitised name, in characters (ASCII after sanitising). */
const READABLE_PREFIX = 80;
/** Hex digits of the hash that makes a sanitised name unique. */
const NAME_HASH_DIGITS = 12;

function lowerName(name: string): string {
  return name.toLowerCase();
}

function stripGzip(name: string): string {
  return lowerName(name).endsWith(GZIP_EXTENSION) ? name.slice(0, -GZIP_EXTENSION.length) : name;
}

/** True for `.html`, `.htm`, `.txt` and their `.gz`. */
export function isPageName(name: string): boolean {
  const inner = lowerName(stripGzip(name));
  return PAGE_EXTENSIONS.some((ext) => inner.endsWith(ext) && inner.length > ext.length);
}

/** A file whose name allows a page: a MAYBE_PAGE_EXTENSIONS one, or a name without an extension (`about`, `index`). */
export function mayBePage(name: string): boolean {
  const lower = lowerName(name);
  if (!lower.includes('.')) return true;
  return MAYBE_PAGE_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

/** `jsonl` for `.jsonl`/`.ndjson`, `warc` for `.warc`/`.wet`, each optionally `.gz`; undefined otherwise. */
export function containerKind(name: string): ContainerKind | undefined {
  const inner = lowerName(stripGzip(name));
  for (const [ext, kind] of CONTAINER_EXTENSIONS) if (inner.endsWith(ext) && inner.length > ext.length) return kind;
  return undefined;
}

/** The name without its page or container extensions: `b.html.gz` → `b`, `crawl.warc.gz` → `crawl`. */
export function stemOf(name: string): string {
  const inner = stripGzip(name);
  const lower = lowerName(inner);
  for (const ext of [...PAGE_EXTENSIONS, ...MAYBE_PAGE_EXTENSIONS, ...CONTAINER_EXTENSIONS.map(([e]) => e)]) {
    if (lower.endsWith(ext) && lower.length > ext.length) return inner.slice(0, -ext.length);
  }
  return inner;
}

/** A short, stable hex digest. */
export function digest(value: string, digits = NAME_HASH_DIGITS): string {
  return createHash('sha256').update(value).digest('hex').slice(0, digits);
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * A single path segment that is safe to create under the output folder: no separator, no NUL, not "." or
 * "..", not hidden, not too long. A simple name is kept; anything else becomes a readable prefix and a
 * hash of the original, so two different originals never share a name.
 */
export function safeSegment(raw: string, extension: string): string {
  if (SIMPLE_NAME.test(raw) && byteLength(raw + extension) <= MAX_NAME_BYTES) return raw + extension;
  const readable = raw
    .replace(UNSAFE_RUN, '_')
    .replace(/^[._-]+/, '')
    .slice(0, READABLE_PREFIX);
  return `${readable === '' ? 'record' : readable}-${digest(raw)}${extension}`;
}

/**
 * The output name of a page file: its page extensions replaced by the format's. A name that would be too
 * long is shortened and hashed.
 */
export function pageOutputName(name: string, extension: string): string {
  const candidate = stemOf(name) + extension;
  if (byteLength(candidate) <= MAX_NAME_BYTES && !candidate.startsWith('.')) return candidate;
  return safeSegment(stemOf(name), extension);
}

/**
 * Output names for the page files of one folder, in the order given. Two pages whose names differ only by
 * their page extensions (`a.html`, `a.txt`) would share an output; each of them keeps its whole name
 * instead (`a.html.txt`, `a.txt.txt`), and a name still taken gets a hash.
 */
export function folderOutputNames(names: readonly string[], extension: string): string[] {
  const primary = names.map((name) => pageOutputName(name, extension));
  const count = new Map<string, number>();
  for (const p of primary) count.set(p, (count.get(p) ?? 0) + 1);
  const taken = new Set(primary.filter((p) => count.get(p) === 1));
  return names.map((name, i) => {
    const p = primary[i] as string;
    if (count.get(p) === 1) return p;
    let candidate = safeSegment(name, extension);
    if (taken.has(candidate)) candidate = safeSegment(`${name}~${digest(name)}`, extension);
    taken.add(candidate);
    return candidate;
  });
}

/**
 * Gives each record of a container a distinct name, in input order: the second record called "x" becomes
 * "x~2". Names are remembered as 48-bit hashes, so memory stays small for millions of records; a hash
 * collision can only rename a record, never merge two.
 */
export class RecordNamer {
  private readonly seen = new Set<number>();

  next(name: string): string {
    let candidate = name;
    for (let n = 2; this.seen.has(hash48(candidate)); n++) candidate = `${name}~${n}`;
    this.seen.add(hash48(candidate));
    return candidate;
  }
}

function hash48(value: string): number {
  return createHash('sha256').update(value).digest().readUIntBE(0, 6);
}

/** `--shard K/N`: this run takes the inputs whose key hashes to K (1 ≤ K ≤ N). */
export interface Shard {
  index: number;
  count: number;
}

/** Parses "K/N" with 1 ≤ K ≤ N; undefined when malformed. */
export function parseShard(value: string): Shard | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (m === null) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) return undefined;
  return { index, count };
}

/** The shard (1…count) an input key belongs to: a stable hash, the same on every machine. */
export function shardOf(key: string, count: number): number {
  return (hash48(key) % count) + 1;
}
