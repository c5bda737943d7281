import type { Block, BlockFeatures, RawBlock } from '../blocks/block.js';
import { measureBlock } from '../blocks/features.js';
import { guessLanguageFromScans } from '../lang/guess.js';
import { scanWords, type WordScan } from '../lang/scan.js';
import { languageBit } from '../lang/stopwords.js';
import type { Favor } from '../options.js';
import { SHARED_RULES, type PageContext, type Rule } from './rules.js';
import { smooth } from './smooth.js';
import { applyContainerCoherence } from './container.js';
import { selectMainRegions, type Region } from './select.js';
import { FAVOR_PRESETS, THRESHOLDS as T } from './thresholds.js';
import { BULLET, COMMENT_ATTRIBUTION, COMMENT_CALL, COMMENT_SECTION, RELATED_SECTION, REVIEW_SECTION } from './vocab.js';

export interface ClassifyOptions {
  favor: Favor;
  /** The page's declared language; guessed from its text when absent or without a stopword list. */
  language?: string;
  /** Extractor-specific rules run after the shared ones (the DOM rules of the HTML extractor). */
  extraRules?: readonly Rule[];
  /** Page facts only the extractor can know, added to the page context the rules see. */
  pageFacts?: Partial<PageContext>;
}

export interface Classification {
  blocks: Block[];
  /** Language whose stopwords were counted (ISO 639-1), when known. */
  language?: string;
  regions: Region[];
}

/** Blocks at least this long are used to guess the language (menus are poor evidence). */
const LANGUAGE_SAMPLE_MIN_CHARS = 40;

/**
 * Shared classification: features → per-block rules → context smoothing → main-region selection.
 * Both extractors end here, so an improvement helps HTML and text dumps alike.
 */
export function classify(raws: readonly RawBlock[], options: ClassifyOptions): Classification {
  const preset = FAVOR_PRESETS[options.favor];
  const scans = raws.map((raw) => scanWords(raw.text));
  const language = pageLanguage(raws, scans, options.language);
  const mask = language === undefined ? ~0 >>> 0 : languageBit(language);
  const rules = options.extraRules === undefined ? SHARED_RULES : [...SHARED_RULES, ...options.extraRules];

  const features = raws.map((raw, index) => measureBlock(raw, index, raws.length, mask, scans[index]));
  const page: PageContext = { ...pageContext(raws, features), ...options.pageFacts };
  const blocks = raws.map((raw, index) => scoreBlock(raw, index, features[index]!, page, rules));
  smooth(blocks, preset.bias);
  applyContainerCoherence(blocks, preset.bias);
  const regions = selectMainRegions(blocks, preset.bias, preset.secondaryRegionShare);
  dropRepeatedText(blocks);
  return { blocks, language, regions };
}

/**
 * A kept block whose text was already kept earlier on the page is a second rendering of the same paragraph (a
 * slideshow caption repeated, a post or a pull quote shown twice), not more text: it goes ("repeated-text").
 * Short blocks are exempt: list items and table cells repeat legitimately ("Yes", "$10"). Truncated copies
 * ("The first words…") are left alone: on listing pages the teasers are the content.
 */
function dropRepeatedText(blocks: Block[]): void {
  const kept = new Set<string>();
  for (const b of blocks) {
    if (b.label !== 'content' || b.features.words < T.repeatedTextMinWords) continue;
    if (!kept.has(b.text)) {
      kept.add(b.text);
      continue;
    }
    b.label = 'boilerplate';
    b.reasons.push('→repeated-text');
  }
}

function pageLanguage(raws: readonly RawBlock[], scans: readonly WordScan[], declared: string | undefined): string | undefined {
  const primary = declared !== undefined && languageBit(declared) !== 0 ? declared.toLowerCase().split(/[-_]/)[0] : undefined;
  return guessLanguageFromScans(longTextScans(raws, scans), primary === 'nb' || primary === 'nn' ? 'no' : primary) ?? primary;
}

function* longTextScans(raws: readonly RawBlock[], scans: readonly WordScan[]): Generator<WordScan> {
  for (let i = 0; i < raws.length; i++) if (raws[i]!.text.length >= LANGUAGE_SAMPLE_MIN_CHARS) yield scans[i]!;
}

/**
 * Page-level facts the rules compare blocks with. Prose-like blocks (long enough, rich in stopwords, not
 * bulleted) vote with their words for the column they sit in.
 */
