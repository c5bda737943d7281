/** Metadata from meta tags, JSON-LD, the page's elements; title suffix removal; date and language normalisation. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentHtml } from '../src/extract/html/index.js';
import { cleanAuthor, joinNames } from '../src/extract/html/author.js';
import { findDateInText, normaliseDate } from '../src/extract/html/dates.js';
import { normaliseLanguage } from '../src/extract/html/metadata.js';
import { cleanTitle } from '../src/extract/html/title.js';

/** The page of a regression folder (test/pages/<slug>/source.html). */
const fixture = (slug: string): string => readFileSync(join(process.cwd(), 'test', 'pages', slug, 'source.html'), 'utf8');
const meta = (html: string) => segmentHtml(html).metadata;
const ld = (data: unknown): string => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

describe('metadata from the fixture article', () => {
  it('reads every field', () => {
    expect(meta(fixture('news-article'))).toEqual({
      title: 'Rivers Return to the Valley',
      author: 'Jane Doe',
      published: '2024-03-05T09:30:00+01:00',
      siteName: 'The Daily Example',
      language: 'en-US',
      canonicalUrl: 'https://example.com/news/rivers-return',
      description: 'After the dam came down, the river found its old bed.',
    });
  });
});

describe('metadata from meta tags', () => {
  it('reads og, twitter and name metas', () => {
    const m = meta('<head><meta property="og:title" content="A Headline">'
      + '<meta name="author" content="Ann Smith"><meta property="og:locale" content="pt_BR">'
      + '<meta property="og:url" content="https://ex.com/a"><meta name="twitter:description" content="Desc">'
      + '<meta name="date" content="2020-01-31"></head>');
    expect(m).toEqual({
      title: 'A Headline', author: 'Ann Smith', language: 'pt-BR', canonicalUrl: 'https://ex.com/a',
      description: 'Desc', published: '2020-01-31',
    });
  });

  it('never returns a profile URL as the author', () => {
    const m = meta('<meta property="article:author" content="https://www.facebook.com/jdoe">'
      + '<p class="byline">By <a href="/jd">John Doe</a></p>');
    expect(m.author).toBe('John Doe');
  });

  it('resolves a relative canonical link against og:url', () => {
    const m = meta('<link rel="canonical" href="/story/1"><meta property="og:url" content="https://ex.com/x">');
    expect(m.canonicalUrl).toBe('https://ex.com/story/1');
  });
});

describe('metadata from JSON-LD', () => {
  it('reads a @graph with @id references (author Person, publisher Organization)', () => {
    const html = ld({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': '#org', name: 'Example News' },
        { '@type': 'Person', '@id': '#p1', name: 'Maria Lopez' },
        { '@type': 'WebPage', '@id': '#page', inLanguage: 'es-ES' },
        { '@type': ['NewsArticle'], headline: 'Titular', author: { '@id': '#p1' }, publisher: { '@id': '#org' },
          datePublished: '2023-07-01T08:00:00Z' },
      ],
    });
    expect(meta(html)).toEqual({
      title: 'Titular', author: 'Maria Lopez', published: '2023-07-01T08:00:00Z', siteName: 'Example News',
      language: 'es-ES',
    });
  });

  it('joins an array of authors (strings and objects)', () => {
    const html = ld([{ '@type': 'BlogPosting', headline: 'H', author: [{ '@type': 'Person', name: 'A. One' }, 'B. Two', { name: 'C. Three' }] }]);
    expect(meta(html).author).toBe('A. One, B. Two, and C. Three');
  });

  it('prefers a named person to an organisation author', () => {
    const html = ld({ '@type': 'Article', headline: 'H', author: { '@type': 'Organization', name: 'Big Corp' } })
      + '<p class="author-name">Pat Lee</p>';
    expect(meta(html).author).toBe('Pat Lee');
    expect(meta(ld({ '@type': 'Article', author: { '@type': 'Organization', name: 'Big Corp' } })).author).toBe('Big Corp');
  });

  it('survives invalid JSON and repairs raw line breaks in strings', () => {
    expect(() => meta('<script type="application/ld+json">{ not json </script>')).not.toThrow();
    const html = '<script type="application/ld+json">{"@type":"Article","headline":"Line\none"}</script>';
    expect(meta(html).title).toBe('Line one');
  });

  it('decodes character references left in JSON-LD strings', () => {
    expect(meta(ld({ '@type': 'Article', headline: 'Rock &amp; Roll&#8217;s Return' })).title).toBe('Rock & Roll\u2019s Return');
  });
});

describe('metadata from elements', () => {
  it('takes the published date from itemprop and from <time> inside the article', () => {
    expect(meta('<span itemprop="datePublished" content="2021-05-06">May 6</span>').published).toBe('2021-05-06');
    expect(meta('<article><time datetime="2022-02-03T04:05:06-05:00">Feb 3</time></article>').published)
      .toBe('2022-02-03T04:05:06-05:00');
    expect(meta('<aside><time datetime="2022-02-03">Feb 3</time></aside>').published).toBeUndefined();
  });

  it('takes the author from itemprop=author and rel=author', () => {
    expect(meta('<span itemprop="author" itemscope><span itemprop="name">Li Wei</span></span>').author).toBe('Li Wei');
    expect(meta('<a rel="author" href="/u/kim">Kim Park</a>').author).toBe('Kim Park');
  });

  it('falls back to the h1, then to <title>', () => {
    expect(meta('<title>Page | Site</title><h1>The Heading</h1>').title).toBe('The Heading');
    expect(meta('<title>Local Council Approves the New Budget | The Gazette</title>').title)
      .toBe('Local Council Approves the New Budget');
  });

  it('reads html lang and a hidden itemprop date', () => {
    const m = meta('<html lang="EN-gb"><body><span itemprop="datePublished" style="display:none">2019-12-01</span></body></html>');
    expect(m.language).toBe('en-GB');
    expect(m.published).toBe('2019-12-01');
  });
});

