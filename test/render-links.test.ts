import { declutter } from '../src/index.js';
import type { Article } from '../src/article.js';
import type { Block, BlockKind } from '../src/blocks/block.js';
import { makeBlock } from './support/blocks.js';
import { segmentHtml } from '../src/extract/html/index.js';
import { renderHtml } from '../src/render/html.js';
import { renderJson } from '../src/render/json.js';
import { renderText } from '../src/render/text.js';
import { markdownDestination, renderMarkdown } from '../src/render/markdown.js';

/** A kept block with link spans given as [linked text, href] pairs, found in order in the text. */
function block(index: number, kind: BlockKind, text: string, links: [string, string][] = [], level?: number): Block {
  return makeBlock(index, kind, text, { links, ...(level === undefined ? {} : { level }) });
}

const article: Article = {
  ok: true,
  confidence: 0.9,
  extractor: 'html',
  metadata: { title: 'Links' },
  blocks: [
    block(0, 'paragraph', 'See the docs and the [draft] spec.', [['docs', 'https://example.com/docs'], ['[draft] spec', 'https://example.com/a_(b)']]),
    block(1, 'heading', 'About us', [['us', '/about']], 2),
    block(2, 'list-item', '• First item', [['First', 'https://example.com/1']], 1),
    block(3, 'list-item', 'Second', [['Second', 'https://example.com/a b?q="x"&y=<z>']], 1),
    block(4, 'paragraph', '1. Not a list: a link.', [['link', 'https://example.com/']]),
    block(5, 'quote', 'Quoted source', [['source', 'https://example.com/q']]),
    block(6, 'caption', 'Photo: Jane', [['Jane', 'https://example.com/jane']]),
    block(7, 'code', 'run(x)', [['run', 'https://example.com/run']]),
    block(8, 'table', 'A | B\n1 | 2'),
    block(9, 'paragraph', 'No links here.'),
  ],
  text: '',
};

describe('markdown with links', () => {
  it('writes link spans as [text](href), escaping brackets in the text and parentheses in the destination', () => {
    expect(renderMarkdown(article, { links: true })).toBe([
      '# Links',
      '',
      'See the [docs](https://example.com/docs) and the [\\[draft\\] spec](https://example.com/a_\\(b\\)).',
      '',
      '## About [us](/about)',
      '',
      '- [First](https://example.com/1) item',
      '- [Second](https://example.com/a%20b?q="x"&y=%3Cz%3E)',
      '',
      '1\\. Not a list: a [link](https://example.com/).',
      '',
      '> Quoted [source](https://example.com/q)',
      '',
      '*Photo: [Jane](https://example.com/jane)*',
      '',
      '```\nrun(x)\n```',
      '',
      '| A | B |\n| --- | --- |\n| 1 | 2 |',
      '',
      'No links here.',
    ].join('\n'));
  });

  it('is unchanged without the option', () => {
    const plain = renderMarkdown(article);
    expect(plain).not.toContain('](');
    expect(plain).toContain('See the docs and the \\[draft\\] spec.');
    expect(renderMarkdown(article, { links: false })).toBe(plain);
  });

  it('keeps a destination in one piece whatever it holds', () => {
    expect(markdownDestination('https://x.org/a (1)\\b')).toBe('https://x.org/a%20\\(1\\)\\\\b');
    expect(markdownDestination('/p\tq\n')).toBe('/p%09q%0A');
  });
});

