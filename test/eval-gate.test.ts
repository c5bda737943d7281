import {
  floor4,
  formatGateFile,
  formatRecord,
  judge,
  movedPages,
  pageListHash,
  parseGateFile,
  parseRecord,
  raiseFloors,
  repin,
  type GateEntry,
  type GateFile,
  type GateMeasurement,
} from '../src/eval/gate.js';

const PAGES = new Map([
  ['a', 0.9],
  ['b', 0.8],
  ['c', 0.1],
]);

function entry(overrides: Partial<GateEntry> = {}): GateEntry {
  return {
    set: 'news',
    input: 'html',
    metric: 'words',
    floor: 0.6,
    collapsedCeiling: 1,
    pages: 3,
    pageListSha256: pageListHash(PAGES.keys()),
    ...overrides,
  };
}

function file(...entries: GateEntry[]): GateFile {
  return { allowance: 0.001, collapseBelow: 0.3, movedBy: 0.2, entries };
}

function measured(mean: number, pages: ReadonlyMap<string, number> = PAGES): GateMeasurement {
  return { set: 'news', input: 'html', metric: 'words', mean, pages };
}

describe('the quality gate', () => {
  it('passes a mean at its floor, or below it by no more than the allowance', () => {
    expect(judge(file(entry()), [measured(0.6)]).ok).toBe(true);
    expect(judge(file(entry()), [measured(0.5995)]).ok).toBe(true);
  });

  it('fails a mean below its floor by more than the allowance', () => {
    const verdict = judge(file(entry()), [measured(0.598)]);
    expect(verdict.ok).toBe(false);
    expect(verdict.rows[0]?.status).toEqual(['below floor']);
  });

  it('fails when more pages collapse than the ceiling allows, whatever the mean', () => {
    const pages = new Map([...PAGES, ['b', 0.2]]);
    const verdict = judge(file(entry()), [measured(0.9, pages)]);
    expect(verdict.rows[0]?.collapsed).toBe(2);
    expect(verdict.rows[0]?.status).toEqual(['too many collapsed']);
  });

  it('fails when the pages are not the ones the floors were pinned on', () => {
    const pages = new Map([...PAGES, ['d', 1]]);
    expect(judge(file(entry()), [measured(0.9, pages)]).rows[0]?.status).toEqual(['page list changed']);
  });

  it('fails a pinned row that was not measured', () => {
    expect(judge(file(entry(), entry({ input: 'text' })), [measured(0.9)]).rows[1]?.status).toEqual(['not measured']);
  });

  it('hashes a page list whatever its order', () => {
    expect(pageListHash(['b', 'a'])).toBe(pageListHash(['a', 'b']));
    expect(pageListHash(['a', 'b'])).not.toBe(pageListHash(['a', 'c']));
  });

  it('lists the pages that moved by more than the threshold, losses first, and pages new to the record', () => {
    const record = parseRecord(formatRecord([measured(0.6)]));
    const now = new Map([
      ['a', 0.5], // lost 0.4
      ['b', 0.7], // moved 0.1: not listed
      ['c', 0.9], // won 0.8
      ['d', 1], // new
    ]);
    const moved = movedPages(record, [measured(0.8, now)], 0.2);
    expect(moved.map((p) => [p.id, p.before, p.after])).toEqual([
      ['a', 0.9, 0.5],
      ['d', undefined, 1],
      ['c', 0.1, 0.9],
    ]);
  });

  it('raises floors and tightens ceilings after an improvement, and never lowers or loosens them', () => {
    const better = raiseFloors(file(entry({ collapsedCeiling: 3 })), [measured(0.71239)]);
    expect(better.entries[0]).toMatchObject({ floor: 0.7123, collapsedCeiling: 1 });
    const worse = raiseFloors(file(entry()), [measured(0.4, new Map([...PAGES, ['a', 0.1]]))]);
    expect(worse.entries[0]).toMatchObject({ floor: 0.6, collapsedCeiling: 1 });
  });

  it('re-pins everything, lower floors included, only when asked to', () => {
    const pages = new Map([...PAGES, ['d', 0.1]]);
    const pinned = repin(file(entry()), [measured(0.5, pages)]);
    expect(pinned.entries[0]).toMatchObject({ floor: 0.5, collapsedCeiling: 2, pages: 4, pageListSha256: pageListHash(pages.keys()) });
  });

  it('rounds a floor down, so it never sits above the mean it came from', () => {
    expect(floor4(0.86079)).toBe(0.8607);
    expect(floor4(0.5)).toBe(0.5);
  });

  it('reads back the floors file it writes, and refuses one missing a field', () => {
    const text = formatGateFile(file(entry(), entry({ input: 'text' })));
    expect(parseGateFile(text)).toEqual(file(entry(), entry({ input: 'text' })));
    expect(text.split('\n').filter((line) => line.includes('"set"'))).toHaveLength(2);
    expect(() => parseGateFile(JSON.stringify({ allowance: 0.001, collapseBelow: 0.3, entries: [] }))).toThrow(/movedBy/);
    expect(() => parseGateFile(JSON.stringify({ ...file(), entries: [{ set: 'x' }] }))).toThrow(/floor/);
  });
});
