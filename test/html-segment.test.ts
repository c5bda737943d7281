/** DOM → blocks: reading order, block kinds, no duplicated text, whitespace, tables, pre, br-br, deep pages. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentHtml } from '../src/extract/html/index.js';
import { MAX_NESTING_DEPTH } from '../src/extract/html/thresholds.js';
import type { RawBlock } from '../src/blocks/block.js';

const texts = (blocks: readonly RawBlock[]): string[] => blocks.map((b) => b.text);
/** The page of a regression folder (test/pages/<slug>/source.html). */
const fixture = (slug: string): string => readFileSync(join(process.cwd(), 'test', 'pages', slug, 'source.html'), 'utf8');

describe('segmentHtml blocks', () => {
  it('emits headings, paragraphs and captions in reading order', () => {
    const { blocks } = segmentHtml(fixture('news-article'));
    expect(texts(blocks)).toEqual([
      'Home',
      'News',
      'Rivers Return to the Valley',
      'By Jane Doe',
      'When the old dam came down last spring, nobody knew how quickly the river would find its bed again.',
      'Within a month, fish were seen upstream for the first time in forty years.',
      'Farmers along the banks say the spring floods were gentler than they feared, and the meadows greener.',
      'The council will decide in June whether the old mill race should be opened to boats again.',
      'The river in April.',
      'Share Tweet',
      'Copyright 2024 The Daily Example',
    ]);
    const heading = blocks[2] as RawBlock;
    expect(heading.kind).toBe('heading');
    expect(heading.level).toBe(1);
    expect(blocks[8]?.kind).toBe('caption');
  });

  it('never puts script or style text in a block', () => {
    const html = '<html><head><style>.a{color:red}</style></head><body><p>Visible</p><script>var secret = 1;</script>'
      + '<noscript>Enable JS</noscript><template><p>inert</p></template><svg><text>icon</text></svg></body></html>';
    const all = texts(segmentHtml(html).blocks).join('\n');
    expect(all).toBe('Visible');
  });

  it('gives a list inside an article list-item blocks with their depth as level', () => {
    const html = '<article><ul><li>One<ul><li>One point one</li></ul></li><li><p>Two</p></li></ul>'
      + '<dl><dt>Term</dt><dd>Definition</dd></dl></article>';
    const { blocks } = segmentHtml(html);
    expect(blocks.map((b) => [b.text, b.kind, b.level])).toEqual([
      ['One', 'list-item', 1],
      ['One point one', 'list-item', 2],
      ['Two', 'list-item', 1],
      ['Term', 'list-item', 1],
      ['Definition', 'list-item', 1],
    ]);
    expect(blocks.every((b) => b.dom?.inArticle === true)).toBe(true);
  });

  it('makes a data table one table block, rows as lines and cells joined by " | "', () => {
    const html = '<table><caption>Prices</caption><thead><tr><th>Fruit</th><th>Price</th></tr></thead>'
      + '<tbody><tr><td>Apple</td><td>1.20</td></tr><tr><td><a href="/pear">Pear</a></td><td>0.90</td></tr></tbody></table>';
    const { blocks } = segmentHtml(html);
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['caption', 'Prices'],
      ['table', 'Fruit | Price\nApple | 1.20\nPear | 0.90'],
    ]);
    // Link density over the cells' text: "Pear" (4) of "FruitPriceApple1.20Pear0.90" (27 characters).
    expect(blocks[1]?.dom?.linkDensity).toBeCloseTo(4 / 27, 5);
  });

  it('walks a layout table as containers instead of one block', () => {
    const { blocks } = segmentHtml(fixture('layout-table'));
    expect(blocks.some((b) => b.kind === 'table')).toBe(false);
    expect(texts(blocks)).toEqual([
      'Home About Links',
      "This personal page has been online since 1998, and its author still writes here every week.",
      "Today's entry is about the garden, where the tomatoes finally ripened after a cold summer.",
    ]);
    expect(blocks[1]?.dom?.tag).toBe('p');
  });

  it('treats a one-column table and a table of long cells as layout', () => {
    const long = 'word '.repeat(120);
    const single = segmentHtml(`<table><tr><td>First cell</td></tr><tr><td>Second cell</td></tr></table>`).blocks;
    expect(single.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
    const wide = segmentHtml(`<table><tr><td>Menu</td><td>${long}</td></tr></table>`).blocks;
    expect(wide.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('keeps newlines and indentation inside pre', () => {
    const html = '<pre>\ndef f(x):\n    return x * 2\n\nprint(f(2))\n</pre>';
    const { blocks } = segmentHtml(html);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.kind).toBe('code');
    expect(blocks[0]?.text).toBe('def f(x):\n    return x * 2\n\nprint(f(2))');
  });

  it('keeps code lines written as spans and line breaks inside pre', () => {
    const html = '<pre><code><span>  a = 1</span><br><span>  b = 2</span></code></pre>';
    expect(segmentHtml(html).blocks[0]?.text).toBe('  a = 1\n  b = 2');
  });

  it('splits paragraphs at <br><br> and joins lines at a single <br>', () => {
    const html = '<div>First line<br>same paragraph<br><br>Second paragraph<br>\n  <br>Third</div>';
    expect(texts(segmentHtml(html).blocks)).toEqual(['First line same paragraph', 'Second paragraph', 'Third']);
  });

  it('never duplicates text between a container and its children', () => {
    const html = '<div>Intro text <span>inline</span><p>Para one</p>between<div><p>Nested</p>tail</div>end</div>';
    const { blocks } = segmentHtml(html);
    expect(texts(blocks)).toEqual(['Intro text inline', 'Para one', 'between', 'Nested', 'tail', 'end']);
    const all = texts(blocks).join(' ');
    for (const word of ['Intro', 'Para', 'between', 'Nested', 'tail', 'end']) {
      expect(all.split(word).length - 1).toBe(1);
    }
  });

  it('groups a container\'s own text with its child blocks', () => {
    const { blocks } = segmentHtml('<section><div>Lead text<p>Body</p></div></section>');
    const [lead, body] = blocks;
    expect(lead?.dom?.containerId).toBe(body?.dom?.containerId);
    expect(lead?.dom?.tag).toBe('div');
    expect(body?.dom?.ancestors?.at(-1)).toBe(body?.dom?.containerId);
  });

  it('collapses whitespace and trims, but does not join words across inline elements', () => {
    const html = '<p>  Hello\n\t  <b>bold</b>&nbsp;&nbsp;world <em>again</em>!  </p><p><span>tight</span><span>ly</span></p>';
    expect(texts(segmentHtml(html).blocks)).toEqual(['Hello bold world again!', 'tightly']);
  });

  it('separates words at custom element edges', () => {
    expect(texts(segmentHtml('<p><x-tag>one</x-tag><x-tag>two</x-tag></p>').blocks)).toEqual(['one two']);
  });

  it('skips empty blocks', () => {
    expect(segmentHtml('<div> <p>  </p><p>\n</p><span></span></div>').blocks).toEqual([]);
  });

  it('gives a p inside a blockquote the quote kind and a p inside a figcaption the caption kind', () => {
    const { blocks } = segmentHtml('<blockquote><p>To be.</p></blockquote><figure><figcaption><p>Photo</p></figcaption></figure>');
    expect(blocks.map((b) => b.kind)).toEqual(['quote', 'caption']);
  });

  it('walks a page nested 100,000 levels deep without overflowing the stack', () => {
    const depth = 100_000;
    const html = '<div>'.repeat(depth) + 'deep text' + '</div>'.repeat(depth);
    const { blocks } = segmentHtml(html);
    expect(texts(blocks)).toEqual(['deep text']);
    // The parser keeps at most MAX_NESTING_DEPTH elements open: deeper tags become siblings.
    expect(blocks[0]?.dom?.depth).toBe(MAX_NESTING_DEPTH);
    expect(blocks[0]?.dom?.ancestors?.length).toBeLessThanOrEqual(64);
  });

  it('stays linear on deep pages with text at every level', () => {
    const depth = 20_000;
    const html = '<div>x '.repeat(depth) + '</div>'.repeat(depth);
    const started = Date.now();
    const { blocks } = segmentHtml(html);
    expect(blocks).toHaveLength(depth);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reads a page whose body sits in an unterminated <![CDATA[ like a browser does', () => {
    const html = '<body><![CDATA[<div id="x"></div><p>Shown by browsers</p></body>';
    expect(texts(segmentHtml(html).blocks)).toEqual(['Shown by browsers']);
  });
});
