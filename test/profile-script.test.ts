// scripts/profile.mjs charges each CPU sample to a pipeline stage: these tests build small V8 profiles by hand.
interface Frame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: Frame; children?: number[] }
interface Shares { stages: { name: string; share: number }[]; functions: { name: string; share: number }[] }

// A path in a variable: the script is plain JavaScript, with no types for the compiler to check it against.
const SCRIPT = '../scripts/profile.mjs';
const { attribute } = (await import(SCRIPT)) as { attribute: (profile: unknown) => Shares };

const frame = (functionName: string, url: string): Frame => ({ functionName, url, lineNumber: 0 });
const ROOT = '/home/user/declutter';

/** A profile whose nodes form one tree (node 1 the root) and whose samples each weigh `weights[i]` microseconds. */
function profile(nodes: ProfileNode[], samples: number[], weights: number[]) {
  return { nodes, samples, timeDeltas: weights, startTime: 0, endTime: weights.reduce((a, b) => a + b, 0) };
}

const share = (shares: Shares, stage: string) => shares.stages.find((s) => s.name === stage)?.share;

describe('profile.mjs stage attribution', () => {
  const nodes: ProfileNode[] = [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 7, 8] },
    { id: 2, callFrame: frame('declutter', `file://${ROOT}/dist/declutter.js`), children: [3, 5] },
    { id: 3, callFrame: frame('parseHtml', `file://${ROOT}/dist/extract/html/parse.js`), children: [4] },
    { id: 4, callFrame: frame('parse', `file://${ROOT}/node_modules/htmlparser2/dist/esm/Tokenizer.js`) },
    { id: 5, callFrame: frame('scanWords', `file://${ROOT}/dist/lang/scan.js`), children: [6] },
    // A regular expression has no file: it counts for the code that ran it.
    { id: 6, callFrame: frame('RegExp: \\p{L}+', '') },
    { id: 7, callFrame: frame('(garbage collector)', '') },
    // The profiler's own work when it stops is no part of the pipeline and no part of the total.
    { id: 8, callFrame: frame('post', 'node:inspector'), children: [9] },
    { id: 9, callFrame: frame('dispatch', '') },
  ];

  it('charges a sample to the stage of the nearest known frame, a regular expression to its caller', () => {
    const shares = attribute(profile(nodes, [4, 4, 6, 7, 9, 9, 9], [100, 100, 100, 100, 100, 100, 100]));
    expect(share(shares, 'parse')).toBeCloseTo(0.5);
    expect(share(shares, 'features')).toBeCloseTo(0.25);
    expect(share(shares, 'garbage collection')).toBeCloseTo(0.25);
    expect(share(shares, 'segmentation')).toBe(0);
    expect(share(shares, 'other')).toBe(0);
  });

  it('weighs samples by their time, and lists the functions with the most self time first', () => {
    const shares = attribute(profile(nodes, [4, 6], [100, 300]));
    expect(share(shares, 'features')).toBeCloseTo(0.75);
    expect(shares.functions[0]!.name).toMatch(/^RegExp/);
    expect(shares.functions[0]!.share).toBeCloseTo(0.75);
    expect(shares.functions[1]!.name).toMatch(/^parse htmlparser2\//);
  });
});
