import MarkdownIt from 'markdown-it';
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { declutter } from '../src/declutter.js';
import { renderFormat, type RenderOptions } from '../src/render/format.js';
import type { Format } from '../src/options.js';

/**
 * Markdown and html say what the page said: the structure the HTML gave (numbered and description lists, header
 * cells, line breaks, code languages, captions), text that renders as itself, and on request images, bold and
 * italic. The markdown is checked by rendering it with a CommonMark parser (markdown-it, with GitHub's tables),
 * the html by parsing it. The pages are synthetic.
 */

/** A CommonMark renderer that lets raw HTML through, as many do: escaping is what keeps the page's text text. */
const commonmark = new MarkdownIt({ html: true });

const PROSE =
  'Soup is a warm dish that many people enjoy in the winter months, and it can be made from almost anything that ' +
  'is left in the kitchen at the end of the week, which is why every family has its own recipe for it.';

/** An article page: the body between two paragraphs of prose, so that the classifier keeps what is between. */
function page(body: string, head = '<title>Soup notes</title>'): string {
  return `<!doctype html><html lang="en"><head>${head}</head><body><nav><a href="/">Home</a> <a href="/a">About</a></nav>` +
    `<article><h1>Soup notes</h1><p>${PROSE}</p>${body}<p>${PROSE.replace('Soup', 'Broth')}</p></article>` +
    `<footer><a href="/c">Contact</a></footer></body></html>`;
}

function render(html: string, format: Format, options: RenderOptions = {}, url?: string): string {
  return renderFormat(declutter(html, url === undefined ? {} : { url }), format, options);
}

/** The parsed HTML's elements in document order. */
function elements(html: string): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [...parseDocument(html).children].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isTag(node)) continue;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
  return out;
}

function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isTag(node)) return '';
  if (node.name === 'br') return '\n';
  return node.children.map(textOf).join('');
}

/** The text a browser would show of an HTML fragment, with its entities decoded, one line per paragraph. */
function shownText(html: string): string {
  return parseDocument(html, { decodeEntities: true }).children.map(textOf).join('').replace(/\n+/g, '\n').trim();
}

