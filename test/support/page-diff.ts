import type { Article } from '../../src/article.js';
import type { Block } from '../../src/blocks/block.js';
import { reasonText } from '../../src/classify/reasons.js';

/** A block whose label is not the one the expected text asks for. */
export interface Disagreement {
  block: Block;
  /** The label expected.txt implies: content when its text is there, at its place. */
  expected: Block['label'];
}

/**
 * The blocks whose label disagrees with the expected text, in page order. The expected text is read in step with
 * the blocks: a block is expected kept when its text comes next (after the blank line or line break between two
 * blocks), or further on where a later paragraph starts with it (the blocks in between were expected removed).
 * Also returns the expected text that no block accounts for.
 */
export function disagreements(article: Article, expected: string): { blocks: Disagreement[]; unaccounted: string[] } {
  const out: Disagreement[] = [];
  const unaccounted: string[] = [];
  let at = 0;
  for (const b of article.blocks) {
    const next = skipSeparators(expected, at);
    let found = expected.startsWith(b.text, next) && endsUnit(expected, next + b.text.length) ? next : -1;
    if (found < 0 && b.text.length > 0) {
      for (let i = expected.indexOf(b.text, next); i >= 0; i = expected.indexOf(b.text, i + 1)) {
        if ((i === 0 || expected[i - 1] === '\n') && endsUnit(expected, i + b.text.length)) {
          found = i;
          break;
        }
      }
    }
    const label = found < 0 ? 'boilerplate' : 'content';
    if (found > next) unaccounted.push(expected.slice(next, found).trim());
    if (found >= 0) at = found + b.text.length;
    if (label !== b.label) out.push({ block: b, expected: label });
  }
  const rest = expected.slice(skipSeparators(expected, at)).trim();
  if (rest.length > 0) unaccounted.push(rest);
  return { blocks: out, unaccounted: unaccounted.filter((s) => s.length > 0) };
}

/** What a failing page test prints: each disagreeing block with its trace, then the expected text left over. */
export function describeDisagreements(article: Article, expected: string): string {
  const { blocks, unaccounted } = disagreements(article, expected);
  const lines = [`${blocks.length} blocks disagree with expected.txt:`];
  for (const { block: b, expected: label } of blocks) {
    const was = b.label === 'content' ? 'kept' : 'removed';
    const want = label === 'content' ? 'kept' : 'removed';
    const trace = b.trace.map((e) => (e.weight === undefined ? reasonText(e) : `${e.reason}(${e.weight})`)).join(' ');
    lines.push(`  [${b.index}] ${was}, expected ${want}: ${b.kind} ${JSON.stringify(cut(b.text))}`);
    lines.push(`        ${trace}`);
  }
  for (const text of unaccounted) lines.push(`  expected text no block gives: ${JSON.stringify(cut(text))}`);
  return lines.join('\n');
}

function skipSeparators(text: string, at: number): number {
  while (at < text.length && text[at] === '\n') at++;
  return at;
}

function endsUnit(text: string, end: number): boolean {
  return end === text.length || text[end] === '\n';
}

function cut(text: string): string {
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}
