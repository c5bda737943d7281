import { readFileSync } from 'node:fs';
import { declutter } from '../src/index.js';
import { segmentText } from '../src/extract/text/index.js';
import { findLinkList, stripMarkers, isDecoration, stripHeadingFrame, bulletEnd } from '../src/extract/text/conventions.js';
import { unwrap, wrapWidth, displayWidth, type DumpLine } from '../src/extract/text/unwrap.js';

/**
 * Text dumps as people make them: fixtures/dumps/<page>/ holds a synthetic page (source.html) and its dumps by
 * lynx, w3m, links, elinks, html2text and pandoc at their defaults (see fixtures/dumps/README.md). Each dump's
 * wrapped paragraphs come out whole, without link numbers, markers or the link list.
 */
const RENDERERS = ['lynx', 'w3m', 'links', 'elinks', 'html2text', 'pandoc'] as const;

function dump(page: string, renderer: string): string {
  return readFileSync(new URL(`../fixtures/dumps/${page}/${renderer}.txt`, import.meta.url), 'utf8');
}

/** A block's text without its bullet or number, and with html2text's underscored link text read as words. */
function plain(text: string, renderer: string): string {
  const t = text.replace(/^(?:[*•-]|\d+\.) /u, '');
  return renderer === 'html2text' ? t.replace(/(?<=\p{L})_(?=\p{L})/gu, ' ') : t;
}

const LIGHTHOUSE = [
  'For more than a century the lamp at Calder Point was tended by families who lived in the squat stone cottages at the foot of the tower, and who kept a log of every ship, storm and visitor that passed the headland in all weathers.',
  'The last keeper left in 1989, when the light was automated, but the logbooks stayed behind in a cupboard of the old harbour museum, where a volunteer found them last spring while looking for a box of photographs.',
  'The entries are short and practical. They note the wind, the state of the sea, the hours the lamp was lit and the oil it burned, and now and then something stranger:',
  'a whale that stranded on the rocks below the tower in the winter of 1911 and was towed away by the lifeboat crew two days later;',
  'a schooner that anchored in the bay for a week without sending anyone ashore;',
  "the night the lamp failed and a keeper's daughter kept a lantern burning in the window until dawn.",
  'Historians at the university say the books are a rare daily record of life on a remote coast, and hope to publish a transcription next year with the help of local schools.',
  '"Every page tells you what the weather was doing and what the people were doing about it, which is exactly what we never get from official records," said one of the researchers.',
  'The museum will show a selection of the logbooks from June, alongside the brass lamp that was taken down when the tower was converted.',
];

const ALLOTMENT = [
  'Most of the plots look empty from December to February, but the soil is doing a great deal of work under its cover of leaves and manure, and a few hours spent now make the spring much easier for everyone on the site.',
  'Dig over the beds that will carry potatoes and beans, and leave the clods for the frost to break down.',
  'Prune the apple and pear trees while they are dormant, cutting out crossing branches and anything diseased.',
  'Check the stored onions and squashes every week and use any that show soft patches first.',
  'The committee has agreed the dates for the shared tool days, when the big rotavator and the shredder can be booked by any plot holder who has finished the safety session:',
  'Our oldest member sent in a verse she learned from her grandmother, which she says is still the best advice on the subject:',
  'Please remember that bonfires are not allowed on the site between the first of April and the end of September, and that the gates must be locked after dark.',
];

/** Short lines that must stay lines of their own: verse. */
const VERSE = ['Sow peas in March,', 'sow beans in the mud,', 'and the garden will give you', 'more than it should.'];

describe.each(RENDERERS)('a %s dump', (renderer) => {
  it('has each paragraph and list item of the article as one block, verse lines apart', () => {
    for (const [page, expected] of [['lighthouse', LIGHTHOUSE], ['allotment', [...ALLOTMENT, ...VERSE]]] as const) {
      const blocks = segmentText(dump(page, renderer)).map((b) => plain(b.text, renderer));
      for (const paragraph of expected) expect(blocks).toContain(paragraph);
    }
  });

  it('keeps no link number, marker or link list', () => {
    for (const page of ['lighthouse', 'allotment']) {
      const text = segmentText(dump(page, renderer)).map((b) => b.text).join('\n');
      expect(text).not.toMatch(/\[\d+\]|file:\/\/|^References$|^Visible links$|\*{3}/mu);
    }
  });

  it('comes out as the article: its paragraphs one per line, no menu or footer', () => {
    const article = declutter(dump('lighthouse', renderer), { input: 'text' });
    const lines = article.text.split('\n').map((l) => plain(l, renderer));
    for (const paragraph of LIGHTHOUSE) expect(lines).toContain(paragraph);
    expect(article.text).not.toMatch(/Contact us|Privacy|Copyright|\[\d+\]/u);
  });
});

