/**
 * What the segmenter records of a block's markup beyond its text, for faithful markdown and html (BlockMarkup):
 * list numbers and description lists, code languages, inline styles and images. Nothing here changes a block's
 * text or features: the classifier never reads it.
 */

import type { Element } from 'domhandler';
import type { BlockMarkup, ImageRef, RawBlock } from '../../blocks/block.js';
import type { RunText } from './text-run.js';

/** The list an item belongs to: an <ol> counts its items, a <dl> has terms and descriptions. */
export type ListState = { type: 'ordered'; next: number; step: 1 | -1 } | { type: 'unordered' } | { type: 'definition' };

/** What the blocks of one list item share: the first is the item, the next ones continue it. */
export interface ItemState {
  markup: BlockMarkup;
  emitted: boolean;
}

const UNORDERED: ListState = { type: 'unordered' };
const DEFINITION: ListState = { type: 'definition' };

/** The list an element opens (it is one of LIST_TAGS). */
export function openList(name: string, el: Element): ListState {
  if (name === 'dl') return DEFINITION;
  if (name !== 'ol') return UNORDERED;
  const reversed = el.attribs['reversed'] !== undefined;
  const start = integerAttribute(el.attribs['start']);
  // A reversed list without a start counts down from its number of items, which only its end would tell: it
  // counts down from its item count, read once here.
  const next = start ?? (reversed ? countItems(el) : 1);
  return { type: 'ordered', next, step: reversed ? -1 : 1 };
}

/** The item a list-item element (li, dt, dd) opens in its list; undefined outside a list. */
export function openItem(name: string, el: Element, list: ListState | undefined): ItemState | undefined {
  if (name === 'dt' || name === 'dd') return { markup: { definition: name === 'dt' ? 'term' : 'description' }, emitted: false };
  if (list?.type !== 'ordered') return undefined;
  const ordinal = integerAttribute(el.attribs['value']) ?? list.next;
  list.next = ordinal + list.step;
  return { markup: { ordinal }, emitted: false };
}

/** The item's markup for its next block: the first block is the item, the others continue it. */
export function itemMarkup(item: ItemState): BlockMarkup {
  if (!item.emitted) {
    item.emitted = true;
    return item.markup;
  }
  return item.markup.definition === undefined ? { continuation: true } : { ...item.markup, continuation: true };
}

function integerAttribute(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  return Number.isSafeInteger(n) ? n : undefined;
}

function countItems(list: Element): number {
  let n = 0;
  for (const child of list.children) if ((child as Element).name === 'li') n++;
  return n;
}

/** Classes that name a code block's language: highlight.js and Prism ("language-x", "lang-x"). */
const LANGUAGE_CLASS = /^(?:language|lang)-([\w+#.-]{1,32})$/i;

/** The language a <pre> or the <code> inside it names by its class, if any. */
export function codeLanguage(pre: Element): string | undefined {
  const code = pre.children.find((child): child is Element => (child as Element).name === 'code');
  for (const el of code === undefined ? [pre] : [pre, code]) {
    for (const cls of (el.attribs['class'] ?? '').split(/\s+/)) {
      const m = LANGUAGE_CLASS.exec(cls);
      if (m !== null) return (m[1] as string).toLowerCase();
    }
  }
  return undefined;
}

/** Inline elements and the style bit they give their text (see STYLE_BITS in text-run.ts). */
const STYLE_TAGS: ReadonlyMap<string, number> = new Map([
  ['b', 1], ['strong', 1],
  ['i', 2], ['em', 2],
  ['code', 4], ['kbd', 4], ['samp', 4], ['tt', 4],
]);

/** The style bit an inline element gives its text, 0 for none. */
export function styleBit(name: string): number {
  return STYLE_TAGS.get(name) ?? 0;
}

/** Attributes that hold a lazily loaded image's address, when `src` is a placeholder. */
const LAZY_SOURCES = ['data-src', 'data-lazy-src', 'data-original'] as const;

/** An <img>'s address and alternative text; undefined when it has no usable address. */
export function imageOf(img: Element): { src: string; alt: string } | undefined {
  const a = img.attribs;
  const src = [a['src'], ...LAZY_SOURCES.map((name) => a[name]), firstSrcset(a['srcset'] ?? a['data-srcset'])]
    .map((value) => value?.trim())
    .find((value): value is string => value !== undefined && value !== '' && !/^(?:data|javascript|vbscript):/i.test(value));
  if (src === undefined) return undefined;
  return { src, alt: (a['alt'] ?? '').replace(/\s+/g, ' ').trim() };
}

function firstSrcset(srcset: string | undefined): string | undefined {
  return srcset?.trim().split(/\s+/)[0];
}

/**
 * Images alone in their element (a figure's <img>, a photo in its own div) wait for a block to join: the next block
 * emitted inside that element, or beside it in the same parent. Any other block lets them go, so a header's logo
 * never joins the article's first paragraph.
 */
export class LoneImages {
  private images: ImageRef[] = [];
  private owner = -1;
  private parent = -1;

  /** Images of an element (owner id, its parent owner's id) that gave no text. */
  leave(images: readonly ImageRef[], owner: number, parent: number): void {
    this.images = images.map((image) => ({ ...image, at: 0 }));
    this.owner = owner;
    this.parent = parent;
  }

  /** The waiting images the block with these container ids takes, if they belong to it; none wait afterwards. */
  claim(ancestors: readonly number[]): ImageRef[] | undefined {
    if (this.images.length === 0) return undefined;
    const images = this.images;
    this.images = [];
    const inside = ancestors.includes(this.owner);
    const beside = ancestors[ancestors.length - 1] === this.parent;
    return inside || beside ? images : undefined;
  }
}

/** The markup of a block from its run and its owner's item, language or table; undefined when there is none. */
export function blockMarkup(
  run: Pick<RunText, 'styles' | 'breaks' | 'images'> | undefined,
  own: BlockMarkup | undefined,
  lone: readonly ImageRef[] | undefined,
): BlockMarkup | undefined {
  const markup: BlockMarkup = { ...own };
  if (run?.styles !== undefined) markup.styles = run.styles;
  if (run?.breaks !== undefined) markup.breaks = run.breaks;
  const images = lone === undefined ? run?.images : [...lone, ...(run?.images ?? [])];
  if (images !== undefined && images.length > 0) markup.images = images;
  return Object.keys(markup).length === 0 ? undefined : markup;
}

/**
 * Makes the blocks' image addresses absolute against the page's base URL, as links are (see resolveLinks): an
 * address that does not resolve stays as written.
 */
export function resolveImages(blocks: readonly RawBlock[], base: URL | undefined): void {
  if (base === undefined) return;
  for (const block of blocks) {
    const images = block.markup?.images;
    if (images === undefined || block.markup === undefined) continue;
    block.markup.images = images.map((image) => ({ ...image, src: resolved(image.src, base) }));
  }
}

function resolved(src: string, base: URL): string {
  try {
    return new URL(src, base).href;
  } catch {
    return src;
  }
}
