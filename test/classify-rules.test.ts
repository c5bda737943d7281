import type { BlockFeatures } from '../src/blocks/block.js';
import { measureBlock, menuPatternOf } from '../src/blocks/features.js';
import {
  authorBio,
  codeLine,
  cookieConsent,
  disclaimer,
  fillerText,
  isRenderedPlaceholder,
  leadIn,
  offColumn,
  photoCredit,
  placeholder,
  promotion,
} from '../src/classify/rules/shared.js';
import type { RuleInput } from '../src/classify/rules/rule.js';
import type { PageContext } from '../src/classify/page-context.js';
import { CALIBRATION } from '../src/classify/calibration.js';
import { FILLER_TEXT } from '../src/classify/vocab.js';

const T = CALIBRATION.rules;

/** A neutral block: medium length, prose-like, nothing special. Tests override what they are about. */
function features(overrides: Partial<BlockFeatures> = {}): BlockFeatures {
  return {
    words: 20,
    chars: 120,
    stopwordDensity: 0.35,
    terminalPunctuation: true,
    sentences: 1,
    capitalisedRatio: 0.1,
    bullet: false,
    digitRatio: 0,
    menuPattern: undefined,
    position: 0.5,
    linkDensity: 0,
    ...overrides,
  };
}

function input(text: string, f: Partial<BlockFeatures> = {}, page: PageContext = {}): RuleInput {
  const lower = text.toLowerCase();
  return { index: 0, text, lower, kind: 'paragraph', features: features(f), page, sections: undefined, filler: FILLER_TEXT.test(lower), calibration: CALIBRATION };
}

describe('authorBio', () => {
  it('flags a short paragraph introducing the author', () => {
    const verdict = authorBio(input('Jane Doe is a freelance writer based in Toronto. Her work has appeared in many places.'));
    expect(verdict).toEqual({ weight: T.authorBioWeight, reason: 'author-bio' });
  });

  it('leaves prose that merely mentions a reporter', () => {
    expect(authorBio(input('The committee said on Monday that it had asked a reporter to testify.'))).toBeUndefined();
  });

  it('leaves long blocks alone', () => {
    expect(authorBio(input('Jane Doe is a reporter who …', { words: T.authorBioMaxWords + 1 }))).toBeUndefined();
  });
});

describe('placeholder', () => {
  it.each(['[logo]', '[blank_1x1]', '[ ]Email', '[ ][Sign Up]', 'koala-rescue.jpg'])('flags %s', (text) => {
    expect(isRenderedPlaceholder(text)).toBe(true);
    expect(placeholder(input(text, { words: 2 }))?.reason).toBe('placeholder');
  });

  it.each(['[1] See the note below for details.', 'Hello world.', 'Download the report (PDF)'])('leaves %s', (text) => {
    expect(isRenderedPlaceholder(text)).toBe(false);
  });
});

describe('photoCredit', () => {
  it('flags a caption carrying a credit', () => {
    const text = 'WASHINGTON, DC - NOVEMBER 19: The adviser testifies on Tuesday. (Photo by Jane Doe/Getty Images)';
    expect(photoCredit(input(text, { words: 16 }))).toEqual({ weight: T.captionWeight, reason: 'photo-credit' });
  });

  it('leaves ordinary prose', () => {
    expect(photoCredit(input('The photographer said the light was perfect that morning.'))).toBeUndefined();
  });
});

describe('promotion', () => {
  it('flags a newsletter pitch too long for the menu patterns', () => {
    const text = 'Get the day’s big stories and the fun stuff you love delivered every morning: sign up for our free newsletter today.';
    expect(promotion(input(text, { words: 20 }))?.reason).toBe('promotion');
  });

  it('leaves short lines to menuPattern and long blocks to the article', () => {
    expect(promotion(input('Subscribe to our newsletter', { words: 4 }))).toBeUndefined();
    expect(promotion(input('The newsletter industry …', { words: T.promotionMaxWords + 1 }))).toBeUndefined();
  });
});