describe('html with links', () => {
  it('wraps link spans in <a href>, escaping the href and the text', () => {
    const withLinks: Article = {
      ...article,
      blocks: [
        block(0, 'paragraph', 'Fish & <chips> here', [['<chips>', 'https://example.com/?a=1&b="2"']]),
        block(1, 'list-item', '• First item', [['First', '/1']], 1),
        block(2, 'code', 'run(x)', [['run', '/run']]),
        block(3, 'table', 'A | B'),
      ],
    };
    expect(renderHtml(withLinks, { links: true })).toBe([
      '<article>',
      '<h1>Links</h1>',
      '<p>Fish &amp; <a href="https://example.com/?a=1&amp;b=&quot;2&quot;">&lt;chips&gt;</a> here</p>',
      '<ul>',
      '<li><a href="/1">First</a> item</li>',
      '</ul>',
      '<pre><code><a href="/run">run</a>(x)</code></pre>',
      '<table>\n<tr><td>A</td><td>B</td></tr>\n</table>',
      '</article>',
    ].join('\n'));
    expect(renderHtml(withLinks)).not.toContain('<a ');
  });
});

describe('json with links', () => {
  it('adds the spans of the text, as offsets into it, only when asked', () => {
    const text = renderText(article.blocks);
    const doc = JSON.parse(renderJson({ ...article, text }, { links: true }));
    expect(doc.links.map((l: { start: number; end: number; href: string }) => [text.slice(l.start, l.end), l.href])).toEqual([
      ['docs', 'https://example.com/docs'],
      ['[draft] spec', 'https://example.com/a_(b)'],
      ...spansOf(article.blocks.slice(1)),
    ]);
    expect(JSON.parse(renderJson({ ...article, text })).links).toBeUndefined();
  });

  it('adds the spans per block with the blocks, only when asked', () => {
    const doc = JSON.parse(renderJson(article, { links: true, blocks: true }));
    expect(doc.blocks[0].links).toEqual([
      { start: 8, end: 12, href: 'https://example.com/docs' },
      { start: 21, end: 33, href: 'https://example.com/a_(b)' },
    ]);
    expect(doc.blocks[9].links).toBeUndefined();
    expect(JSON.parse(renderJson(article, { blocks: true })).blocks[0].links).toBeUndefined();
  });
});

/** The linked text and href of each span of the kept blocks, in order. */
function spansOf(blocks: readonly Block[]): [string, string][] {
  return blocks.filter((b) => b.label === 'content').flatMap((b) => (b.links ?? []).map((s): [string, string] => [b.text.slice(s.start, s.end), s.href]));
}

/** Each span of the page's blocks as [linked text, href]. */
function spans(html: string, url?: string): [string, string][][] {
  return segmentHtml(html, url).blocks.map((b) => (b.links ?? []).map((s) => [b.text.slice(s.start, s.end), s.href]));
}

