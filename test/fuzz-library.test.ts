/**
 * Property-based tests of the library over hostile input: declutter() never throws, always returns an Article
 * (empty ones with a typed reason), writes only well-formed text (valid UTF-8), invents no word, and gives the
 * same output for the same input. Fixed seed and bounded counts here; `npm run fuzz` runs many more cases.
 */
import fc from 'fast-check';
import { declutter, renderHtml, renderJson, renderMarkdown, renderExplain, score, type Article } from '../src/index.js';
import { DeclutterOptionsError, type DeclutterOptions } from '../src/options.js';
import { segmentText } from '../src/extract/text/index.js';
import {
  anyCodeUnit, checkArticle, countCase, damage, describeInput, fuzzParams, inventedWords, isWellFormed, reportSlowest,
  sampleDumps, samplePages, tagSoup, textDump, timed,
} from './support/fuzz.js';
import { jest } from '@jest/globals';
import { HEAVY_TEST_MS } from './support/timeouts.js';
import { datasetsPresent } from './support/datasets.js';

// Properties clean hundreds of generated and real pages.
jest.setTimeout(HEAVY_TEST_MS);

afterAll(() => reportSlowest('fuzz-library'));

/** Valid options, at the edges of what they accept: declutter() takes them without throwing. */
const optionsArb: fc.Arbitrary<Partial<DeclutterOptions>> = fc.record(
  {
    input: fc.constantFrom('auto', 'html', 'text') as fc.Arbitrary<DeclutterOptions['input']>,
    favor: fc.constantFrom('balanced', 'precision', 'recall') as fc.Arbitrary<DeclutterOptions['favor']>,
    url: fc.constantFrom('https://example.com/a/b', 'http://[::1]/x', 'urn:isbn:0451450523', 'file:///tmp/a.html'),
    maxBytes: fc.constantFrom(1, 100, 1e9, Number.POSITIVE_INFINITY, 2 ** 53),
    contentType: fc.constantFrom('text/html; charset=iso-8859-1', 'text/plain', 'nonsense', ''),
  },
  { requiredKeys: [] },
);

/** Options with at least one bad value: declutter() throws DeclutterOptionsError for them, and nothing else. */
const badOptionsArb: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    optionsArb,
    fc.constantFrom<[string, unknown]>(
      ['input', 'pdf'], ['favor', 'nonsense'], ['favor', null], ['maxBytes', 0], ['maxBytes', -1], ['maxBytes', Number.NaN],
      ['maxBytes', '64MB'], ['url', 'not a url'], ['url', 'http://[::1'], ['url', ''], ['contentType', 7], ['favour', 'recall'],
    ),
  )
  .map(([options, [key, value]]) => ({ ...options, [key]: value }));

/** Runs declutter, checks the shape, the renderers and "invents nothing"; returns the article. */
function check(input: string | Uint8Array, options: Partial<DeclutterOptions> = {}): Article {
  const article = timed(() => describeInput(input), () => declutter(input, options));
  checkArticle(article);
  for (const out of [renderJson(article), renderMarkdown(article), renderHtml(article), renderExplain(article)]) {
    if (!isWellFormed(out)) throw new Error('a renderer wrote a lone surrogate');
  }
  const invented = inventedWords(input, article, options.input ?? 'auto');
  if (invented.length > 0) throw new Error(`invented words: ${invented.slice(0, 10).join(', ')}`);
  return article;
}

describe('declutter() refuses bad options with one error type', () => {
  test('any bad option value, beside good ones', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), badOptionsArb, (text, options) => {
      expect(() => declutter(text, options as Partial<DeclutterOptions>)).toThrow(DeclutterOptionsError);
    }), fuzzParams('bad options', 200));
  });

  test('an input that is neither a string nor bytes', () => {
    for (const input of [null, undefined, 42, {}, [1, 2], new ArrayBuffer(4)]) {
      expect(() => declutter(input as unknown as string)).toThrow(DeclutterOptionsError);
    }
  });
});

describe('declutter() never throws and invents nothing', () => {
  test('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), optionsArb, (bytes, options) => {
      check(bytes, options);
    }), fuzzParams('random bytes', 300));
  });

  test('random strings of any UTF-16 code units (lone surrogates, NULs, controls)', () => {
    fc.assert(fc.property(fc.string({ unit: anyCodeUnit, maxLength: 2000 }), optionsArb, (text, options) => {
      check(text, options);
    }), fuzzParams('random code units', 300));
  });

  test('random Unicode strings, as a string and as UTF-8 bytes', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
      check(text);
      check(new TextEncoder().encode(text));
    }), fuzzParams('random unicode', 200));
  });

  test('random tag soup: unbalanced, unclosed and misnested tags, hostile attributes and entities', () => {
    fc.assert(fc.property(tagSoup, optionsArb, (html, options) => {
      check(html, options);
    }), fuzzParams('tag soup', 400));
  });

  test('random text dumps: menus, bullets, blank and control-character lines', () => {
    fc.assert(fc.property(textDump, (text) => {
      check(text);
      check(text, { input: 'text' });
    }), fuzzParams('text dumps', 200));
  });

  test('a random snippet of tag soup repeated to ~250 KB: done within a generous budget (no quadratic path)', () => {
    // Typical time is 50–200 ms; a path quadratic in the repetitions takes seconds at this size.
    const budgetMs = 4000;
    fc.assert(fc.property(tagSoup.filter((s) => s.length >= 20), (snippet) => {
      const page = snippet.repeat(Math.ceil(250_000 / snippet.length));
      const start = performance.now();
      check(page);
      const ms = performance.now() - start;
      if (ms > budgetMs) throw new Error(`${ms.toFixed(0)} ms on ${JSON.stringify(snippet.slice(0, 200))} repeated`);
    }), fuzzParams('pumped tag soup', 15));
  });

  test('the same input gives the same output', () => {
    fc.assert(fc.property(tagSoup, (html) => {
      expect(JSON.stringify(declutter(html))).toBe(JSON.stringify(declutter(html)));
    }), fuzzParams('determinism', 50));
  });
});

