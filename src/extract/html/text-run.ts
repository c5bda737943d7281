/**
 * A run of inline text being gathered into one block, with its link measurements. Whitespace is normalised as
 * the text arrives (runs collapse to one space, the ends are trimmed), so a block's text is built once, in one
 * pass, and link characters are counted on the normalised text the reader sees. Link spans (text offsets and
 * href) are recorded the same way, on the normalised text, so they need no adjusting afterwards.
 */

import type { ImageRef, InlineSpan, InlineStyle, LinkSpan } from '../../blocks/block.js';
import { isUnicodeSpace } from '../whitespace.js';

/** Runs of white space (ASCII, no-break and other Unicode spaces): a single-level class, no nested quantifier. */
const WHITESPACE_RUN = /\s+/g;

/** The finished text of a run and its link measurements. */
export interface RunText {
  text: string;
  /** Characters of `text` that came from inside links. */
  linkChars: number;
  /** Distinct links that contributed text. */
  linkCount: number;
  /** Spans of `text` inside links that have a usable href; absent when there are none. */
  links?: LinkSpan[];
  /** Spans of `text` in bold, italic or code (see InlineStyle bits); absent when there are none. */
  styles?: InlineSpan[];
  /** Offsets of `text` where a <br> broke the line (a space in the text); absent when there are none. */
  breaks?: number[];
  /** Images met in the run, at their offset in `text`; absent when there are none. */
  images?: ImageRef[];
}

/** Inline style bits a run records, as the walk's context carries them (several can hold at once). */
export const STYLE_BITS: readonly (readonly [bit: number, style: InlineStyle])[] = [
  [1, 'strong'],
  [2, 'em'],
  [4, 'code'],
];

/** A span being recorded: its end grows while the same link goes on contributing text. */
interface OpenSpan {
  start: number;
  end: number;
  href: string;
}

export class TextRun {
  /** Pieces of text, allocated on the first piece (most container elements never hold text of their own). */
  private parts: string[] | undefined;
  /** Characters gathered so far (normalised; in preformatted runs, raw). */
  private chars = 0;
  private linkChars = 0;
  private linkCount = 0;
  /** Id of the last link that contributed text, so one link split by markup counts once. */
  private lastLinkId = 0;
  /** Link spans, allocated on the first linked text with an href (most runs have none). */
  private spans: OpenSpan[] | undefined;
  /** Link id of the last span, so a link split by markup ("<a>big <b>deal</b></a>") stays one span. */
  private spanLinkId = 0;
  /** A separating space is owed before the next text (whitespace or a soft boundary was seen). */
  private pendingSpace = false;
  /** <br> elements seen since the last visible text: two in a row end a paragraph. */
  private breaks = 0;
  /** Offsets of line breaks, inline style spans and images: allocated on first use (most runs have none). */
  private breakOffsets: number[] | undefined;
  private styleSpans: { start: number; end: number; bits: number }[] | undefined;
  private imageRefs: ImageRef[] | undefined;

  /** True when no visible text has been gathered. */
  get empty(): boolean {
    return this.chars === 0;
  }

  /**
   * Appends text with whitespace collapsed. `linkId` is the enclosing link's id (0 outside links) and `href` its
   * target when the link's text should be recorded as a span; the separating space before a link's text counts as
   * outside it. `style` holds the STYLE_BITS of the enclosing inline elements (0: plain).
   */
  append(data: string, linkId: number, href?: string, style = 0): void {
    const shape = whitespaceShape(data);
    if (shape === BLANK) {
      // The indentation between tags: most text nodes of a page. Only owes a space.
      if (this.chars > 0 && data.length > 0) this.pendingSpace = true;
      return;
    }
    const collapsed = shape === NEEDS_COLLAPSE ? data.replace(WHITESPACE_RUN, ' ') : data;
    let from = 0;
    let to = collapsed.length;
    if (to > 0 && collapsed.charCodeAt(0) === 32) {
      from = 1;
      if (this.chars > 0) this.pendingSpace = true;
    }
    if (to > from && collapsed.charCodeAt(to - 1) === 32) to -= 1;
    if (to <= from) return;
    if (this.pendingSpace && this.chars > 0) {
      (this.parts ??= []).push(' ');
      this.chars += 1;
    }
    const piece = from === 0 && to === collapsed.length ? collapsed : collapsed.slice(from, to);
    this.push(piece, linkId, href);
    if (style !== 0) this.recordStyle(this.chars - piece.length, this.chars, style);
    this.pendingSpace = to < collapsed.length;
    this.breaks = 0;
  }

