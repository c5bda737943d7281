/**
 * Everything the walk needs to know about a tag name, compiled once from the lists of vocab.ts into one record
 * per known tag, so an element costs one map lookup instead of a dozen set lookups.
 */

import {
  APP_ROOT_TAGS, ARTICLE_TAGS, BLOCK_TAGS, CAPTION_TAGS, CONTAINER_TAGS, DROPPED_TAGS, HEADING_LEVEL, LANDMARK_TAGS,
  LIST_ITEM_TAGS, LIST_TAGS, METADATA_HOOK_TAGS, OTHER_KIND_TAGS, PRE_TAGS, UNTOKENISED_TAGS, type Landmark,
} from './vocab.js';

export interface TagInfo {
  /** Never content: the subtree is not entered (DROPPED_TAGS). */
  readonly dropped: boolean;
  /** Starts a block (BLOCK_TAGS, app roots). */
  readonly block: boolean;
  /** Holds other blocks; its own text is an anonymous block inside it (CONTAINER_TAGS, app roots). */
  readonly container: boolean;
  /** Holds list items (LIST_TAGS). */
  readonly list: boolean;
  /** Is a list item (LIST_ITEM_TAGS). */
  readonly listItem: boolean;
  /** Keeps its text verbatim (PRE_TAGS). */
  readonly pre: boolean;
  /** Is a caption (CAPTION_TAGS). */
  readonly caption: boolean;
  /** Its own text is kind 'other' (OTHER_KIND_TAGS). */
  readonly otherKind: boolean;
  /** Marks the article region by its tag (ARTICLE_TAGS). */
  readonly article: boolean;
  /** Its class/id describe the page, not a region (UNTOKENISED_TAGS). */
  readonly untokenised: boolean;
  /** Heading level 1–6, 0 for other tags. */
  readonly heading: number;
  /** Landmark the tag opens (header/footer only outside an article; decided by the walk). */
  readonly landmark: Landmark | undefined;
  /** An app root element of its own (<app-root>, <gg-app>…). */
  readonly appRoot: boolean;
  /** A custom element (<my-card>): inline, but its edges separate words. */
  readonly custom: boolean;
  /** Read by the metadata hooks whatever its visibility (meta, link, title, html, script, noscript, base). */
  readonly metadataHook: boolean;
}

const PLAIN: TagInfo = {
  dropped: false, block: false, container: false, list: false, listItem: false, pre: false, caption: false,
  otherKind: false, article: false, untokenised: false, heading: 0, landmark: undefined, appRoot: false, custom: false,
  metadataHook: false,
};

/** Any tag not in the lists: inline. */
const INLINE_INFO: TagInfo = PLAIN;

/** A custom element: inline with word-separating edges. */
const CUSTOM_INFO: TagInfo = { ...PLAIN, custom: true };

/** A custom element named like an app root: a container block. */
const CUSTOM_APP_ROOT_INFO: TagInfo = { ...PLAIN, custom: true, block: true, container: true, appRoot: true };

const TAG_INFO: ReadonlyMap<string, TagInfo> = buildTagInfo();

/** The record of a tag name (lower-cased, as the parser gives it). */
export function tagInfo(name: string): TagInfo {
  const known = TAG_INFO.get(name);
  if (known !== undefined) return known;
  if (!name.includes('-')) return INLINE_INFO;
  return name.endsWith('-app') || name.endsWith('-root') || name.startsWith('app-') ? CUSTOM_APP_ROOT_INFO : CUSTOM_INFO;
}

function buildTagInfo(): Map<string, TagInfo> {
  const names = new Set<string>([
    ...DROPPED_TAGS, ...BLOCK_TAGS, ...CONTAINER_TAGS, ...LIST_TAGS, ...LIST_ITEM_TAGS, ...PRE_TAGS, ...CAPTION_TAGS,
    ...OTHER_KIND_TAGS, ...ARTICLE_TAGS, ...UNTOKENISED_TAGS, ...HEADING_LEVEL.keys(), ...LANDMARK_TAGS.keys(),
    ...APP_ROOT_TAGS, ...METADATA_HOOK_TAGS,
  ]);
  const map = new Map<string, TagInfo>();
  for (const name of names) {
    const appRoot = APP_ROOT_TAGS.has(name);
    map.set(name, {
      dropped: DROPPED_TAGS.has(name),
      block: BLOCK_TAGS.has(name) || appRoot,
      container: CONTAINER_TAGS.has(name) || appRoot,
      list: LIST_TAGS.has(name),
      listItem: LIST_ITEM_TAGS.has(name),
      pre: PRE_TAGS.has(name),
      caption: CAPTION_TAGS.has(name),
      otherKind: OTHER_KIND_TAGS.has(name),
      article: ARTICLE_TAGS.has(name),
      untokenised: UNTOKENISED_TAGS.has(name),
      heading: HEADING_LEVEL.get(name) ?? 0,
      landmark: LANDMARK_TAGS.get(name),
      appRoot,
      custom: name.includes('-'),
      metadataHook: METADATA_HOOK_TAGS.has(name),
    });
  }
  return map;
}
