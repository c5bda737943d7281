import { aggregate, benchmarkScores, mean, type PageScore } from '../src/score/index.js';

const closeTo = (value: number) => expect.closeTo(value, 10);

function page(id: string, candidate: string, reference: string): PageScore {
  return { id, ...benchmarkScores(candidate, reference) };
}

describe('aggregate', () => {
  // Three pages, hand-computed:
  //   A: output "alpha beta gamma delta epsilon", reference "alpha beta gamma delta"
  //      shingles [αβγδ, βγδε] vs [αβγδ]: tp 1, fp 1, fn 0 → P 1/2, R 1
  //      words {α β γ δ ε} vs {α β γ δ}: tp 4, fp 1, fn 0 → P 0.8, R 1, F1 = 1.6/1.8 = 8/9
  //   B: output "alpha beta gamma delta", reference "alpha beta gamma delta epsilon"
  //      shingles: tp 1, fp 0, fn 1 → P 1, R 1/2;  words: P 1, R 0.8, F1 8/9
  //   C: empty output, reference "alpha beta gamma delta"
  //      shingles: tp 0, fp 0, fn 1 → P 0, R 0;     words: P 0, R 0, F1 0
  // Zyte (scrapinghub method):
  //   precision over pages with output (A, B) = (1/2 + 1) / 2 = 0.75   ← C is left out
  //   recall over all pages (A, B, C)          = (1 + 1/2 + 0) / 3 = 0.5 ← C counts as 0
  //   F1 = 2 · 0.75 · 0.5 / 1.25 = 0.6
  //   (a mean of per-page F1 would give (2/3 + 2/3 + 0) / 3 ≈ 0.444: not the published method)
  // WCXB: means over all pages: F1 (8/9 + 8/9 + 0) / 3 = 16/27, P (0.8 + 1 + 0) / 3 = 0.6, R (1 + 0.8 + 0) / 3 = 0.6
  const rows = [
    page('A', 'alpha beta gamma delta epsilon', 'alpha beta gamma delta'),
    page('B', 'alpha beta gamma delta', 'alpha beta gamma delta epsilon'),
    page('C', '', 'alpha beta gamma delta'),
  ];

  it('averages Zyte precision over pages with output only, and recall over all pages', () => {
    const { zyte } = aggregate(rows);
    expect(zyte.precision).toEqual(closeTo(0.75));
    expect(zyte.recall).toEqual(closeTo(0.5));
    expect(zyte.f1).toEqual(closeTo(0.6));
    expect(zyte.pagesWithOutput).toBe(2);
    expect(zyte.pagesWithReference).toBe(3);
  });

  it('averages WCXB word figures over all pages', () => {
    const summary = aggregate(rows);
    expect(summary.pages).toBe(3);
    expect(summary.words.f1).toEqual(closeTo(16 / 27));
    expect(summary.words.precision).toEqual(closeTo(0.6));
    expect(summary.words.recall).toEqual(closeTo(0.6));
  });

  it('follows the published script on pages with an empty reference', () => {
    // D: output against an empty reference: precision 0 counts; recall is undefined and left out.
    // E: empty output and empty reference: left out of both Zyte means; its word F1 is 1.
    const withEmptyReferences = [
      ...rows,
      page('D', 'alpha beta gamma delta', ''),
      page('E', '', ''),
    ];
    const summary = aggregate(withEmptyReferences);
    // precision (1/2 + 1 + 0) / 3 = 0.5; recall still (1 + 1/2 + 0) / 3 = 0.5; F1 0.5
    expect(summary.zyte.precision).toEqual(closeTo(0.5));
    expect(summary.zyte.recall).toEqual(closeTo(0.5));
    expect(summary.zyte.f1).toEqual(closeTo(0.5));
    expect(summary.zyte.pagesWithOutput).toBe(3);
    expect(summary.zyte.pagesWithReference).toBe(3);
    // words F1 (8/9 + 8/9 + 0 + 0 + 1) / 5
    expect(summary.words.f1).toEqual(closeTo((16 / 9 + 1) / 5));
  });

  it('counts as accurate the pages whose tokens are exactly the reference\'s, over every page', () => {
    const exact = [page('A', 'alpha, beta: gamma!', 'alpha beta gamma'), page('B', 'alpha beta', 'alpha beta gamma')];
    expect(aggregate(exact).zyte.accuracy).toBe(0.5);
    expect(aggregate([...exact, page('C', '', '')]).zyte.accuracy).toEqual(closeTo(2 / 3));
  });

  it('records the token method the rows were scored with', () => {
    expect(aggregate(rows).tokens).toBe('published');
    expect(aggregate(rows, 'words').tokens).toBe('words');
  });

  it('gives zero means, never NaN, for no pages', () => {
    expect(aggregate([])).toEqual({
      pages: 0,
      tokens: 'published',
      zyte: { precision: 0, recall: 0, f1: 0, pagesWithOutput: 0, pagesWithReference: 0, accuracy: 0 },
      words: { precision: 0, recall: 0, f1: 0 },
    });
    expect(mean([])).toBe(0);
  });
});