describe('link spans during segmentation', () => {
  it('follow whitespace collapsing and trimming, and keep a link split by markup as one span', () => {
    const html = '<p>\n   Read  <a href="https://a.org/x">the\n  <b>whole</b>   story</a>\t,\n'
      + ' then <a href="https://b.org/">this</a><a href="https://c.org/">that</a>  </p>';
    const [b] = segmentHtml(html).blocks;
    expect(b?.text).toBe('Read the whole story , then thisthat');
    expect(spans(html)[0]).toEqual([['the whole story', 'https://a.org/x'], ['this', 'https://b.org/'], ['that', 'https://c.org/']]);
  });

  it('drops in-page anchors, empty hrefs and script URLs, and records nothing for blocks without links', () => {
    const html = '<p><a href="#top">Top</a> <a href="">Empty</a> <a href=" JavaScript:void(0)">JS</a> '
      + '<a href="java\nscript:alert(1)">JS2</a> <a href="data:text/html,x">Data</a> <a>Bare</a> <a href="/ok">OK</a></p><p>Plain.</p>';
    expect(spans(html)).toEqual([[['OK', '/ok']], []]);
    expect(segmentHtml(html).blocks[1]).not.toHaveProperty('links');
  });

  it('ends a span where a block inside the link ends the run, and keeps code spans on the trimmed text', () => {
    const html = '<div><a href="/a">before<p>inside</p>after</a></div><pre>\n\n  <a href="/f">f</a>(x)\n\n</pre>';
    expect(spans(html)).toEqual([[['before', '/a']], [['inside', '/a']], [['after', '/a']], [['f', '/f']]]);
    expect(segmentHtml(html).blocks[3]?.text).toBe('  f(x)');
  });

  it('keeps links of a table caption but not of its cells', () => {
    const html = '<table><caption>From <a href="/src">the source</a></caption><tr><th>A</th><th>B</th></tr>'
      + '<tr><td><a href="/1">1</a></td><td>2</td></tr></table>';
    expect(spans(html)).toEqual([[['the source', '/src']], []]);
  });

  it('resolves relative hrefs against <base href>, else the page URL, else the canonical URL', () => {
    const body = '<p><a href="page.html">rel</a> <a href="/root">root</a> <a href="//cdn.org/x">proto</a> <a href="https://abs.org/">abs</a></p>';
    const canonical = '<link rel="canonical" href="https://site.org/blog/post">';
    expect(spans(`<head><base href="https://base.org/dir/">${canonical}</head>${body}`)[0]).toEqual([
      ['rel', 'https://base.org/dir/page.html'], ['root', 'https://base.org/root'], ['proto', 'https://cdn.org/x'], ['abs', 'https://abs.org/'],
    ]);
    expect(spans(`<head><base href="/sub/">${canonical}</head>${body}`)[0]?.[0]).toEqual(['rel', 'https://site.org/sub/page.html']);
    expect(spans(`<head>${canonical}</head>${body}`, 'https://given.org/a/b')[0]?.[0]).toEqual(['rel', 'https://given.org/a/page.html']);
    expect(spans(`<head>${canonical}</head>${body}`)[0]?.[0]).toEqual(['rel', 'https://site.org/blog/page.html']);
    expect(spans(body)[0]).toEqual([['rel', 'page.html'], ['root', '/root'], ['proto', '//cdn.org/x'], ['abs', 'https://abs.org/']]);
  });
});

describe('declutter → markdown with links', () => {
  const page = `<!doctype html><html lang="en"><head><title>Sourdough at home</title>
<base href="https://bakery.example/journal/">
<link rel="canonical" href="https://other.example/ignored"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/shop">Shop</a></li></ul></nav>
<article><h1>Sourdough at home</h1>
<p>Sourdough needs a lively starter, patience and a hot oven. We explain how to <a href="starter.html">feed a starter</a>
in our earlier post, and the <a href="https://flour.example/guide?type=rye&amp;grade=1">rye flour guide</a> covers the flour.</p>
<p>Mix the dough in the evening, let it rest overnight in a cool place, and shape it in the morning before the
second rise. The <a href="/tools#scale">kitchen scale</a> matters more than any recipe.</p>
<p>Bake it in a covered pot for twenty minutes, then uncover it and bake until the crust is deep brown and the loaf
sounds hollow when you knock on its base. <a href="javascript:void(0)">Print this</a>.</p>
</article><footer><p>© Bakery <a href="/privacy">Privacy</a></p></footer></body></html>`;

  it('writes the article\'s links resolved against <base href>', () => {
    const article = declutter(page);
    const md = renderMarkdown(article, { links: true });
    expect(md).toBe([
      '# Sourdough at home',
      '',
      'Sourdough needs a lively starter, patience and a hot oven. We explain how to '
        + '[feed a starter](https://bakery.example/journal/starter.html) in our earlier post, and the '
        + '[rye flour guide](https://flour.example/guide?type=rye&grade=1) covers the flour.',
      '',
      'Mix the dough in the evening, let it rest overnight in a cool place, and shape it in the morning before the '
        + 'second rise. The [kitchen scale](https://bakery.example/tools#scale) matters more than any recipe.',
      '',
      'Bake it in a covered pot for twenty minutes, then uncover it and bake until the crust is deep brown and the loaf '
        + 'sounds hollow when you knock on its base. Print this.',
    ].join('\n'));
    expect(renderMarkdown(article)).toBe(md.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
  });
});
