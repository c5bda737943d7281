/**
 * Small, bounded reads of an element's text for metadata (a byline, an itemprop date, a <title>). Bounded so a
 * mislabelled element (class="author" on a whole sidebar) costs a few hundred characters, not a subtree walk.
 */

import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { needsCollapse } from '../whitespace.js';
import { DROPPED_TAGS } from './vocab.js';

/**
 * The element's visible text, whitespace collapsed and trimmed, read in document order until `maxChars`
 * characters are gathered; undefined when the text is longer than that (a block of prose, not a value).
 * `separateElements`: every element edge is a space, for bylines built of styled spans
 * ("<span>Jane Doe</span><span>Published on…</span>" must not read "Jane DoePublished on…").
 * Iterative: a deeply nested element cannot overflow the stack.
 */
export function boundedText(el: Element, maxChars: number, separateElements = false): string | undefined {
  let out = '';
  const stack: AnyNode[] = [];
  for (let i = el.children.length - 1; i >= 0; i--) {
    const child = el.children[i];
    if (child !== undefined) stack.push(child);
  }
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (isText(node)) {
      out += node.data;
      if (out.length > maxChars * 4) {
        // Mostly white space so far? Compact it and go on; otherwise the text is too long to be a value.
        const trailingSpace = out.trimEnd().length < out.length;
        out = collapse(out) + (trailingSpace ? ' ' : '');
        if (out.length > maxChars + 1) return undefined;
      }
    } else if (isTag(node) && !DROPPED_TAGS.has(node.name)) {
      if (separateElements || node.name === 'br') out += ' ';
      for (let i = node.children.length - 1; i >= 0; i--) {
        const child = node.children[i];
        if (child !== undefined) stack.push(child);
      }
    }
  }
  const text = collapse(out);
  return text.length > maxChars ? undefined : text;
}

/** Text with whitespace runs collapsed to one space and the ends trimmed. */
export function collapse(text: string): string {
  return (needsCollapse(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/** Named character references common in metadata strings written by CMS templates. */
const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['nbsp', '\u00a0'],
  ['rsquo', '\u2019'], ['lsquo', '\u2018'], ['rdquo', '\u201d'], ['ldquo', '\u201c'], ['ndash', '\u2013'],
  ['mdash', '\u2014'], ['hellip', '\u2026'], ['laquo', '\u00ab'], ['raquo', '\u00bb'], ['copy', '\u00a9'],
]);

/** A character reference: named (letters and digits) or numeric (decimal or hex), with its semicolon. */
const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,9});/g;

/**
 * Decodes character references left in text that no HTML parser has decoded: JSON-LD strings (script content
 * is raw) and doubly-encoded meta values ("&amp;#8217;"). Unknown names are left as they are.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.charCodeAt(0) === 35) {
      const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88;
      const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES.get(body) ?? whole;
  });
}
