/**
 * Turns the command line's inputs (folders, files, globs, containers, "-") into a stream of work items in a
 * deterministic order: arguments in the order given, folder entries sorted by code unit, records in the
 * order of their container. Nothing is held but the folders being walked and the current record.
 */
import { createReadStream } from 'node:fs';
import { open as openFile, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { compileGlob, hasGlobChars, type CompiledGlob } from './glob.js';
import { containerKind, isPageName, folderOutputNames, mayBePage, pageOutputName, RecordNamer, safeSegment, stemOf, type ContainerKind } from './names.js';
import { isGzip } from '../input/gzip.js';
import { sniffKind } from '../input/sniff.js';
import { maybeGunzip, readJsonLines, readWarc, type ContainerRecord } from '../input/records.js';
import { fsErrorReason } from '../fs-errors.js';

/** Who an output or a failure belongs to: a page file's path, or a record's id, URL and container. */
export interface Identity {
  path?: string;
  source?: string;
  id?: string;
  url?: string;
  line?: number;
}

interface ItemBase {
  /** Unique, stable key: the page's relative path, or "container#name" for a record. Sharding hashes it. */
  key: string;
  identity: Identity;
}

/** A page file, read by the worker. */
export interface FileItem extends ItemBase {
  type: 'file';
  path: string;
  /** Output path relative to --out, '/' separated. */
  out: string;
}

/** A page taken out of a container. */
export interface RecordItem extends ItemBase {
  type: 'record';
  payload: string | Uint8Array;
  kind: 'html' | 'text' | 'auto';
  url?: string;
  contentType?: string;
  out: string;
}

/** An input that failed before extraction: unreadable folder, symbolic link loop, bad JSON line… */
export interface FailedItem extends ItemBase {
  type: 'failed';
  reason: string;
  category: 'unreadable' | 'rejected';
  /** A folder or glob that gave no page at all: the run is a usage error when every input is one. */
  unmatched?: boolean;
}

/** A file a folder walk leaves alone: not a page (an image, a stylesheet), counted in the summary. */
export interface IgnoredItem extends ItemBase {
  type: 'ignored';
}

export type WorkItem = FileItem | RecordItem | FailedItem | IgnoredItem;

/** A bad command line, found before any work starts. */
export class BatchUsageError extends Error {
  override name = 'BatchUsageError';
}

export interface WalkOptions {
  /** Extension of the output format, with its dot. */
  extension: string;
  /** A folder never walked into (the output folder, when it lies inside an input folder). */
  exclude?: string;
  /** Where "-" reads JSON Lines from. */
  stdin?: NodeJS.ReadableStream;
  /** Working directory that relative inputs are resolved against. */
  cwd?: string;
  /** False to skip containers without opening them (counting pages for the progress bar). */
  containers?: boolean;
}

type Root =
  | { type: 'stdin' }
  | { type: 'folder'; path: string; arg: string }
  | { type: 'file'; path: string }
  | { type: 'glob'; glob: CompiledGlob; path: string; arg: string }
  | { type: 'missing'; arg: string; reason: string };

export interface InputPlan {
  roots: Root[];
  /** Relative paths of pages and containers are taken from this folder. */
  base: string;
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

function commonAncestor(paths: readonly string[]): string {
  if (paths.length === 0) return process.cwd();
  let parts = (paths[0] as string).split(sep);
  for (const p of paths.slice(1)) {
    const other = p.split(sep);
    let i = 0;
    while (i < parts.length && i < other.length && parts[i] === other[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join(sep) || sep;
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..' && !/^[a-zA-Z]:/.test(rel));
}

/** Classifies every argument and finds the folder relative paths are taken from. */
export async function planInputs(args: readonly string[], cwd = process.cwd()): Promise<InputPlan> {
  const roots: Root[] = [];
  const bases: string[] = [];
  const given: { arg: string; path: string; folder: boolean }[] = [];
  let stdinSeen = false;
  for (const arg of args) {
    if (arg === '-') {
      if (stdinSeen) throw new BatchUsageError('"-" (standard input) is given twice');
      stdinSeen = true;
      roots.push({ type: 'stdin' });
      continue;
    }
    const path = resolve(cwd, arg);
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      if (hasGlobChars(arg)) {
        const glob = compileGlob(arg);
        const globBase = resolve(cwd, glob.base);
        roots.push({ type: 'glob', glob, path: globBase, arg });
        bases.push(globBase);
      } else {
        roots.push({ type: 'missing', arg, reason: fsErrorReason(err, 'file') });
      }
      continue;
    }
    const folder = info.isDirectory();
    for (const other of given) {
      // The same page would be cleaned twice: a folder inside another, a file inside a folder, a file given twice.
      if (other.path === path || (other.folder && isInside(path, other.path)) || (folder && isInside(other.path, path))) {
        throw new BatchUsageError(`inputs overlap: ${arg} and ${other.arg} hold the same pages; give each page once`);
      }
    }
    given.push({ arg, path, folder });
    if (folder) {
      roots.push({ type: 'folder', path, arg });
      bases.push(path);
    } else {
      roots.push({ type: 'file', path });
      bases.push(dirname(path));
    }
  }
  return { roots, base: commonAncestor(bases) };
}

interface Frame {
  dir: string;
  /** Real path of this folder, to detect a symbolic link back to an ancestor. */
  real: string;
  entries: { name: string; out?: string; other?: boolean }[];
  next: number;
  depth: number;
  ancestors: Set<string>;
}

/** What a folder walk yields: a page or container file with its output name, a file left alone, or a failure. */
type Found =
  | { type: 'file'; path: string; out?: string }
  | { type: 'ignored'; path: string }
  | { type: 'failed'; path: string; reason: string };

/**
 * What a walk makes of a file by its name: a page (or a container a glob names), a file to open and sniff (a
 * `.php` or extensionless page saved by a crawler), another file (not a page), or a file the root does not select.
 */
type Verdict = 'page' | 'sniff' | 'other' | 'unselected';

const NO_SUCH_FILE = fsErrorReason({ code: 'ENOENT' }, 'file');

/** Bytes read from a file whose name does not say it is a page, to see whether it holds HTML. */
const SNIFF_BYTES = 8 * 1024;

/** True when the file starts like an HTML page (see sniffKind). Gzip and unreadable files are not sniffed. */
async function holdsHtml(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await openFile(path, 'r');
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    return bytesRead > 0 && !isGzip(head) && sniffKind(head.toString('utf8').replace(/^\uFEFF/, '')) === 'html';
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/**
 * Walks a folder depth-first in sorted order without recursion. `accept` chooses the files (given their path
 * relative to the root); hidden entries (".name") are skipped. Page files get their output names here, where
 * the whole folder is known, so `a.html` and `a.txt` do not overwrite each other.
 */
async function* walkFolder(
  root: string,
  accept: (rel: string, name: string) => Verdict,
  maxDepth: number,
  extension: string,
  exclude: string | undefined,
): AsyncGenerator<Found> {
  let rootReal: string;
  try {
    rootReal = await realpath(root);
  } catch (err) {
    yield { type: 'failed', path: root, reason: fsErrorReason(err, 'file') };
    return;
  }
  const stack: Frame[] = [];
  const open = async (dir: string, real: string, depth: number, ancestors: Set<string>): Promise<Found | undefined> => {
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort((a, b) => (a === b ? 0 : a < b ? -1 : 1));
    } catch (err) {
      return { type: 'failed', path: dir, reason: fsErrorReason(err, 'file') };
    }
    const pages: string[] = [];
    const others = new Set<string>();
    for (const n of names) {
      const verdict = accept(toPosix(relative(root, join(dir, n))), n);
      if (verdict === 'page' || (verdict === 'sniff' && (await holdsHtml(join(dir, n))))) pages.push(n);
      else if (verdict !== 'unselected') others.add(n);
    }
    const outs = folderOutputNames(pages, extension);
    const outOf = new Map(pages.map((n, i) => [n, outs[i] as string]));
    stack.push({
      dir,
      real,
      entries: names.map((name) => ({ name, ...(outOf.has(name) ? { out: outOf.get(name) } : {}), ...(others.has(name) ? { other: true } : {}) })),
      next: 0,
      depth,
      ancestors,
    });
    return undefined;
  };
  const first = await open(root, rootReal, 0, new Set([rootReal]));
  if (first !== undefined) yield first;

  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const entry = frame.entries[frame.next++];
    if (entry === undefined) {
      stack.pop();
      continue;
    }
    const path = join(frame.dir, entry.name);
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      if (entry.out !== undefined) yield { type: 'failed', path, reason: fsErrorReason(err, 'file') };
      continue;
    }
    if (info.isDirectory()) {
      if (frame.depth + 1 > maxDepth) continue;
      let real = join(frame.real, entry.name);
      try {
        real = await realpath(path);
      } catch (err) {
        yield { type: 'failed', path, reason: fsErrorReason(err, 'file') };
        continue;
      }
      if (exclude !== undefined && real === exclude) continue;
      if (frame.ancestors.has(real)) {
        yield { type: 'failed', path, reason: 'symbolic link loop: leads back to a folder above it' };
        continue;
      }
      const failed = await open(path, real, frame.depth + 1, new Set([...frame.ancestors, real]));
      if (failed !== undefined) yield failed;
    } else if (entry.out !== undefined) {
      yield { type: 'file', path, out: entry.out };
    } else if (entry.other === true && info.isFile()) {
      yield { type: 'ignored', path };
    }
  }
}

/** A folder walk takes page files, and files whose name allows a page (`.php`, none) when they hold HTML. */
function folderVerdict(name: string): Verdict {
  if (isPageName(name)) return 'page';
  return mayBePage(name) ? 'sniff' : 'other';
}

/** A glob takes what it matches: pages, containers, and files whose name allows a page when they hold HTML. */
function globVerdict(glob: CompiledGlob, rel: string, name: string): Verdict {
  if (!glob.regex.test(rel)) return 'unselected';
  if (isPageName(name) || containerKind(name) !== undefined) return 'page';
  return mayBePage(name) ? 'sniff' : 'other';
}

/** Streams the work items of every input, in a deterministic order. */
export async function* walkInputs(plan: InputPlan, opts: WalkOptions): AsyncGenerator<WorkItem> {
  const relOf = (path: string) => toPosix(relative(plan.base, path));
  for (const root of plan.roots) {
    switch (root.type) {
      case 'missing':
        yield { type: 'failed', key: root.arg, identity: { path: root.arg }, reason: root.reason, category: 'unreadable' };
        break;
      case 'stdin':
        if (opts.stdin !== undefined) yield* containerItems(opts.stdin as unknown as AsyncIterable<Buffer>, 'jsonl', undefined, '', opts);
        break;
      case 'file': {
        const name = root.path.slice(dirname(root.path).length + 1);
        const kind = containerKind(name);
        const rel = relOf(root.path);
        if (kind !== undefined) {
          if (opts.containers !== false) yield* fileContainer(root.path, kind, rel, opts);
        } else {
          const out = joinRel(relOf(dirname(root.path)), pageOutputName(name, opts.extension));
          yield { type: 'file', key: rel, identity: { path: rel }, path: root.path, out };
        }
        break;
      }
      case 'folder':
      case 'glob': {
        const accept =
          root.type === 'glob' ? (rel: string, name: string) => globVerdict(root.glob, rel, name) : (_rel: string, name: string) => folderVerdict(name);
        const maxDepth = root.type === 'glob' ? root.glob.maxDepth : Infinity;
        let matched = false;
        for await (const found of walkFolder(root.path, accept, maxDepth, opts.extension, opts.exclude)) {
          const rel = relOf(found.path);
          if (found.type === 'ignored') {
            yield { type: 'ignored', key: rel, identity: { path: rel } };
            continue;
          }
          // A glob whose folder does not exist matches nothing: said below, not as an unreadable folder.
          if (found.type === 'failed' && root.type === 'glob' && found.path === root.path && found.reason === NO_SUCH_FILE) break;
          matched = true;
          if (found.type === 'failed') {
            yield { type: 'failed', key: rel, identity: { path: rel }, reason: found.reason, category: 'unreadable' };
            continue;
          }
          const name = found.path.slice(dirname(found.path).length + 1);
          const kind = containerKind(name);
          if (kind !== undefined && root.type === 'glob') {
            if (opts.containers !== false) yield* fileContainer(found.path, kind, rel, opts);
          } else {
            yield { type: 'file', key: rel, identity: { path: rel }, path: found.path, out: joinRel(relOf(dirname(found.path)), found.out as string) };
          }
        }
        if (!matched) yield { type: 'failed', key: root.arg, identity: { path: root.arg }, reason: 'no pages matched', category: 'unreadable', unmatched: true };
        break;
      }
    }
  }
}

function joinRel(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

async function* fileContainer(path: string, kind: ContainerKind, rel: string, opts: WalkOptions): AsyncGenerator<WorkItem> {
  const stream = createReadStream(path);
  const opened = await new Promise<Error | undefined>((done) => {
    stream.once('open', () => done(undefined));
    stream.once('error', (err) => done(err));
  });
  if (opened !== undefined) {
    yield { type: 'failed', key: rel, identity: { path: rel }, reason: fsErrorReason(opened, 'file'), category: 'unreadable' };
    return;
  }
  const folder = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : '';
  const outFolder = folder + safeFolderName(stemOf(rel.slice(folder.length)));
  try {
    yield* containerItems(maybeGunzip(stream, /\.gz$/i.test(path)), kind, rel, outFolder, opts);
  } finally {
    stream.destroy();
  }
}

function safeFolderName(stem: string): string {
  return safeSegment(stem, '');
}

/** The records of one container as work items; a container that breaks part-way yields one failure. */
async function* containerItems(
  stream: AsyncIterable<Buffer>,
  kind: ContainerKind,
  source: string | undefined,
  outFolder: string,
  opts: WalkOptions,
): AsyncGenerator<WorkItem> {
  const namer = new RecordNamer();
  const records: AsyncGenerator<ContainerRecord> = kind === 'jsonl' ? readJsonLines(stream) : readWarc(stream);
  const sourceLabel = source ?? 'stdin';
  try {
    for await (const rec of records) {
      const name = namer.next(rec.name);
      const key = source === undefined ? name : `${source}#${name}`;
      const identity: Identity = {
        ...(source === undefined ? {} : { source }),
        ...(rec.id === undefined ? {} : { id: rec.id }),
        ...(rec.url === undefined ? {} : { url: rec.url }),
        ...(rec.id !== undefined || rec.url !== undefined ? {} : rec.line === undefined ? { id: name } : { line: rec.line }),
      };
      if (!rec.ok) {
        yield { type: 'failed', key, identity, reason: rec.reason, category: 'rejected' };
        continue;
      }
      yield {
        type: 'record',
        key,
        identity,
        payload: rec.payload,
        kind: rec.kind,
        ...(rec.url === undefined ? {} : { url: rec.url }),
        ...(rec.contentType === undefined ? {} : { contentType: rec.contentType }),
        out: joinRel(outFolder, safeSegment(name, opts.extension)),
      };
    }
  } catch (err) {
    const reason = `${sourceLabel}: cannot be read past this point: ${fsErrorReason(err, 'file')}`;
    yield { type: 'failed', key: `${sourceLabel}#error`, identity: { ...(source === undefined ? {} : { source }), id: 'error' }, reason, category: 'unreadable' };
  }
}
