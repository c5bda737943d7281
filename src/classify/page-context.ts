/**
 * Facts about the whole page that the rules compare a block with: where the text dump's column of prose is, where
 * readers' comments begin, which headings open sections of teasers, which numbered lines head a listicle's sections,
 * and (DOM pages) which class words name the page's own structure. Found in one pass over the measured blocks,
 * before any rule runs.
 */
import type { Block, BlockFeatures } from '../blocks/block.js';
import type { Section } from '../blocks/trace.js';
import { BULLET } from '../blocks/vocab.js';
import { words } from '../lang/words.js';
import type { Calibration } from './calibration.js';
import { isProse } from './shapes.js';
import {
  COMMENT_ATTRIBUTION, COMMENT_CALL, COMMENT_COUNT_MENTION, COMMENT_LABEL, COMMENT_SECTION, LINE_ITEM_SEPARATOR, QUOTED_TITLE, REPLY_LINE,
  RELATED_SECTION, REVIEW_SECTION, TITLED_COMMENT_LABEL, UNIT_CLASS_WORDS,
} from './vocab.js';

/** Facts about the whole page that some rules compare a block with. */
export interface PageContext {
  /** Text dumps: the indentation carrying most of the page's prose-like words (the article's column). */
  dominantIndent?: number;
  /** Share of the prose-like words that sit in that column (low when a page has two columns of prose). */
  dominantIndentShare?: number;
  /** Index of the first block of a comment section that follows the article's start, if any. */
  commentSectionStart?: number;
  /**
   * DOM pages: the blocks of a thread of readers' comments under the article (see commentThread): blocks in
   * comment containers from the thread's first comment on. Absent when the page has no article before its comments
   * (a forum thread, whose posts are the content).
   */
  commentThread?: ReadonlySet<number>;
  /** Sections of teasers under a related-content heading ("You may also like"): [first block, end) each. */
  relatedSections?: readonly (readonly [number, number])[];
  /**
   * DOM pages: class words under which most of the page's prose sits (a forum's posts in "comment"
   * containers, a listing's items in "card" ones). They describe the page's own structure, so rules must not
   * count them against a block.
   */
  structuralTokens?: ReadonlySet<string>;
  /** Numbered section headings of a listicle ("3. Mental Health" between paragraphs): see numberedHeadings. */
  numberedHeadings?: ReadonlySet<number>;
}

/** The page's facts. `dom`: the blocks carry DOM features (an HTML page). */
export function pageContext(blocks: readonly Block[], c: Calibration, dom: boolean): PageContext {
  headingTexts.clear();
  if (!dom) {
    // The comments of a thread found by its reply lines do not vote for the article's column either.
    const replies = replyThreadStart(blocks, c);
    const page = surveyPage(blocks, c, replies);
    if (replies === undefined || (page.commentSectionStart !== undefined && page.commentSectionStart <= replies)) return page;
    return { ...page, commentSectionStart: replies };
  }
  const page = surveyPage(blocks, c);
  const thread = commentThread(blocks, c);
  if (thread === undefined) return { ...page, structuralTokens: structuralTokens(blocks, c) };
  // Under an article, "comment" containers are its readers' thread, not the page's own structure.
  const tokens = new Set(structuralTokens(blocks, c));
  tokens.delete(COMMENT_TOKEN);
  return { ...page, commentThread: thread, structuralTokens: tokens };
}

const COMMENT: readonly Section[] = Object.freeze(['comment']);
const RELATED: readonly Section[] = Object.freeze(['related']);
const BOTH: readonly Section[] = Object.freeze(['comment', 'related']);

/** The sections of the page holding the block at `index`, or undefined when none does. */
export function sectionsOf(index: number, page: PageContext): readonly Section[] | undefined {
  const comment = (page.commentSectionStart !== undefined && index >= page.commentSectionStart) || page.commentThread?.has(index) === true;
  const related = page.relatedSections?.some(([from, to]) => index >= from && index < to) === true;
  if (comment) return related ? BOTH : COMMENT;
  return related ? RELATED : undefined;
}

/**
 * The column, comment and related-section facts. Prose-like blocks (shapes.pageProse) before `votesBefore` vote with
 * their words for the column they sit in, and all count towards the prose that must come before a comment or related
 * heading.
 */