  /** Appends preformatted text as is (line ends normalised to \n). */
  appendPre(data: string, linkId: number, href?: string): void {
    if (data.length === 0) return;
    this.push(data.includes('\r') ? data.replace(/\r\n?/g, '\n') : data, linkId, href);
  }

  /** A soft boundary (a line break, a cell edge, a custom element's edge): words on either side must not touch. */
  space(): void {
    if (this.chars > 0) this.pendingSpace = true;
  }

  /** A line break inside preformatted text. */
  newline(): void {
    (this.parts ??= []).push('\n');
    this.chars += 1;
  }

  /**
   * Counts a <br>. Returns true when it is the second in a row after some text: the paragraph ends there
   * (old sites write paragraphs as text separated by <br><br>). A single one is a space.
   */
  lineBreak(): boolean {
    if (this.chars === 0) return false;
    this.breaks += 1;
    // The space owed here is where the line broke (kept only if text follows, see take).
    if (this.breaks === 1) (this.breakOffsets ??= []).push(this.chars);
    this.pendingSpace = true;
    return this.breaks >= 2;
  }

  /** An image met in the run: it sits where the next text would start. */
  image(src: string, alt: string): void {
    (this.imageRefs ??= []).push({ at: this.chars + (this.pendingSpace && this.chars > 0 ? 1 : 0), src, alt });
  }

  /** True when the run holds images but no text (an image alone in its element). */
  get onlyImages(): boolean {
    return this.chars === 0 && this.imageRefs !== undefined;
  }

  /** Takes the images of a run without text; the run is empty afterwards. */
  takeImages(): ImageRef[] {
    const images = this.imageRefs ?? [];
    this.imageRefs = undefined;
    return images;
  }

  /** The gathered text, normalised, and its measurements; the run is empty afterwards. */
  take(): RunText {
    const parts = this.parts ?? [];
    const text = parts.length === 1 ? (parts[0] ?? '') : parts.join('');
    const result: RunText = { text, linkChars: this.linkChars, linkCount: this.linkCount };
    if (this.spans !== undefined) result.links = this.spans;
    this.takeMarkup(result, text);
    this.reset();
    return result;
  }

  /** Adds the run's style spans, line breaks and images to its result; breaks with no text after them are dropped. */
  private takeMarkup(result: RunText, text: string): void {
    if (this.styleSpans !== undefined) result.styles = styleSpans(this.styleSpans);
    const breaks = this.breakOffsets?.filter((at) => at < text.length && text.charCodeAt(at) === 32);
    if (breaks !== undefined && breaks.length > 0) result.breaks = breaks;
    if (this.imageRefs !== undefined) result.images = this.imageRefs.map((image) => ({ ...image, at: Math.min(image.at, text.length) }));
  }

  /**
   * The gathered preformatted text: blank lines at the start and trailing white space removed, indentation of
   * the first line kept. The run is empty afterwards.
   */
  takePre(): RunText {
    const raw = (this.parts ?? []).join('');
    const start = preStart(raw);
    const end = preEnd(raw, start);
    const text = raw.slice(start, end);
    const linkChars = Math.min(this.linkChars, text.length);
    const result: RunText = { text, linkChars, linkCount: this.linkCount };
    const links = this.spans === undefined ? undefined : shiftSpans(this.spans, start, end);
    if (links !== undefined) result.links = links;
    this.reset();
    return result;
  }

  private push(piece: string, linkId: number, href: string | undefined): void {
    const at = this.chars;
    (this.parts ??= []).push(piece);
    this.chars += piece.length;
    if (linkId > 0) {
      this.linkChars += piece.length;
      if (linkId !== this.lastLinkId) {
        this.linkCount += 1;
        this.lastLinkId = linkId;
      }
      if (href !== undefined) this.recordSpan(at, this.chars, linkId, href);
    }
  }

