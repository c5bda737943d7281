import { declutter } from '../src/index.js';
import type { Block, BlockFeatures, RawBlock } from '../src/blocks/block.js';
import { CALIBRATION } from '../src/classify/calibration.js';
import { classify } from '../src/classify/index.js';
import { selectMainRegions } from '../src/classify/select.js';
import { isMenuLikeList, smooth } from '../src/classify/smooth.js';
import { scored } from './support/blocks.js';

/** A scored block with hand-made features: `score` decides its tier (good ≥ 3, bad ≤ -3). */
function block(index: number, score: number, text: string, f: Partial<BlockFeatures> = {}): Block {
  const words = f.words ?? text.split(/\s+/).length;
  const features: BlockFeatures = {
    words,
    chars: text.length,
    stopwordDensity: 0.3,
    terminalPunctuation: /[.!?]$/.test(text),
    sentences: 1,
    capitalisedRatio: 0.1,
    bullet: false,
    digitRatio: 0,
    menuPattern: undefined,
    position: 0,
    linkDensity: 0,
    ...f,
  };
  return scored({ index, text, kind: features.bullet ? 'list-item' : 'paragraph', features, initialLabel: 'content', label: 'content', score, reasons: [] });
}

const prose = (i: number) =>
  block(i, 5, 'A long paragraph of running text that any reader would recognise as the article itself, with several clauses.', { words: 40 });

describe('lists as units (smooth)', () => {
  it('keeps a long list of steps introduced by the article, though each item alone looks like a menu entry', () => {
    const items = Array.from({ length: 14 }, (_, k) => block(k + 1, -2.5, `• Step ${k + 1} of the recipe here`, { bullet: true, words: 6 }));
    const blocks = [prose(0), ...items, block(15, -3.5, 'Footer', { words: 1 })];
    smooth(blocks, CALIBRATION);
    for (const item of items) {
      expect(item.label).toBe('content');
      expect(item.reasons).toContain('→article-list');
    }
  });

  it('accepts a lead-in ending with a colon between the text and the list', () => {
    const blocks = [prose(0), block(1, -1.5, 'You will need:'), block(2, -2.5, '• two eggs', { bullet: true }), block(3, -2.5, '• some flour', { bullet: true })];
    smooth(blocks, CALIBRATION);
    expect(blocks[2]!.reasons).toContain('→article-list');
    expect(blocks[3]!.label).toBe('content');
  });

  it('does not treat a menu after the text as the article’s list', () => {
    const menu = ['• Home Page', '• About Us', '• Contact Us', '• Privacy Policy'].map((t, k) =>
      block(k + 1, -2.5, t, { bullet: true, words: 2, capitalisedRatio: 1, terminalPunctuation: false }));
    expect(isMenuLikeList([prose(0), ...menu], 1, 4, CALIBRATION)).toBe(true);
    const blocks = [prose(0), ...menu];
    smooth(blocks, CALIBRATION);
    for (const b of menu) expect(b.reasons).not.toContain('→article-list');
  });

  it('is a no-op for blocks without bullets (DOM list items)', () => {
    const blocks = [prose(0), block(1, -2.5, 'an item'), block(2, -2.5, 'another item'), block(3, -3.5, 'x')];
    smooth(blocks, CALIBRATION);
    expect(blocks.some((b) => b.reasons.includes('→article-list'))).toBe(false);
  });
});

describe('long uncertain runs between good text (smooth)', () => {
  /** A how-to's middle: short headings and one-line sentences, none confident alone (16 blocks, over maxRescuedRun). */
  const howTo = (first: number) => Array.from({ length: 16 }, (_, k) => k % 2 === 0
    ? block(first + k, -1.5, `Step ${k / 2 + 1}: pick the spot`, { words: 5 })
    : block(first + k, 1, `Water should drain from bed number ${k} within a day.`, { words: 10 }));

  it('joins a long run that reads as text: a share of near-good lines, nothing repeated', () => {
    const run = howTo(1);
    const blocks = [prose(0), ...run, prose(17)];
    smooth(blocks, CALIBRATION);
    for (const b of run) expect(b.reasons).toEqual(['→between-good']);
  });

  it('leaves a long run of teasers whose labels repeat card after card', () => {
    const run = Array.from({ length: 16 }, (_, k) => k % 2 === 0
      ? block(1 + k, -2.5, 'AUTO NEWS', { words: 2 })
      : block(1 + k, 1.5, `Renault shows a new seven-seat car number ${k} for the city`, { words: 11 }));
    const blocks = [prose(0), ...run, prose(17)];
    smooth(blocks, CALIBRATION);
    expect(run.filter((b) => b.label === 'content').map((b) => b.index)).toEqual([1 + 15]);
  });

  it('leaves a long run with furniture vocabulary in it', () => {
    const run = howTo(1);
    run[5]!.features.menuPattern = 'share';
    const blocks = [prose(0), ...run, prose(17)];
    smooth(blocks, CALIBRATION);
    expect(run.some((b) => b.reasons.includes('→between-good'))).toBe(false);
  });
});

