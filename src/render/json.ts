import type { Article } from '../article.js';

export interface JsonOptions {
  /** Add each block's link spans as `links: [{ start, end, href }]` (offsets into the block's text); default false. */
  links?: boolean;
}

/**
 * The JSON rendering: metadata, the extractor used, counts, and every block with its label, score, reasons and trace
 * (each entry's stage, the label it leaves, its reason and, for a rule, its weight).
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
    extractor: article.extractor,
    ...(article.encoding === undefined ? {} : { encoding: article.encoding }),
    ...(article.language === undefined ? {} : { language: article.language }),
    title: article.metadata.title ?? null,
    metadata: article.metadata,
    counts: { blocks: article.blocks.length, kept, removed: article.blocks.length - kept, keptWords, removedWords },
    text: article.text,
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
  };
  return JSON.stringify(doc, null, 2);
}
