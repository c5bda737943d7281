import { declutter, DEFAULT_OPTIONS, DeclutterOptionsError, OPTION_SPECS } from '../src/index.js';

/**
 * The library's options: defaults taken from the one table of specs, every value checked, one documented error
 * type (DeclutterOptionsError, a TypeError) with a message that names the option and what it accepts.
 */

const PAGE = '<html><body><article><p>Soup is a warm dish that many people enjoy in the winter months, and it can be '
  + 'made from almost anything, as <a href="notes/leeks.html">the notes on leeks</a> explain at length.</p></article></body></html>';

function thrown(fn: () => unknown): DeclutterOptionsError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DeclutterOptionsError);
    expect(err).toBeInstanceOf(TypeError);
    return err as DeclutterOptionsError;
  }
  throw new Error('expected a DeclutterOptionsError');
}

describe('options', () => {
  it('take their defaults from the specs', () => {
    expect(DEFAULT_OPTIONS).toEqual({ input: OPTION_SPECS.input.default, favor: OPTION_SPECS.favor.default, maxBytes: OPTION_SPECS.maxBytes.default });
    expect(DEFAULT_OPTIONS).toEqual({ input: 'auto', favor: 'balanced', maxBytes: 64 * 1024 * 1024 });
  });

  it('a value outside the choices names the option, the choices and the value', () => {
    const e = thrown(() => declutter(PAGE, { favor: 'nonsense' as never }));
    expect(e.option).toBe('favor');
    expect(e.message).toBe(`favor must be one of 'balanced', 'precision', 'recall', got "nonsense"`);
    expect(thrown(() => declutter(PAGE, { input: 'pdf' as never })).message).toBe(`input must be one of 'auto', 'html', 'text', got "pdf"`);
  });

  it('an unknown option is named with the known ones (a typo is not ignored)', () => {
    const e = thrown(() => declutter(PAGE, { favour: 'recall' } as never));
    expect(e.message).toBe('unknown option "favour"; the options are input, favor, maxBytes, url, contentType, calibration, skipStages, comments');
  });

  it('comments is true or false', () => {
    expect(thrown(() => declutter(PAGE, { comments: 'yes' as never })).message).toBe('comments must be true or false, got "yes"');
    expect(declutter(PAGE, { comments: false }).comments).toBeUndefined();
    expect(declutter(PAGE, { comments: true }).comments).toBeDefined();
  });

  it('maxBytes, url and contentType are checked', () => {
    expect(thrown(() => declutter(PAGE, { maxBytes: 0 })).message).toBe('maxBytes must be a number of bytes greater than zero, got 0');
    expect(thrown(() => declutter(PAGE, { maxBytes: '64MB' as never })).option).toBe('maxBytes');
    expect(thrown(() => declutter(PAGE, { url: 'example.com/a' })).message).toBe('url must be an absolute URL such as https://example.com/a, got "example.com/a"');
    expect(thrown(() => declutter(PAGE, { contentType: 3 as never })).option).toBe('contentType');
  });

  it('the page must be a string or bytes, and the options an object', () => {
    expect(thrown(() => declutter(null as never)).message).toBe('the page must be a string or bytes (a Uint8Array or Buffer), got null');
    expect(thrown(() => declutter(PAGE, null as never)).message).toBe('options must be an object, got null');
  });

  it('url resolves relative links and is carried on the Article', () => {
    const article = declutter(PAGE, { url: 'https://soup.example/a/soup.html' });
    expect(article.url).toBe('https://soup.example/a/soup.html');
    expect(article.blocks.flatMap((b) => b.links ?? []).map((l) => l.href)).toEqual(['https://soup.example/a/notes/leeks.html']);
    expect(declutter(PAGE).url).toBeUndefined();
  });

  it('contentType decodes bytes with the served charset, which outranks the page', () => {
    const page = Buffer.from(`<html><head><meta charset="utf-8"></head><body><article><p>${'Caf\u00e9 soup is good. '.repeat(8)}</p></article></body></html>`, 'latin1');
    // Byte 0xE9 is "é" in windows-1252, which the bytes alone suggest, and "й" in windows-1251, which the server said.
    const served = declutter(page, { contentType: 'text/html; charset=windows-1251' });
    expect(served.encoding).toBe('windows-1251');
    expect(served.text).toContain('Cafй soup is good.');
    expect(declutter(page).text).toContain('Café soup is good.');
  });
});
