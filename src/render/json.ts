import type { Article } from '../article.js';
import type { Block, LinkSpan } from '../blocks/block.js';

export interface JsonOptions {
  /**
   * Add the links of the text as `links: [{ start, end, href }]` (offsets into `text`), and with `blocks` each
   * block's own (offsets into the block's text); default false.
   */
  links?: boolean;
  /** Add every block of the page with its kind, label, score, reasons and trace (default false: a compact document). */
  blocks?: boolean;
}

/**
 * The JSON rendering: a compact document by default (what the page is, how confident the extraction is, its
 * metadata, counts and text, as the
 * peers' JSON gives them), every block with its label, score, reasons and trace on request (each trace entry: its
 * stage, the label it leaves, its reason and, for a rule, its weight).
 */
export function renderJson(article: Article, options: JsonOptions = {}): string {
  const withLinks = options.links ?? false;
  let kept = 0;
  let keptWords = 0;
  let removedWords = 0;
  for (const b of article.blocks) {
    if (b.label === 'content') {
      kept++;
      keptWords += b.features.words;
    } else {
      removedWords += b.features.words;
    }
  }
  const doc = {
    ok: article.ok,
    ...(article.reason === undefined ? {} : { reason: article.reason }),
    confidence: article.confidence,
    extractor: article.extractor,
    ...(article.encoding === undefined ? {} : { encoding: article.encoding }),
    ...(article.language === undefined ? {} : { language: article.language }),
    ...(article.url === undefined ? {} : { url: article.url }),
    title: article.metadata.title ?? null,
    metadata: article.metadata,
    counts: { blocks: article.blocks.length, kept, removed: article.blocks.length - kept, keptWords, removedWords },
    text: article.text,
    ...(article.comments === undefined
      ? {}
      : { comments: { text: article.comments.text, blocks: article.comments.blocks.length, words: wordsOf(article.comments.blocks) } }),
    ...(withLinks ? { links: textLinks(article) } : {}),
    ...(options.blocks === true
      ? {
          blocks: article.blocks.map((b) => ({
            index: b.index,
            kind: b.kind,
            ...(b.level === undefined ? {} : { level: b.level }),
            label: b.label,
            initialLabel: b.initialLabel,
            score: Math.round(b.score * 100) / 100,
            reasons: b.reasons,
            trace: b.trace,
            words: b.features.words,
            text: b.text,
            ...(withLinks && b.links !== undefined ? { links: b.links } : {}),
          })),
        }
      : {}),
  };
  return JSON.stringify(doc, null, 2);
}

function wordsOf(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) n += b.features.words;
  return n;
}

/**
 * The links of the kept blocks as offsets into the article's text, which joins the kept blocks as renderText does
 * (a blank line between blocks, a line break between consecutive list items).
 */
function textLinks(article: Article): LinkSpan[] {
  const out: LinkSpan[] = [];
  let at = 0;
  let previous: Block | undefined;
  for (const b of article.blocks) {
    if (b.label !== 'content') continue;
    if (previous !== undefined) at += previous.kind === 'list-item' && b.kind === 'list-item' ? 1 : 2;
    for (const span of b.links ?? []) out.push({ start: at + span.start, end: at + span.end, href: span.href });
    at += b.text.length;
    previous = b;
  }
  return out;
}
