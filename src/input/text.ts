/**
 * Small clean-ups applied to every decoded text, whatever its source: one newline convention, no leading
 * byte order mark, no lone surrogates.
 */

/** The byte order mark as a character; a decoder or a caller may leave one at the start of a string. */
const BOM_CHAR = '\uFEFF';

/** A Windows (\r\n) or classic Mac (\r) line break. Linear, no backtracking. */
const CARRIAGE_RETURN_BREAK = /\r\n?/g;

/** Any character that is not whitespace (JS whitespace includes NBSP, U+FEFF and the Unicode spaces). */
const NON_WHITESPACE = /\S/;

/** The ES2024 well-formedness methods, present in Node 20 but absent from the ES2022 type library. */
interface WellFormedString {
  isWellFormed(): boolean;
  toWellFormed(): string;
}

/** Every line break becomes \n, so later stages split lines one way only. Skips the regex when there is no \r. */
export function normaliseNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(CARRIAGE_RETURN_BREAK, '\n');
}

/** Removes one leading U+FEFF: it is an encoding signature, not content. */
export function stripLeadingBom(text: string): string {
  return text.startsWith(BOM_CHAR) ? text.slice(1) : text;
}

/**
 * Replaces lone surrogates with U+FFFD, so the text can always be written out as valid UTF-8.
 * Only string input can hold them: TextDecoder never produces a lone surrogate.
 */
export function toWellFormed(text: string): string {
  const s = text as unknown as WellFormedString;
  return s.isWellFormed() ? text : s.toWellFormed();
}

/** True when the text has no visible character. Stops at the first non-whitespace character. */
export function isBlank(text: string): boolean {
  return !NON_WHITESPACE.test(text);
}

/** The clean-ups every decoded text receives: no leading BOM, \n line breaks. */
export function cleanText(text: string): string {
  return normaliseNewlines(stripLeadingBom(text));
}