describe('disclaimer', () => {
  it.each([
    'Products and services referenced are for general information only. This material is not intended to replace the advice of a qualified advisor.',
    'The information provided on this website does not constitute medical advice and is provided for informational purposes only.',
    'The views expressed on this blog are those of the author(s) and readers.',
    'By submitting this form, you authorize the University and its representatives to contact you.',
    'This is not an offer to sell securities or the solicitation of an offer to buy them.',
  ])('flags legal small print: %s', (text) => {
    expect(disclaimer(input(text, { words: text.split(' ').length }))?.reason).toBe('disclaimer');
  });

  it('leaves prose about advice or forms, and anything longer than small print', () => {
    expect(disclaimer(input('Her lawyer said the advice was free, and she submitted the form the next morning.', { words: 15 }))).toBeUndefined();
    const long = `${'The court heard the case for three days. '.repeat(20)}It said the ruling is not legal advice.`;
    expect(disclaimer(input(long, { words: long.split(' ').length }))).toBeUndefined();
  });
});

describe('fillerText', () => {
  it('flags a template\'s placeholder text at any length, and nothing else', () => {
    const lorem = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. '.repeat(8);
    expect(fillerText(input(lorem, { words: lorem.split(' ').length }))?.reason).toBe('filler-text');
    expect(fillerText(input('Lorem Ipsum', { words: 2 }))?.weight).toBe(T.fillerTextWeight);
    expect(fillerText(input('Printers have set dummy text in Latin since the 1500s, a passage taken from Cicero.', { words: 15 }))).toBeUndefined();
  });
});

describe('cookieConsent', () => {
  it.each([
    'LinkedIn and 3rd parties use essential and non-essential cookies to provide, secure, analyze and improve our Services, and to show you relevant ads.',
    'This website uses cookies to improve your experience. By continuing to browse the site you agree to our use of cookies.',
    'Wir verwenden Cookies, um Ihnen ein optimales Webseiten-Erlebnis zu bieten.',
    'Nous utilisons des cookies pour vous garantir la meilleure expérience sur notre site web.',
    'These cookies may be set through our site by our advertising partners to build a profile of your interests.',
    'These cookies are necessary for the website to function and cannot be switched off in our systems.',
    'Store and/or access information on a device 512 partners can use this purpose',
    'Ensure security, prevent and detect fraud, and fix errors 403 partners can use this special purpose',
    'Advertising presented to you on this service can be based on limited data, such as the website or app you are using.',
    'Analytical cookies are used to understand how visitors interact with the website.',
    'Performance cookies are used to understand and analyze the key performance indexes of the website.',
    'These cookies are used to make advertising messages more relevant to you and your interests.',
    'The technical storage or access is necessary for the legitimate purpose of storing preferences that are not requested by the subscriber or user.',
  ])('flags a consent notice or a consent panel\'s purpose: %s', (text) => {
    expect(cookieConsent(input(text, { words: text.split(' ').length }))?.reason).toBe('cookie-consent');
  });

  it('leaves an article about cookies alone, and anything longer than a notice', () => {
    expect(cookieConsent(input('Bake the cookies for twelve minutes, then let them cool on a rack before icing them.', { words: 16 }))).toBeUndefined();
    expect(cookieConsent(input('Chill the dough until these cookies are set and firm, then slice them.', { words: 13 }))).toBeUndefined();
    expect(cookieConsent(input('This site uses cookies …', { words: T.cookieConsentMaxWords + 1 }))).toBeUndefined();
  });
});

describe('offColumn', () => {
  it('penalises a line off the prose column when the page has one clear column', () => {
    const page = { dominantIndent: 0, dominantIndentShare: 0.9 };
    expect(offColumn(input('text', { indent: 4 }, page))?.reason).toBe('off-column');
    expect(offColumn(input('text', { indent: 0 }, page))).toBeUndefined();
  });

  it('says nothing when the prose is split between columns', () => {
    const page = { dominantIndent: 0, dominantIndentShare: T.offColumnMinShare - 0.1 };
    expect(offColumn(input('text', { indent: 4 }, page))).toBeUndefined();
  });

  it('is a no-op for DOM blocks (no indent)', () => {
    expect(offColumn(input('text', {}, { dominantIndent: 0, dominantIndentShare: 1 }))).toBeUndefined();
  });
});

