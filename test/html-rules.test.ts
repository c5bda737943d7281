import type { BlockFeatures } from '../src/blocks/block.js';
import { CALIBRATION } from '../src/classify/calibration.js';
import { structuralTokens, type PageContext } from '../src/classify/page-context.js';
import { classWords, inArticle, landmark, linkDensity, linkList } from '../src/classify/rules/dom.js';
import type { RuleInput } from '../src/classify/rules/rule.js';

/** Features of a plain block; tests override what they examine. No HTML involved. */
function input(over: Partial<BlockFeatures> = {}, kind: RuleInput['kind'] = 'paragraph', page: PageContext = {}): RuleInput {
  const features: BlockFeatures = {
    words: 8, chars: 50, stopwordDensity: 0.1, terminalPunctuation: false, sentences: 0, capitalisedRatio: 0.5,
    bullet: false, digitRatio: 0, menuPattern: undefined, position: 0.5, linkDensity: 0, ...over,
  };
  return { index: 0, text: 'x', lower: 'x', kind, features, page, sections: undefined, filler: false, calibration: CALIBRATION };
}
const prose = { words: 30, terminalPunctuation: true, stopwordDensity: 0.4 };

describe('linkDensity', () => {
  it('marks a block of mostly link text', () => {
    expect(linkDensity(input({ linkDensity: 0.8 }))?.reason).toBe('link-dense');
  });
  it('only slightly penalises a real paragraph full of citations', () => {
    const v = linkDensity(input({ ...prose, linkDensity: 0.8 }));
    expect(v?.reason).toBe('link-rich-prose');
    expect(v!.weight).toBeGreaterThan(linkDensity(input({ linkDensity: 0.8 }))!.weight);
  });
  it('reads linked prose in a box of links to other pages as a teaser, not citations', () => {
    expect(linkDensity(input({ ...prose, linkDensity: 0.8, classTokens: ['more', 'story'] }))?.reason).toBe('link-dense');
    expect(linkDensity(input({ ...prose, linkDensity: 0.8, classTokens: ['sidebar'] }))?.reason).toBe('link-dense');
    expect(linkDensity(input({ ...prose, linkDensity: 0.8, classTokens: ['article', 'body'] }))?.reason).toBe('link-rich-prose');
  });
  it('ignores prose with a few links and plain text', () => {
    expect(linkDensity(input({ ...prose, linkDensity: 0.3 }))).toBeUndefined();
    expect(linkDensity(input({ linkDensity: 0 }))).toBeUndefined();
  });
});

describe('landmark', () => {
  it.each([['nav', 'in-nav'], ['footer', 'in-footer'], ['aside', 'in-aside'], ['header', 'in-header']] as const)('%s', (where, reason) => {
    const v = landmark(input({ landmark: where }));
    expect(v?.reason).toBe(reason);
    expect(v!.weight).toBeLessThan(0);
  });
});

describe('classWords', () => {
  it('penalises furniture words, first match wins over content words', () => {
    expect(classWords(input({ classTokens: ['content', 'sidebar'] }))?.reason).toBe('class:sidebar');
  });
  it('penalises a short byline more than a long block in a "meta" container', () => {
    const short = classWords(input({ words: 6, classTokens: ['author'] }))!;
    const long = classWords(input({ words: 60, classTokens: ['meta'] }))!;
    expect(short.weight).toBeLessThan(long.weight);
  });
  it('penalises a long block in a meta box inside a page landmark as much as a byline', () => {
    const byline = classWords(input({ words: 6, classTokens: ['author'] }))!;
    expect(classWords(input({ words: 60, classTokens: ['meta'], landmark: 'footer' }))).toEqual({ ...byline, reason: 'class:meta' });
    expect(classWords(input({ words: 60, classTokens: ['meta'] }))!.weight).toBeGreaterThan(byline.weight);
  });
  it('penalises a long block in an author box as much as a byline (the author\'s bio)', () => {
    expect(classWords(input({ words: 60, classTokens: ['author'] }))).toEqual(classWords(input({ words: 6, classTokens: ['author'] })));
  });
  it('penalises a long caption as much as a short one (a caption runs to two sentences)', () => {
    const short = classWords(input({ words: 6, classTokens: ['caption'] }))!;
    const long = classWords(input({ words: 40, classTokens: ['caption'] }))!;
    expect(long).toEqual({ weight: short.weight, reason: 'class:caption' });
    expect(long.weight).toBeLessThan(classWords(input({ words: 40, classTokens: ['meta'] }))!.weight);
  });
  it('rewards content words', () => {
    expect(classWords(input({ classTokens: ['article'] }))).toEqual(expect.objectContaining({ reason: 'class:article' }));
    expect(classWords(input({ classTokens: ['article'] }))!.weight).toBeGreaterThan(0);
  });
  it('ignores a word that is the page\'s own structure', () => {
    const page = { structuralTokens: new Set(['comment']) };
    expect(classWords(input({ classTokens: ['comment', 'post'] }, 'paragraph', page))?.reason).toBe('class:post');
  });
});

describe('inArticle and linkList', () => {
  it('rewards blocks inside the article container', () => {
    expect(inArticle(input({ inArticle: true }))!.weight).toBeGreaterThan(0);
    expect(inArticle(input({ inArticle: false }))).toBeUndefined();
  });
  it('marks an item of a list of links, but not a prose item', () => {
    expect(linkList(input({ listLinkDensity: 0.9 }, 'list-item'))?.reason).toBe('link-list');
    expect(linkList(input({ ...prose, listLinkDensity: 0.9 }, 'list-item'))).toBeUndefined();
    expect(linkList(input({ listLinkDensity: 0.9 }, 'paragraph'))).toBeUndefined();
  });
});

describe('structuralTokens', () => {
  const post = (text: string, tokens: string[]) => ({ text, features: { classTokens: tokens } });
  const long = 'A reply long enough to count as prose in the survey of the page, well past eighty characters of text.';
  it('finds the unit word holding nearly all of the prose (a forum thread)', () => {
    const blocks = [post(long, ['comment']), post(long, ['comment', 'post']), post(long, ['comment']), post('Home', ['nav'])];
    expect([...structuralTokens(blocks, CALIBRATION)]).toEqual(['comment']);
  });
  it('finds nothing when an article holds the prose and comments follow', () => {
    const blocks = [post(long, ['article']), post(long, ['article']), post(long, ['article']), post(long, ['comment'])];
    expect(structuralTokens(blocks, CALIBRATION).size).toBe(0);
  });
  it('finds a blog engine\'s post "widget" holding the prose', () => {
    expect([...structuralTokens([post(long, ['widget']), post(long, ['widget', 'post']), post('Home', ['nav'])], CALIBRATION)]).toEqual(['widget']);
  });
  it('never treats navigation as structure', () => {
    expect(structuralTokens([post(long, ['nav']), post(long, ['nav'])], CALIBRATION).size).toBe(0);
  });
});
