/**
 * Charset decoding: each fixture page in fixtures/encoding/ (written by make-fixtures.py with Python's
 * codecs) must decode to exactly the UTF-8 text it was made from.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeInput, type DecodedInput } from '../src/input/index.js';
import { declaredEncoding, resolveLabel, tallyUtf8 } from '../src/input/charset.js';

const FIXTURES = path.resolve(process.cwd(), 'fixtures/encoding');

function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

function expectedText(name: string): string {
  return readFileSync(path.join(FIXTURES, `${name.split('.')[0]}.expected.txt`), 'utf8');
}

function decodeOk(input: string | Uint8Array, opts?: Parameters<typeof decodeInput>[1]): Extract<DecodedInput, { ok: true }> {
  const result = decodeInput(input, opts);
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.detail}`);
  return result;
}

describe('fixture pages decode to the text they were written from', () => {
  const cases: Array<[file: string, encoding: string, source: string]> = [
    ['windows-1252-declared.html', 'windows-1252', 'declared'],
    ['windows-1252-undeclared.html', 'windows-1252', 'detected'],
    ['gbk-declared.html', 'gbk', 'declared'],
    ['gbk-undeclared.html', 'gb18030', 'detected'],
    ['shift_jis-declared.html', 'shift_jis', 'declared'],
    ['euc-jp-undeclared.html', 'euc-jp', 'detected'],
    ['euc-kr-declared.html', 'euc-kr', 'declared'],
    ['koi8-r-xml-declared.html', 'koi8-r', 'declared'],
    ['utf-16le-bom.html', 'utf-16le', 'bom'],
    ['utf-16be-bom.html', 'utf-16be', 'bom'],
    ['utf-16le-no-bom.html', 'utf-16le', 'detected'],
    ['utf-8-bom.html', 'utf-8', 'bom'],
    ['utf-8-declared-latin1.html', 'utf-8', 'detected'],
  ];

  test.each(cases)('%s → %s (%s)', (file, encoding, source) => {
    const result = decodeOk(fixtureBytes(file));
    expect(result.text).toBe(expectedText(file));
    expect(result.encoding).toBe(encoding);
    expect(result.encodingSource).toBe(source);
    expect(result.kind).toBe('html');
    expect(result.gzip).toBe(false);
  });

  test('the expectations hold the characters that matter (a guard against a broken expected file)', () => {
    const french = expectedText('windows-1252-declared.html');
    for (const ch of ['é', '€', '“', '”', '’', '…', 'œ', 'Ÿ', '™']) expect(french).toContain(ch);
    expect(expectedText('gbk-declared.html')).toContain('中华人民共和国');
    expect(expectedText('shift_jis-declared.html')).toContain('東京は日本の首都');
  });

  test('Windows line breaks become \\n', () => {
    const raw = fixtureBytes('windows-1252-declared.html');
    expect(raw.includes(0x0d)).toBe(true);
    expect(decodeOk(raw).text).not.toContain('\r');
  });

  test('a Content-Type header charset is used when the page declares nothing', () => {
    const result = decodeOk(fixtureBytes('windows-1251-header.html'), { contentType: 'text/html; charset=windows-1251' });
    expect(result.text).toBe(expectedText('windows-1251-header.html'));
    expect(result.encodingSource).toBe('declared');
  });

  test('the Content-Type header outranks the <meta> declaration', () => {
    // 0xe9 is "é" in windows-1252 and "й" in windows-1251.
    const bytes = Buffer.from('<meta charset="windows-1252"><p>caf\xe9</p>', 'latin1');
    expect(decodeOk(bytes).text).toBe('<meta charset="windows-1252"><p>caf\u00e9</p>');
    const result = decodeOk(bytes, { contentType: 'text/html;charset="windows-1251"' });
    expect(result.text).toBe('<meta charset="windows-1252"><p>caf\u0439</p>');
  });
});

describe('declarations are weighed against the bytes', () => {
  const frenchLatin1 = Buffer.from('<meta charset="utf-8"><p>Le caf\xe9 co\xfbte 3 \x80, d\xe9j\xe0 l\x92\xe9t\xe9.</p>', 'latin1');

  test('declared UTF-8 but the bytes are windows-1252: detection wins', () => {
    const result = decodeOk(frenchLatin1);
    expect(result.encoding).toBe('windows-1252');
    expect(result.encodingSource).toBe('detected');
    expect(result.text).toContain('Le café coûte 3 €, déjà l’été.');
  });

  test('declared UTF-8 with a truncated last character stays UTF-8', () => {
    const bytes = Buffer.from('<meta charset="utf-8"><p>Ünïcödé 中文 text, cut in the mid\u4e2d', 'utf8');
    const result = decodeOk(bytes.subarray(0, bytes.length - 1));
    expect(result.encoding).toBe('utf-8');
    expect(result.text).toContain('Ünïcödé 中文 text');
    expect(result.text.endsWith('mid\ufffd')).toBe(true);
  });

  test('undeclared UTF-8 with one stray windows-1252 byte stays UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('<p>Ünïcödé — “quoted” 中文</p><p>', 'utf8'), Buffer.from([0x93]), Buffer.from('x</p>')]);
    const result = decodeOk(bytes);
    expect(result.encoding).toBe('utf-8');
    expect(result.text).toBe('<p>Ünïcödé — “quoted” 中文</p><p>\ufffdx</p>');
  });

  test('a legacy declaration on bytes that are pure ASCII is honoured', () => {
    const result = decodeOk(Buffer.from('<meta charset="iso-8859-1"><p>plain</p>'));
    expect(result.encoding).toBe('windows-1252');
    expect(result.encodingSource).toBe('declared');
  });

  test('a commented-out <meta> is not a declaration', () => {
    const bytes = Buffer.from('<!-- <meta charset="shift_jis"> --><meta charset="windows-1251"><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>', 'latin1');
    const result = decodeOk(bytes);
    expect(result.encoding).toBe('windows-1251');
    expect(result.text).toContain('Привет');
  });

  test('an unknown label falls back to detection, never an exception', () => {
    const bytes = Buffer.from(readFileSync(path.join(FIXTURES, 'gbk-undeclared.html')));
    const relabelled = Buffer.concat([Buffer.from('<meta charset="foo-bar">'), bytes]);
    const result = decodeOk(relabelled);
    expect(result.encodingSource).toBe('detected');
    expect(result.text).toBe('<meta charset="foo-bar">' + expectedText('gbk-undeclared.html'));
  });

  test('a "replacement" label (iso-2022-kr) is ignored like an unknown one', () => {
    expect(resolveLabel('iso-2022-kr')).toBeUndefined();
    const result = decodeOk(Buffer.from('<meta charset="iso-2022-kr"><p>caf\xe9 cr\xe8me br\xfbl\xe9e</p>', 'latin1'));
    expect(result.text).toContain('café crème brûlée');
  });

  test('a declared UTF-16 without a BOM means UTF-8 (WHATWG)', () => {
    const result = decodeOk(Buffer.from('<meta charset="utf-16"><p>Ünïcödé</p>', 'utf8'));
    expect(result.encoding).toBe('utf-8');
    expect(result.text).toBe('<meta charset="utf-16"><p>Ünïcödé</p>');
  });

  test('undeclared ISO-2022-JP is recognised by its shift sequences', () => {
    // "日本語" in ISO-2022-JP: ESC $ B, the JIS X 0208 codes, ESC ( B.
    const bytes = Buffer.from('<p>\x1b$BF|K\\8l\x1b(B</p>', 'latin1');
    const result = decodeOk(bytes);
    expect(result.encoding).toBe('iso-2022-jp');
    expect(result.text).toBe('<p>日本語</p>');
  });

  test('pure ASCII without a declaration is UTF-8 by default', () => {
    const result = decodeOk(Buffer.from('<p>hello</p>'));
    expect(result).toMatchObject({ encoding: 'utf-8', encodingSource: 'default' });
  });
});

describe('declarations are found where pages put them', () => {
  test.each<[string, string | undefined]>([
    ['<meta charset="utf-8">', 'utf-8'],
    ['<meta charset=ISO-8859-1>', 'windows-1252'],
    ["<META CHARSET='Shift_JIS'>", 'shift_jis'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />', 'gbk'],
    ['<meta content="text/html;charset=EUC-KR" http-equiv="content-type">', 'euc-kr'],
    ['<meta\n  charset="windows-1251"\n>', 'windows-1251'],
    ['<?xml version="1.0" encoding="ISO-8859-2"?><html>', 'iso-8859-2'],
    ["<?xml version='1.0' encoding='koi8-r'?>", 'koi8-r'],
    ['<meta name="description" content="no declaration here">', undefined],
    ['<meta data-charset="big5">', undefined],
    ['<meta charset="foo-bar"><?xml version="1.0" encoding="big5"?>', undefined],
    ['<meta charset="foo-bar"><meta charset="big5">', 'big5'],
    ['<p>charset=big5 in prose</p>', undefined],
  ])('%s → %s', (head, expected) => {
    expect(declaredEncoding(Buffer.from(head, 'latin1'))).toBe(expected);
  });

  test('a declaration after the first 4 KB is not seen', () => {
    expect(declaredEncoding(Buffer.from(`${' '.repeat(5000)}<meta charset="big5">`))).toBeUndefined();
  });

  test('the header charset comes first, and an unknown header label lets the page speak', () => {
    const page = Buffer.from('<meta charset="big5">');
    expect(declaredEncoding(page, 'text/html; charset=euc-jp')).toBe('euc-jp');
    expect(declaredEncoding(page, 'text/html; charset=nonsense')).toBe('big5');
    expect(declaredEncoding(page, 'text/html')).toBe('big5');
  });
});

describe('WHATWG labels in a <meta> never throw', () => {
  /** A sample of labels from the WHATWG Encoding Standard, including the odd ones and the "replacement" family. */
  const LABELS = [
    'unicode-1-1-utf-8', 'utf8', 'UTF-8', 'x-unicode20utf8', 'cp866', 'ibm866', 'csisolatin2', 'iso-ir-101',
    'iso8859-3', 'l4', 'cyrillic', 'iso-8859-6-i', 'ecma-114', 'greek8', 'sun_eu_greek', 'iso-8859-8-e',
    'visual', 'logical', 'iso-8859-10', 'iso885913', 'l9', 'cskoi8r', 'koi8-ru', 'csmacintosh', 'mac',
    'x-mac-ukrainian', 'dos-874', 'tis-620', 'cp1250', 'x-cp1251', 'ascii', 'us-ascii', 'latin1', 'l5',
    'windows-1258', 'x-mac-cyrillic', 'chinese', 'csgb2312', 'gb_2312-80', 'x-gbk', 'gb18030', 'big5-hkscs',
    'cn-big5', 'x-euc-jp', 'csiso2022jp', 'ms932', 'windows-31j', 'x-sjis', 'ks_c_5601-1987', 'windows-949',
    'csiso2022kr', 'hz-gb-2312', 'iso-2022-cn-ext', 'replacement', 'unicodefffe', 'utf-16be', 'ucs-2',
    'utf-16', 'x-user-defined', 'utf-32', 'utf-7', 'foo-bar', '', '"', ' latin1 ', 'ISO_8859-1:1987',
  ];

  test.each(LABELS)('label %j', (label) => {
    const bytes = Buffer.from(`<meta charset="${label}"><p>caf\xe9 \x80 \xa4\xa4\xa4\xe5</p>`, 'latin1');
    let result: DecodedInput | undefined;
    expect(() => {
      result = decodeInput(bytes);
    }).not.toThrow();
    expect(result?.ok).toBe(true);
  });
});