describe('markdown renders to the page text, never to markup', () => {
  const tricky = [
    'Text that reads <script>alert(1)</script> on the page, & an &amp; that stays written out.',
    '# not a heading, but the first words of a sentence that starts with a hash sign.',
    '1. is how this sentence starts, which a Markdown reader would take for a numbered list.',
    '> neither a quote, * nor _emphasis_ or `code`, and [no link](https://x.example) ~~or strike~~.',
    '---',
    '+ plus sign first, then some more words | and a pipe inside the sentence.',
  ];
  const html = page(tricky.map((t) => `<p>${t.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join(''));

  it('each paragraph renders as its text (CommonMark)', () => {
    const md = render(html, 'markdown');
    const rendered = commonmark.render(md);
    for (const text of tricky) expect(shownText(rendered)).toContain(text);
    const names = elements(rendered).map((el) => el.name);
    for (const markup of ['script', 'hr', 'ol', 'ul', 'blockquote', 'em', 'code', 'a', 's']) expect(names).not.toContain(markup);
    expect(names.filter((name) => name === 'h1')).toHaveLength(1); // the title alone
  });

  it('a table cell holding " | " stays one cell, in markdown and in html', () => {
    const table = '<table><tr><th>Soup</th><th>Texture</th></tr><tr><td>Leek</td><td>Thin | watery</td></tr><tr><td>Pea</td><td>Thick</td></tr></table>';
    const md = render(page(table), 'markdown');
    const cells = elements(commonmark.render(md)).filter((el) => el.name === 'td' || el.name === 'th').map(textOf);
    expect(cells).toEqual(['Soup', 'Texture', 'Leek', 'Thin | watery', 'Pea', 'Thick']);
    const htmlCells = elements(render(page(table), 'html')).filter((el) => el.name === 'td').map(textOf);
    expect(htmlCells).toEqual(['Leek', 'Thin | watery', 'Pea', 'Thick']);
  });
});

describe('structure', () => {
  it('an <ol start="3"> is numbered from 3 and a plain <ol> from 1, in markdown and html', () => {
    const html = page('<ol start="3"><li>Chop the leeks.</li><li>Fry them gently.</li></ol><p>Then:</p><ol><li>Add the stock.</li><li>Simmer it.</li></ol>');
    const md = render(html, 'markdown');
    expect(md).toContain('3. Chop the leeks.\n4. Fry them gently.');
    expect(md).toContain('1. Add the stock.\n2. Simmer it.');
    const ols = elements(commonmark.render(md)).filter((el) => el.name === 'ol');
    expect(ols.map((ol) => ol.attribs['start'] ?? '1')).toEqual(['3', '1']);
    const out = render(html, 'html');
    expect(out).toContain('<ol start="3">\n<li>Chop the leeks.</li>\n<li>Fry them gently.</li>\n</ol>');
    expect(out).toContain('<ol>\n<li>Add the stock.</li>');
  });

  it('a nested list sits inside its parent item: every <ul> and <ol> holds only <li> (valid html), and markdown nests it', () => {
    const html = page('<ul><li>Vegetables<ul><li>Leeks</li><li>Onions<ol><li>Red</li><li>White</li></ol></li></ul></li><li>Butter</li></ul>');
    const out = render(html, 'html');
    for (const list of elements(out).filter((el) => el.name === 'ul' || el.name === 'ol')) {
      expect(list.children.filter(isTag).map((c) => c.name)).toEqual(expect.arrayContaining(['li']));
      expect(list.children.filter(isTag).every((c) => c.name === 'li')).toBe(true);
    }
    const nestedUl = elements(out).filter((el) => el.name === 'ul')[1] as Element;
    expect((nestedUl.parent as Element).name).toBe('li');
    const md = render(html, 'markdown');
    expect(md).toContain('- Vegetables\n  - Leeks\n  - Onions\n    1. Red\n    2. White\n- Butter');
    const rendered = elements(commonmark.render(md));
    expect(rendered.filter((el) => el.name === 'li').map((li) => textOf(li.children[0] as AnyNode).trim())).toEqual(
      expect.arrayContaining(['Red', 'White', 'Butter']),
    );
    expect((rendered.find((el) => el.name === 'ol')?.parent as Element).name).toBe('li');
  });

  it('<th> and <thead> stay header cells', () => {
    const html = page('<table><thead><tr><td>Soup</td><td>Texture</td></tr></thead><tbody><tr><th>Leek</th><td>Thin</td></tr><tr><th>Pea</th><td>Thick</td></tr></tbody></table>');
    const out = render(html, 'html');
    expect(out).toContain('<thead>\n<tr><th>Soup</th><th>Texture</th></tr>\n</thead>');
    expect(out).toContain('<tr><th>Leek</th><td>Thin</td></tr>');
    expect(render(html, 'markdown')).toContain('| Soup | Texture |\n| --- | --- |\n| Leek | Thin |');
  });

  it('a <dl> stays terms and descriptions', () => {
    const html = page('<dl><dt>Stock</dt><dd>The liquid the soup is made from.</dd><dt>Roux</dt><dd>Butter and flour, cooked together.</dd></dl>');
    expect(render(html, 'html')).toContain('<dl>\n<dt>Stock</dt>\n<dd>The liquid the soup is made from.</dd>\n<dt>Roux</dt>\n<dd>Butter and flour, cooked together.</dd>\n</dl>');
    expect(render(html, 'markdown')).toContain('Stock\n: The liquid the soup is made from.\nRoux\n: Butter and flour, cooked together.');
  });

  it('<br> inside a paragraph is a line break (an address, a poem); the text format keeps its space', () => {
    const html = page('<p>The Soup House<br>12 Broth Lane<br>Ladle Town</p>');
    expect(render(html, 'html')).toContain('<p>The Soup House<br>12 Broth Lane<br>Ladle Town</p>');
    const md = render(html, 'markdown');
    expect(md).toContain('The Soup House\\\n12 Broth Lane\\\nLadle Town');
    expect(commonmark.render(md)).toContain('The Soup House<br>\n12 Broth Lane<br>\nLadle Town');
    expect(render(html, 'text')).toContain('The Soup House 12 Broth Lane Ladle Town');
  });

  it('a code fence keeps the language its class names', () => {
    const html = page('<pre><code class="hljs language-python">print("soup")\nprint("broth")</code></pre>');
    expect(render(html, 'markdown')).toContain('```python\nprint("soup")\nprint("broth")\n```');
    expect(render(html, 'html')).toContain('<pre><code class="language-python">print(&quot;soup&quot;)');
    const fence = elements(commonmark.render(render(html, 'markdown'))).find((el) => el.name === 'code');
    expect(fence?.attribs['class']).toBe('language-python');
  });

  it('figure and table captions are kept under their figure and in their table, though the text leaves them out', () => {
    const html = page(
      '<figure><img src="/leek.jpg" alt="A leek"><figcaption>A leek, washed and trimmed.</figcaption></figure>' +
        `<p>${PROSE.replace('Soup', 'Stew')}</p>` +
        '<table><caption>Soups and their textures</caption><tr><th>Soup</th><th>Texture</th></tr><tr><td>Leek</td><td>Thin</td></tr></table>',
    );
    expect(render(html, 'text')).not.toContain('A leek, washed');
    const out = render(html, 'html');
    expect(out).toContain('<figure><figcaption>A leek, washed and trimmed.</figcaption></figure>');
    expect(out).toContain('<table>\n<caption>Soups and their textures</caption>');
    const md = render(html, 'markdown');
    expect(md).toContain('*A leek, washed and trimmed.*');
    expect(md).toContain('*Soups and their textures*\n\n| Soup | Texture |');
  });
});

describe('--images and --formatting (off by default)', () => {
  const html = page(
    '<figure><img src="/img/leek.jpg" alt="A leek"><figcaption>A leek, washed and trimmed.</figcaption></figure>' +
      '<p>Stir the <b>onions</b> until they are <em>soft</em>, then add <code>2 cups</code> of stock and a bay leaf <img src="leaf.png" alt="bay leaf"> to the pot.</p>',
  );

  it('are left out unless asked for', () => {
    const md = render(html, 'markdown');
    expect(md).not.toMatch(/!\[|\*\*|`/);
    expect(md).toContain('Stir the onions until they are soft, then add 2 cups of stock');
    expect(render(html, 'html')).not.toMatch(/<img|<strong>|<em>|<code>/);
  });

  it('images come with their alt text, resolved against the page URL', () => {
    const md = render(html, 'markdown', { images: true }, 'https://soup.example/notes/leeks.html');
    expect(md).toContain('![A leek](https://soup.example/img/leek.jpg)\n*A leek, washed and trimmed.*');
    expect(md).toContain('bay leaf ![bay leaf](https://soup.example/notes/leaf.png) to the pot.');
    const images = elements(commonmark.render(md)).filter((el) => el.name === 'img');
    expect(images.map((img) => [img.attribs['alt'], img.attribs['src']])).toEqual([
      ['A leek', 'https://soup.example/img/leek.jpg'],
      ['bay leaf', 'https://soup.example/notes/leaf.png'],
    ]);
    const out = render(html, 'html', { images: true }, 'https://soup.example/notes/leeks.html');
    expect(out).toContain('<figure><img src="https://soup.example/img/leek.jpg" alt="A leek"><figcaption>');
  });

  it('bold, italic and inline code', () => {
    const md = render(html, 'markdown', { formatting: true });
    expect(md).toContain('Stir the **onions** until they are *soft*, then add `2 cups` of stock');
    const rendered = commonmark.render(md);
    expect(rendered).toContain('<strong>onions</strong>');
    expect(rendered).toContain('<em>soft</em>');
    expect(rendered).toContain('<code>2 cups</code>');
    expect(render(html, 'html', { formatting: true })).toContain('Stir the <strong>onions</strong> until they are <em>soft</em>, then add <code>2 cups</code>');
  });

  it('leave the text format as it was', () => {
    expect(render(html, 'text', { images: true, formatting: true })).toBe(render(html, 'text'));
  });
});

