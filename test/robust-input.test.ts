/**
 * Hostile inputs built by hand: empty and whitespace-only input, NUL bytes, invalid UTF-8, lone UTF-16
 * surrogates, and every charset label of the WHATWG Encoding Standard declared three ways. declutter must return
 * an Article (never throw), with a typed reason when it is empty, and only well-formed text.
 */
import { Buffer } from 'node:buffer';
import { declutter, renderExplain, type Article } from '../src/index.js';
import { checkArticle, countCase, inventedWords, isWellFormed, reportSlowest, timed } from './support/fuzz.js';
import { WHATWG_ENCODINGS } from './support/whatwg-labels.js';

afterAll(() => reportSlowest('robust-input'));

const PROSE =
  'The council voted on Monday to rebuild the old bridge over the river, which has been closed to traffic since '
  + 'the floods of last winter. Work is expected to begin in the spring and to last for about two years.';

/** An HTML page around `body`, with `head` markup. */
function page(body: string, head = ''): string {
  return `<!doctype html><html><head>${head}<title>Bridge</title></head><body><article>${body}</article></body></html>`;
}

function run(input: string | Uint8Array, what: string): Article {
  countCase('hand-built inputs');
  const article = timed(() => what, () => declutter(input));
  checkArticle(article);
  expect(inventedWords(input, article)).toEqual([]);
  return article;
}

