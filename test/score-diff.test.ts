import { diff, splitSentences } from '../src/score/index.js';

const REFERENCE = [
  'The council approved the new budget on Tuesday evening. Spending on schools rises by four percent!',
  '',
  'Critics said the plan ignores the housing shortage entirely. 市议会周二晚上批准了新的预算。',
].join('\n');

describe('diff', () => {
  it('reports nothing for a perfect copy', () => {
    expect(diff(REFERENCE, REFERENCE)).toEqual({ missing: [], extra: [] });
  });

  it('reports a reference sentence the output lost, with its line', () => {
    const output = [
      'The council approved the new budget on Tuesday evening. Spending on schools rises by four percent!',
      'Critics said the plan ignores the housing shortage entirely. 市议会周二晚上批准了新的预算。',
    ].join('\n');
    expect(diff(output, REFERENCE).missing).toEqual([]);
    const lost = output.replace(' Spending on schools rises by four percent!', '');
    const { missing, extra } = diff(lost, REFERENCE);
    expect(missing).toEqual([{ text: 'Spending on schools rises by four percent!', line: 1, found: 0 }]);
    expect(extra).toEqual([]);
  });

  it('reports a lost Chinese sentence', () => {
    const lost = REFERENCE.replace('市议会周二晚上批准了新的预算。', '');
    expect(diff(lost, REFERENCE).missing.map((item) => item.text)).toEqual(['市议会周二晚上批准了新的预算。']);
  });

  it('reports an output line that is not in the reference, and keeps lines that are', () => {
    const output = `Subscribe to our newsletter for daily updates\n${REFERENCE}\nHome | News | Sport`;
    const { missing, extra } = diff(output, REFERENCE);
    expect(missing).toEqual([]);
    expect(extra.map((item) => [item.text, item.line])).toEqual([
      ['Subscribe to our newsletter for daily updates', 1],
      ['Home | News | Sport', 5],
    ]);
  });

  it('does not report a sentence with one word changed (most of its shingles are still found)', () => {
    // 10 tokens → 7 shingles; changing the last word breaks only the last shingle: 6/7 found.
    const reference = 'Critics said the plan ignores the housing shortage entirely today.';
    expect(diff('Critics said the plan ignores the housing shortage entirely now.', reference).missing).toEqual([]);
  });

  it('ignores pieces without words', () => {
    expect(diff('* * *\n---', 'Some text here.\n***')).toEqual({
      missing: [{ text: 'Some text here.', line: 1, found: 0 }],
      extra: [],
    });
  });
});

describe('splitSentences', () => {
  it('splits after . ! ? followed by a space, after 。！？ anywhere, and at line breaks', () => {
    const text = 'One is here. Two is here! Three? 第一句。第二句！第三句？\nLast line without stop';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'One is here.',
      'Two is here!',
      'Three?',
      '第一句。',
      '第二句！',
      '第三句？',
      'Last line without stop',
    ]);
  });

  it('keeps decimals, closing quotes and runs of terminators with their sentence', () => {
    const text = 'It rose 3.5 percent. He said "no way." Really?! Yes…';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'It rose 3.5 percent.',
      'He said "no way."',
      'Really?!',
      'Yes…',
    ]);
  });

  it('numbers lines from 1, counting blank lines and any line ending', () => {
    expect(splitSentences('a.\r\n\r\nb. c.').map((s) => [s.text, s.line])).toEqual([
      ['a.', 1],
      ['b.', 3],
      ['c.', 3],
    ]);
  });
});
