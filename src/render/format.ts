/**
 * The output formats every command offers, and the article in one of them. One place, so `declutter PAGE` and
 * `declutter batch` write the same bytes for the same page.
 */
import type { Article, EmptyReason } from '../article.js';
import type { Format } from '../options.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';

export { FORMATS, type Format } from '../options.js';

/**
 * The article in `format`, without a trailing newline. JSON always describes the page (its metadata, blocks and
 * reason); the other formats are empty when the page has no main content.
 */
export function renderFormat(article: Article, format: Format, options: { links?: boolean } = {}): string {
  const links = options.links === true;
  if (format === 'json') return renderJson(article, { links });
  if (!article.ok) return '';
  switch (format) {
    case 'markdown':
      return renderMarkdown(article, { links });
    case 'html':
      return renderHtml(article, { links });
    default:
      return article.text;
  }
}

/** One line per refusal, saying what was wrong with the input: the CLI's error and batch mode's failure reason. */
export const REFUSAL_MESSAGES: Readonly<Partial<Record<EmptyReason, string>>> = Object.freeze({
  'empty-input': 'input is empty',
  'binary-input': 'input is binary, not HTML or text',
  'too-large': 'input is larger than --max-bytes',
});

/** Words and blocks the article kept and removed. */
export function wordCounts(article: Article): { kept: number; removed: number; keptBlocks: number; removedBlocks: number } {
  let kept = 0;
  let removed = 0;
  let keptBlocks = 0;
  for (const b of article.blocks) {
    if (b.label === 'content') {
      kept += b.features.words;
      keptBlocks++;
    } else {
      removed += b.features.words;
    }
  }
  return { kept, removed, keptBlocks, removedBlocks: article.blocks.length - keptBlocks };
}
