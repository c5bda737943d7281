/**
 * White space checks shared by the extractors: most text (a DOM text node, a line of a dump) has only single ASCII
 * spaces between words, and a scan of its code units is cheaper than running a collapsing replacement on it.
 */

/**
 * True when the text has white space other than single ASCII spaces between words: a line break, a tab, two
 * spaces, or a no-break or other Unicode space (and a zero-width space, when `zeroWidth` is set).
 */
export function needsCollapse(data: string, zeroWidth = false): boolean {
  let previousSpace = false;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c === 32) {
      if (previousSpace) return true;
      previousSpace = true;
    } else {
      if (c < 32 || (c > 127 && (isUnicodeSpace(c) || (zeroWidth && c === ZERO_WIDTH_SPACE)))) return true;
      previousSpace = false;
    }
  }
  return false;
}

const ZERO_WIDTH_SPACE = 0x200b;

/** The non-ASCII code units JavaScript's \s matches (no-break space, the U+2000 block, ideographic space…). */
export function isUnicodeSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
