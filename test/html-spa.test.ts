/** The "content is loaded by script" signal. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentHtml } from '../src/extract/html/index.js';

/** The page of a regression folder (test/pages/<slug>/source.html). */
const fixture = (slug: string): string => readFileSync(join(process.cwd(), 'test', 'pages', slug, 'source.html'), 'utf8');

describe('scriptOnly', () => {
  it('fires on a single-page-app shell', () => {
    const result = segmentHtml(fixture('spa-shell'));
    expect(result.scriptOnly).toBe(true);
    expect(result.signals.emptyAppRoot).toBe(true);
    expect(result.signals.noscriptAsksForJs).toBe(true);
    expect(result.blocks).toEqual([]);
  });

  it('fires on an empty app root framed by a header and footer', () => {
    const chrome = '<header><a href="/">Shop</a></header><div id="__next"></div><footer><p>Help · Returns · Contact</p></footer>';
    expect(segmentHtml(`<body>${chrome}</body>`).scriptOnly).toBe(true);
  });

  it('fires on a custom-element app with only a skeleton', () => {
    const html = '<body><gg-app><header class="skeleton"><span></span></header><main><div class="loader"></div></main>'
      + '</gg-app><link rel="modulepreload" href="/chunk.js"></body>';
    expect(segmentHtml(html).scriptOnly).toBe(true);
  });

  it('does not fire on an article', () => {
    const result = segmentHtml(fixture('news-article'));
    expect(result.scriptOnly).toBe(false);
    expect(result.signals.scripts).toBe(1);
  });

  it('does not fire on a server-rendered app whose root holds the text', () => {
    const html = `<body><div id="root"><main><p>${'Server-rendered text. '.repeat(30)}</p></main></div><script src="/app.js"></script></body>`;
    expect(segmentHtml(html).scriptOnly).toBe(false);
  });

  it('does not fire on a short page without any script marks', () => {
    expect(segmentHtml('<body><p>Short note.</p></body>').scriptOnly).toBe(false);
  });
});
