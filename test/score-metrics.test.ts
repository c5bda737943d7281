import stringSimilarity from 'string-similarity';
import {
  benchmarkScores,
  normalizeText,
  PUBLISHED_TOKEN_PATTERN,
  publishedTokens,
  score,
  similarity,
  tokenize,
  WORD_RUN_PATTERN,
  wordTokens,
} from '../src/score/index.js';

/** Rounds away floating-point noise so hand-computed fractions compare exactly. */
const closeTo = (value: number) => expect.closeTo(value, 10);

describe("tokenize, 'published' method (the default): Python's \\w+", () => {
  it('is the default method', () => {
    expect(tokenize('Привет, мир_1 e\u0301')).toEqual(publishedTokens('Привет, мир_1 e\u0301'));
    expect(tokenize('a b', 'words')).toEqual(wordTokens('a b'));
  });

  it('keeps the \\w+ runs of Latin text exactly, case and underscores included', () => {
    expect(publishedTokens("It's 2024: snake_case, e-mail & C++!")).toEqual(['It', 's', '2024', 'snake_case', 'e', 'mail', 'C']);
  });

  it('does not normalise: a combining mark is no word character, so it splits a word as Python does', () => {
    // re.findall(r'\w+', 'cafe\u0301 x') == ['cafe', 'x']; re.findall(r'\w+', 'पानी') == ['प', 'न']
    expect(publishedTokens('cafe\u0301 x')).toEqual(['cafe', 'x']);
    expect(publishedTokens('पानी')).toEqual(['प', 'न']);
    expect(score('cafe\u0301 au lait', 'café au lait').zyte.f1).toBe(0);
  });

  it('keeps a run of an unspaced script whole, as Python does', () => {
    expect(publishedTokens('我们今天去北京看长城。')).toEqual(['我们今天去北京看长城']);
  });

  it('keeps a variation selector out of words without dropping it', () => {
    expect(publishedTokens('❤\uFE0Fhttps link')).toEqual(['https', 'link']);
  });

  it('equals PUBLISHED_TOKEN_PATTERN matches on every BMP character and some astral ones', () => {
    let all = '';
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      all += String.fromCharCode(code);
      if (code % 7 === 0) all += ' ';
    }
    all += ' 𝐀𝐁𝐂 𝟏𝟐 😀word 𐐷x \u{20000}\u{20001} a\u{1D167}b';
    expect(publishedTokens(all)).toEqual(all.match(PUBLISHED_TOKEN_PATTERN));
  });

  it('gives no tokens for empty, blank or punctuation-only text', () => {
    expect(publishedTokens('')).toEqual([]);
    expect(publishedTokens(' \n\t — … !?')).toEqual([]);
  });
});

describe("tokenize, 'words' method", () => {
  it('keeps the \\w+ runs of Latin text exactly, case and underscores included', () => {
    expect(wordTokens("It's 2024: snake_case, e-mail & C++!")).toEqual(['It', 's', '2024', 'snake_case', 'e', 'mail', 'C']);
  });

  it('treats accented Latin letters, umlauts and Cyrillic as word characters', () => {
    expect(wordTokens('naïve café, über-Straße; Привет, мир')).toEqual(['naïve', 'café', 'über', 'Straße', 'Привет', 'мир']);
  });

  it('composes decomposed accents (NFC), so e + U+0301 and é are one word', () => {
    expect(wordTokens('cafe\u0301')).toEqual(['café']);
    expect(score('cafe\u0301 au lait', 'café au lait', { tokens: 'words' }).zyte.f1).toBe(1);
  });

  it('keeps combining marks inside a word (Devanagari) but never starts a word with one', () => {
    expect(wordTokens('पानी की राजनीति')).toEqual(['पानी', 'की', 'राजनीति']);
    expect(wordTokens('\u0301abc')).toEqual(['abc']);
  });

  it('drops variation selectors, so an emoji does not glue itself to the next word', () => {
    expect(wordTokens('❤\uFE0Fhttps link')).toEqual(['https', 'link']);
  });

  it('splits Chinese, Japanese and Thai runs into words with the ICU segmenter', () => {
    // Without segmentation each of these is one \w+ run, i.e. one token.
    expect(wordTokens('我们今天去北京看长城。')).toEqual(['我们', '今天', '去', '北京', '看', '长城']);
    const japanese = wordTokens('東京スカイツリーに行きました');
    expect(japanese.length).toBeGreaterThan(3);
    expect(japanese.join('')).toBe('東京スカイツリーに行きました');
    const thai = wordTokens('ภาษาไทยง่ายนิดเดียว');
    expect(thai.length).toBeGreaterThan(2);
    expect(thai.join('')).toBe('ภาษาไทยง่ายนิดเดียว');
  });

  it('segments only the runs that hold an unspaced script', () => {
    expect(wordTokens('iPhone手机 costs 2020年 dollars')).toEqual(['iPhone', '手机', 'costs', '2020', '年', 'dollars']);
  });

  it('equals WORD_RUN_PATTERN matches on every spaced-script BMP character and some astral ones', () => {
    const unspaced =
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
    let all = '';
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      if (!unspaced.test(char)) all += char;
    }
    all += ' 𝐀𝐁𝐂 𝟏𝟐 😀word 𐐷x';
    const text = normalizeText(all);
    expect(wordTokens(text)).toEqual(text.match(WORD_RUN_PATTERN));
  });

  it('gives no tokens for empty, blank or punctuation-only text', () => {
    expect(wordTokens('')).toEqual([]);
    expect(wordTokens(' \n\t — … !?')).toEqual([]);
  });
});

