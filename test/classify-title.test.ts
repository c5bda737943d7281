import type { Block, BlockKind } from '../src/blocks/block.js';
import { CALIBRATION } from '../src/classify/calibration.js';
import { separateTitle } from '../src/classify/title.js';
import { scored } from './support/blocks.js';
import { declutter } from '../src/index.js';

/** A kept block of `words` words. */
function kept(index: number, kind: BlockKind, text: string, words = text.split(/\s+/).length): Block {
  return scored({
    index,
    text,
    kind,
    features: {
      words, chars: text.length, stopwordDensity: 0.4, terminalPunctuation: true, sentences: 2, capitalisedRatio: 0.2,
      bullet: false, digitRatio: 0, menuPattern: undefined, position: 0, linkDensity: 0,
    },
    initialLabel: 'content',
    label: 'content',
    score: 6,
    reasons: [],
  });
}

const TITLE = 'Deportees return home from the US';

describe('the title', () => {
  it('is taken out of the body when a kept heading repeats it', () => {
    const blocks = [kept(0, 'heading', TITLE), kept(1, 'paragraph', 'The first paragraph of the story.', 40)];
    separateTitle(blocks, `${TITLE}!`, CALIBRATION);
    expect(blocks[0]!.label).toBe('boilerplate');
    expect(blocks[0]!.reasons).toContain('→title');
    expect(blocks[1]!.label).toBe('content');
  });

  it('drops a list of teasers kept above the title heading', () => {
    const teasers = [0, 1, 2, 3].map((k) => kept(k, 'list-item', `Another story ${k}. Its lead, a sentence long.`, 30));
    const story = [kept(4, 'heading', TITLE), kept(5, 'paragraph', 'The first paragraph of the story.', 60)];
    const blocks = [...teasers, ...story];
    separateTitle(blocks, TITLE, CALIBRATION);
    expect(teasers.every((b) => b.label === 'boilerplate' && b.reasons.includes('→above-title'))).toBe(true);
    expect(story[1]!.label).toBe('content');
  });

  it('keeps paragraphs above a heading that repeats the title part-way down a post', () => {
    const intro = [kept(0, 'paragraph', 'An introduction to the post.', 80), kept(1, 'list-item', 'One point.', 10)];
    const blocks = [...intro, kept(2, 'heading', TITLE), kept(3, 'paragraph', 'More of the post.', 60)];
    separateTitle(blocks, TITLE, CALIBRATION);
    expect(intro.every((b) => b.label === 'content')).toBe(true);
  });
});

describe('a news page with a ticker of other stories above the article', () => {
  const lead = (k: number) =>
    `Headline number ${k} about something else NEW DELHI: A lead paragraph of another story, long enough to be read as prose by any rule, goes on here for a while, as leads do.`;
  const html = `<!doctype html><html><head><title>${TITLE}</title><meta property="og:title" content="${TITLE}"></head><body>
    <div class="content">
      <ul class="ticker">${[1, 2, 3, 4, 5].map((k) => `<li>${lead(k)}</li>`).join('')}</ul>
      <h1>${TITLE}</h1>
      <p>NEW DELHI: Their American dream shattered and their savings spent, nearly 150 Indians returned home on Wednesday after they were deported from the United States for staying there illegally.</p>
      <p>Most of them had paid agents large sums to reach the border through several countries, and many said that they would not try again, whatever the agents promised them this time.</p>
    </div></body></html>`;

  it('starts at the title', () => {
    const text = declutter(html).text;
    expect(text).toContain('Their American dream shattered');
    expect(text).not.toContain('Headline number');
  });
});

describe("a post whose page title is the site name, repeated by a heading in the sidebar below the post", () => {
  const item = (k: number) =>
    `<li>Place number ${k}. One of the best places we have been to, and we went back twice because the food was so good and the staff were kind to us.</li>`;
  const html = `<!doctype html><html><head><title>Quiet Habits</title></head><body>
    <div class="post">
      <h2>A week of eating out</h2>
      <p>We just got back from a week away, and we loved it: this is where we ate, so that you can eat there too.</p>
      <ul>${[1, 2, 3, 4, 5, 6, 7, 8].map(item).join('')}</ul>
    </div>
    <div class="sidebar">
      <h2><a href="/">Quiet Habits</a></h2>
      <ul><li><a href="/about">About</a></li><li><a href="/archives">Archives</a></li><li><a href="/books">Books</a></li></ul>
    </div></body></html>`;

  it('keeps the post above that heading', () => {
    const text = declutter(html).text;
    expect(text).toContain('Place number 1. One of the best places');
    expect(text).toContain('Place number 8.');
    expect(text).not.toContain('Archives');
  });
});

describe('teasers above a title heading with almost nothing kept after it', () => {
  it('stay: cutting there would keep no article', () => {
    const teasers = [0, 1, 2, 3].map((k) => kept(k, 'list-item', `A long item ${k} of the article. A sentence or two long.`, 60));
    const blocks = [...teasers, kept(4, 'heading', TITLE), kept(5, 'paragraph', 'Share this.', 2)];
    separateTitle(blocks, TITLE, CALIBRATION);
    expect(teasers.every((b) => b.label === 'content')).toBe(true);
  });
});
