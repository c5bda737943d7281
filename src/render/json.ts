import type { Article } from '../article.js';

/** The JSON rendering: metadata, the extractor used, counts, and every block with its label, score and reasons. */
export function renderJson(article: Article): string {
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
      words: b.features.words,
      text: b.text,
    })),
  };
  return JSON.stringify(doc, null, 2);
}
