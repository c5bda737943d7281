import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declutter } from '../src/index.js';
import { jest } from '@jest/globals';
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
 * note can go; its must-contain lines still pin what already works.
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
    expect(article.text).toBe(expected);
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