(datasetsPresent('fuzz-library.test.ts') ? describe : describe.skip)('real pages from the dev sets, truncated and damaged', () => {
  const pages = samplePages(6);
  const dumps = sampleDumps(4);

  test('the sample is present', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(dumps.length).toBeGreaterThan(0);
  });

  test.each(pages.map((p) => [p.name, p.bytes] as const))('%s: cut at 40 points, each prefix', (_name, bytes) => {
    const points = 40;
    countCase('page prefixes', points);
    for (let i = 1; i <= points; i++) check(bytes.subarray(0, Math.floor((bytes.length * i) / points)));
  });

  test.each(pages.map((p) => [p.name, p.bytes] as const))('%s: random damage', (_name, bytes) => {
    fc.assert(fc.property(damage(bytes), (damaged) => {
      check(damaged);
    }), fuzzParams('damaged pages', 12));
  });

  test.each(dumps.map((d) => [d.name, d.text] as const))('%s: text dump, random damage', (_name, text) => {
    fc.assert(fc.property(damage(new TextEncoder().encode(text)), (damaged) => {
      check(damaged, { input: 'text' });
    }), fuzzParams('damaged text dumps', 12));
  });
});

describe('score() never throws', () => {
  /** Every number in the scores, however deep, with its name. */
  const numbers = (value: unknown, name = ''): [string, number][] =>
    typeof value === 'number'
      ? [[name, value]]
      : typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([k, v]) => numbers(v, k)) : [];
  const COUNTS = new Set(['tp', 'fp', 'fn']);

  test('on random strings, text dumps and tag soup: rates from 0 to 1, counts whole and not negative', () => {
    const text = fc.oneof(fc.string({ unit: anyCodeUnit, maxLength: 500 }), fc.string({ unit: 'binary', maxLength: 500 }), textDump, tagSoup);
    fc.assert(fc.property(text, text, (candidate, reference) => {
      const scores = timed(() => `score ${describeInput(candidate)}`, () => score(candidate, reference));
      for (const [name, n] of numbers(scores)) {
        const ok = COUNTS.has(name) ? Number.isInteger(n) && n >= 0 : Number.isFinite(n) && n >= 0 && n <= 1;
        if (!ok) throw new Error(`${name} out of range: ${n}`);
      }
    }), fuzzParams('score', 200));
  });
});

describe('the "invents nothing" oracle', () => {
  const sentence = 'The <b>quick</b> brown fox jumps over the lazy dog, again and again, and it does so all day long.';
  const page = `<html><body><article><p>${sentence} ${sentence}</p><p>${sentence}</p><p>${sentence} ${sentence}</p>`
    + '<script>var secret = "hidden";</script></article></body></html>';

  test('accepts what the page shows, words split by markup included', () => {
    const article = declutter(page);
    expect(article.ok).toBe(true);
    expect(inventedWords(page, article)).toEqual([]);
  });

  test('flags a word the page does not show, and script code', () => {
    const article = declutter(page);
    expect(inventedWords(page, { ...article, text: `${article.text} giraffe` })).toEqual(['giraffe']);
    expect(inventedWords(page, { ...article, text: 'secret hidden' })).toEqual(['secret', 'hidden']);
  });
});

describe('text segmentation', () => {
  /** The line normalisation as the text extractor defines it, without its shortcut for already clean lines. */
  const reference = (line: string) => line.replace(/[\s\u00a0\u2000-\u200b\u3000]+/gu, ' ').trim();

  test('lines with clean spacing skip the white-space replacement and come out the same', () => {
    const spacing = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u2009', '\u200b', '\u3000', '\ufeff', '\u2028', '\u0000', '\f', '\v', '');
    const line = fc.array(fc.tuple(fc.constantFrom('word', 'Wörter', '中文', '•', '1.', '|'), spacing), { maxLength: 12 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(fc.property(fc.tuple(spacing, line), ([lead, text]) => {
      const raw = lead + text;
      const blocks = segmentText(raw);
      const expected = reference(raw);
      expect(blocks.map((b) => b.text)).toEqual(expected.length > 0 ? [expected] : []);
    }), fuzzParams('text line normalisation', 300));
  });
});
