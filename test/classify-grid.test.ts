import type { Block, BlockFeatures } from '../src/blocks/block.js';
import { findPricedRun, findRecordGrid, gridIsContent, selectRecordGrid } from '../src/classify/grid.js';
import { declutter } from '../src/index.js';
import { selectMainRegions } from '../src/classify/select.js';
import { CALIBRATION } from '../src/classify/calibration.js';
import { scored } from './support/blocks.js';

/** A scored DOM block with hand-made features. */
function block(index: number, score: number, text: string, f: Partial<BlockFeatures> = {}): Block {
  const features: BlockFeatures = {
    words: text.split(/\s+/).length,
    chars: text.length,
    stopwordDensity: 0.1,
    terminalPunctuation: false,
    sentences: 0,
    capitalisedRatio: 1,
    bullet: false,
    digitRatio: 0,
    menuPattern: undefined,
    position: 0,
    linkDensity: 0,
    ...f,
  };
  const label = score >= 3 ? 'content' : 'boilerplate';
  return scored({ index, text, kind: 'paragraph', features, initialLabel: label, label, score, reasons: [] });
}

/** A product grid (container 10) of `n` cards (containers 100+k): a linked title and a price each, all scored bad. */
function productGrid(first: number, n: number): Block[] {
  const out: Block[] = [];
  for (let k = 0; k < n; k++) {
    const card = [1, 10, 100 + k];
    out.push(block(first + 2 * k, -6, `Dark Roast Coffee Blend ${k}`, { ancestors: card, containerId: 100 + k, tagPath: 'div>div>a', linkDensity: 1 }));
    out.push(block(first + 2 * k + 1, -5, `$1${k}.99 per bag, free shipping`, { ancestors: card, containerId: 100 + k, tagPath: 'div>div>span' }));
  }
  return out;
}

