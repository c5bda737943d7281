/**
 * What can never be content: dropped element types and hidden elements. Decided per element from its own tag
 * and attributes only, so the walk can skip a subtree without ever entering it (no DOM mutation, no second pass).
 */

import type { Element } from 'domhandler';
import type { ElementAttrs } from './attrs.js';
import { tagInfo, type TagInfo } from './tag-info.js';
import { CHROME_PANEL_WORDS, HIDDEN_CLASS_NAMES, MODAL_CLASS_ENTRY, REVEALABLE_PANEL_WORDS, STREAMED_BOUNDARY_ID } from './vocab.js';

/**
 * Cheap pre-check on a class list before splitting it: every HIDDEN_CLASS_NAMES entry contains one of these
 * substrings (plain substring searches are several times faster than a case-insensitive expression).
 */
function mayHide(classList: string): boolean {
  return classList.includes('hid') || classList.includes('Hid') || classList.includes('HID') || classList.includes('sr-only')
    || classList.includes('creen') || classList.includes('nvisible');
}

/**
 * How the walk treats an element:
 * - 'walk': visible, walked as usual;
 * - 'skip': never content, its subtree is not entered;
 * - 'collapsed': hidden now, but a panel the reader opens (a tab, an accordion answer): walked as content, its
 *   blocks flagged `collapsed`;
 * - 'tentative': hidden (or a <noscript>), walked as a group whose blocks are kept only when the group holds the
 *   page's text, i.e. more than all visible text together (a page wrapper hidden until a script reveals it, a
 *   forum whose posts are served inside <noscript>). Decided after the walk, see segment.ts.
 */
export type Treatment = 'walk' | 'skip' | 'collapsed' | 'tentative';

/**
 * The treatment of an element from its tag and attributes. `insideTentative`: nested hidden elements inside a
 * tentative group are skipped (an sr-only label inside a hidden page wrapper is still not text).
 * Measured on the dev sets (1,678 pages): of the text inside attribute-hidden elements, the gold references hold
 * 56% of React's streamed boundaries, 75% of hidden tab panels, ~46% of accordion-like panels and under 10% of
 * the rest; whole pages hide behind a wrapper's class ("root hide"), style (anti-flicker visibility:hidden) or
 * inside <noscript> (Discourse, Flarum).
 */
export function treatment(el: Element, info: TagInfo, attrs: ElementAttrs, insideTentative: boolean): Treatment {
  const name = el.name;
  if (info.dropped) {
    if (name === 'noscript') return insideTentative ? 'skip' : 'tentative';
    // Declarative shadow DOM: the template's content is rendered in place.
    if (name === 'template' && (el.attribs['shadowrootmode'] !== undefined || el.attribs['shadowroot'] !== undefined)) return 'walk';
    return 'skip';
  }
  const reason = hiddenReason(name, attrs);
  if (reason === undefined) return isModal(attrs) ? (insideTentative ? 'skip' : 'tentative') : 'walk';
  if (reason === 'closed-dialog') return 'skip';
  if (reason === 'hidden-attribute' && attrs.id !== undefined && STREAMED_BOUNDARY_ID.test(attrs.id)) return 'walk';
  if (isRevealablePanel(attrs)) return 'collapsed';
  return insideTentative ? 'skip' : 'tentative';
}

/**
 * A modal window (a sign-in form, a newsletter offer, a comment policy, a consent manager's settings): shown only
 * when a script opens it, so it is treated like a hidden element. Named by its role or by a class-list entry that
 * is the word itself, alone or with a container suffix ("modal", "modalWindow", "popup-wrapper", "lightbox");
 * "modal-enabled" or "js-popup-trigger" name something else.
 */
export function isModal(a: ElementAttrs): boolean {
  if (a.role !== undefined && a.role.toLowerCase().includes('dialog')) return true;
  const c = a.class;
  if (c === undefined || !(c.includes('odal') || c.includes('opup') || c.includes('op-up') || c.includes('ightbox') || c.includes('ightBox'))) return false;
  for (const entry of c.split(/\s+/)) if (MODAL_CLASS_ENTRY.test(entry)) return true;
  return false;
}

/**
 * A tab panel or a collapsed content panel (accordion, FAQ answer, "read more", spoiler), not a collapsed piece of
 * page chrome (a mobile menu, a search drawer, a cookie panel).
 */
export function isRevealablePanel(a: ElementAttrs): boolean {
  if (a.role !== undefined && a.role.toLowerCase().includes('tabpanel')) return true;
  const names = `${a.class ?? ''} ${a.id ?? ''}`;
  return REVEALABLE_PANEL_WORDS.test(names) && !CHROME_PANEL_WORDS.test(names);
}

/** Why an element's subtree is skipped. */
export type DropReason = 'non-content-tag' | 'hidden-attribute' | 'aria-hidden' | 'hidden-style' | 'hidden-class' | 'closed-dialog';

/** The reason the element's subtree is never content, or undefined when it may be. */
export function dropReason(name: string, attrs: ElementAttrs): DropReason | undefined {
  if (tagInfo(name).dropped) return 'non-content-tag';
  return hiddenReason(name, attrs);
}

/** The reason the element is hidden from sight by its attributes, or undefined when it is visible. */
export function hiddenReason(name: string, a: ElementAttrs): DropReason | undefined {
  // hidden="until-found" is collapsed content the browser reveals on find-in-page: it is real content.
  if (a.hidden !== undefined && a.hidden.trim().toLowerCase() !== 'until-found') return 'hidden-attribute';
  if (a.ariaHidden !== undefined && a.ariaHidden.trim().toLowerCase() === 'true') return 'aria-hidden';
  if (a.style !== undefined && styleHides(a.style)) return 'hidden-style';
  if (a.class !== undefined && mayHide(a.class) && classHides(a.class)) return 'hidden-class';
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
