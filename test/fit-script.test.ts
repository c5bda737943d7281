// scripts/fit.mjs judges a calibration sweep by leave-one-set-out validation: these tests give it made-up scores.
interface Judged {
  verdict: string;
  heldOut: { set: string; value: number; heldOutChange: number }[];
}
type F1 = (set: string, name?: string, value?: number) => number;

// A path in a variable: the script is plain JavaScript, with no types for the compiler to check it against.
const SCRIPT = '../scripts/fit.mjs';
const { judge } = (await import(SCRIPT)) as { judge: (sweep: { name: string; current: number; values: number[] }, f1: F1) => Judged };

const SETS = ['scrapinghub', 'wcxb-dev', 'dragnet-train', 'cleaneval-dev'];
const BASE = 0.8;

/** Scores where `value` changes each set's mean by the given amounts (in SETS order) and the default changes nothing. */
function scores(changes: Record<number, number[]>): F1 {
  return (set, _name, value) => BASE + (value === undefined ? 0 : (changes[value]?.[SETS.indexOf(set)] ?? 0));
}

describe('fit.mjs leave-one-set-out judgement', () => {
  const sweep = { name: 'rules.longWeight', current: 3, values: [2, 4] };

  it('calls a value that wins on every set a change that generalises', () => {
    const judged = judge(sweep, scores({ 2: [-0.01, -0.01, -0.01, -0.01], 4: [0.004, 0.003, 0.01, 0.002] }));
    expect(judged.verdict).toBe('a change that generalises');
    expect(judged.heldOut.every((h) => h.value === 4)).toBe(true);
    expect(judged.heldOut.find((h) => h.set === 'dragnet-train')!.heldOutChange).toBeCloseTo(0.01);
  });

  it('calls a value that wins on three sets and loses on the fourth keyed to some sets', () => {
    const judged = judge(sweep, scores({ 4: [-0.02, 0.01, 0.01, 0.01] }));
    expect(judged.verdict).toBe('keyed to some sets: loses on a held-out one');
    expect(judged.heldOut.find((h) => h.set === 'scrapinghub')).toMatchObject({ value: 4 });
    expect(judged.heldOut.find((h) => h.set === 'scrapinghub')!.heldOutChange).toBeCloseTo(-0.02);
  });

  it('keeps the default when no value beats it on the other sets by more than the noise', () => {
    const judged = judge(sweep, scores({ 2: [0.0001, 0.0002, -0.0001, 0.0001], 4: [-0.01, -0.01, -0.01, -0.01] }));
    expect(judged.verdict).toBe('the default holds');
    expect(judged.heldOut.every((h) => h.value === 3 && h.heldOutChange === 0)).toBe(true);
  });
});