describe('invalid bytes never throw', () => {
  /** Overlong, surrogate, truncated and bare continuation sequences. */
  const INVALID_SEQUENCES = [0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xed, 0xa0, 0x80, 0xc0, 0xaf];

  test('invalid sequences in a UTF-8 page decode as U+FFFD', () => {
    const valid = Buffer.from('<p>Ünïcödé — “quoted” 中文 😀 ‘more’ ✓ àéîõü</p>', 'utf8');
    const bytes = Buffer.concat([valid, Buffer.from(INVALID_SEQUENCES), valid]);
    for (const contentType of [undefined, 'text/html; charset=utf-8']) {
      const result = decodeOk(bytes, contentType === undefined ? {} : { contentType });
      expect(result.encoding).toBe('utf-8');
      expect(result.text).toContain('\ufffd');
      expect(result.text.startsWith(valid.toString('utf8'))).toBe(true);
      expect(result.text.endsWith(valid.toString('utf8'))).toBe(true);
    }
  });

  test('bytes that are nothing but invalid UTF-8 still decode, declared UTF-8 or not', () => {
    for (const contentType of [undefined, 'text/html; charset=utf-8']) {
      const result = decodeInput(new Uint8Array(INVALID_SEQUENCES), contentType === undefined ? {} : { contentType });
      expect(result.ok).toBe(true);
    }
  });

  test('lone surrogates in a string become U+FFFD', () => {
    const result = decodeOk('<p>a\ud800b\udc00c</p>');
    expect(result.text).toBe('<p>a\ufffdb\ufffdc</p>');
    expect(result.encodingSource).toBe('string');
  });

  test('a leading BOM character in a string is dropped and \\r\\n normalised', () => {
    expect(decodeOk('\ufeffline one\r\nline two\rline three').text).toBe('line one\nline two\nline three');
  });

  test('tallyUtf8 counts sequences and errors, and ignores a sequence cut by the end', () => {
    expect(tallyUtf8(Buffer.from('é中😀', 'utf8'))).toEqual({ sequences: 3, errors: 0 });
    expect(tallyUtf8(new Uint8Array([0xe9, 0x20, 0xc0, 0x80, 0xe4, 0xb8]))).toEqual({ sequences: 0, errors: 3 });
  });
});
