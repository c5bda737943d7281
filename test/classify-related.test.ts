import { declutter } from '../src/index.js';

const paragraph = (topic: string) =>
  `<p>The council met on Tuesday to discuss ${topic}, and after a long debate the members agreed that the plan would go ahead in the spring, although several of them said they still had doubts about the cost.</p>`;

const teaser = (topic: string) =>
  `<p>Another story about ${topic} that readers enjoyed last week, with a long summary that reads just like the paragraphs of an article and goes on for a while.</p>`;

/** An article, then a section of teasers under `heading`, then a section of readers' reactions. */
function page(heading: string, before = ''): string {
  return `<html><body>${before}<article><h1>Council approves the plan</h1>
    ${paragraph('the new bridge')}${paragraph('the budget')}${paragraph('the schedule')}</article>
    <section><h3>${heading}</h3>${teaser('gardens')}${teaser('the harbour')}${teaser('the old mill')}</section>
    <section><h2>Reactions</h2>${paragraph('the reactions of residents')}${paragraph('the reactions of shop owners')}</section>
  </body></html>`;
}

describe('related-content sections (DOM pages)', () => {
  it.each(['You may also like', 'Related posts', 'Você pode gostar...', 'Das könnte Sie auch interessieren', 'À lire aussi :'])(
    'drops the teasers under "%s" up to the next heading, and keeps the article around them',
    (heading) => {
      const text = declutter(page(heading)).text;
      expect(text).not.toContain('Another story about');
      expect(text).toContain('the new bridge');
      expect(text).toContain('the reactions of residents');
    },
  );

  it('keeps the section when the heading is not a related-content heading', () => {
    expect(declutter(page('Background')).text).toContain('Another story about gardens');
  });

  it('opens no section for a related link above the article (a menu entry, not a heading after the text)', () => {
    const text = declutter(page('Background', '<nav><h3>Related posts</h3></nav>')).text;
    expect(text).toContain('Another story about gardens');
  });
});