describe('Zyte shingle metric', () => {
  it('marks a page exact when the token sequences are equal, whatever the punctuation and spacing', () => {
    expect(score('One, two;\n\nthree!', 'One two three').zyte.exact).toBe(true);
    expect(score('One two three', 'one two three').zyte.exact).toBe(false);
    expect(score('One two three', 'One two three four').zyte.exact).toBe(false);
  });

  it('scores identical texts 1', () => {
    const text = 'The quick brown fox jumps over the lazy dog.';
    expect(score(text, text).zyte).toEqual({ precision: 1, recall: 1, f1: 1, tp: 6, fp: 0, fn: 0, exact: true });
  });

  it('scores disjoint texts 0', () => {
    // One shingle each (4 tokens), different: tp 0, fp 1, fn 1.
    expect(score('alpha beta gamma delta', 'one two three four').zyte).toEqual({
      precision: 0,
      recall: 0,
      f1: 0,
      tp: 0,
      fp: 1,
      fn: 1,
      exact: false,
    });
  });

  it('counts repeated shingles as a multiset (min of the two counts)', () => {
    // candidate: one two three four one two three four
    //   shingles: [one two three four] ×2, [two three four one], [three four one two], [four one two three]
    // reference: one two three four five
    //   shingles: [one two three four], [two three four five]
    // tp = min(2, 1) = 1; fp = (2 − 1) + 1 + 1 + 1 = 4; fn = 1 ([two three four five])
    // P = 1/5 = 0.2, R = 1/2 = 0.5, F1 = 2·0.2·0.5 / 0.7 = 0.2/0.7
    const zyte = score('one two three four one two three four', 'one two three four five').zyte;
    expect(zyte).toMatchObject({ tp: 1, fp: 4, fn: 1 });
    expect(zyte.precision).toEqual(closeTo(0.2));
    expect(zyte.recall).toEqual(closeTo(0.5));
    expect(zyte.f1).toEqual(closeTo(0.2 / 0.7));
  });

  it('makes a text of fewer than four tokens one shingle of all its tokens', () => {
    // [hello world] = [hello world]: tp 1.
    expect(score('hello world', 'hello, world!').zyte).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    // [hello world] vs [hello world again]: different shingles, so nothing matches although two words do.
    expect(score('hello world', 'hello world again').zyte).toMatchObject({ tp: 0, fp: 1, fn: 1, f1: 0 });
  });

  it('matches shingles exactly on pages with more distinct words than one key unit holds', () => {
    // 40,001 distinct words: numbers past 0x8000 take two code units in a key.
    const words = Array.from({ length: 40_001 }, (_, i) => `w${i}`);
    const candidate = words.join(' ');
    const reference = words.slice(20_000).join(' ');
    // Every reference shingle (20,001 words → 19,998 shingles) is in the candidate (39,998 shingles).
    expect(score(candidate, reference).zyte).toMatchObject({ tp: 19_998, fp: 20_000, fn: 0, recall: 1 });
    expect(score(reference, candidate).zyte).toMatchObject({ tp: 19_998, fp: 0, fn: 20_000, precision: 1 });
  });

  it('is case-sensitive', () => {
    // [Apple Banana Cherry Date] vs [apple banana cherry date]: no shingle in common.
    expect(score('Apple Banana Cherry Date', 'apple banana cherry date').zyte.f1).toBe(0);
  });

  it('scores an empty prediction 0 (tp 0, fp 0, fn = reference shingles)', () => {
    expect(score('', 'one two three four five').zyte).toEqual({ precision: 0, recall: 0, f1: 0, tp: 0, fp: 0, fn: 2, exact: false });
  });

  it('scores output against an empty reference 0 (tp 0, fp = output shingles, fn 0)', () => {
    expect(score('one two three four five', '').zyte).toEqual({ precision: 0, recall: 0, f1: 0, tp: 0, fp: 2, fn: 0, exact: false });
  });

  it('scores two empty texts 1 (punctuation is not content)', () => {
    expect(score('', '').zyte).toEqual({ precision: 1, recall: 1, f1: 1, tp: 0, fp: 0, fn: 0, exact: true });
    expect(score('— … !', '\n\n').zyte.f1).toBe(1);
  });

  it("with 'words' tokens, scores a Chinese sentence against a slightly different one partially", () => {
    // 我们|今天|去|北京|看|长城 vs 我们|明天|去|北京|看|长城: six words each, three shingles each;
    // only [去 北京 看 长城] is shared: tp 1, fp 2, fn 2, P = R = F1 = 1/3.
    // (Unsegmented, each sentence would be one token and the score 0.)
    const zyte = score('我们明天去北京看长城。', '我们今天去北京看长城。', { tokens: 'words' }).zyte;
    expect(zyte).toMatchObject({ tp: 1, fp: 2, fn: 2 });
    expect(zyte.f1).toEqual(closeTo(1 / 3));
  });
});

