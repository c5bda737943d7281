import type { Article } from '../article.js';
import type { Block } from '../blocks/block.js';
import { reasonText } from '../classify/reasons.js';

export interface ExplainStyle {
  /** Styles a kept block's line. */
  kept: (s: string) => string;
  /** Styles a removed block's line (dimmed on a terminal). */
  removed: (s: string) => string;
}

const PLAIN: ExplainStyle = { kept: (s) => s, removed: (s) => s };
/** Longest block text shown in full; longer ones are cut with an ellipsis so the report stays scannable. */
const EXPLAIN_TEXT_MAX = 160;

/**
 * `--explain`: every block, one line each, with its label, score and its trace: each rule's reason with the weight
 * it added, then each stage's relabelling after an arrow:
 * `+  4.5  paragraph long(+3) stopword-rich(+1) sentence-end(+1) →good | A senior Chinese…`
 * (+ kept, - removed). What each reason means: REASONS in src/classify/reasons.ts, and the README.
 */
export function renderExplain(article: Article, style: ExplainStyle = PLAIN): string {
  const lines: string[] = [];
  const lang = article.language === undefined ? '' : `, language ${article.language}`;
  lines.push(`# extractor ${article.extractor}${lang}; ${article.blocks.length} blocks`);
  for (const b of article.blocks) {
    const mark = b.label === 'content' ? '+' : '-';
    const score = (b.score >= 0 ? ' ' : '') + b.score.toFixed(1);
    const text = b.text.length > EXPLAIN_TEXT_MAX ? `${cutText(b.text, EXPLAIN_TEXT_MAX - 1)}…` : b.text;
    const line = `${mark} ${score.padStart(5)}  ${b.kind.padEnd(9)} ${traceText(b)} | ${text.replace(/\n/g, ' ⏎ ')}`;
    lines.push(b.label === 'content' ? style.kept(line) : style.removed(line));
  }
  return lines.join('\n');
}

/** The block's trace on one line: "short(-1.5) title-case(-1) →between-bad". */
function traceText(b: Block): string {
  return b.trace.map((e) => (e.weight === undefined ? reasonText(e) : `${e.reason}(${signed(e.weight)})`)).join(' ');
}

/** A weight with its sign and at most two decimals: "+3", "-0.5". */
function signed(weight: number): string {
  const rounded = Math.round(weight * 100) / 100;
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

/** The first `length` UTF-16 units of the text, one less when the cut would split a surrogate pair (an emoji). */
function cutText(text: string, length: number): string {
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}
