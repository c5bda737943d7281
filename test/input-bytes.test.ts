/**
 * The byte-level guards of the input stage: gzip by magic, size limits, empty input, binary input, and the
 * cost of decoding a typical page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodeInput, type DecodedInput } from '../src/input/index.js';
import { decodeWindows1252 } from '../src/input/charset.js';
import { controlShare, magicType } from '../src/input/binary.js';
import { formatBytes, tooLargeDetail } from '../src/input/size.js';

const FIXTURES = path.resolve(process.cwd(), 'fixtures/encoding');
const MB = 1024 * 1024;

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

function expectFailure(result: DecodedInput, reason: string): string {
  if (result.ok) throw new Error(`expected ${reason}, got ok (${result.kind}, ${result.encoding})`);
  expect(result.reason).toBe(reason);
  return result.detail;
}

/** A deterministic pseudo-random byte sequence (xorshift), so a failure can be reproduced. */
function pseudoRandomBytes(n: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

describe('gzip is recognised by its magic bytes', () => {
  const expected = readFileSync(path.join(FIXTURES, 'utf-8-page.expected.txt'), 'utf8');

  test.each(['utf-8-page.html.gz', 'gzipped-named.html'])('%s', (name) => {
    const result = decodeInput(fixture(name));
    if (!result.ok) throw new Error(result.detail);
    expect(result.gzip).toBe(true);
    expect(result.text).toBe(expected);
    expect(result.kind).toBe('html');
  });

  test('a gzipped legacy page still has its charset detected after inflation', () => {
    const result = decodeInput(gzipSync(fixture('shift_jis-declared.html')));
    expect(result).toMatchObject({ ok: true, gzip: true, encoding: 'shift_jis' });
  });

  test('a truncated gzip stream yields the part before the cut', () => {
    const page = `<html><body>${'<p>A paragraph of the article that goes on. </p>\n'.repeat(2000)}</body></html>`;
    const packed = gzipSync(Buffer.from(page));
    const result = decodeInput(packed.subarray(0, Math.floor(packed.length / 2)));
    if (!result.ok) throw new Error(result.detail);
    expect(result.gzip).toBe(true);
    expect(result.text.length).toBeGreaterThan(1000);
    expect(page.startsWith(result.text)).toBe(true);
  });

  test('a gzip stream corrupt in the middle yields the clean prefix', () => {
    const words = Array.from(pseudoRandomBytes(40_000), (b) => `w${b.toString(36)}`).join(' ');
    const page = `<html><body><p>${words}</p></body></html>`;
    const packed = Buffer.from(gzipSync(Buffer.from(page)));
    const at = Math.floor(packed.length * 0.6);
    for (let i = at; i < at + 16; i++) packed[i] = 0xff;
    const result = decodeInput(packed);
    if (!result.ok) throw new Error(result.detail);
    // Deflate notices damage some bytes after it, so the tail of the recovered text may be garbled;
    // everything well before the damage must be intact.
    let same = 0;
    while (same < result.text.length && result.text[same] === page[same]) same++;
    expect(same).toBeGreaterThan(page.length * 0.4);
  });

  test('a gzip stream with a bad checksum or trailing garbage still decodes', () => {
    const page = '<html><body><p>Checksum test page.</p></body></html>';
    const packed = Buffer.from(gzipSync(Buffer.from(page)));
    packed[packed.length - 6]! ^= 0xff;
    expect(decodeInput(packed)).toMatchObject({ ok: true, text: page });
    const trailing = Buffer.concat([gzipSync(Buffer.from(page)), Buffer.from('garbage after the member')]);
    expect(decodeInput(trailing)).toMatchObject({ ok: true, text: page });
  });

  test('a gzip header with nothing recoverable is refused as binary', () => {
    const detail = expectFailure(decodeInput(new Uint8Array([0x1f, 0x8b, 0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])), 'binary-input');
    expect(detail).toMatch(/gzip/);
  });

  test('a gzip bomb stops at --max-bytes as too-large', () => {
    const bomb = gzipSync(Buffer.alloc(64 * MB, 0x20));
    expect(bomb.length).toBeLessThan(MB);
    const detail = expectFailure(decodeInput(bomb, { maxBytes: 4 * MB }), 'too-large');
    expect(detail).toBe('gzip input expands to more than --max-bytes 4 MB');
  });

  test('a truncated gzip bomb is too-large too, not a crash', () => {
    const bomb = gzipSync(Buffer.alloc(32 * MB, 0x41));
    expectFailure(decodeInput(bomb.subarray(0, bomb.length - 100), { maxBytes: MB }), 'too-large');
  });

  test('a gzip of empty content is empty-input', () => {
    expectFailure(decodeInput(gzipSync(Buffer.alloc(0))), 'empty-input');
  });
});

describe('size limit', () => {
  test('bytes over --max-bytes are too-large, with the sizes in the message', () => {
    const detail = expectFailure(decodeInput(Buffer.alloc(2 * MB, 0x61), { maxBytes: MB }), 'too-large');
    expect(detail).toBe('input is 2 MB, larger than --max-bytes 1 MB');
  });

  test('the message reads like the example', () => {
    expect(tooLargeDetail(Math.round(70.2 * MB), 64 * MB)).toBe('input is 70.2 MB, larger than --max-bytes 64 MB');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
  });

  test('a string is measured in UTF-8 bytes', () => {
    expect(decodeInput('é'.repeat(600), { maxBytes: 1000 })).toMatchObject({ ok: false, reason: 'too-large' });
    expect(decodeInput('e'.repeat(600), { maxBytes: 1000 }).ok).toBe(true);
  });

  test('exactly --max-bytes is allowed', () => {
    expect(decodeInput(Buffer.alloc(1000, 0x61), { maxBytes: 1000 }).ok).toBe(true);
  });
});

describe('empty input', () => {
  test.each<[string, string | Uint8Array]>([
    ['empty bytes', new Uint8Array(0)],
    ['empty string', ''],
    ['whitespace bytes', Buffer.from(' \n\t\r\n  \f ')],
    ['whitespace string', '   \n\n\t '],
    ['a BOM and whitespace', Buffer.from('\ufeff \n ', 'utf8')],
    ['non-breaking spaces', Buffer.from('\u00a0\u3000\u2003', 'utf8')],
  ])('%s → empty-input', (_name, input) => {
    expectFailure(decodeInput(input), 'empty-input');
  });
});

describe('binary input', () => {
  test.each<[string, Uint8Array, RegExp]>([
    ['PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), /PDF/],
    ['PNG', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pseudoRandomBytes(200)]), /PNG/],
    ['JPEG', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), pseudoRandomBytes(200)]), /JPEG/],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00', 'latin1'), /GIF/],
    ['ZIP/docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('[Content_Types].xml')]), /ZIP/],
    ['WebP', Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'), /WebP/],
    ['ELF', Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), /ELF/],
    ['MP4', Buffer.from('\x00\x00\x00\x20ftypisom\x00\x00\x02\x00', 'latin1'), /MP4/],
    ['wasm', Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]), /WebAssembly/],
    ['random bytes', pseudoRandomBytes(4096), /binary data/],
    ['short random bytes', pseudoRandomBytes(100, 12345), /binary data/],
    ['NUL-filled', new Uint8Array(1000), /binary data/],
    ['a gzipped PDF', gzipSync(Buffer.from('%PDF-1.4\n...')), /PDF/],
  ])('%s → binary-input', (_name, bytes, detail) => {
    expect(expectFailure(decodeInput(bytes), 'binary-input')).toMatch(detail);
  });

  test('the detail names the type when known', () => {
    expect(expectFailure(decodeInput(Buffer.from('%PDF-1.7\n')), 'binary-input')).toBe('looks like a PDF document');
  });

  test('legacy-encoded pages are not binary', () => {
    for (const name of ['gbk-undeclared.html', 'shift_jis-declared.html', 'windows-1252-undeclared.html', 'euc-jp-undeclared.html', 'koi8-r-xml-declared.html']) {
      const bytes = fixture(name);
      expect(magicType(bytes)).toBeUndefined();
      expect(controlShare(bytes)).toBe(0);
      expect(decodeInput(bytes).ok).toBe(true);
    }
  });

  test('UTF-16 is not binary, with or without a BOM', () => {
    for (const name of ['utf-16le-bom.html', 'utf-16be-bom.html', 'utf-16le-no-bom.html']) {
      expect(decodeInput(fixture(name)).ok).toBe(true);
    }
  });

  test('a page with ISO-2022-JP escapes, tabs and form feeds is text', () => {
    expect(decodeInput(Buffer.from('<p>\x1b$BF|K\\8l\x1b(B\tcol\fpage</p>', 'latin1')).ok).toBe(true);
  });

  test('a few stray control bytes in a long page do not make it binary', () => {
    const page = Buffer.from(`<p>${'text '.repeat(400)}\x01\x02\x00${'more '.repeat(400)}</p>`, 'latin1');
    expect(decodeInput(page).ok).toBe(true);
  });
});

describe('windows-1252', () => {
  test('bytes 0x80–0x9F decode to the WHATWG characters, not C1 controls', () => {
    const decoded = decodeWindows1252(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
    expect(decoded[0]).toBe('€');
    expect(decoded.slice(0x11, 0x18)).toBe('‘’“”•–—');
    expect(decoded[0x1f]).toBe('Ÿ');
    expect(decoded[0x01]).toBe('\u0081');
    expect(decodeWindows1252(Buffer.from('caf\xe9 \xa0\xff', 'latin1'))).toBe('café \u00a0ÿ');
  });
});

describe('cost', () => {
  /** A typical 100 KB UTF-8 page: a head with a declared charset, then paragraphs with some non-ASCII text. */
  const page = Buffer.from(
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Un café</title></head><body>' +
      '<p>Le café coûte 3 € — “très” cher. A line of ordinary English text follows here.</p>\n'.repeat(1100) +
      '</body></html>',
    'utf8',
  );

});