function pageContext(raws: readonly RawBlock[], features: readonly BlockFeatures[]): PageContext {
  const votes = new Map<number, number>();
  let proseWords = 0;
  let commentSectionStart: number | undefined;
  let firstAttribution: number | undefined;
  let attributions = 0;
  const countsAreTeasers = commentCountsAreTeaserMetadata(raws);
  const perPostLinks = repeatedCommentHeadings(raws, features);
  const relatedSections: [number, number][] = [];
  let relatedFrom = -1;
  let relatedHeading: BlockFeatures | undefined;
  let relatedBox: number | undefined;
  features.forEach((f, i) => {
    const raw = raws[i]!;
    // The box holding the section: the heading's own container when the next block is inside it too, else the one
    // around it (a heading wrapped in a title bar of its own).
    if (relatedHeading !== undefined && relatedFrom === i - 1) {
      const own = relatedHeading.containerId;
      const chain = relatedHeading.ancestors ?? [];
      relatedBox = own !== undefined && f.ancestors?.includes(own) === true ? own : chain[chain.length - 2];
    }
    // A section ends at the next heading, or where its box ends (an inline "Related" box inside the article, which
    // goes on after it).
    const leftBox = relatedBox !== undefined && f.ancestors?.includes(relatedBox) !== true;
    if (relatedFrom >= 0 && (leftBox || (raw.kind === 'heading' && !isRelatedHeading(raw, f)))) {
      relatedSections.push([relatedFrom, i]);
      relatedFrom = -1;
      relatedBox = undefined;
    }
    if (relatedFrom < 0 && proseWords >= T.commentSectionMinProseWords && isRelatedHeading(raw, f)) {
      relatedFrom = i;
      relatedHeading = f;
    }
    const prose = !f.bullet && f.words >= T.mediumWords && f.stopwordDensity >= T.stopwordRich;
    if (prose) proseWords += f.words;
    if (commentSectionStart === undefined && proseWords >= T.commentSectionMinProseWords) {
      const text = raws[i]!.text;
      if (isCommentHeading(text) && !(countsAreTeasers && commentCount(text) !== undefined) && !perPostLinks.has(headingText(text)))
        commentSectionStart = i;
      else if (isReviewHeading(raw, f)) commentSectionStart = i;
      else if (isCommentAttribution(raws[i]!.text)) {
        firstAttribution ??= i;
        if (++attributions >= T.commentAttributionMinLines) commentSectionStart = firstAttribution;
      }
    }
    if (f.indent === undefined || !prose) return;
    votes.set(f.indent, (votes.get(f.indent) ?? 0) + f.words);
  });
  if (relatedFrom >= 0) relatedSections.push([relatedFrom, raws.length]);
  let dominantIndent: number | undefined;
  let best = 0;
  let total = 0;
  for (const [indent, words] of votes) {
    total += words;
    if (words > best) [dominantIndent, best] = [indent, words];
  }
  const numbered = numberedHeadings(raws, features);
  return {
    ...(numbered.size === 0 ? {} : { numberedHeadings: numbered }),
    ...(dominantIndent === undefined ? {} : { dominantIndent, dominantIndentShare: best / total }),
    ...(commentSectionStart === undefined ? {} : { commentSectionStart }),
    ...(relatedSections.length === 0 ? {} : { relatedSections }),
  };
}

/** A line that starts with its number ("3. Mental Health", "10) Negotiation Skills"). */
const NUMBERED = /^(\d{1,3})[.)]\s+\S/u;

/**
 * Numbered section headings: short lines numbered n, n+1, n+2… in reading order (at least `numberedMinChain` of
 * them), with text between each pair. A menu or a numbered list has its entries next to each other; a listicle
 * puts a section of text under each number. One pass, keeping the open chains by their last number.
 */
function numberedHeadings(raws: readonly RawBlock[], features: readonly BlockFeatures[]): Set<number> {
  const chains = new Map<number, number[]>();
  const out = new Set<number>();
  let wordsSoFar = 0;
  /** Words of the page before each block. */
  const before = features.map((f) => (wordsSoFar += f.words) - f.words);
  for (let i = 0; i < raws.length; i++) {
    if (features[i]!.words > T.numberedMaxWords) continue;
    const m = NUMBERED.exec(raws[i]!.text);
    if (m === null) continue;
    const n = Number(m[1]);
    const prev = chains.get(n - 1);
    chains.delete(n - 1);
    const last = prev?.[prev.length - 1];
    const textBetween = last !== undefined && i - last >= 2 && before[i]! - before[last + 1]! >= T.numberedMinGapWords;
    const chain = textBetween ? prev! : [];
    chain.push(i);
    chains.set(n, chain);
    if (chain.length >= T.numberedMinChain) for (const k of chain) out.add(k);
  }
  return out;
}

/** Longest heading read as a related-section heading. */
const RELATED_HEADING_MAX_WORDS = 8;
/** Trailing punctuation; the lookbehind starts a match only where a run starts (linear on a long run, see SENTENCE_END). */
const TRAILING_PUNCTUATION = /(?<![\s.…:!›»>-])[\s.…:!›»>-]+$/u;

/**
 * A heading element that opens a section of teasers (see RELATED_SECTION). DOM pages only: a text dump has no
 * headings to end the section, and taking short lines for them measured worse (scrapinghub text 0.902 → 0.887).
 */
