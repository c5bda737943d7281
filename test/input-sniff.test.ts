/**
 * HTML or text dump: the rules on small cases, and the whole dev data (every text dump must sniff as text,
 * every raw page as HTML). The datasets live beside the repository, in ../shared/datasets.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeInput, sniffKind } from '../src/input/index.js';
import { jest } from '@jest/globals';
import { HEAVY_TEST_MS } from './support/timeouts.js';
import { DATASETS, datasetsPresent } from './support/datasets.js';

// Every page of the dev sets is read and sniffed.
jest.setTimeout(HEAVY_TEST_MS);



describe('sniffKind on small cases', () => {
  test.each([
    '<!DOCTYPE html><html><body><p>x</p></body></html>',
    '<!doctypehtml><title>minified</title>',
    '  \n\ufeff<!-- generated --><!-- twice -->\n<!doctype html>',
    '<HTML><HEAD><TITLE>old</TITLE></HEAD>',
    '<html lang="en">',
    '<head><meta charset="utf-8"></head>',
    '<body class="x">hello</body>',
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
    '<style>.a{}</style>\n\n<!DOCTYPE html>\n<html><head>',
    '<script>var a = 1;</script>\n<!DOCTYPE html>',
    '<div class="post"><p>First paragraph.</p><p>Second paragraph.</p><p>Third.</p></div>',
    '<p>One.</p>\n<p>Two.</p>\n<p>Three <a href="/x">link</a>.</p>\n<p>Four.</p>',
  ])('html: %j', (text) => {
    expect(sniffKind(text)).toBe('html');
  });

  test.each([
    'A plain text dump.\nWith two lines.',
    'In HTML, a paragraph is written <p>like this</p>, and that is all there is to say.\nMore prose.',
    'Components\n  • Common (e.g. <div>)\n  • <form>\n  • <input>\n  • <option>\n  • <select>\n' + 'menu line\n'.repeat(30),
    '<img height="1" width="1" src="x"> <img height="1" width="1" src="y">\n\n  • Politics\n  • Policy\n' + 'text\n'.repeat(20),
    '<Fragment> and <Profiler> are React components.',
    '<?xml version="1.0"?><rss><channel></channel></rss>',
    '',
    '   ',
  ])('text: %j', (text) => {
    expect(sniffKind(text)).toBe('text');
  });

  test('the hint overrides sniffing', () => {
    expect(decodeInput('<!DOCTYPE html><p>x</p>', { hint: 'text' })).toMatchObject({ ok: true, kind: 'text' });
    expect(decodeInput('plain words', { hint: 'html' })).toMatchObject({ ok: true, kind: 'html' });
    expect(decodeInput('plain words')).toMatchObject({ ok: true, kind: 'text' });
  });
});

/** The data sets that have both folders, sorted, so the test names are stable. */
function datasets(): string[] {
  if (!existsSync(DATASETS)) return [];
  return readdirSync(DATASETS)
    .filter((set) => existsSync(path.join(DATASETS, set, 'text')) && existsSync(path.join(DATASETS, set, 'html')))
    .sort();
}

(datasetsPresent('input-sniff.test.ts') ? describe : describe.skip)('sniffKind on the dev datasets', () => {
  const sets = datasets();

  test('the datasets are present beside the repository', () => {
    expect(sets.length).toBeGreaterThan(0);
  });

  test.each(sets)('%s: every text dump sniffs as text', (set) => {
    const dir = path.join(DATASETS, set, 'text');
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(0);
    const wrong = files.filter((f) => sniffKind(readFileSync(path.join(dir, f), 'utf8')) !== 'text');
    expect(wrong).toEqual([]);
  });

  test.each(sets)('%s: every raw page sniffs as HTML, through decodeInput from its gzip bytes', (set) => {
    const dir = path.join(DATASETS, set, 'html');
    const files = readdirSync(dir).filter((f) => f.endsWith('.html.gz'));
    expect(files.length).toBeGreaterThan(0);
    const wrong = files.filter((f) => {
      const raw = readFileSync(path.join(dir, f));
      const direct = sniffKind(gunzipSync(raw).toString('utf8'));
      const decoded = decodeInput(new Uint8Array(raw));
      return direct !== 'html' || !decoded.ok || decoded.kind !== 'html' || !decoded.gzip;
    });
    expect(wrong).toEqual([]);
  });
});
