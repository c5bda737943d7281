/**
 * Facts from one JSON-LD script: the article node's headline, authors, dates, publisher, language, description,
 * and the WebSite node's name. Handles a single object, an array at the top level, @graph arrays (Yoast and most
 * CMSs), a WebPage's mainEntity, and @id references to Person/Organization nodes of the same graph. Never throws:
 * invalid JSON gives undefined.
 */

import { decodeEntities } from './dom-text.js';
import { JSON_LD_MAX_CHARS } from './thresholds.js';
import { ARTICLE_SCHEMA_TYPES } from './vocab.js';

export interface JsonLdFacts {
  headline?: string;
  /** Author names as written (cleaned later), people and untyped names; empty when none. */
  authors: string[];
  /** Authors typed as organisations ("USA TODAY", "Cleveland Clinic"): a last resort when no person is named. */
  organizationAuthors: string[];
  datePublished?: string;
  dateCreated?: string;
  publisher?: string;
  websiteName?: string;
  inLanguage?: string;
  description?: string;
  /** True when an article-type node was found (its facts win over other scripts'). */
  isArticle: boolean;
}

type JsonObject = Record<string, unknown>;

/** Nodes read per script: bounds the work on pages that inline whole catalogues as JSON-LD. */
const MAX_NODES = 1000;

/** Parses one script's text; undefined when it is not JSON (after a light repair) or holds no object. */
export function parseJsonLd(text: string): JsonLdFacts | undefined {
  if (text.length > JSON_LD_MAX_CHARS) return undefined;
  const data = parseLenient(text);
  if (data === undefined) return undefined;
  const nodes = collectNodes(data);
  if (nodes.length === 0) return undefined;
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string') byId.set(id, node);
  }
  const article = nodes.find((n) => hasType(n, ARTICLE_SCHEMA_TYPES));
  const main = article ?? nodes.find((n) => typeof n['headline'] === 'string') ?? nodes.find((n) => hasType(n, WEB_PAGE_TYPES));
  const facts: JsonLdFacts = { authors: [], organizationAuthors: [], isArticle: article !== undefined };
  if (main !== undefined) {
    facts.headline = stringOf(main['headline']) ?? (article === undefined ? undefined : stringOf(main['name']));
    const authors = [...namesOf(main['author'], byId), ...namesOf(main['creator'], byId)];
    facts.authors = authors.filter((a) => !a.organization).map((a) => a.name);
    facts.organizationAuthors = authors.filter((a) => a.organization).map((a) => a.name);
    facts.datePublished = stringOf(main['datePublished']);
    facts.dateCreated = stringOf(main['dateCreated']);
    facts.publisher = namesOf(main['publisher'], byId)[0]?.name;
    facts.description = stringOf(main['description']);
    facts.inLanguage = languageOf(main['inLanguage']);
  }
  // Yoast-style graphs put the date on the WebPage node and the language on every node.
  facts.datePublished ??= firstString(nodes, 'datePublished');
  facts.inLanguage ??= nodes.map((n) => languageOf(n['inLanguage'])).find((v) => v !== undefined);
  const website = nodes.find((n) => hasType(n, WEBSITE_TYPES));
  if (website !== undefined) facts.websiteName = stringOf(website['name']);
  facts.publisher ??= website === undefined ? undefined : namesOf(website['publisher'], byId)[0]?.name;
  return facts;
}

const WEB_PAGE_TYPES: ReadonlySet<string> = new Set(['webpage', 'itempage', 'collectionpage', 'profilepage', 'qapage', 'faqpage']);
const WEBSITE_TYPES: ReadonlySet<string> = new Set(['website']);

/**
 * JSON.parse, retried once after the repairs real pages need: an HTML comment or CDATA wrapper around the JSON,
 * and raw line breaks or tabs inside strings (invalid JSON, common in hand-written templates).
 */
function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const repaired = text
      .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
      .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
      .replace(/[\r\n\t]/g, ' ');
    try {
      return JSON.parse(repaired);
    } catch {
      return undefined;
    }
  }
}

/**
 * The graph's nodes in document order: top-level objects (or array members), members of @graph arrays, and
 * objects under mainEntity / mainEntityOfPage. Iterative and bounded by MAX_NODES.
 */
function collectNodes(data: unknown): JsonObject[] {
  const nodes: JsonObject[] = [];
  const queue: unknown[] = [data];
  for (let i = 0; i < queue.length && nodes.length < MAX_NODES; i++) {
    const item = queue[i];
    if (Array.isArray(item)) {
      for (const member of item) queue.push(member);
      continue;
    }
    if (!isObject(item)) continue;
    nodes.push(item);
    for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage']) {
      const child = item[key];
      if (Array.isArray(child) || (isObject(child) && child['@type'] !== undefined)) queue.push(child);
    }
  }
  return nodes;
}

/** True when the node's @type (a string or an array of them) is in `types` (compared lower-cased, prefix dropped). */
function hasType(node: JsonObject, types: ReadonlySet<string>): boolean {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  for (const t of list) {
    if (typeof t !== 'string') continue;
    const afterSlash = t.slice(t.lastIndexOf('/') + 1);
    const short = afterSlash.slice(afterSlash.lastIndexOf(':') + 1).toLowerCase();
    if (types.has(short)) return true;
  }
  return false;
}

/** A name from an author or publisher value, and whether it is typed as an organisation. */
interface NamedEntity {
  name: string;
  organization: boolean;
}

/** schema.org types of organisations (an author typed so is a publisher's byline, not a person). */
const ORGANIZATION_TYPES: ReadonlySet<string> = new Set([
  'organization', 'newsmediaorganization', 'corporation', 'localbusiness', 'educationalorganization',
  'governmentorganization', 'ngo', 'onlinebusiness', 'medicalorganization', 'brand', 'website',
]);

/**
 * Names from an author/publisher value: a string, an object with a name (or an @id reference to a node of the
 * graph that has one), or an array of those.
 */
function namesOf(value: unknown, byId: ReadonlyMap<string, JsonObject>): NamedEntity[] {
  const names: NamedEntity[] = [];
  const list = Array.isArray(value) ? value : [value];
  for (const item of list) {
    if (typeof item === 'string') {
      const name = stringOf(item);
      if (name !== undefined) names.push({ name, organization: false });
      continue;
    }
    if (!isObject(item)) continue;
    const ref = typeof item['@id'] === 'string' ? byId.get(item['@id']) : undefined;
    const name = stringOf(item['name']) ?? (ref === undefined ? undefined : stringOf(ref['name']));
    if (name === undefined) continue;
    const organization = hasType(item, ORGANIZATION_TYPES) || (ref !== undefined && hasType(ref, ORGANIZATION_TYPES));
    names.push({ name, organization });
  }
  return names;
}

/** A language value: a string, or a Language object's alternateName/name. */
function languageOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value)) return stringOf(value['alternateName']) ?? stringOf(value['name']);
  return undefined;
}

/** The first node's string value of `key`. */
function firstString(nodes: readonly JsonObject[], key: string): string | undefined {
  for (const node of nodes) {
    const value = stringOf(node[key]);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** A non-empty trimmed string (entities decoded), or the first such string directly in an array. */
function stringOf(value: unknown): string | undefined {
  const list: readonly unknown[] = Array.isArray(value) ? value : [value];
  for (const item of list) {
    if (typeof item !== 'string') continue;
    const text = decodeEntities(item).trim();
    if (text.length > 0) return text;
  }
  return undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