describe('main-region selection', () => {
  it('keeps uncertain bulleted blocks inside the kept region as the article’s list', () => {
    const blocks = [prose(0), block(1, -2.5, '• a point', { bullet: true }), block(2, -2.5, '• another point', { bullet: true }), prose(3), prose(4)];
    for (const b of blocks.slice(1, 3)) b.label = 'boilerplate';
    selectMainRegions(blocks, CALIBRATION);
    expect(blocks[1]!.label).toBe('content');
    expect(blocks[1]!.reasons).toContain('→list-in-region');
  });

  it('prefers a grid of records far larger than a short intro paragraph', () => {
    const intro = block(0, 3.5, 'Shop our range of tents for every kind of trip.', { words: 25 });
    const menu = block(1, -5, 'Menu', { words: 1 });
    const records = Array.from({ length: 60 }, (_, k) => block(k + 2, -1.5, `Tent model ${k} $199.00 (12 reviews)`, { words: 6 }));
    for (const r of records) r.label = 'boilerplate';
    const blocks = [intro, menu, ...records];
    selectMainRegions(blocks, CALIBRATION);
    expect(records.every((r) => r.label === 'content' && r.reasons.includes('→record-run'))).toBe(true);
  });
  it('in a text dump, does not take a handful of footer lines for a listing', () => {
    const lines = Array.from({ length: 6 }, (_, k) =>
      block(k, -1.5, `Help Center, Disputes, Returns, Refunds, Reports, Sitemap, Careers ${k}`, { words: 10, indent: 0, stopwordDensity: 0.05 }));
    for (const b of lines) b.label = 'boilerplate';
    expect(selectMainRegions(lines, CALIBRATION)).toEqual([]);
    expect(lines.every((b) => b.label === 'boilerplate')).toBe(true);
  });

  it('keeps a handful of prose lines, a short article none of whose paragraphs was confident alone', () => {
    const lines = Array.from({ length: 4 }, (_, k) =>
      block(k, 2.5, `The club has paid the fee to the league this morning to secure the deal ${k}`, { words: 15, indent: 0, stopwordDensity: 0.35 }));
    for (const b of lines) b.label = 'boilerplate';
    expect(selectMainRegions(lines, CALIBRATION)).toHaveLength(1);
    expect(lines.every((b) => b.label === 'content')).toBe(true);
  });

  it('counts record lines only in text dumps: a few DOM blocks can be a listing', () => {
    const items = Array.from({ length: 6 }, (_, k) => block(k, -1.5, `Product ${k} with a short description and a price of $${k}9.00`, { words: 10 }));
    for (const b of items) b.label = 'boilerplate';
    expect(selectMainRegions(items, CALIBRATION)).toHaveLength(1);
    expect(items.every((b) => b.label === 'content')).toBe(true);
  });
});

