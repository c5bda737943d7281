import { compileGlob } from '../src/batch/glob.js';
import {
  containerKind,
  folderOutputNames,
  isPageName,
  MAX_NAME_BYTES,
  pageOutputName,
  parseShard,
  RecordNamer,
  safeSegment,
  shardOf,
} from '../src/batch/names.js';

describe('batch output names', () => {
  it('replaces page extensions, gzip included, by the format extension', () => {
    expect(pageOutputName('b.html.gz', '.txt')).toBe('b.txt');
    expect(pageOutputName('b.HTM', '.md')).toBe('b.md');
    expect(pageOutputName('notes.txt', '.json')).toBe('notes.json');
    expect(pageOutputName('page.txt.gz', '.html')).toBe('page.html');
    expect(pageOutputName('v1.2.html', '.txt')).toBe('v1.2.txt');
  });

  it('recognises pages and containers by extension', () => {
    expect(['a.html', 'a.htm', 'a.txt', 'a.html.gz', 'A.TXT.GZ'].every(isPageName)).toBe(true);
    expect(['a.md', 'a.gz', '.html', 'a.jsonl', 'html'].some(isPageName)).toBe(false);
    expect(containerKind('x.jsonl')).toBe('jsonl');
    expect(containerKind('x.jsonl.gz')).toBe('jsonl');
    expect(containerKind('crawl.warc.gz')).toBe('warc');
    expect(containerKind('crawl.wet')).toBe('warc');
    expect(containerKind('x.html')).toBeUndefined();
  });

  it('gives pages of one folder that would share an output their whole names', () => {
    const names = folderOutputNames(['a.html', 'a.txt', 'b.html', 'c.html.gz', 'c.htm'], '.txt');
    expect(names).toEqual(['a.html.txt', 'a.txt.txt', 'b.txt', expect.stringMatching(/^c\.html\.gz/), expect.stringMatching(/^c\.htm/)]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('never lets a second-level clash merge two pages', () => {
    const names = folderOutputNames(['a.html', 'a.txt', 'a.html.txt'], '.txt');
    expect(new Set(names).size).toBe(3);
  });

  it('shortens and hashes a name too long for the file system', () => {
    const long = 'x'.repeat(250) + '.html';
    const out = pageOutputName(long, '.json');
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(out.endsWith('.json')).toBe(true);
    expect(pageOutputName('y'.repeat(250) + '.html', '.json')).not.toBe(out);
  });
});

describe('names made from record ids and URLs', () => {
  const hostile = ['../../etc/passwd', '/etc/passwd', '..', '.', 'a\0b', 'C:\\Windows\\x', '.hidden', 'x/../../y', 'é'.repeat(300), '', ' ', 'https://example.com/a/b?q=1#top'];

  it.each(hostile.map((raw) => [JSON.stringify(raw).slice(0, 40), raw]))('%s becomes one safe path segment', (_label, raw) => {
    const name = safeSegment(raw, '.txt');
    expect(name).not.toMatch(/[/\\\0]/);
    expect(name.startsWith('.')).toBe(false);
    expect(name).not.toBe('..txt');
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(name.endsWith('.txt')).toBe(true);
  });

  it('keeps simple ids as they are and tells different originals apart', () => {
    expect(safeSegment('dev-0001', '.txt')).toBe('dev-0001.txt');
    expect(safeSegment('a/b', '.txt')).not.toBe(safeSegment('a_b', '.txt'));
    expect(safeSegment('a/b', '.txt')).not.toBe(safeSegment('a?b', '.txt'));
    const names = new Set(hostile.map((raw) => safeSegment(raw, '.txt')));
    expect(names.size).toBe(hostile.length);
  });

  it('numbers a repeated record name in input order', () => {
    const namer = new RecordNamer();
    expect(['x', 'y', 'x', 'x', 'x~2'].map((n) => namer.next(n))).toEqual(['x', 'y', 'x~2', 'x~3', 'x~2~2']);
  });
});

describe('--shard', () => {
  it('parses K/N with 1 ≤ K ≤ N', () => {
    expect(parseShard('3/8')).toEqual({ index: 3, count: 8 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '1/0', '1', 'a/b', '-1/4', '1/4/2', '']) expect(parseShard(bad)).toBeUndefined();
  });

  it('puts every key in exactly one shard, the same one every time, and spreads them', () => {
    const keys = Array.from({ length: 4000 }, (_, i) => `folder${i % 13}/page-${i}.html`);
    const first = keys.map((key) => shardOf(key, 5));
    expect(keys.map((key) => shardOf(key, 5))).toEqual(first);
    const counts = [1, 2, 3, 4, 5].map((k) => first.filter((s) => s === k).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(keys.length);
    for (const n of counts) expect(n).toBeGreaterThan(700);
  });
});

describe('globs', () => {
  it('splits the literal base and matches below it', () => {
    const g = compileGlob('pages/**/*.html.gz');
    expect(g.base).toBe('pages');
    expect(g.maxDepth).toBe(Infinity);
    expect(g.regex.test('a.html.gz')).toBe(true);
    expect(g.regex.test('x/y/a.html.gz')).toBe(true);
    expect(g.regex.test('x/a.html')).toBe(false);
  });

  it('supports ?, classes and alternatives within a name', () => {
    const g = compileGlob('site/*/page-?.{html,txt}');
    expect(g.base).toBe('site');
    expect(g.maxDepth).toBe(1);
    expect(g.regex.test('en/page-1.html')).toBe(true);
    expect(g.regex.test('en/page-1.txt')).toBe(true);
    expect(g.regex.test('en/fr/page-1.txt')).toBe(false);
    expect(g.regex.test('en/page-12.txt')).toBe(false);
    expect(compileGlob('[ab]*.html').regex.test('b1.html')).toBe(true);
    expect(compileGlob('[!ab]*.html').regex.test('b1.html')).toBe(false);
    expect(compileGlob('*.html').base).toBe('.');
  });
});