describe('renderer conventions', () => {
  it('finds the link list only under its heading, and the numbers it lists', () => {
    const lines = ['Text [1]here and [2]there.', '', 'References', '', '   1. https://a.example/', '   2. /b',
      '   3. mailto:?subject=A title with spaces', ''];
    const list = findLinkList(lines);
    expect(list.end).toBe(1);
    expect(list.highest).toBe(3);
    const spilled = ['Text.', 'References', '   1. https://a.example/?text=one', 'line of a shared title', '   2. /b', '   3. /c'];
    expect(findLinkList(spilled).end).toBe(1);
    const twoParts = ['Text.', 'References', '', '   Visible links:', '   1. /a', '   2. /b', '', '   Hidden links:', '   3. /c'];
    expect(findLinkList(twoParts)).toEqual({ end: 1, highest: 3 });
    expect(findLinkList(['Steps:', '   1. https://a.example/', '   2. https://b.example/']).end).toBe(3);
    expect(findLinkList(['References', '   1. Smith, J. (2001) A book about things.']).highest).toBe(0);
  });

  it('strips the link numbers up to the highest the list gives, and the image and form markers', () => {
    expect(stripMarkers('[1]Home [2]News as cited [7]', 2)).toBe('Home News as cited [7]');
    expect(stripMarkers('a [IMG] b (BUTTON) Go [INS: new :INS] c', 0)).toBe('a   b   Go   new   c');
    expect(stripMarkers('Name: ____________________', 0)).toBe('Name:  ');
    expect(stripMarkers('[ ] a checklist item', 0)).toBe('[ ] a checklist item');
  });

  it('reads rules, underlines and empty bullets as decoration, and frames off headings', () => {
    for (const line of ['=====', '  -------- ------', '+----+----+', '   *', '━━━━━']) expect(isDecoration(line)).toBe(true);
    for (const line of ['-- Signed', 'a', '* item', '3 + 4 = 7']) expect(isDecoration(line)).toBe(false);
    expect(stripHeadingFrame('****** Winter ******')).toBe('Winter');
    expect(stripHeadingFrame('**bold** and **more**')).toBe('**bold** and **more**');
  });

  it('knows strong bullets everywhere and nested-level letters only where asked', () => {
    expect(bulletEnd('   * item', 3, true)).toBe(5);
    expect(bulletEnd('-   item', 0, true)).toBe(4);
    expect(bulletEnd('12. item', 0, true)).toBe(4);
    expect(bulletEnd('o item', 0, true)).toBe(-1);
    expect(bulletEnd('o item', 0, false)).toBe(2);
    expect(bulletEnd('2019 was', 0, true)).toBe(-1);
  });
});

function lines(text: string): DumpLine[] {
  return text.split('\n').map((t) => {
    const body = t.trimEnd();
    const indent = body.length - body.trimStart().length;
    return { text: body, indent: body.length === 0 ? 0 : indent };
  });
}

