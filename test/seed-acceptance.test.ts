import { readFileSync } from 'node:fs';
import { declutter, score } from '../src/index.js';
import { jest } from '@jest/globals';
import { PROCESS_TEST_MS } from './support/timeouts.js';

// The seed page is cleaned at each favor setting.
jest.setTimeout(PROCESS_TEST_MS);

/**
 * The seed page: a magazine page dumped to text (navigation, headline lists, share buttons, footer) around one
 * news story, and a clean copy of the same story from another outlet (it differs in a few words, so a perfect
 * extraction scores 0.970 Zyte F1 against it).
 */
const page = readFileSync(new URL('./pages/seed/source.txt', import.meta.url));
const reference = readFileSync(new URL('./pages/seed/reference.txt', import.meta.url), 'utf8');

describe('seed page', () => {
  const article = declutter(page);
  const paragraphs = article.text.split('\n\n');

  it('keeps exactly the eleven article paragraphs', () => {
    expect(article.ok).toBe(true);
    expect(article.extractor).toBe('text');
    expect(paragraphs).toHaveLength(11);
    expect(paragraphs[0]).toMatch(/^A senior Chinese Internet affairs official/);
    expect(paragraphs[10]).toMatch(/cyber culture\.$/);
  });

  it('keeps no menu, headline, share or footer line', () => {
    for (const line of ['Share', 'Official Urges China-U.S. Trust on Cyber Security', 'Top Story', 'Most Popular',
      'Subscribe Now >>', 'UPDATED: April 10, 2013', '(Xinhua News Agency April 9, 2013)', 'Copyright Beijing Review All right reserved']) {
      expect(paragraphs).not.toContain(line);
    }
    expect(article.text).not.toMatch(/Copyright|Useful Links|Table of Contents/);
  });

  it('scores at least 0.95 Zyte F1 against the clean reference', () => {
    expect(score(article.text, reference).zyte.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('says why each removed block went', () => {
    const share = article.blocks.find((b) => b.text === 'Share');
    expect(share?.label).toBe('boilerplate');
    expect(share?.reasons).toContain('menu:share');
  });
});