describe('page-level stages (classify on synthetic lines)', () => {
  const paragraph = (n: number): RawBlock => ({
    text: `This is paragraph number ${n} of the story, and it is long enough to be read as running text by the classifier without any doubt at all.`,
    kind: 'paragraph',
    indent: 0,
  });

  it('recognises a comment thread from its attribution lines', () => {
    const raws: RawBlock[] = [
      paragraph(1), paragraph(2), paragraph(3), paragraph(4),
      { text: '1. janedoe says:', kind: 'list-item', indent: 0 },
      { text: 'I completely disagree with the author about everything in this story, and here is why it matters to me.', kind: 'paragraph', indent: 0 },
      { text: '2. maxmuster says:', kind: 'list-item', indent: 0 },
      { text: 'What a great article, thank you so much for writing it, I learned a lot from reading it today.', kind: 'paragraph', indent: 0 },
    ];
    const { blocks } = classify(raws, { favor: 'balanced', language: 'en' });
    expect(blocks[5]!.reasons).toContain('in-comment-section');
    expect(blocks[5]!.label).toBe('boilerplate');
    expect(blocks[0]!.label).toBe('content');
  });

  const comment = (text: string): RawBlock => ({
    text: `${text} I completely disagree with the author about this story, and here is why it matters to me.`,
    kind: 'paragraph',
    indent: 0,
  });

  it('opens a comment section at a comment-count heading after the article', () => {
    const raws = [paragraph(1), paragraph(2), paragraph(3), paragraph(4), { text: '12 Comments', kind: 'heading', indent: 0 } as RawBlock, comment('A')];
    const { blocks } = classify(raws, { favor: 'balanced', language: 'en' });
    expect(blocks[5]!.reasons).toContain('in-comment-section');
  });

  it('reads differing comment counts as teaser metadata, not as a comment section', () => {
    const raws: RawBlock[] = [
      paragraph(1), paragraph(2), paragraph(3), paragraph(4),
      { text: '3 comments', kind: 'paragraph', indent: 0 }, paragraph(5),
      { text: '14 comments', kind: 'paragraph', indent: 0 }, paragraph(6),
    ];
    const { blocks } = classify(raws, { favor: 'balanced', language: 'en' });
    expect(blocks.some((b) => b.reasons.includes('in-comment-section'))).toBe(false);
    expect(blocks[7]!.label).toBe('content');
  });

  it('reads a call to comment repeated under every post as a per-post link, not a comment section', () => {
    const add = (): RawBlock => ({ text: 'Add a comment', kind: 'paragraph', indent: 0 });
    const raws = [paragraph(1), paragraph(2), paragraph(3), paragraph(4), add(), paragraph(5), add(), paragraph(6)];
    const { blocks } = classify(raws, { favor: 'balanced', language: 'en' });
    expect(blocks.some((b) => b.reasons.includes('in-comment-section'))).toBe(false);
    const once = classify([paragraph(1), paragraph(2), paragraph(3), paragraph(4), add(), paragraph(5)], { favor: 'balanced', language: 'en' });
    expect(once.blocks[5]!.reasons).toContain('in-comment-section');
  });

  it('opens nothing at a zero count or at a quoted e-mail line', () => {
    for (const heading of ['0 comments', '> what do you think?']) {
      const raws = [paragraph(1), paragraph(2), paragraph(3), paragraph(4), { text: heading, kind: 'paragraph', indent: 0 } as RawBlock, paragraph(5)];
      const { blocks } = classify(raws, { favor: 'balanced', language: 'en' });
      expect(blocks.some((b) => b.reasons.includes('in-comment-section'))).toBe(false);
    }
  });

  it('opens a comment section at the customer-reviews heading of a DOM page, not at a text dump\'s "Reviews" line', () => {
    const dom = (r: RawBlock): RawBlock => ({ text: r.text, kind: r.kind });
    for (const heading of ['Customer Reviews', 'Reviews (24)', 'Ratings & Reviews:']) {
      const raws = [paragraph(1), paragraph(2), paragraph(3), paragraph(4), { text: heading, kind: 'heading' } as RawBlock, comment('Great product.')].map(dom);
      const { blocks } = classify(raws, { favor: 'balanced', language: 'en' });
      expect(blocks[5]!.reasons).toContain('in-comment-section');
    }
    const dump = [paragraph(1), paragraph(2), paragraph(3), paragraph(4), { text: 'Reviews', kind: 'heading', indent: 0 } as RawBlock, paragraph(5)];
    expect(classify(dump, { favor: 'balanced', language: 'en' }).blocks.some((b) => b.reasons.includes('in-comment-section'))).toBe(false);
    const review = [paragraph(1), paragraph(2), paragraph(3), paragraph(4), { text: 'How we review products', kind: 'heading' } as RawBlock, paragraph(5)].map(dom);
    expect(classify(review, { favor: 'balanced', language: 'en' }).blocks.some((b) => b.reasons.includes('in-comment-section'))).toBe(false);
  });

  it('drops the second copy of a repeated paragraph', () => {
    const raws = [paragraph(1), paragraph(2), paragraph(1), paragraph(3)];
    const { blocks } = classify(raws, { favor: 'balanced', language: 'en' });
    expect(blocks[0]!.label).toBe('content');
    expect(blocks[2]!.label).toBe('boilerplate');
    expect(blocks[2]!.reasons).toContain('→repeated-text');
  });
});

describe('numbered section headings (a listicle)', () => {
  const para = (topic: string) =>
    `${topic} is one of the simplest habits to keep, and it helps the rest of the day go well for anyone with a full calendar.`;
  const dump = [
    'Healthy Living Weekly',
    '1. Home',
    '2. Recipes',
    '3. Contact Us',
    'The Three Best Habits for Busy People',
    'Staying healthy takes planning, and these habits make it easier for anyone who has little time to spare in the week.',
    '1. Morning Walks',
    para('A short walk before work'),
    '2. Meal Planning',
    para('Planning meals on Sunday'),
    '3. Early Nights',
    para('Going to bed at the same time each night'),
    'Copyright 2024 Healthy Living Weekly. All rights reserved.',
  ].join('\n');

  it('keeps the numbered headings that stand between the sections of text', () => {
    const text = declutter(dump).text;
    expect(text).toContain('1. Morning Walks');
    expect(text).toContain('2. Meal Planning');
    expect(text).toContain('3. Early Nights');
  });

  it('leaves a numbered menu whose entries stand next to each other', () => {
    const article = declutter(dump);
    const numbered = article.blocks.filter((b) => b.reasons.includes('numbered-heading')).map((b) => b.text);
    expect(numbered).toEqual(['1. Morning Walks', '2. Meal Planning', '3. Early Nights']);
    expect(article.text).not.toContain('Recipes');
  });
});