describe('--with-metadata', () => {
  const html = page('', '<title>Soup notes</title><meta name="author" content="Ann Ladle"><meta name="description" content="Notes on &quot;soup&quot;.">');

  it('markdown starts with YAML front matter (values as double-quoted strings)', () => {
    const md = render(html, 'markdown', { withMetadata: true }, 'https://soup.example/notes');
    const [front, rest] = md.split('\n---\n\n');
    expect(front).toBe(['---', 'title: "Soup notes"', 'author: "Ann Ladle"', 'url: "https://soup.example/notes"', 'language: "en"', 'description: "Notes on \\"soup\\"."'].join('\n'));
    expect(rest?.startsWith('# Soup notes\n\n')).toBe(true);
  });

  it('text starts with name: value lines and a blank line', () => {
    const text = render(html, 'text', { withMetadata: true });
    expect(text.startsWith('title: Soup notes\nauthor: Ann Ladle\nlanguage: en\ndescription: Notes on "soup".\n\nSoup is a warm dish')).toBe(true);
  });

  it('html is a whole document whose head holds the metadata', () => {
    const out = render(html, 'html', { withMetadata: true }, 'https://soup.example/notes');
    expect(out.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Soup notes</title>\n<meta name="author" content="Ann Ladle">\n<link rel="canonical" href="https://soup.example/notes">')).toBe(true);
    expect(out).toContain('<meta name="description" content="Notes on &quot;soup&quot;.">');
    expect(out.endsWith('</article>\n</body>\n</html>')).toBe(true);
  });
});
