// The one function that turns a peer's HTML output into text, the same way for every peer: block elements
// become blank-line-separated paragraphs, list items and <br> start a new line, table cells are spaced,
// whitespace is collapsed. Without it a peer's words would be glued across paragraphs ("end.Next") and it
// would lose shingles for a formatting reason, not an extraction one.
import { Parser } from 'htmlparser2';

/** Elements that end a paragraph before and after them. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'div', 'dl', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul',
]);

/** Elements that start a new line within a paragraph. */
const LINE = new Set(['br', 'dd', 'dt', 'li', 'tr', 'caption', 'option']);

/** Elements whose words sit side by side: a space keeps them apart. */
const SPACED = new Set(['td', 'th', 'img', 'input', 'select', 'button', 'label']);

/** Elements whose content is never text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'title']);

const NONE = 0;
const NEWLINE = 1;
const PARAGRAPH = 2;
const WHITESPACE = /\s+/g;

/** Text of an HTML fragment (or page), paragraphs separated by one blank line. */
export function htmlToParagraphs(html) {
  const pieces = [];
  let pendingBreak = NONE;
  let pendingSpace = false;
  let lineHasText = false;
  let skipDepth = 0;

  const breakLine = (strength) => {
    if (lineHasText || pieces.length > 0) pendingBreak = Math.max(pendingBreak, strength);
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipDepth++;
        else if (BLOCK.has(name)) breakLine(PARAGRAPH);
        else if (LINE.has(name)) breakLine(NEWLINE);
        else if (SPACED.has(name)) pendingSpace = lineHasText;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCK.has(name)) breakLine(PARAGRAPH);
        else if (LINE.has(name) && name !== 'br') breakLine(NEWLINE);
        else if (SPACED.has(name)) pendingSpace = lineHasText;
      },
      ontext(raw) {
        if (skipDepth > 0) return;
        let text = raw.replace(WHITESPACE, ' ');
        if (text.trim() === '') {
          if (text.length > 0 && lineHasText) pendingSpace = true;
          return;
        }
        if (pendingBreak !== NONE) {
          if (pieces.length > 0) pieces.push(pendingBreak === PARAGRAPH ? '\n\n' : '\n');
          pendingBreak = NONE;
          pendingSpace = false;
          lineHasText = false;
        }
        if (!lineHasText) text = text.trimStart();
        else if (pendingSpace || text.startsWith(' ')) text = ' ' + text.trimStart();
        pendingSpace = text.endsWith(' ');
        pieces.push(pendingSpace ? text.trimEnd() : text);
        lineHasText = true;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return pieces.join('');
}
