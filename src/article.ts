import type { Block } from './blocks/block.js';

export type InputKind = 'html' | 'text';

/** Why an Article holds no content. Never a bare null: callers can tell the cases apart. */
export type EmptyReason =
  | 'empty-input'
  | 'binary-input'
  | 'too-large'
  | 'no-main-content'
  | 'script-only';

export interface Metadata {
  title?: string;
  author?: string;
  /** ISO 8601 date or date-time. */
  published?: string;
  siteName?: string;
  language?: string;
  canonicalUrl?: string;
  description?: string;
}

export interface Article {
  /** True when main content was found. */
  ok: boolean;
  /** Why there is no content, when ok is false. */
  reason?: EmptyReason;
  /** Which extractor produced the blocks. */
  extractor: InputKind;
  /** Character encoding the input bytes were decoded with (when the input was bytes). */
  encoding?: string;
  /** The page's address, when the caller gave it (the `url` option). */
  url?: string;
  /** Language whose stopwords were used (ISO 639-1): declared by the page, or guessed from its text. */
  language?: string;
  metadata: Metadata;
  /** Every block of the page, in reading order, with its label, score and reasons. */
  blocks: Block[];
  /** The kept blocks' text, paragraphs separated by one blank line. */
  text: string;
  /**
   * How good the extraction is likely to be, from 0 (doubtful) to 1 (a clear article, wholly kept): a prediction
   * from how clear the main region was, how much of the page's prose the text holds, how it compares with the
   * runner-up, and so on (see src/classify/confidence.ts). 0 when there is no content.
   */
  confidence: number;
  /**
   * The thread of readers' comments under the article, when the `comments` option asked for it (absent otherwise):
   * never part of `blocks`' content nor of `text`.
   */
  comments?: Comments;
}

/** Readers' comments under an article: the blocks of their text (from `Article.blocks`) and that text. */
export interface Comments {
  /** The comments' blocks, in reading order; empty when the page has no thread. */
  blocks: Block[];
  /** Their text, joined as `text` joins the article's. */
  text: string;
}

/** Blocks labelled content, in reading order. */
export function contentBlocks(article: Article): Block[] {
  return article.blocks.filter((b) => b.label === 'content');
}
