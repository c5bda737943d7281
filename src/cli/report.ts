/** Writing reports (`--report`): atomic files, and the folder of an eval run's reports. */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Article } from '../article.js';
import { causeOf, type EvalRow } from '../eval/index.js';
import { renderReportIndex, type IndexEntry, type IndexOptions } from '../report/index-page.js';
import { wordCounts } from '../render/format.js';
import { analyseReport, renderReport } from '../report/page.js';
import { CliError, EXIT } from './exit-codes.js';
import { fsErrorReason } from '../fs-errors.js';

/**
 * Writes a file under a temporary name in the same folder, then renames it into place, so an interrupted run
 * never leaves half a file. Any failure is one CliError line (EXIT.CANNOT_WRITE) naming `what` was written, and
 * leaves no temporary file.
 */
export async function writeFileAtomic(path: string, text: string, what = 'the report'): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw new CliError(`${path}: cannot write ${what}: ${fsErrorReason(err, 'output')}`, EXIT.CANNOT_WRITE);
  }
}

/** The page reports of an eval run go in this sub-folder of the report folder, the index beside it. */
export const PAGE_REPORTS = 'pages';
export const INDEX_FILE = 'index.html';

/** The file of a page's report inside the report folder, and its link from the index. */
export function pageReportFile(id: string): { path: string; href: string } {
  const name = `${id}.html`;
  return { path: join(PAGE_REPORTS, name), href: `${PAGE_REPORTS}/${encodeURIComponent(name)}` };
}

/** Link from a page report back to the index. */
export const INDEX_HREF = `../${INDEX_FILE}`;

/** Creates the report folder and its page sub-folder (with parents); a failure is EXIT.CANNOT_WRITE. */
export async function prepareReportDir(dir: string): Promise<void> {
  try {
    await mkdir(join(dir, PAGE_REPORTS), { recursive: true });
  } catch (err) {
    throw new CliError(`${dir}: cannot create the report folder: ${fsErrorReason(err, 'output')}`, EXIT.CANNOT_WRITE);
  }
}

/** Writes the report of each page of an eval run as it is scored, then the index of them all. */
export class EvalReports {
  private readonly entries: IndexEntry[] = [];

  constructor(
    private readonly dir: string,
    private readonly groupOf?: (id: string) => string | undefined,
  ) {}

  /**
   * Writes one page's report (none when the page could not be read: `article` undefined) and remembers its
   * index entry.
   */
  async page(row: EvalRow, article: Article | undefined, reference: string): Promise<void> {
    const group = this.groupOf?.(row.id);
    const entry: IndexEntry = {
      id: row.id,
      zyte: row.zyte,
      words: row.words,
      ...(row.zyte.f1 < 1 ? { cause: causeOf(row) } : {}),
      ...(group === undefined ? {} : { group }),
      ...(row.error === undefined ? {} : { error: row.error }),
      ...(article === undefined ? {} : { confidence: article.confidence }),
    };
    if (article !== undefined) {
      const file = pageReportFile(row.id);
      const note = row.error === undefined ? undefined : `This page could not be decoded: ${row.error}.`;
      let analysis: ReturnType<typeof analyseReport>;
      let html: string;
      try {
        analysis = analyseReport(article, reference);
        html = renderReport(article, { source: row.file, indexHref: INDEX_HREF, analysis, ...(note === undefined ? {} : { note }) });
      } catch (err) {
        // A page whose report cannot be drawn (a bug) is listed with the reason; the run goes on.
        const message = err instanceof Error ? err.message : String(err);
        entry.error = `no report: ${message.split('\n')[0]}`;
        this.entries.push(entry);
        return;
      }
      const counts = wordCounts(article);
      await writeFileAtomic(join(this.dir, file.path), html);
      Object.assign(entry, {
        href: file.href,
        missing: analysis.missing.length,
        extra: analysis.extra.length,
        keptWords: counts.kept,
        removedWords: counts.removed,
      });
    }
    this.entries.push(entry);
  }

  /** Writes the index, worst page first. */
  async finish(options: IndexOptions): Promise<void> {
    await writeFileAtomic(join(this.dir, INDEX_FILE), renderReportIndex(this.entries, options));
  }
}
