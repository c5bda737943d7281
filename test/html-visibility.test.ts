/** What can never be content is dropped; what is only hidden for now is kept where the reader can reveal it. */

import { segmentHtml } from '../src/extract/html/index.js';
import { classHides, styleHides } from '../src/extract/html/visibility.js';

/** The page's block texts. A long visible paragraph keeps small hidden groups from being the page's text. */
const visibleTexts = (body: string): string[] => {
  const filler = `<p>${'Visible article text goes on. '.repeat(20).trim()}</p>`;
  return segmentHtml(`<html><body>${filler}${body}</body></html>`).blocks.map((b) => b.text).slice(1);
};

describe('hidden elements', () => {
  it.each([
    ['hidden attribute', '<div hidden><p>SECRET</p></div>'],
    ['aria-hidden="true"', '<div aria-hidden="true"><p>SECRET</p></div>'],
    ['aria-hidden with spaces and case', '<div aria-hidden=" TRUE "><p>SECRET</p></div>'],
    ['display:none', '<div style="display:none"><p>SECRET</p></div>'],
    ['display : none with spaces', '<div style="color: red; display : none !important"><p>SECRET</p></div>'],
    ['visibility:hidden', '<div style="VISIBILITY: HIDDEN"><p>SECRET</p></div>'],
    ['sr-only class', '<span class="sr-only">SECRET</span>'],
    ['hidden class', '<div class="box hidden"><p>SECRET</p></div>'],
    ['closed dialog', '<dialog><p>SECRET</p></dialog>'],
  ])('drops content hidden by %s', (_name, html) => {
    expect(visibleTexts(html).join(' ')).not.toContain('SECRET');
  });

  it.each([
    ['form controls', '<form><label>Name</label><input value="SECRET"><select><option>SECRET</option></select><button>SECRET</button><textarea>SECRET</textarea></form>'],
    ['media and embeds', '<video>SECRET</video><audio>SECRET</audio><iframe>SECRET</iframe><object>SECRET</object><canvas>SECRET</canvas>'],
  ])('drops %s', (_name, html) => {
    expect(visibleTexts(html).join(' ')).not.toContain('SECRET');
  });

  it('keeps a whole-page <form> (ASP.NET wraps pages in one)', () => {
    expect(visibleTexts('<form id="aspnetForm"><p>Inside the form</p></form>')).toEqual(['Inside the form']);
  });

  it('keeps visible elements whose style merely mentions display', () => {
    expect(visibleTexts('<div style="display: block; visibility: visible"><p>Shown</p></div>')).toEqual(['Shown']);
  });

  it('keeps "hidden" next to a responsive variant (Tailwind "hidden md:block")', () => {
    expect(visibleTexts('<div class="hidden md:block"><p>Desktop text</p></div>')).toEqual(['Desktop text']);
  });

  it('keeps collapsed tab panels and accordion answers, flagged collapsed', () => {
    const html = '<div role="tabpanel" hidden><p>Tab two text</p></div>'
      + '<div class="faq-answer" style="display:none"><p>The answer</p></div>';
    const blocks = segmentHtml(html).blocks;
    expect(blocks.map((b) => b.text)).toEqual(['Tab two text', 'The answer']);
    expect(blocks.every((b) => b.dom?.collapsed === true)).toBe(true);
  });

  it('drops a collapsed mobile menu even though it is an expandable panel', () => {
    expect(visibleTexts('<div class="mobile-menu-collapse" hidden><a href="/">SECRET</a></div>')).toEqual([]);
  });

  it('keeps React streamed boundaries (<div hidden id="S:0">)', () => {
    expect(visibleTexts('<div hidden id="S:0"><p>Streamed text</p></div>')).toEqual(['Streamed text']);
  });

  it('keeps a hidden page wrapper when it holds the page\'s text (revealed by a script)', () => {
    const body = `<div class="root hide"><h1>Title</h1><p>${'The article text is all here. '.repeat(10)}</p></div>`;
    const blocks = segmentHtml(`<html><body><div>Menu</div>${body}</body></html>`).blocks;
    expect(blocks.map((b) => b.text)).toContain('Title');
  });

  it('keeps <noscript> content only when it holds the page\'s text (forums serve posts there)', () => {
    const posts = `<noscript><div class="post"><p>${'A long forum post with real text. '.repeat(12)}</p></div></noscript>`;
    expect(segmentHtml(`<body><div>Forum</div>${posts}</body>`).blocks.map((b) => b.kind)).toContain('paragraph');
    expect(segmentHtml(`<body><div>Forum</div>${posts}</body>`).blocks).toHaveLength(2);
    expect(visibleTexts('<noscript>Please enable JavaScript</noscript>')).toEqual([]);
  });

  it('does not split a paragraph around an inline <noscript> or hidden span', () => {
    expect(visibleTexts('<p>Text <noscript>enable JS</noscript>and <span hidden>x</span>more</p>')).toEqual(['Text and more']);
  });

  it.each([
    ['class "modal"', '<div class="modal fade"><p>SECRET</p></div>'],
    ['a camel-case modal window', '<div class="modal-window modalWindow"><p>SECRET</p></div>'],
    ['class "popup-wrapper"', '<div class="popup-wrapper"><p>SECRET</p></div>'],
    ['role="dialog"', '<section role="dialog"><p>SECRET</p></section>'],
    ['role="alertdialog"', '<div role="alertdialog"><p>SECRET</p></div>'],
  ])('drops a modal window named by %s (shown only when a script opens it)', (_name, html) => {
    expect(visibleTexts(html).join(' ')).not.toContain('SECRET');
  });

  it('keeps elements whose class only mentions a modal or popup', () => {
    const html = '<div class="article modal-enabled"><p>Article body</p></div><a class="js-popup-trigger" href="/x">Open gallery</a>';
    expect(visibleTexts(html)).toEqual(['Article body', 'Open gallery']);
  });

  it('keeps a modal that holds the page\'s text (a page rendered inside an overlay)', () => {
    const body = `<div class="modal"><h1>Title</h1><p>${'The article text is all here. '.repeat(10)}</p></div>`;
    const blocks = segmentHtml(`<html><body><div>Menu</div>${body}</body></html>`).blocks;
    expect(blocks.map((b) => b.text)).toContain('Title');
  });

  it('drops nested hidden elements inside a kept hidden wrapper', () => {
    const body = `<main style="visibility:hidden"><p>${'Real text of the page. '.repeat(12)}</p><span class="sr-only">SECRET</span></main>`;
    const all = segmentHtml(`<body>${body}</body>`).blocks.map((b) => b.text).join(' ');
    expect(all).toContain('Real text');
    expect(all).not.toContain('SECRET');
  });
});

describe('styleHides', () => {
  it.each([
    ['display:none', true],
    ['DISPLAY: NONE', true],
    ['color:red;display :\tnone!important', true],
    ['visibility: collapse', true],
    ['display: none-ish', true],
    ['display: block', false],
    ['--display-mode: none', false],
    ['visibility: visible', false],
  ])('%s → %s', (style, hides) => {
    expect(styleHides(style)).toBe(hides);
  });
});

describe('classHides', () => {
  it.each([
    ['sr-only', true],
    ['btn visually-hidden', true],
    ['hidden', true],
    ['hidden lg:flex', false],
    ['hidden-xs', false],
    ['unhidden', false],
  ])('%s → %s', (classes, hides) => {
    expect(classHides(classes)).toBe(hides);
  });
});