function isRelatedHeading(raw: RawBlock, f: BlockFeatures): boolean {
  if (raw.kind !== 'heading' || f.words === 0 || f.words > RELATED_HEADING_MAX_WORDS) return false;
  return RELATED_SECTION.test(raw.text.toLowerCase().replace(TRAILING_PUNCTUATION, ''));
}

/** Most words in a heading that opens the customer reviews. */
const REVIEW_HEADING_MAX_WORDS = 6;

/**
 * A heading element that opens a product page's customer reviews (see REVIEW_SECTION): they start a comment section.
 * DOM pages only: in a text dump "Reviews" is as often a tab's label above the description (taking it there measured
 * worse: wcxb-dev text 0.7917 → 0.7868, product pages 0.559 → 0.529).
 */
function isReviewHeading(raw: RawBlock, f: BlockFeatures): boolean {
  if (raw.kind !== 'heading' || f.indent !== undefined || f.words === 0 || f.words > REVIEW_HEADING_MAX_WORDS) return false;
  return REVIEW_SECTION.test(headingText(raw.text).replace(TRAILING_PUNCTUATION, ''));
}

/** Longest text considered as a comment-section heading. */
const COMMENT_HEADING_MAX_CHARS = 80;
const BRACKETS = /[[\]{}<>]/g;

/**
 * A line quoting an e-mail ("> what do you think?") is part of the quoted text, never a heading. A count of zero
 * ("0 comments") opens nothing: no comment follows it.
 */
function isCommentHeading(text: string): boolean {
  if (text.length > COMMENT_HEADING_MAX_CHARS || EMAIL_QUOTE.test(text)) return false;
  return COMMENT_SECTION.test(headingText(text)) && commentCount(text) !== 0;
}

const EMAIL_QUOTE = /^>/u;
const LEADING_COUNT = /^(\d[\d,.]*)\s/u;

function headingText(text: string): string {
  return text.replace(BULLET, '').replace(BRACKETS, '').trim().toLowerCase();
}

/** The count of a comment heading ("36 Comments" → 36), when it has one. */
function commentCount(text: string): number | undefined {
  const m = LEADING_COUNT.exec(headingText(text));
  return m === null ? undefined : Number(m[1]!.replace(/[,.]/g, ''));
}

/**
 * A call to comment that recurs after the text has begun ("Add a comment" under every post of a forum thread) is
 * a link each post carries, not the one heading of a comment section: the posts between them are the content.
 * Only calls to write count (see COMMENT_CALL): a "Comments" label repeats on news pages for other reasons.
 */
function repeatedCommentHeadings(raws: readonly RawBlock[], features: readonly BlockFeatures[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  let proseWords = 0;
  features.forEach((f, i) => {
    if (!f.bullet && f.words >= T.mediumWords && f.stopwordDensity >= T.stopwordRich) proseWords += f.words;
    const text = raws[i]!.text;
    if (proseWords < T.commentSectionMinProseWords || !isCommentHeading(text)) return;
    const key = headingText(text);
    if (!COMMENT_CALL.test(key)) return;
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  });
  return repeated;
}

/**
 * On a listing, every teaser shows its own comment count ("0 comments", "14 comments"): counts that differ
 * from one another are the teasers' metadata, not the heading of one comment section.
 */
function commentCountsAreTeaserMetadata(raws: readonly RawBlock[]): boolean {
  let first: number | undefined;
  for (const r of raws) {
    if (r.text.length > COMMENT_HEADING_MAX_CHARS || !COMMENT_SECTION.test(headingText(r.text))) continue;
    const n = commentCount(r.text);
    if (n === undefined) continue;
    if (first === undefined) first = n;
    else if (n !== first) return true;
  }
  return false;
}

/** Longest text considered as a comment's attribution line. */
const COMMENT_ATTRIBUTION_MAX_CHARS = 80;

/** "1. Jane says:": the line that opens a reader's comment in most blog layouts. */
function isCommentAttribution(text: string): boolean {
  if (text.length > COMMENT_ATTRIBUTION_MAX_CHARS) return false;
  return COMMENT_ATTRIBUTION.test(text.replace(BULLET, '').trim().toLowerCase());
}

function scoreBlock(raw: RawBlock, index: number, features: BlockFeatures, page: PageContext, rules: readonly Rule[]): Block {
  const input = { index, text: raw.text, lower: raw.text.toLowerCase(), kind: raw.kind, features, page };
  let score = 0;
  const reasons: string[] = [];
  for (const rule of rules) {
    const verdict = rule(input);
    if (verdict === undefined) continue;
    score += verdict.weight;
    reasons.push(verdict.reason);
  }
  const initialLabel = score >= T.nearGood ? 'content' : 'boilerplate';
  return {
    index,
    text: raw.text,
    kind: raw.kind,
    ...(raw.level === undefined ? {} : { level: raw.level }),
    features,
    initialLabel,
    label: initialLabel,
    score,
    reasons,
  };
}

export type { Rule, Verdict, RuleInput, PageContext } from './rules.js';
export { THRESHOLDS, FAVOR_PRESETS } from './thresholds.js';