describe('record grids (DOM)', () => {
  it('finds sibling containers of the same shape, each holding a title and a short text', () => {
    const grid = findRecordGrid(productGrid(0, 8), CALIBRATION);
    expect(grid?.container).toBe(10);
    expect(grid?.records).toBe(8);
    expect(grid?.similarity).toBe(1);
  });

  it('finds a grid whose cards share a title but half of them open with a badge', () => {
    const cards: Block[] = [];
    for (let k = 0; k < 8; k++) {
      const card = [1, 10, 100 + k];
      if (k % 2 === 0) cards.push(block(cards.length, -6, 'Top rated', { ancestors: card, tagPath: 'div>ul>li' }));
      cards.push(block(cards.length, -6, `Wide-Mouth Water Bottle ${k}`, { ancestors: card, tagPath: 'div>h2>a', linkDensity: 1 }));
      cards.push(block(cards.length, -5, `$1${k}.00`, { ancestors: card, tagPath: 'div>span' }));
      cards.push(block(cards.length, -5, 'Bottle Opening: Wide', { ancestors: card, tagPath: 'div>ul>li' }));
    }
    const grid = findRecordGrid(cards, CALIBRATION);
    expect(grid?.container).toBe(10);
    expect(grid?.records).toBe(8);
    // Half the cards open with the badge, half with the title: the grid is not a regular one.
    expect(grid?.similarity).toBe(0.5);
  });

  it("does not take a theme's sample cards of placeholder text for a grid", () => {
    const cards: Block[] = [];
    for (let k = 0; k < 6; k++) {
      const card = { ancestors: [1, 10, 100 + k], tagPath: 'div>p' };
      cards.push(block(cards.length, -12, `Head Line ${k}`, { ...card, tagPath: 'div>h3' }));
      cards.push(block(cards.length, -12, 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.', card));
      cards[cards.length - 2]!.filler = true;
      cards[cards.length - 1]!.filler = true;
    }
    expect(findRecordGrid(cards, CALIBRATION)).toBeUndefined();
    cards.forEach((b) => delete b.filler);
    expect(findRecordGrid(cards, CALIBRATION)?.container).toBe(10);
  });

  it('does not take a menu of single links for a grid', () => {
    const menu = Array.from({ length: 12 }, (_, k) =>
      block(k, -8, `Section ${k}`, { ancestors: [1, 20, 200 + k], containerId: 200 + k, tagPath: 'ul>li>a', linkDensity: 1 }));
    expect(findRecordGrid(menu, CALIBRATION)).toBeUndefined();
  });

  it('does not take a nested menu, whose entries are all links, for a grid', () => {
    const menu: Block[] = [];
    for (let k = 0; k < 6; k++) {
      const chain = [1, 20, 200 + k];
      menu.push(block(2 * k, -8, `Section ${k}`, { ancestors: chain, tagPath: 'ul>li>a', linkDensity: 1 }));
      menu.push(block(2 * k + 1, -8, `Sub page ${k}`, { ancestors: [...chain, 300 + k], tagPath: 'ul>li>ul>li>a', linkDensity: 1 }));
    }
    expect(findRecordGrid(menu, CALIBRATION)).toBeUndefined();
  });

  it('takes priced cards for a grid even when every word is a link, but not an unpriced menu of the same shape', () => {
    const cards = (priced: boolean): Block[] =>
      Array.from({ length: 8 }, (_, k) => {
        const chain = [1, 40, 400 + k];
        return [
          block(2 * k, -8, `Joco Cup ${k}oz`, { ancestors: chain, tagPath: 'li>h2>a', linkDensity: 1 }),
          block(2 * k + 1, -8, priced ? `S • 177ml $3${k}.95` : `Colours ${k}`, { ancestors: chain, tagPath: 'li>a', linkDensity: 1 }),
        ];
      }).flat();
    expect(findRecordGrid(cards(true), CALIBRATION)?.container).toBe(40);
    expect(findRecordGrid(cards(true), CALIBRATION)?.pricedShare).toBe(1);
    expect(findRecordGrid(cards(false), CALIBRATION)).toBeUndefined();
  });

  it('leaves repeated containers of prose (a comment thread) to the prose rules', () => {
    const comments: Block[] = [];
    for (let k = 0; k < 8; k++) {
      const chain = [1, 30, 300 + k];
      comments.push(block(2 * k, -2, `Reader ${k} says:`, { ancestors: chain, tagPath: 'div>p' }));
      const text = 'A long comment that goes on about the article at some length, as readers do, with opinions and asides of every kind.';
      comments.push(block(2 * k + 1, 1, text, { ancestors: chain, tagPath: 'div>p', words: 40 }));
    }
    expect(findRecordGrid(comments, CALIBRATION)).toBeUndefined();
  });

  it('ignores blocks in a comment section: a thread has a grid\'s shape but is readers\' text', () => {
    const thread = productGrid(0, 8).map((b): Block => ({ ...b, sections: ['comment'] }));
    expect(findRecordGrid(thread, CALIBRATION)).toBeUndefined();
    expect(findRecordGrid(productGrid(0, 8), CALIBRATION)?.container).toBe(10);
  });

  it('ignores blocks in page landmarks', () => {
    const grid = productGrid(0, 8).map((b) => ({ ...b, features: { ...b.features, landmark: 'nav' as const } }));
    expect(findRecordGrid(grid, CALIBRATION)).toBeUndefined();
  });

  it('is content only when it outweighs the page’s prose', () => {
    const grid = findRecordGrid(productGrid(0, 8), CALIBRATION)!;
    expect(gridIsContent(grid, 0, CALIBRATION)).toBe(true);
    expect(gridIsContent(grid, grid.words, CALIBRATION)).toBe(false);
  });

  it('keeps each card once and drops the rest of the page', () => {
    const cards = productGrid(1, 6);
    cards.push(block(13, -6, 'Dark Roast Coffee Blend 0', { ancestors: [1, 10, 100], tagPath: 'div>div>h3' }));
    const footer = block(14, 4, 'A paragraph in the footer about the company and its history.', { ancestors: [1, 50] });
    const blocks = [block(0, -3, 'Share', { ancestors: [1, 10, 100], menuPattern: 'share' }), ...cards, footer];
    const r = selectRecordGrid(blocks, findRecordGrid(blocks, CALIBRATION)!, 'grids');
    expect(r).toEqual({ from: 1, to: 12 });
    expect(blocks[1]!.label).toBe('content');
    expect(blocks[1]!.reasons).toContain('→record-grid');
    expect(blocks[0]!.label).toBe('boilerplate');
    expect(blocks[13]!.label).toBe('boilerplate');
    expect(footer.reasons).toContain('→outside-record-grid');
  });

  it("keeps every card's labelled fields, but a text repeated outside a field only once", () => {
    const blocks: Block[] = [];
    for (let k = 0; k < 6; k++) {
      const card = { ancestors: [1, 10, 100 + k], tagPath: 'div>ul>li' };
      blocks.push(block(blocks.length, -6, `Vacuum Bottle ${k}`, { ...card, tagPath: 'div>h2>a', linkDensity: 1 }));
      blocks.push(block(blocks.length, -5, `$2${k}.00`, card));
      blocks.push(block(blocks.length, -5, 'Cap Type:', card));
      blocks.push(block(blocks.length, -5, 'Screw Cap', card));
      blocks.push(block(blocks.length, -5, 'Free shipping', card));
    }
    selectRecordGrid(blocks, findRecordGrid(blocks, CALIBRATION)!, 'grids');
    const kept = blocks.filter((b) => b.label === 'content').map((b) => b.text);
    expect(kept.filter((t) => t === 'Cap Type:')).toHaveLength(6);
    expect(kept.filter((t) => t === 'Screw Cap')).toHaveLength(6);
    expect(kept.filter((t) => t === 'Free shipping')).toHaveLength(1);
  });

  it('selection returns the grid instead of nothing on a page without prose', () => {
    const blocks = productGrid(0, 8);
    const regions = selectMainRegions(blocks, CALIBRATION);
    expect(regions).toHaveLength(1);
    expect(blocks.every((b) => b.label === 'content')).toBe(true);
  });

  /** A job board (container 60): `n` cards, each one link holding a title, a company and a place, all scored bad. */
  function jobBoard(first: number, n: number): Block[] {
    return Array.from({ length: n }, (_, k) => {
      const card = [1, 60, 600 + k];
      const link = { ancestors: card, linkDensity: 1 };
      return [
        block(first + 3 * k, -7, `Senior Software Engineer ${k}`, { ...link, tagPath: 'li>a>h3' }),
        block(first + 3 * k + 1, -8, `Example Company ${k}`, { ...link, tagPath: 'li>a>span' }),
        block(first + 3 * k + 2, -8, `Remote, time zone UTC+${k}`, { ...link, tagPath: 'li>a>span' }),
      ];
    }).flat();
  }

  it('needs text outside links or prices, unless asked for link cards', () => {
    expect(findRecordGrid(jobBoard(0, 8), CALIBRATION)).toBeUndefined();
    expect(findRecordGrid(jobBoard(0, 8), CALIBRATION, { linkCards: true })?.container).toBe(60);
  });

  it('selection takes a grid of link cards on a page with no prose and no record run', () => {
    const menu = Array.from({ length: 6 }, (_, k) => block(k, -9, `Category ${k}`, { ancestors: [1, 2, 20 + k], tagPath: 'ul>li>a', linkDensity: 1 }));
    const blocks = [...menu, ...jobBoard(6, 8)];
    expect(selectMainRegions(blocks, CALIBRATION)).toHaveLength(1);
    expect(menu.every((b) => b.label === 'boilerplate')).toBe(true);
    expect(blocks.slice(6).every((b) => b.label === 'content' && b.reasons.includes('→record-grid'))).toBe(true);
  });

  it('selection leaves link cards beside an article as they are', () => {
    const article = Array.from({ length: 6 }, (_, k) =>
      block(k, 6, 'A long paragraph of running text that any reader would recognise as the article.', { words: 60, ancestors: [1, 5] }));
    const cards = jobBoard(6, 8);
    selectMainRegions([...article, ...cards], CALIBRATION);
    expect(article.every((b) => b.label === 'content')).toBe(true);
    expect(cards.every((b) => b.label === 'boilerplate')).toBe(true);
  });

  it('selection keeps an article whose prose outweighs a grid of teasers beside it', () => {
    const article = Array.from({ length: 6 }, (_, k) =>
      block(k, 6, 'A long paragraph of running text that any reader would recognise as the article.', { words: 60, ancestors: [1, 5] }));
    const teasers = productGrid(6, 8);
    selectMainRegions([...article, ...teasers], CALIBRATION);
    expect(article.every((b) => b.label === 'content')).toBe(true);
    expect(teasers.every((b) => b.label === 'boilerplate')).toBe(true);
  });
});

describe('priced runs (text dumps)', () => {
  const products = ['Dark Roast Coffee', 'Medium Roast Coffee', 'Blueberry Coffee', 'Vanilla Latte 12-Pack', 'Espresso Roast Coffee', 'Cold Brew Cans', 'Organic Whole Bean', 'Single-Serve Pods'];
  const dump = [
    'Skip to content',
    'Shop',
    'About',
    'Log in',
    'Cart (0)',
    'Coffee collection',
    '51 products',
    ...products.flatMap((name, k) => [`• ${name}`, name, `Regular price $1${k}.99`, 'Add to cart']),
    'Subscribe to our newsletter',
    'Privacy policy',
    '© 2025 Example Coffee Co. All rights reserved.',
  ].join('\n');

  it('keeps a grid of priced cards drawn as lines, each product once, without the menus around it', () => {
    const lines = declutter(dump, { input: 'text' }).text.split('\n');
    for (const [k, name] of products.entries()) {
      expect(lines.filter((l) => l.replace(/^• /, '') === name)).toHaveLength(1);
      expect(lines).toContain(`Regular price $1${k}.99`);
    }
    for (const furniture of ['Skip to content', 'Log in', 'Privacy policy', 'Subscribe to our newsletter']) expect(lines).not.toContain(furniture);
  });

  it('finds no run in an article that mentions a few prices', () => {
    const article = [
      'The shop opened in 2019 and sold its first bag of coffee for $12.',
      'Prices rose steadily; by 2023 the same bag cost $15 and a subscription $40 a month.',
      'Regulars did not mind. “It is still the best coffee in town,” one said.',
    ].join('\n');
    const { blocks } = declutter(article, { input: 'text' });
    expect(findPricedRun(blocks, CALIBRATION)).toBeUndefined();
  });
});