describe('codeLine', () => {
  const code = (text: string) => measureBlock({ text, kind: 'paragraph', indent: 4 }, 0, 1, ~0 >>> 0, CALIBRATION.features);

  it.each([
    'import asyncio',
    'async def main():',
    'await asyncio.sleep(5)',
    'loop = asyncio.get_event_loop()',
    'i += 1',
    'if (user.prefix.len()) {',
    'margin: 0;',
    'return list(map(mul, coefficients, powers))',
    '// Store in database',
    '</div>',
  ])('lifts the code line %s', (text) => {
    const f = code(text);
    expect(f.codeLike).toBe(true);
    expect(codeLine(input(text, f))?.reason).toBe('code-line');
  });

  it.each(['Share this article', 'Read more about the new release.', 'Total = 12 items', 'Home', 'The options are (see below)'])(
    'leaves %s',
    (text) => {
      const f = code(text);
      expect(f.codeLike).toBeUndefined();
      expect(codeLine(input(text, f))).toBeUndefined();
    },
  );

  it('exempts code lines from the off-column penalty, as it does bulleted lines', () => {
    const page = { dominantIndent: 0, dominantIndentShare: 0.9 };
    expect(offColumn(input('x = 1', { indent: 4, codeLike: true }, page))).toBeUndefined();
  });

  it('does not read a print call as a print button', () => {
    expect(menuPatternOf('print("async_foo started")')).toBeUndefined();
    expect(menuPatternOf('email = user.email')).toBeUndefined();
    expect(menuPatternOf('Print')).toBe('share');
  });

  it('reads the "Click to share on …" buttons as share buttons, bulleted or not', () => {
    expect(menuPatternOf('• Click to share on Bluesky (Opens in new window) Bluesky')).toBe('share');
    expect(menuPatternOf('Click to email a link to a friend (Opens in new window) Email')).toBe('share');
    expect(menuPatternOf('Click to see the full menu of the restaurant')).toBeUndefined();
  });

  it("reads a form's sent and failed messages as furniture, not a sentence about forms", () => {
    expect(menuPatternOf('Thank you! Your submission has been received!')).toBe('form-status');
    expect(menuPatternOf('Oops! Something went wrong while submitting the form.')).toBe('form-status');
    expect(menuPatternOf('Something went wrong in the second half, the coach said.')).toBeUndefined();
  });
});

describe('photoCredit in parentheses', () => {
  it('flags a caption ending with a bracketed credit', () => {
    expect(photoCredit(input('Protesters do not want Hong Kong to lose its autonomy (Image: Getty )', { words: 12 }))?.reason).toBe('photo-credit');
    expect(photoCredit(input('The harbour at dawn (photo by Jane Doe)', { words: 8 }))?.reason).toBe('photo-credit');
  });

  it('leaves prose mentioning an image', () => {
    expect(photoCredit(input('The image of the city (as seen from the hills) stayed with her for years.', { words: 15 }))).toBeUndefined();
  });
});

describe('leadIn', () => {
  it('lifts a sentence introducing a list or a code sample', () => {
    expect(leadIn(input('Here is how to install it:', { words: 6, terminalPunctuation: false }))?.reason).toBe('lead-in');
  });

  it('leaves short labels and ordinary sentences', () => {
    expect(leadIn(input('Price:', { words: 1 }))).toBeUndefined();
    expect(leadIn(input('Filed under:', { words: 2 }))).toBeUndefined();
    expect(leadIn(input('This is a sentence that ends with a full stop.', { words: 10 }))).toBeUndefined();
  });
});