function surveyPage(blocks: readonly Block[], c: Calibration, votesBefore = blocks.length): PageContext {
  const p = c.pageContext;
  const votes = new Map<number, number>();
  let proseWords = 0;
  let commentSectionStart: number | undefined;
  let firstAttribution: number | undefined;
  let attributions = 0;
  let titleSeen = false;
  const countsAreTeasers = commentCountsAreTeaserMetadata(blocks, c);
  const perPostLinks = repeatedCommentHeadings(blocks, c);
  const relatedSections: [number, number][] = [];
  let relatedFrom = -1;
  let relatedHeading: BlockFeatures | undefined;
  let relatedBox: number | undefined;
  blocks.forEach((b, i) => {
    const f = b.features;
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
    if (relatedFrom >= 0 && (leftBox || (b.kind === 'heading' && !isRelatedHeading(b, c)))) {
      relatedSections.push([relatedFrom, i]);
      relatedFrom = -1;
      relatedBox = undefined;
    }
    if (relatedFrom < 0 && proseWords >= p.commentSectionMinProseWords && isRelatedHeading(b, c)) {
      relatedFrom = i;
      relatedHeading = f;
    }
    const prose = isProse(f, c.shapes.pageProse);
    if (prose) proseWords += f.words;
    if (commentSectionStart === undefined && proseWords < p.commentSectionMinProseWords) {
      // A short post under its title: the label counts when a thread of replies starts right under it.
      if (titleSeen && isCommentHeading(b.text, c) && replyThreadFollows(blocks, i, c)) commentSectionStart = i;
      else if (b.kind === 'heading' && f.words > 0 && !isCommentHeading(b.text, c)) titleSeen = true;
    } else if (commentSectionStart === undefined) {
      const text = b.text;
      if (isCommentHeading(text, c) && !(countsAreTeasers && commentCount(text) !== undefined) && !perPostLinks.has(headingText(text)))
        commentSectionStart = i;
      else if (isReviewHeading(b, c)) commentSectionStart = i;
      else if (isCommentAttribution(text, c)) {
        firstAttribution ??= i;
        if (++attributions >= p.commentAttributionMinLines) commentSectionStart = firstAttribution;
      }
    }
    if (f.indent === undefined || !prose || i >= votesBefore) return;
    votes.set(f.indent, (votes.get(f.indent) ?? 0) + f.words);
  });
  if (relatedFrom >= 0) relatedSections.push([relatedFrom, blocks.length]);
  let dominantIndent: number | undefined;
  let best = 0;
  let total = 0;
  for (const [indent, words] of votes) {
    total += words;
    if (words > best) [dominantIndent, best] = [indent, words];
  }
  const numbered = numberedHeadings(blocks, c);
  return {
    ...(numbered.size === 0 ? {} : { numberedHeadings: numbered }),
    ...(dominantIndent === undefined ? {} : { dominantIndent, dominantIndentShare: best / total }),
    ...(commentSectionStart === undefined ? {} : { commentSectionStart }),
    ...(relatedSections.length === 0 ? {} : { relatedSections }),
  };
}

/**
 * Whether a thread of replies starts right under the block at `label`: its first "Reply" line within
 * `replyMaxShortLines` * 2 blocks, and at least `threadMinUnits` of them after it.
 */
function replyThreadFollows(blocks: readonly Block[], label: number, c: Calibration): boolean {
  const p = c.pageContext;
  let replies = 0;
  for (let i = label + 1; i < blocks.length; i++) {
    if (!isReplyLine(blocks[i]!)) continue;
    if (replies === 0 && i - label > p.replyMaxShortLines * 2) return false;
    if (++replies >= p.threadMinUnits) return true;
  }
  return false;
}

/** A line that starts with its number ("3. Mental Health", "10) Negotiation Skills"). */
const NUMBERED = /^(\d{1,3})[.)]\s+\S/u;

/**
 * Numbered section headings: short lines numbered n, n+1, n+2… in reading order (at least `numberedMinChain` of
 * them), with text between each pair. A menu or a numbered list has its entries next to each other; a listicle
 * puts a section of text under each number. One pass, keeping the open chains by their last number.
 */
