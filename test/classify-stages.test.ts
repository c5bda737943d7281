import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, RawBlock } from '../src/blocks/block.js';
import type { StageName } from '../src/blocks/trace.js';
import { CALIBRATION, resolveCalibration } from '../src/classify/calibration.js';
import { classify, DEFAULT_STAGES, STAGE_NAMES, withoutStages } from '../src/classify/index.js';
import { REASONS, reasonCode, reasonsMarkdown, reasonText } from '../src/classify/reasons.js';
import { smooth } from '../src/classify/smooth.js';
import { declutter, DeclutterOptionsError, renderJson } from '../src/index.js';
import { runCli } from './support/cli.js';
import { scored } from './support/blocks.js';

/** A line of running text, long enough to be confident content on its own. */
const paragraph = (n: number): RawBlock => ({
  text: `This is paragraph number ${n} of the story, and it is long enough to be read as running text by the classifier without any doubt at all.`,
  kind: 'paragraph',
  indent: 0,
});
const line = (text: string, kind: RawBlock['kind'] = 'paragraph'): RawBlock => ({ text, kind, indent: 0 });

/** A small page: a menu, the story under a heading, a share line, a repeated paragraph, a footer. */
const page: RawBlock[] = [
  line('Home'), line('World News'), line('Sport'),
  line('The Bridge Will Be Repaired', 'heading'),
  paragraph(1), paragraph(2), line('Short line between.'), paragraph(3), paragraph(1),
  line('Share'),
  line('Copyright 2024 The Example Gazette. All rights reserved.'),
];

const run = (options: Partial<Parameters<typeof classify>[1]> = {}) =>
  classify(page, { favor: 'balanced', language: 'en', title: 'The Bridge Will Be Repaired', ...options }).blocks;

describe('the stages', () => {
  it('run in the documented order, each with its name', () => {
    expect(DEFAULT_STAGES.map((s) => s.name)).toEqual(['rules', 'smoothing', 'container', 'grids', 'regions', 'repeated-text', 'title']);
    expect(STAGE_NAMES).toEqual(DEFAULT_STAGES.map((s) => s.name));
  });

  it('append to every block\'s trace in stage order; the label is the last entry\'s', () => {
    const order = new Map<StageName, number>(STAGE_NAMES.map((n, i) => [n, i]));
    for (const b of run()) {
      expect(b.trace.length).toBeGreaterThan(0);
      expect(b.label).toBe(b.trace[b.trace.length - 1]!.label);
      const stages = b.trace.map((e) => order.get(e.stage)!);
      expect(stages).toEqual([...stages].sort((x, y) => x - y));
    }
  });

  it('give each rule entry its weight, and the weights sum to the score', () => {
    for (const b of run()) {
      const rules = b.trace.filter((e) => e.stage === 'rules');
      expect(rules.every((e) => typeof e.weight === 'number')).toBe(true);
      expect(b.trace.filter((e) => e.stage !== 'rules').every((e) => e.weight === undefined)).toBe(true);
      expect(rules.reduce((sum, e) => sum + e.weight!, 0)).toBeCloseTo(b.score, 10);
    }
  });

  it('keep block.reasons as the trace\'s reasons, a stage\'s relabelling after an arrow', () => {
    const blocks = run();
    for (const b of blocks) expect(b.reasons).toEqual(b.trace.map(reasonText));
    expect(blocks[8]!.reasons).toEqual(['medium-length', 'stopword-rich', 'sentence-end', '→good', '→repeated-text']);
  });

  it('overwrite nothing: a relabelled block keeps the entries before it', () => {
    const repeated = run()[8]!;
    expect(repeated.trace.map((e) => [e.stage, e.reason, e.label])).toEqual([
      ...repeated.trace.filter((e) => e.stage === 'rules').map((e) => ['rules', e.reason, e.label]),
      ['smoothing', 'good', 'content'],
      ['repeated-text', 'repeated-text', 'boilerplate'],
    ]);
  });

  it('record a heading reconsidered between short lines, then the label its neighbours give it', () => {
    const prose = (i: number) => scored({
      index: i, text: 'A long paragraph of running text that any reader would recognise as the article itself.', kind: 'paragraph',
      features: feature(40), initialLabel: 'content', label: 'content', score: 5, reasons: [],
    });
    const heading = scored({ index: 1, text: 'Start Dress Shopping Early', kind: 'paragraph', features: feature(4), initialLabel: 'boilerplate', label: 'boilerplate', score: -3.5, reasons: [] });
    const next = scored({ index: 2, text: 'Most gowns take months to arrive.', kind: 'paragraph', features: feature(6), initialLabel: 'content', label: 'content', score: 1, reasons: [] });
    smooth([prose(0), heading, next, prose(3)], CALIBRATION);
    expect(heading.trace).toEqual([
      { stage: 'smoothing', label: 'boilerplate', reason: 'line-heading' },
      { stage: 'smoothing', label: 'content', reason: 'between-good' },
    ]);
    expect(heading.reasons).toEqual(['line-heading', '→between-good']);
  });

  it('store the favor preset\'s bias once, in each block\'s biased score, which the later stages read', () => {
    const balanced = run();
    const recall = run({ favor: 'recall' });
    balanced.forEach((b, i) => {
      expect(recall[i]!.score).toBe(b.score);
      expect(recall[i]!.biasedScore).toBe(b.score + CALIBRATION.favor.recall.bias);
    });
    // The heading scores 0: below near-good as it is, above it with the recall preset's bias, so it joins the text
    // (and, as it repeats the page's title, then leaves it for the metadata).
    expect([balanced[3]!.score, balanced[3]!.label]).toEqual([0, 'boilerplate']);
    expect(recall[3]!.reasons).toEqual(['stopword-rich', 'title-case', '→near-good-beside-good', '→title']);
    expect(run({ favor: 'recall', title: undefined })[3]!.label).toBe('content');
  });
});

