/** DOM features of blocks: link density, tag path, class tokens, depth, article and landmark flags, list links. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentHtml } from '../src/extract/html/index.js';
import { meaningfulTokens } from '../src/extract/html/tokens.js';

/** The page of a regression folder (test/pages/<slug>/source.html). */
const fixture = (slug: string): string => readFileSync(join(process.cwd(), 'test', 'pages', slug, 'source.html'), 'utf8');

describe('linkDensity and linkCount', () => {
  it('counts the characters inside links over all characters of the block', () => {
    // "Read the full report here." is 26 characters; "full report" (11) and "here" (4) are links.
    const { blocks } = segmentHtml('<p>Read the <a href="/r">full report</a> <a href="/h">here</a>.</p>');
    expect(blocks[0]?.text).toBe('Read the full report here.');
    expect(blocks[0]?.dom?.linkDensity).toBeCloseTo(15 / 26, 10);
    expect(blocks[0]?.dom?.linkCount).toBe(2);
  });

  it('counts text of blocks inside a link as link text', () => {
    const { blocks } = segmentHtml('<a href="/story"><div><h3>Card title</h3><p>Teaser</p></div></a>');
    expect(blocks.map((b) => b.dom?.linkDensity)).toEqual([1, 1]);
  });

  it('does not count a named anchor without href as a link', () => {
    const { blocks } = segmentHtml('<h2><a name="intro"></a><a id="s1">Introduction</a></h2>');
    expect(blocks[0]?.dom?.linkDensity).toBe(0);
  });

  it('reports the link density of the whole list on each list item', () => {
    const html = '<ul><li><a href="/a">Alpha</a></li><li><a href="/b">Beta</a></li><li>Gamma</li></ul>';
    const { blocks } = segmentHtml(html);
    // Links: "Alpha" + "Beta" = 9 of 14 characters.
    for (const block of blocks) expect(block.dom?.listLinkDensity).toBeCloseTo(9 / 14, 10);
  });
});

describe('tagPath, depth, tag', () => {
  it('records the element path, depth and producing element', () => {
    const { blocks } = segmentHtml('<html><body><div><main><article><p>Text</p></article></main></div></body></html>');
    expect(blocks[0]?.dom?.tagPath).toBe('html>body>div>main>article>p');
    expect(blocks[0]?.dom?.depth).toBe(6);
    expect(blocks[0]?.dom?.tag).toBe('p');
  });

  it('caps the tag path to its last segments', () => {
    const html = '<div>'.repeat(30) + '<p>Deep</p>' + '</div>'.repeat(30);
    const path = segmentHtml(html).blocks[0]?.dom?.tagPath ?? '';
    expect(path.split('>').length).toBeLessThanOrEqual(10);
    expect(path.endsWith('div>p')).toBe(true);
  });
});

