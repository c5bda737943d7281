/**
 * Parsing: htmlparser2 builds the DOM in one pass, several times faster than a spec-exact HTML5 parser, and
 * tolerates the broken markup of scraped pages. Entities are decoded and names lower-cased so the rest of the
 * extractor compares plain lower-case strings.
 *
 * The tree is at most MAX_NESTING_DEPTH elements deep: htmlparser2 keeps its open elements in an array it
 * grows at the front, so every open tag costs time in proportion to the depth, and a page of 100,000 unclosed
 * <div>s took seconds (quadratic). An element opened at the cap is closed at once, so what follows it becomes its
 * sibling, as in Chromium's parser. The cap uses htmlparser2's documented extension point (isVoidElement).
 */

import { DomHandler, type Document } from 'domhandler';
import { Parser, type ParserOptions } from 'htmlparser2';
import { MAX_NESTING_DEPTH } from './thresholds.js';

const OPTIONS: ParserOptions = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true };

/**
 * Elements whose content htmlparser2's tokenizer reads as raw text up to their end tag. They are never flattened:
 * they cannot nest, so they cost one level at most, and flattening one would turn its content (script code) into
 * text of the page.
 */
const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

/** The DOM builder, telling how many elements are open (its stack holds the document, then each open element). */
class DepthHandler extends DomHandler {
  get depth(): number {
    return this.tagStack.length - 1;
  }
}

/**
 * htmlparser2's parser with the open-element stack capped: a tag opened when MAX_NESTING_DEPTH elements are open
 * is treated as a void element (not pushed, closed right after its attributes), raw-text elements excepted. The
 * decision is taken when the tag name is read and holds until the tag ends, so the parser and the DOM builder
 * always agree on what is open.
 */
class DepthCappedParser extends Parser {
  private flattenOpenTag = false;

  constructor(private readonly handler: DepthHandler) {
    super(handler, OPTIONS);
  }

  override onopentagname(start: number, endIndex: number): void {
    this.flattenOpenTag = this.handler.depth >= MAX_NESTING_DEPTH;
    super.onopentagname(start, endIndex);
  }

  override onopentagend(endIndex: number): void {
    super.onopentagend(endIndex);
    this.flattenOpenTag = false;
  }

  override onselfclosingtag(endIndex: number): void {
    super.onselfclosingtag(endIndex);
    this.flattenOpenTag = false;
  }

  protected override isVoidElement(name: string): boolean {
    return (this.flattenOpenTag && !RAW_TEXT_ELEMENTS.has(name)) || super.isVoidElement(name);
  }
}

/** Parses an HTML page (already decoded to a string) into a DOM document. */
export function parseHtml(html: string): Document {
  const handler = new DepthHandler(undefined, OPTIONS);
  new DepthCappedParser(handler).end(html);
  return handler.root;
}