describe('empty and whitespace-only input', () => {
  const blanks: Array<[string, string | Uint8Array]> = [
    ['empty string', ''],
    ['empty bytes', new Uint8Array(0)],
    ['spaces', '     '],
    ['newlines and tabs', '\n\n\t\r\n  \t'],
    ['no-break and ideographic spaces', '\u00a0\u3000\u2003\u00a0'],
    ['a byte order mark only (string)', '\ufeff'],
    ['a UTF-8 byte order mark only (bytes)', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['a UTF-16LE byte order mark and spaces', new Uint8Array([0xff, 0xfe, 0x20, 0x00, 0x0a, 0x00])],
    ['whitespace in UTF-8 bytes', new TextEncoder().encode(' \n\u00a0\u2028 ')],
  ];

  test.each(blanks)('%s → empty-input', (what, input) => {
    const article = run(input, what);
    expect(article).toMatchObject({ ok: false, reason: 'empty-input', text: '' });
  });

  test.each([
    ['an empty document', '<!doctype html><html><head></head><body></body></html>'],
    ['markup without text', '<div><span></span><p>  </p><br><img src=x></div>'],
    ['a comment', '<!-- nothing here -->'],
  ])('%s → an Article without content, with a reason', (what, input) => {
    const article = run(input, what);
    expect(article.ok).toBe(false);
    expect(['empty-input', 'no-main-content']).toContain(article.reason);
  });
});

describe('NUL bytes, invalid UTF-8 and lone surrogates', () => {
  test('NUL characters in a string page: kept out of nothing, never a crash', () => {
    const article = run(page(`<p>${PROSE.replace(/ /g, ' \u0000')}</p>`), 'NULs between words');
    expect(article.ok).toBe(true);
    expect(isWellFormed(article.text)).toBe(true);
  });

  test('a page with a few NUL bytes is text; a file of NUL bytes is refused as binary', () => {
    const bytes = Buffer.from(page(`<p>${PROSE}</p><p>${PROSE}\u0000</p>`));
    expect(run(bytes, 'one NUL byte').ok).toBe(true);
    expect(run(new Uint8Array(4096), '4096 NUL bytes')).toMatchObject({ ok: false, reason: 'binary-input' });
  });

  test.each([
    ['a lone continuation byte', [0x80]],
    ['a truncated 3-byte sequence', [0xe2, 0x82]],
    ['an overlong encoding of "/"', [0xc0, 0xaf]],
    ['an encoded surrogate (CESU-8)', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['bytes that are never UTF-8', [0xfe, 0xff, 0xc1]],
  ])('invalid UTF-8: %s inside prose', (what, seq) => {
    const head = Buffer.from(page(`<p>${PROSE} `));
    const tail = Buffer.from(` ${PROSE}</p>`);
    const bytes = Buffer.concat([head, Buffer.from(seq), tail, Buffer.from(seq)]);
    const article = run(bytes, what);
    expect(article.ok).toBe(true);
    expect(article.text).toContain('rebuild the old bridge');
  });

  test('a page of invalid UTF-8 bytes and nothing else is decoded or refused, never a crash', () => {
    const bytes = new Uint8Array(2048);
    for (let i = 0; i < bytes.length; i++) bytes[i] = 0x80 + ((i * 37) % 0x80);
    run(bytes, 'high bytes only');
  });

  test.each([
    ['a lone high surrogate', '\ud83d'],
    ['a lone low surrogate', '\ude00'],
    ['a reversed pair', '\ude00\ud83d'],
    ['a run of high surrogates', '\ud800'.repeat(50)],
  ])('lone surrogates in a string: %s becomes U+FFFD, the output is valid UTF-8', (what, junk) => {
    const article = run(page(`<p>${PROSE} ${junk} ${PROSE}${junk}</p>`), what);
    expect(article.ok).toBe(true);
    expect(isWellFormed(article.text)).toBe(true);
    expect(isWellFormed(JSON.stringify(article))).toBe(true);
  });

  test('lone surrogates in a text dump and in metadata', () => {
    const dump = run(`${PROSE}\ud800\n\n${PROSE} \udfff`, 'text dump with surrogates');
    expect(dump.ok).toBe(true);
    const meta = run(page(`<p>${PROSE}</p>`, '<meta name="author" content="Jane \ud800 Doe"><meta property="og:title" content="\udc00">'), 'surrogates in meta');
    expect(isWellFormed(JSON.stringify(meta.metadata))).toBe(true);
  });
});

describe('every charset label of the WHATWG Encoding Standard', () => {
  const labels = WHATWG_ENCODINGS.flatMap(([name, list]) => list.map((label) => [label, name] as const));

  test('the list is the whole standard: 40 encodings, 228 labels', () => {
    expect(WHATWG_ENCODINGS.length).toBe(40);
    expect(labels.length).toBe(228);
  });

  /** ASCII prose with a few high bytes, which each charset decodes its own way (or not at all). */
  function bytesDeclaring(head: string): Uint8Array {
    const html = Buffer.from(page(`<p>${PROSE}</p><p>${PROSE} \u0000</p>`, head).replace('\u0000', '%HIGH%'));
    const at = html.indexOf('%HIGH%');
    return Buffer.concat([html.subarray(0, at), Buffer.from([0xe9, 0x80, 0xa4, 0xfe, 0x41]), html.subarray(at + 6)]);
  }

  const declarations: Array<[string, (label: string) => Uint8Array]> = [
    ['<meta charset>', (label) => bytesDeclaring(`<meta charset="${label}">`)],
    ['<meta http-equiv>', (label) => bytesDeclaring(`<meta http-equiv="Content-Type" content="text/html; charset=${label.toUpperCase()}">`)],
    ['<?xml encoding?>', (label) => Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="${label}"?>\n`), bytesDeclaring('')])],
  ];

  test.each(declarations)('declared by %s: never a crash, the ASCII prose survives, the encoding is a real one', (_how, make) => {
    for (const [label] of labels) {
      const bytes = make(label);
      const article = run(bytes, `declared charset ${label}`);
      expect({ label, ok: article.ok }).toEqual({ label, ok: true });
      expect(article.text).toContain('Work is expected to begin in the spring');
      expect(() => new TextDecoder(article.encoding)).not.toThrow();
    }
  });

  test('unknown, empty and hostile labels are ignored', () => {
    for (const label of ['', 'utf-9', 'x'.repeat(10_000), 'utf-8\u0000', "' onload='x", 'utf\ud800', 'UTF-8 UTF-8']) {
      const article = run(bytesDeclaring(`<meta charset="${label}">`), `charset label ${JSON.stringify(label.slice(0, 20))}`);
      expect(article.ok).toBe(true);
    }
  });
});

describe('renderers cut text only between characters', () => {
  test('--explain shortens a long block without splitting an emoji (a lone surrogate is not UTF-8)', () => {
    for (let shift = 0; shift < 4; shift++) {
      const text = `${'x'.repeat(150 + shift)}${'😀'.repeat(20)} ${PROSE}`;
      const explain = renderExplain(run(page(`<p>${text}</p>`), 'emoji at the explain cut'));
      expect(isWellFormed(explain)).toBe(true);
    }
  });
});

describe('bogus <![CDATA[ markers in HTML content', () => {
  test('each ends at its first ">", as in a browser; one left open hides the rest and shows nothing of itself', () => {
    const html = page(`<p>${PROSE}<![CDATA[hidden>Shown after the first marker. <![CDATA[also hidden>${PROSE}<![CDATA[never shown`);
    const article = run(html, 'bogus CDATA markers');
    expect(article.text).toContain('Shown after the first marker.');
    expect(article.text).not.toMatch(/CDATA|hidden|never shown/);
  });

  test('a prose snippet ending in an open marker, repeated: nothing of the markers in the output', () => {
    const html = `<p>${PROSE}<![CDATA[`.repeat(500);
    const article = run(html, 'repeated snippet with an open marker');
    expect(article.ok).toBe(true);
    expect(article.text).not.toContain('CDATA');
  });
});
