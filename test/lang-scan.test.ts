import { countStopwords, scanWords } from '../src/lang/scan.js';
import { guessLanguage } from '../src/lang/guess.js';
import { languageBit } from '../src/lang/stopwords.js';
import { measureBlock } from '../src/blocks/features.js';
import { CALIBRATION } from '../src/classify/calibration.js';

describe('scanWords', () => {
  it('counts words, cased and capitalised words, ASCII or not', () => {
    const scan = scanWords('Élise and the 3 otters of Zürich swam; 北京 is here');
    // Élise and the 3 otters of Zürich swam 北京 is here → 北京 is one Han run, split by the segmenter.
    expect(scan.words).toBe(scan.masks.length);
    expect(scan.capitalised).toBe(2); // Élise, Zürich
    expect(scan.cased).toBe(9); // every word with a letter that has case: not "3", not the Han word(s)
  });

  it('counts the stopwords of the chosen languages only', () => {
    const scan = scanWords('the cat and the hat der Hund und die Katze');
    expect(countStopwords(scan, languageBit('en'))).toBe(3); // the, and, the
    expect(countStopwords(scan, languageBit('de'))).toBeGreaterThanOrEqual(3); // der, und, die
    expect(countStopwords(scan, 0)).toBe(0);
  });

  it('never looks up a word longer than every stopword', () => {
    expect(scanWords('Donaudampfschifffahrtsgesellschaftskapitän').masks[0]).toBe(0);
  });
});

describe('block features from one scan', () => {
  it('counts digits of every script, astral ones included', () => {
    const f = measureBlock({ text: 'a1٢𝟑', kind: 'paragraph' }, 0, 1, ~0 >>> 0, CALIBRATION.features);
    // 'a1٢𝟑' is 5 code units (𝟑 is a surrogate pair) holding 3 digits.
    expect(f.digitRatio).toBeCloseTo(3 / 5);
  });
});

describe('guessLanguage', () => {
  it('finds the language whose stopwords cover the text', () => {
    expect(guessLanguage(['Der Hund und die Katze sind in dem Haus, aber sie haben nicht geschlafen.'])).toBe('de');
    expect(guessLanguage(['The dog and the cat were in the house, but they had not slept at all.'])).toBe('en');
  });

  it('prefers the language of the text over a declared one whose stopwords it lacks', () => {
    expect(guessLanguage(['The dog and the cat were in the house.'], 'fr')).toBe('en');
  });
});
