import type { Article } from '../article.js';

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
 * `--explain`: every block, one line each, with its label, score and the reasons the rules gave:
 * `+ 4.5  long stopword-rich sentence-end →good | A senior Chinese…` (+ kept, - removed).
 */
export function renderExplain(article: Article, style: ExplainStyle = PLAIN): string {
  const lines: string[] = [];
  const lang = article.language === undefined ? '' : `, language ${article.language}`;
  lines.push(`# extractor ${article.extractor}${lang}; ${article.blocks.length} blocks`);
  for (const b of article.blocks) {
    const mark = b.label === 'content' ? '+' : '-';
    const score = (b.score >= 0 ? ' ' : '') + b.score.toFixed(1);
    const text = b.text.length > EXPLAIN_TEXT_MAX ? `${cutText(b.text, EXPLAIN_TEXT_MAX - 1)}…` : b.text;
    const line = `${mark} ${score.padStart(5)}  ${b.kind.padEnd(9)} ${b.reasons.join(' ')} | ${text.replace(/\n/g, ' ⏎ ')}`;
    lines.push(b.label === 'content' ? style.kept(line) : style.removed(line));
  }
  return lines.join('\n');
}

/** The first `length` UTF-16 units of the text, one less when the cut would split a surrogate pair (an emoji). */
function cutText(text: string, length: number): string {
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}