describe('classTokens', () => {
  it('splits class and id words and keeps vocabulary words, mapped to one name', () => {
    expect(meaningfulTokens('site-footer')).toEqual(['footer']);
    expect(meaningfulTokens('siteFooter FooterNav')).toEqual(['footer', 'nav']);
    expect(meaningfulTokens('related-posts__item')).toEqual(['related', 'post']);
    expect(meaningfulTokens('ad-slot ads advertisement')).toEqual(['ad']);
    expect(meaningfulTokens('articleBody')).toEqual(['article', 'body']);
    expect(meaningfulTokens('AdSlot ad300x250')).toEqual(['ad']);
  });

  it('never finds "ad" inside other words', () => {
    for (const cls of ['header', 'load-more', 'shadow', 'badge', 'masthead', 'reading', 'add-to-cart', 'headline']) {
      expect(meaningfulTokens(cls)).not.toContain('ad');
    }
    expect(meaningfulTokens('header')).toEqual(['header']);
  });

  it('ignores class entries that only describe the layout ("has-sidebar", "no-comments")', () => {
    expect(meaningfulTokens('has-sidebar no-comments with-footer')).toEqual([]);
    expect(meaningfulTokens('sidebar comments')).toEqual(['sidebar', 'comment']);
  });

  it('ignores taxonomy markers on a post ("tag-amor", "category-news"), whatever their slug', () => {
    expect(meaningfulTokens('post-123 post type-post tag-amor tag-familia category-news')).toEqual(['post']);
    expect(meaningfulTokens('categories-recetas tagAmor category-sponsored tag-social-media')).toEqual([]);
    expect(meaningfulTokens('category-2019-elections')).toEqual([]);
  });

  it('ignores the post\'s author marker beside taxonomy markers, but not byline elements', () => {
    expect(meaningfulTokens('post type-post author-kristen tag-amor category-news')).toEqual(['post']);
    expect(meaningfulTokens('author-kristen')).toEqual(['author']);
    for (const cls of ['author-name tag-amor', 'author-bio category-news', 'author-box tag-x']) {
      expect(meaningfulTokens(cls)).toContain('author');
    }
  });

  it('ignores the markers a blog engine prefixes with the item\'s name ("entry-category-news entry-author-jane")', () => {
    expect(meaningfulTokens('entry-category-weather entry-author-jane_doe entry-type-post entry')).toEqual(['entry', 'post']);
    expect(meaningfulTokens('post-tag-amor post-author-kristen')).toEqual(['post']);
    for (const cls of ['entry-tags', 'post-tags', 'entry-tag-list', 'post-category-links']) expect(meaningfulTokens(cls)).toContain('tags');
    expect(meaningfulTokens('entry-author-name entry-category-news')).toContain('author');
    expect(meaningfulTokens('entry-author-jane')).toContain('author');
    expect(meaningfulTokens('entry-author-jane_doe entry-type-post entry')).toEqual(['entry', 'post']);
    expect(meaningfulTokens('post type-post author-kristen')).toEqual(['post']);
  });

  it('ignores custom taxonomy markers ("product_tag-12oz", "product_cat-cups")', () => {
    expect(meaningfulTokens('product type-product product_cat-accessories product_tag-12oz')).toEqual([]);
    expect(meaningfulTokens('portfolio_category-news')).toEqual([]);
    expect(meaningfulTokens('product_tags')).toEqual(['tags']);
  });

  it('ignores utility classes with a screen or state variant ("md:block", "max-xl:hidden")', () => {
    expect(meaningfulTokens('md:hidden max-xl:sidebar hover:menu')).toEqual([]);
    expect(meaningfulTokens('hidden md:block footer')).toEqual(['hidden', 'footer']);
  });

  it('reads no words in generated names that mix upper case, lower case and digits ("jXK9ad")', () => {
    expect(meaningfulTokens('jXK9ad-SmKAyb')).toEqual([]);
    expect(meaningfulTokens('Header_nav__3xKpT')).toEqual(['header', 'nav']);
    expect(meaningfulTokens('ad300x250')).toEqual(['ad']);
  });

  it('reads a search\'s results and a content-then-sidebar layout as neither search nor sidebar', () => {
    expect(meaningfulTokens('search-results searchResults search_result_item')).toEqual([]);
    expect(meaningfulTokens('search-form')).toEqual(['search']);
    expect(meaningfulTokens('content-sidebar-wrap')).toEqual(['content']);
    expect(meaningfulTokens('sidebar-content')).toEqual(['sidebar', 'content']);
  });

  it('reads the main canvas beside an off-canvas dialog as the page, and component prefixes as no consent box', () => {
    expect(meaningfulTokens('dialog-off-canvas-main-canvas')).toEqual(['main']);
    expect(meaningfulTokens('modal-dialog ui-dialog')).toEqual(['popup']);
    expect(meaningfulTokens('cmp-container cmp-text')).toEqual(['text']);
    expect(meaningfulTokens('cookie-consent onetrust-banner')).toEqual(['cookie', 'banner']);
  });

  it('still reads tag lists and clouds as "tags"', () => {
    for (const cls of [
      'tags', 'tag', 'category', 'categories', 'post-tags', 'entry-tags', 'tag-list', 'tag-cloud', 'tagcloud',
      'tag_cloud-2', 'categories-2', 'tags-links', 'category-links', 'TagList', 'widget_categories',
    ]) {
      expect(meaningfulTokens(cls)).toContain('tags');
    }
  });

  it('does not penalise an article whose element carries taxonomy classes', () => {
    const html = '<article class="post-7 post type-post tag-amor category-news"><div class="entry-content">'
      + '<p>Body text.</p></div><div class="entry-tags"><a href="/t/amor">amor</a></div></article>';
    const blocks = segmentHtml(html).blocks;
    expect(blocks[0]?.dom?.classTokens).not.toContain('tags');
    expect(blocks[1]?.dom?.classTokens).toContain('tags');
  });

  it('takes a layout wrapper\'s furniture words back from its blocks, not from a part that carries them too', () => {
    const sentence = 'The garden catches the rain from the roof and lets it soak into the ground slowly. ';
    const prose = (n: number) => `<p>${sentence.repeat(n)}</p>`;
    const html = '<div class="site-wrap flex-wrap-footer"><div class="post">'
      + prose(5) + prose(5) + prose(4) + '</div>'
      + '<div class="site-footer"><p>Copyright 2026 Garden notes</p></div></div>';
    const blocks = segmentHtml(html).blocks;
    expect(blocks).toHaveLength(4);
    for (const b of blocks.slice(0, 3)) expect(b.dom?.classTokens).toEqual(['post']);
    expect(blocks[3]?.dom?.classTokens).toEqual(['footer']);
  });

  it('keeps a furniture word on a part that holds most of a short page, and on a box under the wrapper share', () => {
    const short = '<div class="site-footer"><p>Copyright 2026 Garden notes, all rights reserved.</p></div>'
      + '<p>Hello.</p>';
    expect(segmentHtml(short).blocks[0]?.dom?.classTokens).toEqual(['footer']);
    const prose = '<p>' + 'The garden catches the rain from the roof and lets it soak in. '.repeat(10) + '</p>';
    const sidebar = '<aside class="sidebar">' + prose + '</aside>';
    const html = `<main>${prose}${prose}</main>${sidebar}`;
    expect(segmentHtml(html).blocks[2]?.dom?.classTokens).toEqual(['sidebar']);
  });

  it('gathers tokens from the block and its ancestors, but not from html/body', () => {
    const html = '<body class="single-post has-sidebar"><div id="comments" class="comment-list">'
      + '<div class="commentBody"><p class="text">Nice!</p></div></div></body>';
    expect(segmentHtml(html).blocks[0]?.dom?.classTokens).toEqual(['comment', 'body', 'text']);
  });
});