function numberedHeadings(blocks: readonly Block[], c: Calibration): Set<number> {
  const p = c.pageContext;
  const chains = new Map<number, number[]>();
  const out = new Set<number>();
  let wordsSoFar = 0;
  /** Words of the page before each block. */
  const before = blocks.map((b) => (wordsSoFar += b.features.words) - b.features.words);
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.features.words > p.numberedMaxWords) continue;
    const m = NUMBERED.exec(blocks[i]!.text);
    if (m === null) continue;
    const n = Number(m[1]);
    const prev = chains.get(n - 1);
    chains.delete(n - 1);
    const last = prev?.[prev.length - 1];
    const textBetween = last !== undefined && i - last >= 2 && before[i]! - before[last + 1]! >= p.numberedMinGapWords;
    const chain = textBetween ? prev! : [];
    chain.push(i);
    chains.set(n, chain);
    if (chain.length >= p.numberedMinChain) for (const k of chain) out.add(k);
  }
  return out;
}

/** Trailing punctuation; the lookbehind starts a match only where a run starts (linear on a long run, see SENTENCE_END). */
const TRAILING_PUNCTUATION = /(?<![\s.…:!›»>-])[\s.…:!›»>-]+$/u;

/**
 * A heading element that opens a section of teasers (see RELATED_SECTION). DOM pages only: a text dump has no
 * headings to end the section, and taking short lines for them measured worse (scrapinghub text 0.902 → 0.887).
 */
function isRelatedHeading(b: Block, c: Calibration): boolean {
  const words = b.features.words;
  if (b.kind !== 'heading' || words === 0 || words > c.pageContext.relatedHeadingMaxWords) return false;
  return RELATED_SECTION.test(b.text.toLowerCase().replace(TRAILING_PUNCTUATION, ''));
}

/**
 * A heading element that opens a product page's customer reviews (see REVIEW_SECTION): they start a comment section.
 * DOM pages only: in a text dump "Reviews" is as often a tab's label above the description (taking it there measured
 * worse: wcxb-dev text 0.7917 → 0.7868, product pages 0.559 → 0.529).
 */
function isReviewHeading(b: Block, c: Calibration): boolean {
  const f = b.features;
  if (b.kind !== 'heading' || f.indent !== undefined || f.words === 0 || f.words > c.pageContext.reviewHeadingMaxWords) return false;
  return REVIEW_SECTION.test(headingText(b.text).replace(TRAILING_PUNCTUATION, ''));
}

const BRACKETS = /[[\]{}<>]/g;
const EMAIL_QUOTE = /^>/u;
const LEADING_COUNT = /^(\d[\d,.]*)\s/u;

/**
 * A line quoting an e-mail ("> what do you think?") is part of the quoted text, never a heading. A count of zero
 * ("0 comments") opens nothing: no comment follows it.
 */
function isCommentHeading(text: string, c: Calibration): boolean {
  if (text.length > c.pageContext.commentHeadingMaxChars || EMAIL_QUOTE.test(text)) return false;
  return COMMENT_SECTION.test(headingText(text)) && commentCount(text) !== 0;
}

/**
 * Heading texts already computed: the survey, the comment-count check and the comment-label check each ask for the
 * same short blocks' heading text. Cleared for each page (see pageContext) and when full, so it holds no more than
 * one page's short lines.
 */
const headingTexts = new Map<string, string>();
const HEADING_TEXT_CACHE_SIZE = 4096;

function headingText(text: string): string {
  let heading = headingTexts.get(text);
  if (heading === undefined) {
    heading = text.replace(BULLET, '').replace(BRACKETS, '').trim().toLowerCase();
    if (headingTexts.size >= HEADING_TEXT_CACHE_SIZE) headingTexts.clear();
    headingTexts.set(text, heading);
  }
  return heading;
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
function repeatedCommentHeadings(blocks: readonly Block[], c: Calibration): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  let proseWords = 0;
  for (const b of blocks) {
    if (isProse(b.features, c.shapes.pageProse)) proseWords += b.features.words;
    if (proseWords < c.pageContext.commentSectionMinProseWords || !isCommentHeading(b.text, c)) continue;
    const key = headingText(b.text);
    if (!COMMENT_CALL.test(key)) continue;
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  }
  return repeated;
}

/**
 * On a listing, every teaser shows its own comment count ("0 comments", "14 comments"): counts that differ
 * from one another are the teasers' metadata, not the heading of one comment section.
 */