describe('cleanTitle', () => {
  it.each([
    ['Rivers Return | The Daily Example', { siteName: 'The Daily Example' }, 'Rivers Return'],
    ['The Daily Example - Rivers Return to the Valley', { siteName: 'The Daily Example' }, 'Rivers Return to the Valley'],
    ['Headline Here - Politics - CNN', { host: 'edition.cnn.com' }, 'Headline Here - Politics'],
    ['Senate Passes the Bill :: NYTimes.com', { host: 'www.nytimes.com' }, 'Senate Passes the Bill'],
    ['A long headline about things · Example', {}, 'A long headline about things'],
    ['Opinion | Why the budget matters to everyone', {}, 'Why the budget matters to everyone'],
    ['Biden - live updates', {}, 'Biden - live updates'],
    ['Home | Site', {}, 'Home | Site'],
    ['Trump — Biden debate: what we learned tonight', {}, 'Trump — Biden debate: what we learned tonight'],
  ])('%s → %s', (raw, hints, expected) => {
    expect(cleanTitle(raw, hints, true)).toBe(expected);
  });

  it('keeps a part that merely starts with a short site name', () => {
    expect(cleanTitle('Voxel art is back in fashion | Vox', { siteName: 'Vox' }, true)).toBe('Voxel art is back in fashion');
  });
});

describe('normaliseDate', () => {
  it.each([
    ['2019-11-19', '2019-11-19'],
    ['2019-11-19T05:00:00Z', '2019-11-19T05:00:00Z'],
    ['2019-11-19T05:00:00.000+0000', '2019-11-19T05:00:00Z'],
    ['2019-11-19T10:30:00+02:00', '2019-11-19T10:30:00+02:00'],
    ['2019-11-19 10:30', '2019-11-19T10:30:00'],
    ['2019/11/19', '2019-11-19'],
    ['Tue, 19 Nov 2019 05:00:00 GMT', '2019-11-19T05:00:00Z'],
    ['Tue, 19 Nov 2019 05:00:00 -0500', '2019-11-19T05:00:00-05:00'],
    ['November 19, 2019', '2019-11-19'],
    ['19th Nov. 2019', '2019-11-19'],
    ['19.11.2019', '2019-11-19'],
    ['20191119', '2019-11-19'],
    ['1574139600', '2019-11-19T05:00:00Z'],
    ['Nov 19, 2019 at 3:05 pm EST', '2019-11-19T15:05:00-05:00'],
  ])('%s → %s', (raw, iso) => {
    expect(normaliseDate(raw)).toBe(iso);
  });

  it.each(['', 'yesterday', '2019-02-30', '2019-13-01', '1850-01-01', '12345'])('rejects %j', (raw) => {
    expect(normaliseDate(raw)).toBeUndefined();
  });

  it('finds a date in a byline text', () => {
    expect(findDateInText('Published on July 18, 2025 · 5 min read')).toBe('2025-07-18');
    expect(findDateInText('Updated 2025-07-18 10:00')).toBe('2025-07-18T10:00:00');
  });
});

describe('author cleaning', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['by: Jane Doe', 'Jane Doe'],
    ['BySummer Swann-June 12, 2025', 'Summer Swann-June'],
    ['Dr. Vahid Osman - Mar 27, 2024', 'Dr. Vahid Osman'],
    ['Oleg Parashchak Jul 18, 2025 7 min', 'Oleg Parashchak'],
    ['Reyan Perumal Published on July 18, 2025', 'Reyan Perumal'],
    ['Jane Doe | Staff Writer', 'Jane Doe'],
    ['Theresa May', 'Theresa May'],
    ['Paycom Blog Contributor Paycom Blog Contributor', 'Paycom Blog Contributor'],
  ])('%s → %s', (raw, name) => {
    expect(cleanAuthor(raw)).toBe(name);
  });

  it.each(['https://twitter.com/jdoe', 'www.example.com/author/jane', 'example.com/author/jane', '@jdoe', 'jane@example.com', '2024', 'A sentence that is much too long to be anybody\'s name at all really'])(
    'rejects %j', (raw) => {
      expect(cleanAuthor(raw)).toBeUndefined();
    },
  );

  it('lists names the way the page\'s language does', () => {
    expect(joinNames(['A', 'B'], 'en')).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'], undefined)).toBe('A, B, and C');
    expect(joinNames(['A', 'B'], 'de')).toBe('A, B');
    expect(joinNames(['A', 'A'], 'en')).toBe('A');
  });
});

describe('normaliseLanguage', () => {
  it.each([
    ['en', 'en'], ['EN', 'en'], ['en_US', 'en-US'], ['pt-br', 'pt-BR'], ['zh-hans-cn', 'zh-Hans-CN'],
    ['en-GB,en;q=0.8', 'en-GB'], ['x-default', undefined], ['*', undefined], ['not a tag!', undefined],
  ])('%s → %s', (raw, tag) => {
    expect(normaliseLanguage(raw)).toBe(tag);
  });
});
