/**
 * No regular expression can backtrack catastrophically on page text. Every regex literal in src/ is found by
 * parsing the sources (so a new pattern is tested the day it is written), as is every RegExp a module on the
 * page-text path exports (patterns built with `new RegExp`); each is run over adversarial strings: long runs of
 * one character, of pairs and of the pattern's own characters, each ending in a character that makes the match
 * fail, so the engine tries every way and every start position. A linear pattern takes well under a millisecond
 * per thousand characters; an exponential one never finishes, a quadratic one takes seconds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { countCase, fuzzParams, note, reportSlowest, timed } from './support/fuzz.js';
import fc from 'fast-check';

afterAll(() => reportSlowest('robust-regex'));

/**
 * Length of the adversarial strings: long enough that quadratic work shows (n² = 100 million steps: the quadratic
 * patterns this suite found took 150–500 ms at this length), short enough for a few hundred thousand runs.
 */
const N = 10_000;

/** Time one pattern may take on one string of N characters. Linear patterns take about a millisecond. */
const BUDGET_MS = 100;

const SRC = path.resolve(process.cwd(), 'src');

/**
 * Folders whose patterns never see page text. None: the CLI's and batch mode's patterns see messages, file names
 * and record ids, which a hostile archive controls too.
 */
const NOT_PAGE_TEXT: string[] = [];

/** Folders whose modules handle page text: their exported RegExp objects are tested too. */
const PAGE_TEXT_FOLDERS = ['input', 'extract', 'classify', 'blocks', 'lang', 'render', 'score'];

