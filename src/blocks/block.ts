/**
 * The Block: the unit every extractor produces and every later stage works on.
 * An extractor turns a source (lines of a text dump, elements of a DOM) into blocks; classification,
 * smoothing, selection and rendering are shared and know nothing of where a block came from.
 */

import type { Section, Tier, TraceEntry } from './trace.js';
import type { MenuPatternName } from './vocab.js';

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'quote' | 'code' | 'table' | 'caption' | 'other';

export type Label = 'content' | 'boilerplate';

/** Measurements of one block. Text-dump and DOM extractors fill the shared part; DOM-only fields stay undefined for text. */
export interface BlockFeatures {
  /** Word tokens (Unicode-aware; a CJK character run counts by its segmented words). */
  words: number;
  /** Characters of normalised text. */
  chars: number;
  /** Share of words that are stopwords of the page's language (0..1). */
  stopwordDensity: number;
  /** Ends with sentence punctuation (. ! ? … 。 ！ ？ or a closing quote after one). */
  terminalPunctuation: boolean;
  /** Number of sentence-ending marks inside the text. */
  sentences: number;
  /** Share of words that start with a capital letter (0..1; 0 for caseless scripts). */
  capitalisedRatio: number;
  /** Starts with a list bullet (· • - » | ▪ ► * –). */
  bullet: boolean;
  /** Share of characters that are digits (0..1). */
  digitRatio: number;
  /** Matches a menu/boilerplate vocabulary pattern (copyright, "share", "subscribe", "read more"…). */
  menuPattern: MenuPatternName | undefined;
  /** Relative position in the page, 0 (top) .. 1 (bottom). */
  position: number;
  /** Leading columns of the line in a text dump (renderers indent list items and nested boxes; undefined for DOM). */
  indent?: number;
  /** Reads like a line of source code (see CODE_LINE in blocks/vocab.ts); absent means no. */
  codeLike?: boolean;
  /** Share of characters inside links (DOM only; 0 for text dumps). */
  linkDensity: number;
  /** Tag path from the root, e.g. "html>body>main>article>p" (DOM only). */
  tagPath?: string;
  /** Class and id tokens of the block and its ancestors that carry meaning (DOM only). */
  classTokens?: string[];
  /** Depth in the DOM (DOM only). */
  depth?: number;
  /** Inside article, main, [itemprop=articleBody] or a schema.org Article (DOM only). */
  inArticle?: boolean;
  /** Element that produced the block: "p", "li", "h2", "td", "div" (a container's own inline text), "table"… (DOM only). */
  tag?: string;
  /** Innermost page landmark holding the block: header/footer outside an article, nav, aside, or their ARIA roles (DOM only). */
  landmark?: 'header' | 'footer' | 'nav' | 'aside';
  /** Distinct links whose text is in the block (DOM only). */
  linkCount?: number;
  /**
   * Id of the block's parent container in the DOM (DOM only): the element holding a <p> or <li>, or the
   * container itself for a container's own inline text. Sibling blocks share it. Ids are per page, 0 is the root.
   */
  containerId?: number;
  /**
   * Ids of the containers holding the block, outermost first, ending with containerId (DOM only); capped to the
   * nearest few dozen levels. Shared between the blocks of one container: read, never modify.
   */
  ancestors?: readonly number[];
  /** For a list item: link density of its whole list, so items of menus and link lists can be told apart (DOM only). */
  listLinkDensity?: number;
  /** Inside a panel hidden until the reader opens it: a tab panel, an accordion or FAQ answer (DOM only). */
  collapsed?: boolean;
}

/**
 * A link inside a block: `text.slice(start, end)` is the link's text (offsets into the block's normalised text,
 * UTF-16 code units, end exclusive). `href` is absolute when the page's base URL was known (its <base href>, the
 * page URL given in the options, else its canonical URL), as written otherwise. In-page anchors ("#…"), empty hrefs
 * and javascript:/vbscript:/data: URLs are not recorded. Spans are in text order and never overlap.
 */
export interface LinkSpan {
  readonly start: number;
  readonly end: number;
  readonly href: string;
}

/** A style of inline text the HTML gave: bold (strong, b), italic (em, i) or code (code, kbd, samp, tt). */
export type InlineStyle = 'strong' | 'em' | 'code';

/** A stretch of a block's text in one inline style (offsets as in LinkSpan). Spans of one style never overlap. */
export interface InlineSpan {
  readonly start: number;
  readonly end: number;
  readonly style: InlineStyle;
}

