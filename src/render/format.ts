/**
 * The output formats every command offers, and the article in one of them. One place, so `declutter PAGE` and
 * `declutter batch` write the same bytes for the same page.
 */
import type { Article, EmptyReason } from '../article.js';
import type { Format } from '../options.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTextDocument } from './text.js';

export { FORMATS, type Format } from '../options.js';

/** What the output keeps beside the text (see OPTION_SPECS); every option is off by default. */
export interface RenderOptions {
  /** Links: markdown, html, json. */
  links?: boolean;
  /** Images with their alt text: markdown, html. */
  images?: boolean;
  /** Bold, italic and inline code: markdown, html. */
  formatting?: boolean;
  /** The page's metadata before the text: markdown, html, text. */
  withMetadata?: boolean;
  /** Every block with its label, score and reasons: json. */
  blocks?: boolean;
}

/** The output options among a caller's flags, each true or false: plain data for a worker. */
export function renderOptionsOf(flags: RenderOptions): Required<RenderOptions> {
  return {
    links: flags.links === true,
    images: flags.images === true,
    formatting: flags.formatting === true,
    withMetadata: flags.withMetadata === true,
    blocks: flags.blocks === true,
  };
}

/**
 * The article in `format`, without a trailing newline. JSON always describes the page (its metadata and reason);
 * the other formats are empty when the page has no main content.
 */
export function renderFormat(article: Article, format: Format, options: RenderOptions = {}): string {
  if (format === 'json') return renderJson(article, options);
  if (!article.ok) return '';
  switch (format) {
    case 'markdown':
      return renderMarkdown(article, options);
    case 'html':
      return renderHtml(article, options);
    default:
      return renderTextDocument(article, options);
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