interface Pattern {
  where: string;
  regex: RegExp;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/** Every regular-expression literal in the sources, compiled with its flags. */
function literalPatterns(): Pattern[] {
  const out: Pattern[] = [];
  for (const file of sourceFiles(SRC)) {
    if (NOT_PAGE_TEXT.includes(path.relative(SRC, file).split(path.sep)[0] as string)) continue;
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        out.push({ where: `${path.relative(SRC, file)}:${line + 1} ${text.slice(0, 60)}`, regex: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/** RegExp objects exported by the page-text modules (built at load time, so no literal shows them). */
async function exportedPatterns(): Promise<Pattern[]> {
  const out: Pattern[] = [];
  for (const folder of PAGE_TEXT_FOLDERS) {
    const dir = path.join(SRC, folder);
    for (const file of sourceFiles(dir)) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (value instanceof RegExp) out.push({ where: `${path.relative(SRC, file)} export ${name}`, regex: value });
      }
    }
  }
  return out;
}

/** Single characters whose long runs stress character classes and quantifiers. */
const RUN_CHARACTERS = [
  'a', 'A', 'z', '0', '9', ' ', '\t', '\n', '\r', '\u00a0', '\u3000', '.', ',', ';', ':', '-', '_', '/', '\\', '<', '>',
  '=', '"', "'", '&', '#', '(', ')', '[', ']', '{', '}', '*', '|', '@', '$', '%', '+', '?', '!', '…', '·', '»', 'é',
  '中', 'я', '\u0301', '\ud83d\ude00',
];

/** Pairs and short units whose repetition defeats alternations and nested or adjacent quantifiers. */
const RUN_UNITS = [
  'a ', ' a', 'a.', 'a-', 'a1', '1.', '1,', '1 ', 'a=', 'a:', '<a', '</', '&#', '&a', 'a;', 'ab', 'aA', 'Aa', '. ', ', ',
  ' .', '.\n', 'a\n', '\n\n', ' \n', '- ', '* ', '| ', '//', '/*', '-->', '<!--', 'a b ', 'A b. ', 'www.', 'http://',
  '@a', 'a@', '$a', 'a(', 'a)', '(a', '"a', "a'", "'a", '\\a', '2020-', '12:', 'a\u00a0', 'a\t', 'Mr. ', 'a.b', '  x',
];

/** Endings that make most patterns fail at the very end, after the engine has tried everything. */
const FAIL_ENDINGS = ['\u0000', '\n'];

/** Characters the pattern itself names: pumping them is the classic way to trigger backtracking. */
function ownCharacters(regex: RegExp): string[] {
  const letters = new Set<string>();
  for (const ch of regex.source.replace(/\\[pPu]\{[^}]*\}|\\[dDwWsSbB]/g, '')) {
    if (/[^\\^$()|?*+{}]/u.test(ch)) letters.add(ch);
  }
  return [...letters].slice(0, 24);
}

/** The adversarial strings for one pattern. */
function adversarial(regex: RegExp): string[] {
  const strings: string[] = [];
  const pump = (unit: string) => {
    const body = unit.repeat(Math.ceil(N / unit.length)).slice(0, N);
    for (const end of FAIL_ENDINGS) strings.push(body + end);
  };
  for (const ch of RUN_CHARACTERS) pump(ch);
  for (const unit of RUN_UNITS) pump(unit);
  const own = ownCharacters(regex);
  for (const ch of own) pump(ch);
  for (let i = 0; i + 1 < own.length; i++) pump(own[i] + (own[i + 1] as string));
  return strings;
}

/** Runs the pattern the way the code does at worst: every match of the string (or a search of it all). */
function exercise(regex: RegExp, text: string): void {
  const global = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);
  text.replace(global, '');
}

/** Time of the slower of the two runs, the fastest of `tries` (a busy machine makes single runs noisy). */
function timeOf(regex: RegExp, text: string, tries = 2): number {
  let best = Infinity;
  for (let i = 0; i < tries; i++) {
    const start = performance.now();
    exercise(regex, text);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('regular expressions on page text backtrack at most linearly', () => {
  const literals = literalPatterns();

  test('the sources hold regex literals to test (the scan works)', () => {
    expect(literals.length).toBeGreaterThan(30);
  });

  let all: Pattern[] = [];
  beforeAll(async () => {
    const seen = new Set<string>();
    for (const p of [...literals, ...(await exportedPatterns())]) {
      const key = `${p.regex.source}/${p.regex.flags}`;
      if (seen.has(key)) continue;
      seen.add(key);
      all.push(p);
    }
  });

  test('the harness flags a quadratic pattern (the sentence-end pattern as it was before its lookbehind)', () => {
    const quadratic = /[.!?…。！？]+["'”’»)\]]*(?:\s|$)/gu;
    expect(timeOf(quadratic, `${'.'.repeat(N)}\u0000`, 1)).toBeGreaterThan(BUDGET_MS);
  });

  test('every pattern stays within budget on every adversarial string', () => {
    expect(all.length).toBeGreaterThan(50);
    note(`regex: ${all.length} patterns tested`);
    const slow: string[] = [];
    for (const { where, regex } of all) {
      for (const text of adversarial(regex)) {
        countCase('regex × adversarial string');
        const ms = timed(() => `regex ${where} on ${JSON.stringify(text.slice(0, 8))}… (${text.length} chars)`, () => timeOf(regex, text, 1));
        if (ms > BUDGET_MS && timeOf(regex, text) > BUDGET_MS) slow.push(`${where} on ${JSON.stringify(text.slice(0, 12))}…: ${ms.toFixed(0)} ms`);
      }
    }
    expect(slow).toEqual([]);
  });

  test('random strings built from each pattern\'s own characters', () => {
    for (const { where, regex } of all) {
      const own = ownCharacters(regex);
      if (own.length === 0) continue;
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...own, ' ', 'a', '\n'), { minLength: 1, maxLength: 8 }), fc.constantFrom(...FAIL_ENDINGS), (unit, end) => {
          const body = unit.join('').repeat(Math.ceil(N / 4 / unit.length));
          const ms = timeOf(regex, body + end, 1);
          if (ms > BUDGET_MS && timeOf(regex, body + end) > BUDGET_MS) throw new Error(`${where}: ${ms.toFixed(0)} ms on ${JSON.stringify(unit.join(''))}…`);
        }),
        fuzzParams(`regex own characters`, 4),
      );
    }
    all = [];
  });
});