describe('inArticle and landmark', () => {
  it.each([
    ['<article><p>x</p></article>', true],
    ['<main><p>x</p></main>', true],
    ['<div role="main"><p>x</p></div>', true],
    ['<div itemprop="articleBody"><p>x</p></div>', true],
    ['<div itemscope itemtype="https://schema.org/NewsArticle"><p>x</p></div>', true],
    ['<div itemscope itemtype="http://schema.org/BlogPosting"><p>x</p></div>', true],
    ['<div itemscope itemtype="https://schema.org/WebPage"><p>x</p></div>', false],
    ['<div class="article"><p>x</p></div>', false],
  ])('%s → inArticle %s', (html, expected) => {
    expect(segmentHtml(html).blocks[0]?.dom?.inArticle).toBe(expected);
  });

  it('marks page header, footer, nav and aside; not an article\'s own header', () => {
    const { blocks } = segmentHtml(fixture('news-article'));
    const byText = new Map(blocks.map((b) => [b.text, b.dom?.landmark]));
    expect(byText.get('Home')).toBe('nav');
    expect(byText.get('Copyright 2024 The Daily Example')).toBe('footer');
    expect(byText.get('Rivers Return to the Valley')).toBeUndefined();
    const own = segmentHtml('<article><header><h1>T</h1></header><aside><p>Box</p></aside></article>').blocks;
    expect(own.map((b) => b.dom?.landmark)).toEqual([undefined, 'aside']);
    expect(segmentHtml('<div role="navigation"><a href="/">x</a></div>').blocks[0]?.dom?.landmark).toBe('nav');
  });

  it('puts the class tokens of the fixture\'s chrome on its blocks', () => {
    const { blocks } = segmentHtml(fixture('news-article'));
    const tokens = new Map(blocks.map((b) => [b.text, b.dom?.classTokens]));
    expect(tokens.get('Home')).toEqual(['header', 'main', 'nav']);
    expect(tokens.get('Share Tweet')).toEqual(['share']);
    expect(tokens.get('Copyright 2024 The Daily Example')).toEqual(['footer']);
  });
});