describe('headings between short lines (smooth)', () => {
  const line = (i: number, score: number, text: string, f: Partial<BlockFeatures> = {}) => block(i, score, text, { indent: 0, ...f });
  const proseLine = (i: number) => ({ ...prose(i), features: { ...prose(i).features, indent: 0 } });

  it('judges a lone, mildly bad Title Case line followed by text with its neighbours', () => {
    const blocks = [proseLine(0), line(1, -3.5, 'Start Dress Shopping Early'), line(2, 1, 'Most gowns take months to arrive.'), proseLine(3)];
    smooth(blocks, CALIBRATION);
    expect(blocks[1]!.label).toBe('content');
    expect(blocks[1]!.reasons).toContain('line-heading');
  });

  it('leaves two bad lines in a row (a menu), a line with furniture words, and DOM blocks that are no heading', () => {
    const menu = [proseLine(0), line(1, -3.5, 'Our Team'), line(2, -3.5, 'Contact Us'), line(3, 1, 'Most gowns take months to arrive.'), proseLine(4)];
    smooth(menu, CALIBRATION);
    expect(menu[1]!.label).toBe('boilerplate');
    expect(menu[2]!.label).toBe('boilerplate');
    const share = [proseLine(0), line(1, -3.5, 'Share This Story', { menuPattern: 'share' }), line(2, 1, 'Most gowns take months to arrive.'), proseLine(3)];
    smooth(share, CALIBRATION);
    expect(share[1]!.label).toBe('boilerplate');
    const dom = [prose(0), block(1, -3.5, 'Start Dress Shopping Early'), block(2, 1, 'Most gowns take months to arrive.'), prose(3)];
    smooth(dom, CALIBRATION);
    expect(dom[1]!.label).toBe('boilerplate');
  });

  it('on a DOM page, judges a lone heading element followed by text with its neighbours', () => {
    const heading = { ...block(1, -3.5, 'Start Dress Shopping Early'), kind: 'heading' as const };
    const dom = [prose(0), heading, block(2, 1, 'Most gowns take months to arrive.'), prose(3)];
    smooth(dom, CALIBRATION);
    expect(dom[1]!.label).toBe('content');
    expect(dom[1]!.reasons).toContain('line-heading');
  });

  it('leaves a line that is confidently bad or not followed by text', () => {
    const strong = [proseLine(0), line(1, -6, 'Start Dress Shopping Early'), line(2, 1, 'Most gowns take months to arrive.'), proseLine(3)];
    smooth(strong, CALIBRATION);
    expect(strong[1]!.label).toBe('boilerplate');
    const noText = [proseLine(0), line(1, -3.5, 'Start Dress Shopping Early'), line(2, -1, 'Gowns'), proseLine(3)];
    smooth(noText, CALIBRATION);
    expect(noText[1]!.label).toBe('boilerplate');
  });
});

describe('smaller second regions (selectMainRegions)', () => {
  const bridge = (i: number) =>
    block(i, 5, 'The council voted to repair the old river bridge, and engineers said the repairs to the bridge deck would take two years.', { words: 40 });
  const gap = (i: number) => ({ ...block(i, -6, 'Trending now: Celebrity gossip and sport scores', { words: 10 }), label: 'boilerplate' as const });
  const page = (tail: Block) => [bridge(0), bridge(1), bridge(2), bridge(3), gap(4), gap(5), gap(6), tail];

  it('keeps a small region that shares the main region\'s topic (the article goes on after an advert)', () => {
    const blocks = page(block(7, 5, 'Engineers expect the bridge repairs to finish before the council elections, the council said.', { words: 25 }));
    expect(selectMainRegions(blocks, CALIBRATION)).toHaveLength(2);
    expect(blocks[7]!.label).toBe('content');
  });

  it('drops a small region about something else (a teaser for another story)', () => {
    const blocks = page(block(7, 5, 'A celebrity chef opens a seaside restaurant serving oysters and lobster rolls to summer visitors.', { words: 25 }));
    expect(selectMainRegions(blocks, CALIBRATION)).toHaveLength(1);
    expect(blocks[7]!.label).toBe('boilerplate');
    expect(blocks[7]!.reasons).toContain('→outside-main-region');
  });
});
