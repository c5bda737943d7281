/**
 * HTML or a plain-text dump? Decided from the start of the text only, so the cost does not grow with the page.
 *
 * Three rules, any one suffices:
 *   1. the document starts (after whitespace and comments) like an HTML document: a doctype, <html>, <head>,
 *      <body>, or an XML declaration of XHTML;
 *   2. it starts with a tag that opens pages or fragments (<script>, <style>, <meta>, <div>…) and a
 *      document tag (doctype, <html>, <head>, <body>) follows in the first 16 KB — pages with stray
 *      markup pasted before their doctype;
 *   3. markup is dense in the first 2 KB: enough known HTML tags, and many of them per line. A text dump
 *      quotes tags now and then (documentation of HTML or of a web framework, a tracking pixel leaked
 *      from <noscript>), but on a small share of its lines.
 */

/** The window the density rule counts tags in. */
const DENSITY_WINDOW_CHARS = 2048;

/** How far rule 2 looks for a document tag after leading markup. */
const ANCHOR_WINDOW_CHARS = 16 * 1024;

/**
 * Rule 3 needs at least this many known tags in the window… (the dev text dumps have at most 10, on lines
 * of their own among dozens of lines of prose or menu)
 */
const DENSE_MIN_TAGS = 4;

/**
 * …and at least this many tags per line of the window. Pretty-printed HTML has one or more per line; the
 * dev text dumps with 4 tags or more have at most 0.14.
 */
const DENSE_MIN_TAGS_PER_LINE = 0.5;

/** Leading characters that say nothing: whitespace and a byte order mark. */
const LEADING_SPACE = /^[\s\uFEFF]+/;

/** Rule 1: what an HTML document starts with. `<!doctypehtml>` without a space is seen in minified pages. */
const DOCUMENT_START = /^(?:<!doctype\s*html|<html[\s>/]|<head[\s>/]|<body[\s>/])/i;

/** Rule 1 for XHTML: an XML declaration, then XHTML somewhere in the first window. */
const XML_DECLARATION_START = /^<\?xml[\s?]/i;
const XHTML_MARK = /xhtml|<html[\s>/]/i;

/** Rule 2: tags a page or a fragment may open with before its doctype or <html>. */
const LEADING_MARKUP = /^<(?:script|style|meta|link|title|base|noscript|div|p|span|table|section|article|header|nav|main|form|iframe|svg)[\s>/]/i;

/** Rule 2: a tag that only a whole HTML document has. */
const DOCUMENT_TAG = /<!doctype\s*html|<html[\s>/]|<head[\s>/]|<body[\s>/]/i;

/** Rule 3: the tags counted, opening or closing, case-insensitive. Each match is one tag; no nesting. */
const KNOWN_TAG =
  /<\/?(?:html|head|body|div|p|meta|title|script|style|link|table|tr|td|th|tbody|thead|br|hr|span|a|img|ul|ol|li|h[1-6]|section|article|nav|header|footer|main|aside|form|input|button|iframe|noscript|em|strong|b|i|figure|label|select|option)[\s>/]/gi;

/** Start of the text after whitespace, a byte order mark and HTML comments; bounded to the anchor window. */
function skipPreamble(text: string): string {
  let rest = text.slice(0, ANCHOR_WINDOW_CHARS).replace(LEADING_SPACE, '');
  while (rest.startsWith('<!--')) {
    const close = rest.indexOf('-->', 4);
    if (close === -1) return '';
    rest = rest.slice(close + 3).replace(LEADING_SPACE, '');
  }
  return rest;
}

/** Rule 1: the text opens as an HTML or XHTML document. */
export function startsLikeDocument(start: string): boolean {
  if (DOCUMENT_START.test(start)) return true;
  return XML_DECLARATION_START.test(start) && XHTML_MARK.test(start.slice(0, DENSITY_WINDOW_CHARS));
}

/** Rule 2: leading markup followed by a document tag. */
export function startsWithMarkupBeforeDocument(start: string): boolean {
  return LEADING_MARKUP.test(start) && DOCUMENT_TAG.test(start);
}

/** Rule 3: known tags in the window, and tags per line, both above their floors. */
export function hasDenseMarkup(text: string): boolean {
  const head = text.slice(0, DENSITY_WINDOW_CHARS);
  const tags = head.match(KNOWN_TAG)?.length ?? 0;
  if (tags < DENSE_MIN_TAGS) return false;
  let lines = 1;
  for (let i = head.indexOf('\n'); i !== -1; i = head.indexOf('\n', i + 1)) lines++;
  return tags >= DENSE_MIN_TAGS_PER_LINE * lines;
}

/** 'html' when the text is an HTML page or fragment, 'text' for a plain-text dump. */
export function sniffKind(text: string): 'html' | 'text' {
  const start = skipPreamble(text);
  if (startsLikeDocument(start) || startsWithMarkupBeforeDocument(start)) return 'html';
  return hasDenseMarkup(start.length > 0 ? start : text) ? 'html' : 'text';
}
