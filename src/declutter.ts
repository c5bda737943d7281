/**
 * The pipeline of one page: input ─► blocks ─► features ─► classify ─► select ─► Article. The public entry is
 * index.ts; internal callers (the CLI, batch workers) import from here.
 */
import type { Article, Comments, EmptyReason } from './article.js';
import type { Block, RawBlock } from './blocks/block.js';
import { resolveCalibration, type Calibration } from './classify/calibration.js';
import { articleConfidence } from './classify/confidence.js';
import { classify, withoutStages } from './classify/index.js';
import { extractHtml, extractText, type Extraction } from './extract/index.js';
import { decodeInput } from './input/index.js';
import { checkInput, resolveOptions, type DeclutterOptions } from './options.js';
import { renderText } from './render/text.js';

/**
 * Extracts the main article. Accepts bytes (any charset, gzip allowed) or an already decoded string.
 * Never returns null: an Article without content says why in `reason`. Throws DeclutterOptionsError, and only
 * it, when the input is neither a string nor bytes or an option is unknown or out of its range (a calibration value
 * the calibration does not have, or of the wrong type; a stage that does not exist).
 */
export function declutter(input: string | Uint8Array, options: Partial<DeclutterOptions> = {}): Article {
  checkInput(input);
  const opts = resolveOptions(options);
  const calibration = resolveCalibration(opts.calibration);
  const stages = withoutStages(opts.skipStages ?? []);
  const decoded = decodeInput(input, {
    hint: opts.input,
    maxBytes: opts.maxBytes,
    ...(opts.contentType === undefined ? {} : { contentType: opts.contentType }),
  });
  if (!decoded.ok) return emptyArticle(opts.input === 'html' ? 'html' : 'text', decoded.reason, opts.url);

  const extraction: Extraction = decoded.kind === 'html' ? extractHtml(decoded.text, opts.url) : extractText(decoded.text);
  const { blocks, language } = classify(extraction.blocks, {
    favor: opts.favor,
    language: extraction.metadata.language,
    title: extraction.metadata.title,
    calibration,
    stages,
  });
  carryMarkup(extraction.blocks, blocks);
  const text = renderText(blocks);
  const ok = text.length > 0;
  return {
    ok,
    ...(ok ? {} : { reason: extraction.scriptOnly === true ? 'script-only' : 'no-main-content' }),
    extractor: extraction.extractor,
    encoding: decoded.encoding,
    ...(opts.url === undefined ? {} : { url: opts.url }),
    ...(language === undefined ? {} : { language }),
    metadata: extraction.metadata,
    blocks,
    text,
    confidence: ok ? articleConfidence(blocks, extraction.extractor, calibration) : 0,
    ...(opts.comments === true ? { comments: readersComments(blocks, calibration, opts.favor) } : {}),
  };
}

/** The rules' verdicts that hold a block back for being a reader's comment (see page-context.ts). */
const COMMENT_VERDICTS: ReadonlySet<string> = new Set(['in-comment-section', 'class:comment']);

/**
 * The readers' comments under the article: the blocks of its comment section (the page context's, see sectionsOf)
 * that the article left out and that the rules would have judged content, were it not for being comments (their
 * score less the comment verdicts' weights, with the favor preset's bias, reaches nearGood). Names, dates, "Reply"
 * links and the comment form stay out, as they would in an article.
 */
function readersComments(blocks: readonly Block[], c: Calibration, favor: DeclutterOptions['favor']): Comments {
  const bias = c.favor[favor].bias;
  const kept = blocks.filter((b) => {
    if (b.label === 'content' || b.sections?.includes('comment') !== true) return false;
    let score = b.score + bias;
    for (const entry of b.trace) if (entry.stage === 'rules' && COMMENT_VERDICTS.has(entry.reason)) score -= entry.weight ?? 0;
    return score >= c.tiers.nearGood;
  });
  // Comments sit in list items more often than not (a thread is a list): each is a paragraph of its own here.
  return { blocks: kept, text: kept.map((b) => b.text).join('\n\n') };
}

/**
 * Link spans and markup go from each raw block to the block the classifier made of it: blocks come back in the same
 * order, one per raw block. A block whose text differs from its raw block's gets none (offsets would not fit).
 */
function carryMarkup(raws: readonly RawBlock[], blocks: Block[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const raw = raws[i];
    const block = blocks[i] as Block;
    if (raw === undefined || raw.text !== block.text) continue;
    if (raw.links !== undefined) block.links = raw.links;
    if (raw.markup !== undefined) block.markup = raw.markup;
  }
}

function emptyArticle(extractor: Article['extractor'], reason: EmptyReason, url: string | undefined): Article {
  return { ok: false, reason, extractor, ...(url === undefined ? {} : { url }), metadata: {}, blocks: [], text: '', confidence: 0 };
}
