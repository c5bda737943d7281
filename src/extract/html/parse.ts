/**
 * Parsing: htmlparser2 builds the DOM in one pass, several times faster than a spec-exact HTML5 parser, and
 * tolerates the broken markup of scraped pages. Entities are decoded and names lower-cased so the rest of the
 * extractor compares plain lower-case strings.
 */

import type { Document } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/** Parses an HTML page (already decoded to a string) into a DOM document. */
export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}
