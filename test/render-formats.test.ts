import type { Article } from '../src/article.js';
import type { Block, BlockKind } from '../src/blocks/block.js';
import { makeBlock } from './support/blocks.js';
import { renderHtml } from '../src/render/html.js';
import { renderJson } from '../src/render/json.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderText } from '../src/render/text.js';

function block(index: number, kind: BlockKind, text: string, label: Block['label'] = 'content', level?: number): Block {
  return makeBlock(index, kind, text, { label, ...(level === undefined ? {} : { level }) });
}

const article: Article = {
  ok: true,
  confidence: 0.9,
  extractor: 'html',
  metadata: { title: 'Bread & Butter', language: 'en' },
  blocks: [
    block(0, 'list-item', 'Home', 'boilerplate', 1),
    block(1, 'paragraph', 'Bread needs *time* and <patience>.'),
    block(2, 'heading', 'What you need', 'content', 2),
    block(3, 'list-item', 'Flour', 'content', 1),
    block(4, 'list-item', 'Rye flour', 'content', 2),
    block(5, 'list-item', 'Water', 'content', 1),
    block(6, 'table', 'Step | Time\nKnead | 10 min'),
    block(7, 'code', 'x = 1\n  y = 2'),
    block(8, 'quote', 'Bake it hot.'),
    block(9, 'paragraph', '© Bakery', 'boilerplate'),
  ],
  text: '',
};

describe('text', () => {
  it('is the kept blocks only, paragraphs separated by one blank line, list items on consecutive lines', () => {
    expect(renderText(article.blocks)).toBe(
      'Bread needs *time* and <patience>.\n\nWhat you need\n\nFlour\nRye flour\nWater\n\nStep | Time\nKnead | 10 min\n\nx = 1\n  y = 2\n\nBake it hot.',
    );
  });
});

describe('markdown', () => {
  const md = renderMarkdown(article);
  it('starts with the title, then headings, nested lists, a pipe table, a fenced code block and a quote', () => {
    expect(md).toBe(
      [
        '# Bread & Butter',
        '',
        'Bread needs \\*time\\* and \\<patience>.',
        '',
        '## What you need',
        '',
        '- Flour\n  - Rye flour\n- Water',
        '',
        '| Step | Time |\n| --- | --- |\n| Knead | 10 min |',
        '',
        '```\nx = 1\n  y = 2\n```',
        '',
        '> Bake it hot.',
      ].join('\n'),
    );
  });
  it('leaves out removed blocks', () => {
    expect(md).not.toMatch(/Home|Bakery/);
  });
  it('fences code containing a fence with a longer fence', () => {
    const withFence = { ...article, metadata: {}, blocks: [block(0, 'code', 'a\n```\nb')] };
    expect(renderMarkdown(withFence)).toBe('````\na\n```\nb\n````');
  });
});

describe('html', () => {
  const html = renderHtml(article);
  it('is one article with the title as h1, escaped text, nested lists inside their item, a table and pre/code', () => {
    expect(html.startsWith('<article lang="en">\n<h1>Bread &amp; Butter</h1>\n<p>Bread needs *time* and &lt;patience&gt;.</p>\n<h2>What you need</h2>')).toBe(true);
    expect(html).toContain('<ul>\n<li>Flour\n<ul>\n<li>Rye flour</li>\n</ul>\n</li>\n<li>Water</li>\n</ul>');
    expect(html).toContain('<table>\n<tr><td>Step</td><td>Time</td></tr>\n<tr><td>Knead</td><td>10 min</td></tr>\n</table>');
    expect(html).toContain('<pre><code>x = 1\n  y = 2</code></pre>');
    expect(html.endsWith('</article>')).toBe(true);
    expect(html).not.toMatch(/<script|class=|style=|Home|Bakery/);
  });
});

describe('json', () => {
  it('is a compact document by default: what the page is, its confidence, its metadata, counts and text, no blocks', () => {
    const text = renderText(article.blocks);
    const doc = JSON.parse(renderJson({ ...article, text, url: 'https://bakery.example/bread' }));
    expect(Object.keys(doc)).toEqual(['ok', 'confidence', 'extractor', 'url', 'title', 'metadata', 'counts', 'text']);
    expect(doc).toEqual(expect.objectContaining({ url: 'https://bakery.example/bread', title: 'Bread & Butter', text }));
  });

  it('has the title, metadata, counts and, with blocks, every block with kind, label, score and reasons', () => {
    const doc = JSON.parse(renderJson({ ...article, text: renderText(article.blocks) }, { blocks: true }));
    expect(doc.title).toBe('Bread & Butter');
    expect(doc.metadata).toEqual({ title: 'Bread & Butter', language: 'en' });
    expect(doc.counts).toEqual(expect.objectContaining({ blocks: 10, kept: 8, removed: 2 }));
    expect(doc.blocks).toHaveLength(10);
    expect(doc.blocks[0]).toEqual(expect.objectContaining({ kind: 'list-item', label: 'boilerplate', score: -3, reasons: [] }));
  });
});