describe('skipping a stage', () => {
  it('leaves its work undone, and only its work', () => {
    const all = run();
    expect(all[8]!.label).toBe('boilerplate');
    const noRepeats = run({ stages: withoutStages(['repeated-text']) });
    expect(noRepeats[8]!.label).toBe('content');
    expect(noRepeats.some((b) => b.trace.some((e) => e.stage === 'repeated-text'))).toBe(false);
    expect(noRepeats.filter((_, i) => i !== 8).map((b) => b.label)).toEqual(all.filter((_, i) => i !== 8).map((b) => b.label));
  });

  it('of the title keeps the kept block that repeats the page title', () => {
    const title = 'Short line between.';
    expect(run({ title })[6]!.reasons).toEqual(['short', 'sentence-end', '→between-good', '→title']);
    expect(run({ title, stages: withoutStages(['title']) })[6]!.label).toBe('content');
  });

  it('of the rules leaves every block without evidence: smoothing drops them all', () => {
    const blocks = run({ stages: withoutStages(['rules', 'regions']) });
    expect(blocks.every((b) => b.score === 0 && b.tier === 'uncertain' && b.label === 'boilerplate')).toBe(true);
    expect(blocks.every((b) => b.trace.length === 1 && b.trace[0]!.reason === 'between-bad')).toBe(true);
  });

  it('refuses a name that is no stage', () => {
    expect(() => withoutStages(['smoothin'])).toThrow(/no classifier stage named "smoothin" \(the stages: rules, smoothing/);
    expect(() => declutter('text', { skipStages: ['nope' as StageName] })).toThrow(/skipStages must be a list of stages among 'rules'/);
  });

  it('through the library and the --skip-stage flag, repeatable', async () => {
    const seed = 'test/pages/seed/source.txt';
    const html = '<html><head><title>Bridge</title></head><body><h1>Bridge</h1>'
      + `<p>${paragraph(1).text}</p><p>${paragraph(2).text}</p><p>${paragraph(1).text}</p></body></html>`;
    expect(declutter(html).text).not.toContain('Bridge');
    const skipped = declutter(html, { skipStages: ['title', 'repeated-text'] });
    expect(skipped.text.startsWith('Bridge\n\n')).toBe(true);
    expect(skipped.text.split(paragraph(1).text)).toHaveLength(3);
    const cli = await runCli([seed, '--skip-stage', 'smoothing', '--skip-stage', 'regions', '--format', 'json', '--blocks']);
    expect(cli.code).toBe(0);
    const stages = new Set((JSON.parse(cli.stdout) as { blocks: Block[] }).blocks.flatMap((b) => b.trace.map((e) => e.stage)));
    expect([...stages].sort()).toEqual(['container', 'grids', 'repeated-text', 'rules', 'title'].filter((s) => stages.has(s as StageName)).sort());
    expect(stages.has('rules')).toBe(true);
    expect(stages.has('smoothing') || stages.has('regions')).toBe(false);
    const bad = await runCli([seed, '--skip-stage', 'smoothin']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected a stage: rules, smoothing/);
  });
});

describe('the calibration', () => {
  it('is frozen, and an override changes the outcome without touching the defaults', () => {
    expect(Object.isFrozen(CALIBRATION.rules)).toBe(true);
    expect(run()[8]!.label).toBe('boilerplate');
    const calibration = resolveCalibration({ repeatedText: { minWords: 1000 } });
    expect(run({ calibration })[8]!.label).toBe('content');
    expect(calibration.repeatedText.minWords).toBe(1000);
    expect(calibration.rules).toBe(CALIBRATION.rules);
    expect(CALIBRATION.repeatedText.minWords).toBe(8);
  });

  it('is taken by declutter(): a heavier penalty for short lines removes a short paragraph between long ones', () => {
    const text = page.map((b) => b.text).join('\n');
    expect(declutter(text).text).toContain('Short line between.');
    const harsh = declutter(text, { calibration: { rules: { shortWeight: -20 } } });
    expect(harsh.text).not.toContain('Short line between.');
    expect(harsh.blocks[6]!.trace[0]).toEqual({ stage: 'rules', label: 'boilerplate', reason: 'short', weight: -20 });
  });

  it('refuses an override naming no value, or a value of the wrong type', () => {
    expect(() => resolveCalibration({ rules: { longWord: 3 } } as never)).toThrow('calibration.rules.longWord: no such calibration value');
    expect(() => resolveCalibration({ rules: { longWords: '30' } } as never)).toThrow('calibration.rules.longWords: expected a finite number, got "30"');
    expect(() => resolveCalibration({ rules: { longWords: Number.NaN } })).toThrow(/expected a finite number, got NaN/);
    expect(() => resolveCalibration({ shapes: { pageProse: { bullets: 1 } } } as never)).toThrow('calibration.shapes.pageProse.bullets: expected a boolean, got 1');
    expect(() => resolveCalibration({ rules: 3 } as never)).toThrow('calibration.rules: expected an object of calibration values');
    expect(() => declutter('text', { calibration: { nope: {} } as never })).toThrow(new DeclutterOptionsError('calibration', 'calibration.nope: no such calibration value'));
  });

  it('gives every value a line of why in the source, and nothing else', () => {
    const source = readFileSync(new URL('../src/classify/calibration.ts', import.meta.url), 'utf8');
    const lines = source.slice(source.indexOf('export const CALIBRATION'), source.indexOf('\n});\n')).split('\n');
    const values: string[] = [];
    const undocumented: string[] = [];
    lines.forEach((l, i) => {
      const m = /^ {4}(\w+): /.exec(l);
      if (m === null) return;
      values.push(m[1]!);
      if (!lines[i - 1]!.trimEnd().endsWith('*/')) undocumented.push(m[1]!);
    });
    // Every value of every section is written at this indentation (a cut such as pageProse on one line, with its why).
    expect(values.sort()).toEqual(Object.values(CALIBRATION).flatMap((section) => Object.keys(section)).sort());
    expect(undocumented).toEqual([]);
  });
});

describe('the reasons', () => {
  /** Every regression page and the seed page, through both extractors where they apply. */
  const pagesRoot = new URL('./pages/', import.meta.url).pathname;
  const sources = readdirSync(pagesRoot).flatMap((slug) =>
    ['source.html', 'source.txt'].map((f) => join(pagesRoot, slug, f)).filter((f) => existsSync(f)));

  it('that any page\'s trace holds are all described', () => {
    const seen = new Set<string>();
    for (const file of sources) {
      for (const favor of ['balanced', 'precision', 'recall'] as const) {
        for (const b of declutter(readFileSync(file), { favor }).blocks) for (const e of b.trace) seen.add(e.reason);
      }
    }
    for (const b of run()) for (const e of b.trace) seen.add(e.reason);
    expect(seen.size).toBeGreaterThan(30);
    const undescribed = [...seen].filter((r) => !Object.hasOwn(REASONS, reasonCode(r as never)));
    expect(undescribed).toEqual([]);
  });

  it('are listed in the README as the table has them (node scripts/readme-reasons.mjs rewrites the list)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const listed = readme.slice(readme.indexOf('<!-- reasons:start -->\n') + 23, readme.indexOf('\n<!-- reasons:end -->'));
    expect(listed).toBe(reasonsMarkdown());
    expect(listed.split('\n')).toHaveLength(Object.keys(REASONS).length + 2);
  });

  it('each have a one-line description', () => {
    for (const [code, info] of Object.entries(REASONS)) {
      expect([code, info.description.length > 10 && !info.description.includes('\n')]).toEqual([code, true]);
    }
  });

  it('come with their weights in --explain and their trace in --format json', async () => {
    const explain = await runCli(['test/pages/seed/source.txt', '--explain']);
    expect(explain.stdout).toMatch(/ medium-length\(\+1\.5\) stopword-rich\(\+1\) sentence-end\(\+1\) →good \| A senior Chinese/);
    const doc = JSON.parse(renderJson(declutter(readFileSync('test/pages/seed/source.txt')), { blocks: true })) as { blocks: Block[] };
    const share = doc.blocks.find((b) => b.text === 'Share')!;
    expect(share.trace).toContainEqual({ stage: 'rules', label: 'boilerplate', reason: 'menu:share', weight: -3 });
    expect(share.trace[share.trace.length - 1]!.label).toBe(share.label);
  });
});

function feature(words: number): Block['features'] {
  return {
    words, chars: words * 6, stopwordDensity: 0.3, terminalPunctuation: false, sentences: 0, capitalisedRatio: 0.8,
    bullet: false, digitRatio: 0, menuPattern: undefined, position: 0, linkDensity: 0, indent: 0,
  };
}