function commentCountsAreTeaserMetadata(blocks: readonly Block[], c: Calibration): boolean {
  let first: number | undefined;
  for (const b of blocks) {
    if (b.text.length > c.pageContext.commentHeadingMaxChars || !COMMENT_SECTION.test(headingText(b.text))) continue;
    const n = commentCount(b.text);
    if (n === undefined) continue;
    if (first === undefined) first = n;
    else if (n !== first) return true;
  }
  return false;
}

/** "1. Jane says:": the line that opens a reader's comment in most blog layouts. */
function isCommentAttribution(text: string, c: Calibration): boolean {
  if (text.length > c.pageContext.commentAttributionMaxChars) return false;
  return COMMENT_ATTRIBUTION.test(text.replace(BULLET, '').trim().toLowerCase());
}

/**
 * The unit class words (UNIT_CLASS_WORDS) under which more than `structuralTokenShare` of the page's prose characters
 * sit. On a forum thread the posts are "comments"; on a listing the items are "cards": there the word names the
 * page's own structure, and the class rule ignores it.
 */
export function structuralTokens(
  blocks: readonly { readonly text: string; readonly features: Pick<BlockFeatures, 'classTokens'> }[],
  c: Calibration,
): ReadonlySet<string> {
  const p = c.pageContext;
  const chars = new Map<string, number>();
  let total = 0;
  for (const b of blocks) {
    if (b.text.length < p.proseSurveyMinChars) continue;
    total += b.text.length;
    for (const t of new Set(b.features.classTokens)) if (UNIT_CLASS_WORDS.has(t)) chars.set(t, (chars.get(t) ?? 0) + b.text.length);
  }
  const out = new Set<string>();
  for (const [t, n] of chars) if (n > total * p.structuralTokenShare) out.add(t);
  return out;
}

/** The class word the HTML extractor gives comment containers (comment, commentlist, disqus, reply, respond…). */
const COMMENT_TOKEN = 'comment';

const hasCommentToken = (b: Block): boolean => b.features.classTokens?.includes(COMMENT_TOKEN) === true;

/**
 * A thread of readers' comments under an article, by the page's markup: prose in comment containers that follows an
 * article's prose outside them. The evidence, all required:
 *  - an article first: at least `threadMinArticleWords` words of prose outside comment containers before the first
 *    comment's prose (a forum thread's first post sits in the same containers as the replies, or is short);
 *  - a label of the thread after the article's start, before the first comment ("12 Comments", "Comments (4)",
 *    "Leave a reply"): a forum whose replies sit in comment containers under a first post outside them has none;
 *  - a thread: the comments' prose falls into at least `threadMinUnits` separate units (runs of prose in one
 *    container, parted by the lines between comments: a name, a date, "Reply"), where an article whose wrapper
 *    happens to carry a comment-ish class is one run;
 *  - comments to the end: after the thread starts, prose outside comment containers is at most `threadMaxOtherShare`
 *    of the comments' prose (a question-and-answer page has its answers there, in other containers).
 * The thread's blocks are those in comment containers from the first comment block after the article's last prose.
 */
function commentThread(blocks: readonly Block[], c: Calibration): Set<number> | undefined {
  const p = c.pageContext;
  const cut = c.shapes.pageProse;
  const first = blocks.findIndex((b) => hasCommentToken(b) && isProse(b.features, cut));
  if (first < 0) return undefined;
  let articleWords = 0;
  let firstArticleProse = -1;
  let lastArticleProse = -1;
  for (let i = 0; i < first; i++) {
    const b = blocks[i]!;
    if (hasCommentToken(b) || !isProse(b.features, cut)) continue;
    articleWords += b.features.words;
    if (firstArticleProse < 0) firstArticleProse = i;
    lastArticleProse = i;
  }
  if (articleWords < p.threadMinArticleWords || !hasCommentLabel(blocks, firstArticleProse + 1, first + 1, c)) return undefined;
  let commentWords = 0;
  let otherWords = 0;
  let units = 0;
  let unitContainer: number | undefined;
  let parted = true;
  for (let i = first; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!isProse(b.features, cut)) {
      parted = true;
      continue;
    }
    if (!hasCommentToken(b)) {
      otherWords += b.features.words;
      continue;
    }
    commentWords += b.features.words;
    if (parted || b.features.containerId !== unitContainer) units++;
    unitContainer = b.features.containerId;
    parted = false;
  }
  if (units < p.threadMinUnits || otherWords > commentWords * p.threadMaxOtherShare) return undefined;
  const thread = new Set<number>();
  for (let i = lastArticleProse + 1; i < blocks.length; i++) if (hasCommentToken(blocks[i]!)) thread.add(i);
  return thread;
}