/**
 * An image of the page, kept with the block it sits in (or, alone in its element, with the next block inside or
 * beside that element): `at` is its offset in the block's text. `src` is absolute when the page's base URL was
 * known, as written otherwise; `alt` is its alternative text ('' when the page gave none).
 */
export interface ImageRef {
  readonly at: number;
  readonly src: string;
  readonly alt: string;
}

/** A cell of a table block: its text, and whether it is a header cell (th, or a cell of thead). */
export interface TableCell {
  readonly text: string;
  readonly header: boolean;
}

/**
 * What the HTML said about a block beyond its text, so that markdown and html can render it faithfully (DOM only;
 * each field is absent when it does not apply). The text output never reads it.
 */
export interface BlockMarkup {
  /** A list item of an ordered list: its number (from the list's start, or the item's value). */
  ordinal?: number;
  /** A further block of the same list item (a second <p> in an <li>): it continues the item, it is not a new one. */
  continuation?: boolean;
  /** An item of a description list: a term (dt) or a description (dd). */
  definition?: 'term' | 'description';
  /** A code block: the language its class names ("language-python", "lang-js"). */
  language?: string;
  /** A table: its rows of cells, one per line of its text. */
  rows?: readonly (readonly TableCell[])[];
  /** A table's caption: this caption block belongs to the table that follows it. */
  tableCaption?: boolean;
  /** Offsets in the text where a <br> broke the line (the text has a space there): addresses, poems. */
  breaks?: readonly number[];
  /** Bold, italic and code stretches of the text. */
  styles?: readonly InlineSpan[];
  /** Images in or with the block. */
  images?: readonly ImageRef[];
}

export interface Block {
  /** Position in reading order, 0-based. */
  index: number;
  /** Normalised visible text. */
  text: string;
  kind: BlockKind;
  /** Heading level (1..6) or list depth. */
  level?: number;
  /** Links inside `text` (DOM only); absent when the block has none. Not kept for 'table' blocks. */
  links?: readonly LinkSpan[];
  /** Structure beyond the text (lists, tables, code language, line breaks, styles, images; DOM only). */
  markup?: BlockMarkup;
  features: BlockFeatures;
  /** Label after the per-block rules, before context smoothing. */
  initialLabel: Label;
  /** Final label, once every stage has run: the last trace entry's. */
  label: Label;
  /** Score from the per-block rules (positive: content, negative: boilerplate). */
  score: number;
  /** The score plus the `--favor` preset's bias, added once by the rules stage: what tiers and near-good tests read. */
  biasedScore: number;
  /** Tier of `biasedScore` (good, bad or uncertain), set once by the rules stage. */
  tier: Tier;
  /** The page sections holding the block (undefined when none): readers' comments, teasers under a related heading. */
  sections?: readonly Section[] | undefined;
  /** Template filler text ("Lorem ipsum…"), never what the page says. */
  filler?: boolean;
  /**
   * How the block was classified: each stage's entries in order (a rule's reason and weight, a stage's relabelling
   * and why). Nothing is overwritten; the block's label is the last entry's.
   */
  trace: TraceEntry[];
  /**
   * The trace's reasons as short codes, in order, those that set the label after an arrow ("long", "menu:share",
   * "→good"): the trace without stages, labels and weights, for callers that only print codes.
   */
  reasons: string[];
}

/** A block as an extractor emits it, before features and labels are computed. */
export interface RawBlock {
  text: string;
  kind: BlockKind;
  level?: number;
  /** Leading columns of the source line (text dumps only). */
  indent?: number;
  /** Links inside `text` (DOM only; see LinkSpan); absent when the block has none. Carried to the Block unchanged. */
  links?: readonly LinkSpan[];
  /** Structure beyond the text (DOM only; see BlockMarkup). Carried to the Block unchanged. */
  markup?: BlockMarkup;
  /** DOM-specific features measured during segmentation. */
  dom?: Pick<
    BlockFeatures,
    | 'linkDensity' | 'tagPath' | 'classTokens' | 'depth' | 'inArticle'
    | 'tag' | 'landmark' | 'linkCount' | 'containerId' | 'ancestors' | 'listLinkDensity' | 'collapsed'
  >;
}

/** A 'table' block's text holds one row per line, its cells joined by this separator. */
export const TABLE_CELL_SEPARATOR = ' | ';
