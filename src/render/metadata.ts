import type { Article } from '../article.js';

/** A metadata field as the outputs name it, and its value. */
export type MetadataField = readonly [name: MetadataName, value: string];
export type MetadataName = 'title' | 'author' | 'date' | 'site' | 'url' | 'language' | 'description';

/**
 * The page's metadata that `--with-metadata` puts before the text, in this order, those found: the names are
 * those of the peers' front matter (title, author, date, site…). `url` is the address the caller gave, else the
 * page's canonical URL; `language` the declared one, else the one the text was read in.
 */
export function metadataFields(article: Article): MetadataField[] {
  const m = article.metadata;
  const fields: [MetadataName, string | undefined][] = [
    ['title', m.title],
    ['author', m.author],
    ['date', m.published],
    ['site', m.siteName],
    ['url', article.url ?? m.canonicalUrl],
    ['language', m.language ?? article.language],
    ['description', m.description],
  ];
  return fields.filter((f): f is [MetadataName, string] => f[1] !== undefined && f[1].trim() !== '');
}

/** A value on one line: line breaks and other white-space runs become one space. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
