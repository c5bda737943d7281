import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declutter } from '../src/index.js';
import { jest } from '@jest/globals';
import { describeDisagreements, disagreements } from './support/page-diff.js';
import { PROCESS_TEST_MS } from './support/timeouts.js';

// Every regression page is cleaned.
jest.setTimeout(PROCESS_TEST_MS);

/**
 * Regression pages: one folder per page under test/pages/<slug>/ with
 *   source.html | source.txt   the page as scraped
 *   expected.txt               the article text a reader wants, written and reviewed by hand
 *   expected.json (optional)   fields the Article must have (ok, reason, metadata…), compared as a subset
 *   must-contain.txt (optional) lines the output must contain, whatever else happens
 *   known-gap.md (optional)    why declutter does not yet produce expected.txt exactly
 * Folders are discovered automatically; `npm run add-page -- FILE SLUG` starts a new one.
 * A page with a known gap has its exact match marked failing, so the day it passes the suite says so and the
 * note can go; its must-contain lines still pin what already works. A page whose text differs prints the blocks
 * whose label disagrees with expected.txt, each with its trace (see support/page-diff.ts), not the whole text.
 */
const root = new URL('./pages/', import.meta.url).pathname;
const slugs = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe.each(slugs)('page %s', (slug) => {
  const dir = join(root, slug);
  const sourceName = ['source.html', 'source.txt'].find((f) => existsSync(join(dir, f)));
  if (sourceName === undefined) throw new Error(`${dir}: no source.html or source.txt`);
  const article = declutter(readFileSync(join(dir, sourceName)));
  const expected = readFileSync(join(dir, 'expected.txt'), 'utf8').trimEnd();
  const gap = existsSync(join(dir, 'known-gap.md'));

  (gap ? it.failing : it)('extracts exactly the expected text', () => {
    if (article.text !== expected) throw new Error(`${slug}: the text differs from expected.txt\n${describeDisagreements(article, expected)}`);
  });

  const mustPath = join(dir, 'must-contain.txt');
  if (existsSync(mustPath)) {
    it('contains every must-contain line', () => {
      const lines = readFileSync(mustPath, 'utf8').split('\n').filter((l) => l.trim().length > 0);
      for (const line of lines) expect(article.text).toContain(line);
    });
  }

  const jsonPath = join(dir, 'expected.json');
  if (existsSync(jsonPath)) {
    it('has the expected fields', () => {
      expect(article).toMatchObject(JSON.parse(readFileSync(jsonPath, 'utf8')));
    });
  }
});

describe('the report of a page that fails', () => {
  const page = [
    'Home', 'News', 'Sport',
    'The council met on Monday and voted to repair the old bridge over the river before the winter comes.',
    'Engineers said the work would take two years, and that the bridge would stay open to walkers throughout.',
    'Share this story',
    'Copyright 2024 The Example Gazette. All rights reserved.',
  ].join('\n');
  const article = declutter(page, { input: 'text' });
  const kept = article.blocks.filter((b) => b.label === 'content').map((b) => b.text);

  it('names no block when the output is the expected text', () => {
    expect(disagreements(article, article.text)).toEqual({ blocks: [], unaccounted: [] });
  });

  it('names the blocks kept or removed against the expected text, with their traces, and the text no block gives', () => {
    expect(kept).toHaveLength(2);
    const expected = ['News', kept[0], 'A paragraph the page does not have.', kept[1]].join('\n\n');
    const { blocks, unaccounted } = disagreements(article, expected);
    expect(blocks.map((d) => [d.block.text, d.expected])).toEqual([['News', 'content']]);
    expect(unaccounted).toEqual(['A paragraph the page does not have.']);
    const report = describeDisagreements(article, expected);
    expect(report).toMatch(/\[1\] removed, expected kept: paragraph "News"/);
    expect(report).toContain('short(-1.5)');
    expect(report).toContain('expected text no block gives: "A paragraph the page does not have."');
  });
});
