import { benchmarkScores } from '../src/score/index.js';
import {
  causeOf,
  fieldValue,
  groupSummaries,
  IndexError,
  listPages,
  pageId,
  parseIndex,
  worstPages,
  type EvalRow,
} from '../src/eval/index.js';

const row = (id: string, candidate: string, reference: string): EvalRow => ({
  id,
  file: `${id}.txt`,
  ...benchmarkScores(candidate, reference),
});

describe('page files', () => {
  it('takes the id from every page extension, and nothing else', () => {
    expect(pageId('a.html.gz')).toBe('a');
    expect(pageId('a.b.html')).toBe('a.b');
    expect(pageId('a.htm')).toBe('a');
    expect(pageId('a.txt')).toBe('a');
    expect(pageId('a.txt.gz')).toBe('a');
    expect(pageId('a.md')).toBeUndefined();
    expect(pageId('a.gz')).toBeUndefined();
    expect(pageId('.html')).toBeUndefined();
  });

  it('sorts pages by id and prefers HTML when an id has several files', () => {
    const { pages, duplicates } = listPages(['b.txt', 'a.txt', 'a.html.gz', 'B.html', 'x.json']);
    expect(pages).toEqual([
      { id: 'B', file: 'B.html' },
      { id: 'a', file: 'a.html.gz' },
      { id: 'b', file: 'b.txt' },
    ]);
    expect(duplicates).toEqual([{ id: 'a', used: 'a.html.gz', ignored: ['a.txt'] }]);
  });
});

describe('worst pages and their cause', () => {
  const ref = 'one two three four five six seven eight';
  it('says lost text for an empty output or the lower recall, kept noise for the lower precision', () => {
    expect(causeOf(benchmarkScores('', ref))).toBe('lost text');
    expect(causeOf(benchmarkScores('one two three four five six', ref))).toBe('lost text');
    expect(causeOf(benchmarkScores(`${ref} nine ten eleven`, ref))).toBe('kept noise');
    expect(causeOf(benchmarkScores('menu words here', ''))).toBe('kept noise');
    expect(causeOf(benchmarkScores('nothing in common at all', ref))).toBe('both');
  });

  it('lists the pages below F1 1, lowest first, ties by word F1 then id', () => {
    const rows = [
      row('perfect', ref, ref),
      row('b-empty', '', ref),
      row('a-empty', '', ref),
      row('half', 'one two three four five', ref),
    ];
    expect(worstPages(rows).map((w) => w.id)).toEqual(['a-empty', 'b-empty', 'half']);
    expect(worstPages(rows, 1)).toHaveLength(1);
  });
});

describe('index and groups', () => {
  it('parses JSON Lines by id, skipping blank lines', () => {
    const index = parseIndex('{"id":"a","page_type":"article","spa":false}\n\n{"id":7,"page_type":null}\n');
    expect([...index.keys()]).toEqual(['a', '7']);
    expect(fieldValue(index.get('a'), 'page_type')).toBe('article');
    expect(fieldValue(index.get('a'), 'spa')).toBe('false');
    expect(fieldValue(index.get('7'), 'page_type')).toBeUndefined();
    expect(fieldValue(undefined, 'page_type')).toBeUndefined();
  });

  it('names the first bad line', () => {
    expect(() => parseIndex('{"id":"a"}\n[1]\n')).toThrow(new IndexError(2, 'not a JSON object'));
    expect(() => parseIndex('{"url":"x"}')).toThrow('line 1: no "id" field');
  });

  it('computes each group\'s means with aggregate, the pages without a value last', () => {
    const ref = 'one two three four five';
    const rows = [row('a', ref, ref), row('b', '', ref), row('c', ref, ref)];
    const groups = groupSummaries(rows, (id) => ({ a: 'x', b: 'x' })[id]);
    expect(groups.map((g) => [g.value, g.summary.pages])).toEqual([
      ['x', 2],
      [null, 1],
    ]);
    // Group x: precision over the page with output (a), recall over both: Zyte P 1, R 0.5.
    expect(groups[0]?.summary.zyte).toMatchObject({ precision: 1, recall: 0.5, pagesWithOutput: 1 });
  });
});