/**
 * A short line between `from` and `to` (exclusive) naming a comment thread: a label (see COMMENT_LABEL) or a count of
 * comments (see COMMENT_COUNT_MENTION), alone or as one item of a line of post metadata ("Posted on May 3 | 48
 * Comments"). The post's title after it ("38 Responses to “…”", see TITLED_COMMENT_LABEL and QUOTED_TITLE) does not count
 * towards the line's length.
 */
function hasCommentLabel(blocks: readonly Block[], from: number, to: number, c: Calibration): boolean {
  const max = c.pageContext.commentLabelMaxWords;
  for (let i = from; i < to; i++) {
    const b = blocks[i]!;
    if (b.text.length > c.pageContext.commentLabelMaxChars) continue;
    const line = headingText(b.text).replace(LEADING_BRACE, '').replace(QUOTED_TITLE, '');
    for (const item of line.split(LINE_ITEM_SEPARATOR)) {
      const text = item.trim();
      if (TITLED_COMMENT_LABEL.test(text)) return true;
      if (words(text).length <= max && (COMMENT_LABEL.test(text) || COMMENT_COUNT_MENTION.test(text))) return true;
    }
  }
  return false;
}

const LEADING_BRACE = /^[{(]\s*/u;

/** A text browser's link or image marker at the start of a line ("[13]Reply", "[70dfa] Jane"). */
const LEADING_MARKER = /^\[[^\]]{0,12}\]\s?/u;

const isReplyLine = (b: Block): boolean => b.features.words <= 4 && REPLY_LINE.test(b.text.replace(BULLET, '').replace(LEADING_MARKER, '').trim().toLowerCase());

/**
 * Text dumps: where a thread of readers' comments starts, by its shape in the dump. Each comment ends with a "Reply"
 * line; the first comment is the text before the first of them, back to the short lines naming its author and date.
 * The evidence, all required: at least `threadMinUnits` reply lines with something between each pair and, in the
 * median, only a few short lines (a forum's posts carry a block of the poster's details: joined, messages…); a line naming the
 * thread ("12 comments", "Leave a reply") after the article's start; and `threadMinArticleWords` words in the run of
 * lines of text (of `replyBodyMinWords` words or more) before the first comment: the article, not a menu far above it.
 */
function replyThreadStart(blocks: readonly Block[], c: Calibration): number | undefined {
  const p = c.pageContext;
  const replies: number[] = [];
  for (let i = 0; i < blocks.length; i++) if (isReplyLine(blocks[i]!)) replies.push(i);
  if (replies.length < p.threadMinUnits) return undefined;
  const shortLines: number[] = [];
  for (let k = 1; k < replies.length; k++) {
    let short = 0;
    for (let i = replies[k - 1]! + 1; i < replies[k]!; i++) if (blocks[i]!.features.words < p.replyBodyMinWords) short++;
    if (replies[k]! - replies[k - 1]! < 2) return undefined;
    shortLines.push(short);
  }
  shortLines.sort((a, b) => a - b);
  if (shortLines[shortLines.length >> 1]! > p.replyMaxShortLines) return undefined;
  // Back from the first reply line over the first comment's text, then over its author and date lines.
  let start = replies[0]!;
  while (start > 0 && blocks[start - 1]!.features.words >= p.replyBodyMinWords) start--;
  for (let n = 0; n < p.replyMaxShortLines && start > 0 && blocks[start - 1]!.features.words < p.replyBodyMinWords; n++) start--;
  let articleWords = 0;
  let gap = 0;
  let firstProse = -1;
  for (let i = start - 1; i >= 0 && gap <= p.replyMaxShortLines * 2; i--) {
    const f = blocks[i]!.features;
    if (f.words < p.replyBodyMinWords) {
      gap++;
      continue;
    }
    gap = 0;
    articleWords += f.words;
    firstProse = i;
  }
  if (articleWords < p.threadMinArticleWords || !hasCommentLabel(blocks, firstProse + 1, replies[0]!, c)) return undefined;
  return start;
}
