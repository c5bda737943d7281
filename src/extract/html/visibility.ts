/**
 * What can never be content: dropped element types and hidden elements. Decided per element from its own tag
 * and attributes only, so the walk can skip a subtree without ever entering it (no DOM mutation, no second pass).
 */

import type { ElementAttrs } from './attrs.js';
import { DROPPED_TAGS, HIDDEN_CLASS_NAMES } from './vocab.js';

/** Cheap pre-check on a class list before splitting it: every HIDDEN_CLASS_NAMES entry contains one of these. */
const MAY_HIDE = /hid|sr-only|screen|invisible/i;

/** Why an element's subtree is skipped. */
export type DropReason = 'non-content-tag' | 'hidden-attribute' | 'aria-hidden' | 'hidden-style' | 'hidden-class' | 'closed-dialog';

/** The reason the element's subtree is never content, or undefined when it may be. */
export function dropReason(name: string, attrs: ElementAttrs): DropReason | undefined {
  if (DROPPED_TAGS.has(name)) return 'non-content-tag';
  return hiddenReason(name, attrs);
}

/** The reason the element is hidden from sight by its attributes, or undefined when it is visible. */
export function hiddenReason(name: string, a: ElementAttrs): DropReason | undefined {
  // hidden="until-found" is collapsed content the browser reveals on find-in-page: it is real content.
  if (a.hidden !== undefined && a.hidden.trim().toLowerCase() !== 'until-found') return 'hidden-attribute';
  if (a.ariaHidden !== undefined && a.ariaHidden.trim().toLowerCase() === 'true') return 'aria-hidden';
  if (a.style !== undefined && styleHides(a.style)) return 'hidden-style';
  if (a.class !== undefined && MAY_HIDE.test(a.class) && classHides(a.class)) return 'hidden-class';
  if (name === 'dialog' && a.open === undefined) return 'closed-dialog';
  return undefined;
}

/**
 * True when an inline style declares display:none or visibility:hidden/collapse, whatever the spacing, case
 * or !important ("display : NONE !important"). Scans declarations split on ';' with whitespace removed; no
 * regular expression runs on the attribute.
 */
export function styleHides(style: string): boolean {
  const compact = removeWhitespace(style.toLowerCase());
  if (!compact.includes('display:none') && !compact.includes('visibility:')) return false;
  for (const declaration of compact.split(';')) {
    if (declaration.startsWith('display:none')) return true;
    if (declaration.startsWith('visibility:hidden') || declaration.startsWith('visibility:collapse')) return true;
  }
  return false;
}

/** The string without ASCII whitespace. */
function removeWhitespace(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 12 || c === 13) {
      out += s.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * True when a class-list entry hides the element everywhere (sr-only, visually-hidden, hidden…). A bare
 * "hidden" next to a responsive variant ("hidden md:block", "hidden lg:flex") only hides it on small screens,
 * so it does not count.
 */
export function classHides(classList: string): boolean {
  let hiding = false;
  let responsive = false;
  for (const entry of classList.toLowerCase().split(/\s/)) {
    if (entry.length === 0) continue;
    if (entry.includes(':')) responsive = true;
    if (HIDDEN_CLASS_NAMES.has(entry)) {
      if (entry !== 'hidden' && entry !== 'hide') return true;
      hiding = true;
    }
  }
  return hiding && !responsive;
}