/** A paragraph wrapped greedily at `width` columns, each line indented by `indent`. */
function wrap(words: string[], width: number, indent = 0): string {
  const out: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && indent + line.length + 1 + w.length > width) {
      out.push(' '.repeat(indent) + line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  out.push(' '.repeat(indent) + line);
  return out.join('\n');
}

const WORDS = 'the quick brown fox jumps over a lazy dog while seven tired geese watch from a frozen pond near the old mill'.split(' ');
const PARAGRAPH = [...WORDS, ...WORDS, ...WORDS].join(' ');

describe('unwrap', () => {
  it('finds the width a dump was wrapped at, and none in a dump of one line per block', () => {
    const wrapped = [wrap(PARAGRAPH.split(' '), 72), '', wrap(PARAGRAPH.split(' '), 72)].join('\n');
    expect(wrapWidth(wrapped.split('\n').filter((l) => l !== '').map(displayWidth))).toBeGreaterThanOrEqual(70);
    expect(wrapWidth([3, 12, 400, 7, 25, 900, 40, 61, 18])).toBeUndefined();
  });

  it('joins a wrapped paragraph at any width, and leaves a dump at full width alone', () => {
    for (const width of [60, 80, 132]) {
      const text = [wrap(PARAGRAPH.split(' '), width, 3), '', wrap(PARAGRAPH.split(' '), width, 3)].join('\n');
      expect(unwrap(lines(text)).map((l) => l.text)).toEqual([PARAGRAPH, PARAGRAPH]);
    }
    const w3m = [PARAGRAPH, 'Home', 'News', PARAGRAPH].join('\n');
    expect(unwrap(lines(w3m)).map((l) => l.text)).toEqual([PARAGRAPH, 'Home', 'News', PARAGRAPH]);
  });

  it('keeps menus, verse and table rows apart, and a list item with its continuation lines', () => {
    const text = [
      wrap(PARAGRAPH.split(' '), 78, 3), '',
      '   Home', '   News', '   Sport', '',
      '   Roses are red,', '   violets are blue,', '',
      '   Month      Day       Tool', '   January    Saturday  Shredder', '',
      '     * ' + wrap(PARAGRAPH.split(' '), 78, 7).trimStart(),
      '     * a short item',
      wrap(PARAGRAPH.split(' '), 78, 3),
    ].join('\n');
    expect(unwrap(lines(text)).map((l) => l.text)).toEqual([
      PARAGRAPH, 'Home', 'News', 'Sport', 'Roses are red,', 'violets are blue,',
      'Month      Day       Tool', 'January    Saturday  Shredder', `* ${PARAGRAPH}`, '* a short item', PARAGRAPH,
    ]);
  });

  it('ends a paragraph at a sentence end before a capital when the dump has no blank lines between paragraphs', () => {
    const first = `${PARAGRAPH} ends here.`;
    const second = `The ${PARAGRAPH}`;
    const dense = [wrap(first.split(' '), 79), wrap(second.split(' '), 79), wrap(first.split(' '), 79), wrap(second.split(' '), 79)].join('\n');
    const out = unwrap(lines(dense)).map((l) => l.text);
    expect(out).toEqual([first, second, first, second]);
  });

  it('joins Chinese lines without a space, and counts their characters as two columns', () => {
    const han = '我们在山上看到了很多美丽的风景和可爱的动物'.repeat(6);
    const wrapped: string[] = [];
    for (let i = 0; i < han.length; i += 39) wrapped.push(han.slice(i, i + 39));
    const text = [wrapped.join('\n'), '', wrapped.join('\n')].join('\n');
    expect(displayWidth(wrapped[0]!)).toBe(78);
    expect(unwrap(lines(text)).map((l) => l.text)).toEqual([han, han]);
  });
});

/** Two columns side by side: `left` lines from column 0, `right` lines from column `at`, as links and html2text lay out a table. */
function sideBySide(left: string[], right: string[], at: number, wall = ''): string {
  const out: string[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const l = left[i] ?? '';
    const r = right[i] ?? '';
    out.push(wall === '' ? `${l.padEnd(at)}${r}`.trimEnd() : `${wall} ${l.padEnd(at - 4)} ${wall} ${r.padEnd(40)} ${wall}`);
  }
  return out.join('\n');
}

describe('side-by-side columns', () => {
  const MENU = ['Home', 'News', 'Sport and leisure', 'Weather', 'Letters', 'Archive', 'Contact us', 'About the paper'];
  const column = wrap(PARAGRAPH.split(' '), 40).split('\n');

  it('reads a sidebar and an article laid out side by side column after column, the article whole', () => {
    const text = [wrap(PARAGRAPH.split(' '), 78), '', sideBySide(MENU, [...column, '', ...column], 24)].join('\n');
    expect(unwrap(lines(text)).map((l) => l.text)).toEqual([PARAGRAPH, ...MENU, PARAGRAPH, PARAGRAPH]);
  });

  it('reads the cells of a drawn grid table (pandoc) column after column', () => {
    const rule = `+${'-'.repeat(22)}+${'-'.repeat(42)}+`;
    const text = [rule, sideBySide(MENU, column, 26, '|'), rule].join('\n');
    expect(unwrap(lines(text)).map((l) => l.text).filter((t) => !t.startsWith('+'))).toEqual([...MENU, PARAGRAPH]);
  });

  it('keeps the rows of a table of one-line cells, and list items with their bullets', () => {
    const rows = MENU.map((m, i) => `${m.padEnd(20)}Opening hours ${i + 1} to ${i + 5}, Monday to Friday`);
    expect(unwrap(lines(rows.join('\n'))).map((l) => l.text)).toEqual(rows);
    const items = wrap(PARAGRAPH.split(' '), 60).split('\n').map((l) => `-   ${l}`);
    expect(unwrap(lines(items.join('\n'))).map((l) => l.text)).toEqual(items);
  });
});