describe('WCXB word metric', () => {
  it('scores identical texts 1 and disjoint texts 0', () => {
    expect(score('one two three', 'one two three').words).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(score('one two three', 'four five six').words).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('lower-cases words, unlike the Zyte metric', () => {
    expect(score('Apple Banana Cherry Date', 'apple banana cherry date').words.f1).toBe(1);
    expect(score('Ünïcode ПРИВЕТ', 'ünïcode привет').words.f1).toBe(1);
  });

  it('compares bags of words with repeats (multiset min)', () => {
    // candidate {the:3, cat:1}, reference {the:1, cat:1, sat:1}
    // tp = min(3,1) + min(1,1) = 2; fp = 2 (two extra "the"); fn = 1 ("sat")
    // P = 2/4 = 0.5, R = 2/3, F1 = 2·0.5·(2/3) / (0.5 + 2/3) = (2/3)/(7/6) = 4/7
    const words = score('the the the cat', 'The cat sat').words;
    expect(words.precision).toEqual(closeTo(0.5));
    expect(words.recall).toEqual(closeTo(2 / 3));
    expect(words.f1).toEqual(closeTo(4 / 7));
  });

  it('counts every word even when the text is shorter than a shingle', () => {
    // {hello, world} vs {hello, world, again}: tp 2, fp 0, fn 1 → P 1, R 2/3, F1 = (4/3)/(5/3) = 0.8
    const words = score('hello world', 'hello world again').words;
    expect(words.precision).toBe(1);
    expect(words.recall).toEqual(closeTo(2 / 3));
    expect(words.f1).toEqual(closeTo(0.8));
  });

  it('gives 1 when both are empty and 0 when exactly one is', () => {
    expect(score('', '').words).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(score('', 'something').words).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(score('something', '').words).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it("with 'words' tokens, scores Chinese by words; with the published tokens, a sentence is one word", () => {
    // 6 words each, 5 shared (我们 去 北京 看 长城): P = R = F1 = 5/6.
    expect(score('我们明天去北京看长城。', '我们今天去北京看长城。', { tokens: 'words' }).words.f1).toEqual(closeTo(5 / 6));
    expect(score('我们明天去北京看长城。', '我们今天去北京看长城。').words.f1).toBe(0);
  });

  it('lower-cases the whole text before it tokenises, as WCXB does', () => {
    // 'İ'.lower() is 'i' + U+0307 (a mark, no word character): Python's re.findall(r'\w+', 'İstanbul'.lower())
    // gives ['i', 'stanbul'], which a lower-cased token 'i̇stanbul' would not match.
    expect(score('i stanbul', 'İstanbul').words.f1).toBe(1);
    expect(score('i stanbul', 'İstanbul', { tokens: 'words' }).words.f1).toBe(0);
  });
});

describe('similarity', () => {
  it('is 1 for identical texts, whitespace ignored, and 0 for texts without a common bigram', () => {
    expect(similarity('same text', 'same text')).toBe(1);
    expect(similarity('same  text\n', 'sametext')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
    expect(similarity('', '')).toBe(1);
  });

  it('is the Dice coefficient of character bigrams', () => {
    // night: ni ig gh ht; nacht: na ac ch ht; one shared bigram → 2·1 / (4 + 4) = 0.25
    expect(similarity('night', 'nacht')).toBe(0.25);
    expect(similarity('night', 'nacht')).toBe(stringSimilarity.compareTwoStrings('night', 'nacht'));
  });

  it('is part of score() but not of benchmarkScores()', () => {
    expect(score('a b', 'a b').similarity).toBe(1);
    expect(benchmarkScores('a b', 'a b')).not.toHaveProperty('similarity');
  });
});