  /** Records text [start, end) in the style bits; extends the last span when it has the same bits and touches it. */
  private recordStyle(start: number, end: number, bits: number): void {
    const spans = (this.styleSpans ??= []);
    const last = spans[spans.length - 1];
    if (last !== undefined && last.bits === bits && start - last.end <= 1) {
      last.end = end;
      return;
    }
    spans.push({ start, end, bits });
  }

  /**
   * Records text [start, end) as inside the link; extends the last span when it is the same link's (the pieces
   * of one link are contiguous, at most the separating space apart, which then belongs to the link).
   */
  private recordSpan(start: number, end: number, linkId: number, href: string): void {
    const spans = (this.spans ??= []);
    const last = spans[spans.length - 1];
    if (last !== undefined && this.spanLinkId === linkId && start - last.end <= 1) {
      last.end = end;
      return;
    }
    spans.push({ start, end, href });
    this.spanLinkId = linkId;
  }

  private reset(): void {
    this.parts = undefined;
    this.chars = 0;
    this.linkChars = 0;
    this.linkCount = 0;
    this.lastLinkId = 0;
    this.spans = undefined;
    this.spanLinkId = 0;
    this.pendingSpace = false;
    this.breaks = 0;
    this.breakOffsets = undefined;
    this.styleSpans = undefined;
    this.imageRefs = undefined;
  }
}

/** Spans of style bits as one span per style: 'strong' and 'em' over "<b><i>x</i></b>" are two spans. */
function styleSpans(spans: readonly { start: number; end: number; bits: number }[]): InlineSpan[] {
  const out: InlineSpan[] = [];
  for (const [bit, style] of STYLE_BITS) {
    let open: { start: number; end: number } | undefined;
    for (const span of spans) {
      if ((span.bits & bit) === 0) continue;
      if (open !== undefined && span.start - open.end <= 1) {
        open.end = span.end;
        continue;
      }
      if (open !== undefined) out.push({ start: open.start, end: open.end, style });
      open = { start: span.start, end: span.end };
    }
    if (open !== undefined) out.push({ start: open.start, end: open.end, style });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Where preformatted text starts once its leading blank lines are dropped (the first line's indentation kept). */
function preStart(raw: string): number {
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10) start = i + 1;
    else if (c !== 32 && c !== 9 && c !== 13 && c !== 12) break;
  }
  return start;
}

/** Where preformatted text ends once its trailing white space is dropped. */
function preEnd(raw: string, start: number): number {
  let end = raw.length;
  while (end > start && isSpaceCode(raw.charCodeAt(end - 1))) end -= 1;
  return end;
}

/** Spans of raw text moved onto raw.slice(start, end): clipped to it, emptied ones dropped; undefined when none is left. */
function shiftSpans(spans: readonly OpenSpan[], start: number, end: number): LinkSpan[] | undefined {
  let out: LinkSpan[] | undefined;
  for (const s of spans) {
    const from = Math.max(s.start, start);
    const to = Math.min(s.end, end);
    if (to > from) (out ??= []).push({ start: from - start, end: to - start, href: s.href });
  }
  return out;
}

/** ASCII white space or a no-break space. */
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 160;
}

/** whitespaceShape results. */
const BLANK = 0;
const CLEAN = 1;
const NEEDS_COLLAPSE = 2;

/**
 * One scan of a text node: BLANK when it is empty or only white space (the indentation between tags, most text
 * nodes of a page), CLEAN when its only white space is single ASCII spaces between words, NEEDS_COLLAPSE
 * otherwise. Cheaper than running the replacement on every node.
 */
function whitespaceShape(data: string): number {
  let blank = true;
  let collapse = false;
  let previousSpace = false;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c === 32) {
      if (previousSpace) collapse = true;
      previousSpace = true;
    } else if (c < 32 || (c > 127 && isUnicodeSpace(c))) {
      collapse = true;
      previousSpace = true;
    } else {
      blank = false;
      previousSpace = false;
    }
  }
  if (blank) return BLANK;
  return collapse ? NEEDS_COLLAPSE : CLEAN;
}
