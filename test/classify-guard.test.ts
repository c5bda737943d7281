import type { Block, BlockFeatures } from '../src/blocks/block.js';
import { CALIBRATION } from '../src/classify/calibration.js';
import { selectMainRegions } from '../src/classify/select.js';
import { scored } from './support/blocks.js';
import { declutter } from '../src/index.js';

/** Synthetic pages: a structural step (title, grid, region) must not throw away an article that outweighs what it keeps. */

const links = (words: readonly string[]) => `<ul>${words.map((w) => `<li><a href="/${w.toLowerCase()}">${w}</a></li>`).join('')}</ul>`;

/** A DOM block with hand-made features: content when its score is good. */
function block(index: number, score: number, text: string, f: Partial<BlockFeatures>): Block {
  const features: BlockFeatures = {
    words: text.split(/\s+/).length, chars: text.length, stopwordDensity: 0.4, terminalPunctuation: score > 0, sentences: 1,
    capitalisedRatio: 0.2, bullet: false, digitRatio: 0, menuPattern: undefined, position: 0, linkDensity: 0, ...f,
  };
  const label = score >= 3 ? 'content' : 'boilerplate';
  return scored({ index, text, kind: 'paragraph', features, initialLabel: label, label, score, reasons: [] });
}

describe('a photo caption above a footer of link lists in a div, and no prose region', () => {
  const column = (heading: string, k: number) =>
    `<div class="col"><p>${heading}</p>${links(['World', 'Politics', 'Health', 'Money', 'Travel', 'Recipes', 'Technology', 'Science', 'Sports', 'Weather'].map((w) => `${w} ${k}`))}</div>`;
  const html = `<!doctype html><html><head><title>A night out</title></head><body>
    <div class="story">
      <h1>A night out</h1>
      <p class="caption">The singer looked tired after a long night at the hotel on Friday, and she drove home alone before sunrise.</p>
    </div>
    <div class="site-footer">${['Sections', 'Shows', 'Tools', 'About', 'More', 'Local', 'Video', 'Help'].map(column).join('')}</div>
    </body></html>`;

  it('does not take the footer for the content', () => {
    const text = declutter(html).text;
    expect(text).not.toContain('Politics 1');
    expect(text).not.toContain('Sections');
  });
});

describe('a grid of topic teasers, each block confidently boilerplate, beside a shorter article', () => {
  const story = 'The company said on Tuesday that the service had been restored for most of its users after an outage that lasted for several hours and was felt by people around the world.';
  const article = [0, 1, 2].map((k) => block(k, 6, `Paragraph ${k}. ${story}`, { ancestors: [1, 2], containerId: 2, tagPath: 'div>div>p' }));
  const teasers: Block[] = [];
  for (let k = 0; k < 12; k++) {
    const card = [1, 10, 100 + k];
    teasers.push(block(3 + 2 * k, -5, `Forum topic ${k} about the new phone app`, { ancestors: card, containerId: 100 + k, tagPath: 'div>div>h3', linkDensity: 1 }));
    teasers.push(block(4 + 2 * k, -4, `by member${k}, 12 replies and 340 views since then`, { ancestors: card, containerId: 100 + k, tagPath: 'div>div>p' }));
  }

  it('is not the content: the article it would drop outweighs it', () => {
    const blocks = [...article, ...teasers];
    selectMainRegions(blocks, CALIBRATION);
    expect(article.every((b) => b.label === 'content')).toBe(true);
    expect(teasers.every((b) => b.label === 'boilerplate')).toBe(true);
    expect(article[0]!.reasons).toContain('→outweighs-selection');
  });
});

describe('a priced product grid above a carousel that repeats one promotion on every slide', () => {
  const cards: Block[] = [];
  for (let k = 0; k < 40; k++) {
    const card = [1, 10, 100 + k];
    cards.push(block(3 * k, -5, `Field Wallet ${k}`, { ancestors: card, containerId: 100 + k, tagPath: 'div>a>p', linkDensity: 1 }));
    cards.push(block(3 * k + 1, -5, 'Aluminium | Anodised', { ancestors: card, containerId: 100 + k, tagPath: 'div>a>p', linkDensity: 1 }));
    cards.push(block(3 * k + 2, -5, `$${59 + k}`, { ancestors: card, containerId: 100 + k, tagPath: 'div>a>p', linkDensity: 1 }));
  }
  const promotion = 'Every wallet is cut from one block of aluminium and finished by hand, so it keeps its shape in a pocket for years.';
  const slides = [0, 1, 2].map((k) => block(120 + k, 6, promotion, { ancestors: [1, 20, 200 + k], containerId: 200 + k, tagPath: 'div>div>p' }));

  it('is the content: the promotion weighs once, less than the grid', () => {
    const blocks = [...cards, ...slides];
    selectMainRegions(blocks, CALIBRATION);
    // Each card's name and price (the material line, the same on every card, is kept once).
    expect(cards.filter((_, i) => i % 3 !== 1).every((b) => b.label === 'content')).toBe(true);
    expect(cards[0]!.reasons).toContain('→record-grid');
  });
});
