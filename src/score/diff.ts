import { EXTRA_FOUND_BELOW, MISSING_FOUND_BELOW, SHINGLE_SIZE } from './constants.js';
import { numberTokens, shingleKeys, type TokenNumbering } from './multiset.js';
import { tokenize, type TokenMethod } from './tokenize.js';

/** One reference sentence or candidate line that `diff` reports. */
export interface DiffItem {
  /** The sentence or line, trimmed. */
  text: string;
  /** 1-based line number in the text it comes from. */
  line: number;
  /** Fraction of its units (shingles, or tokens when shorter than a shingle) found on the other side. */
  found: number;
}

/** What separates a candidate from its reference, in reading order. */
export interface DiffResult {
  /** Reference sentences mostly absent from the candidate: what the extractor lost. */
  missing: DiffItem[];
  /** Candidate lines mostly absent from the reference: what the extractor kept wrongly. */
  extra: DiffItem[];
}

/**
 * The reference sentences missing from a candidate, and the candidate lines that are extra.
 *
 * Each sentence or line is judged by its units: its 4-token shingles (the unit the Zyte metric counts), or,
 * for a piece shorter than one shingle, its single tokens. A unit is "found" when it occurs anywhere in the
 * other text (presence, not count: a sentence quoted twice in the reference is not missing if the candidate
 * has it once). A reference sentence is missing when less than MISSING_FOUND_BELOW of its units are found;
 * a candidate line is extra when less than EXTRA_FOUND_BELOW of its units are found. Tokens compare
 * case-sensitively, like the Zyte metric. Pieces without any word character are never reported.
 */
export function diff(candidate: string, reference: string, options: { tokens?: TokenMethod } = {}): DiffResult {
  const method = options.tokens ?? 'published';
  const numbering: TokenNumbering = new Map();
  const candidateIndex = indexText(candidate, numbering, method);
  const referenceIndex = indexText(reference, numbering, method);
  return {
    missing: judge(splitSentences(reference), candidateIndex, numbering, MISSING_FOUND_BELOW, method),
    extra: judge(splitLines(candidate), referenceIndex, numbering, EXTRA_FOUND_BELOW, method),
  };
}

/** A piece of text with its 1-based line number, before judging. */
export interface TextPiece {
  text: string;
  line: number;
}

/** What a text contains, for presence tests: its tokens and its shingles. */
interface TextIndex {
  tokens: Set<string>;
  shingles: Set<string>;
}

function indexText(text: string, numbering: TokenNumbering, method: TokenMethod): TextIndex {
  const tokens = tokenize(text, method);
  return { tokens: new Set(tokens), shingles: new Set(shingleKeys(numberTokens(tokens, numbering))) };
}

/** Keeps the pieces with tokens whose found fraction is below the threshold. */
function judge(
  pieces: readonly TextPiece[],
  other: TextIndex,
  numbering: TokenNumbering,
  foundBelow: number,
  method: TokenMethod,
): DiffItem[] {
  const reported: DiffItem[] = [];
  for (const piece of pieces) {
    const tokens = tokenize(piece.text, method);
    if (tokens.length === 0) continue;
    const found = foundFraction(tokens, other, numbering);
    if (found < foundBelow) reported.push({ text: piece.text, line: piece.line, found });
  }
  return reported;
}

/**
 * The fraction of a piece's units present in the other text: shingles when the piece has at least one full
 * shingle (so word order matters, as in the metric), single tokens otherwise (a short piece's one shingle
 * would be a 1–3 token key that the other text, when longer, never produces).
 */
function foundFraction(tokens: readonly string[], other: TextIndex, numbering: TokenNumbering): number {
  const short = tokens.length < SHINGLE_SIZE;
  const units = short ? tokens : shingleKeys(numberTokens(tokens, numbering));
  const pool = short ? other.tokens : other.shingles;
  let found = 0;
  for (const unit of units) if (pool.has(unit)) found++;
  return found / units.length;
}

/** Line breaks of any platform. */
const LINE_BREAK = /\r\n|\r|\n/;

/** The non-blank lines of a text, trimmed, with their line numbers. */
export function splitLines(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  text.split(LINE_BREAK).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed !== '') pieces.push({ text: trimmed, line: index + 1 });
  });
  return pieces;
}

/** Sentence ends that need a following space (or line end): "3.5", "e.g.x" and URLs do not split. */
const SPACED_TERMINATORS = new Set(['.', '!', '?', '…']);
/** Full-width sentence ends (CJK), which end a sentence wherever they stand: these scripts use no spaces. */
const FULL_WIDTH_TERMINATORS = new Set(['。', '！', '？', '｡']);
/** Closing quotes and brackets that belong to the sentence they follow: `He said "no."` ends after `"`. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']', '）', '」', '』', '】']);

/**
 * The sentences of a text: every line is split after `. ! ? …` followed by a space or the line end, and
 * after `。 ！ ？` anywhere; runs of terminators and closing quotes stay with their sentence. A line break
 * always ends a sentence. An abbreviation such as "U.S. officials" splits there; the two fragments are
 * judged separately, which only makes a missing fragment easier to locate.
 */
export function splitSentences(text: string): TextPiece[] {
  const sentences: TextPiece[] = [];
  for (const { text: line, line: number } of splitLines(text)) {
    for (const sentence of splitLineIntoSentences(line)) sentences.push({ text: sentence, line: number });
  }
  return sentences;
}

function splitLineIntoSentences(line: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  let index = 0;
  while (index < line.length) {
    const char = line[index] ?? '';
    if (!SPACED_TERMINATORS.has(char) && !FULL_WIDTH_TERMINATORS.has(char)) {
      index++;
      continue;
    }
    let end = index + 1;
    let fullWidth = FULL_WIDTH_TERMINATORS.has(char);
    while (end < line.length && isTerminatorOrCloser(line[end] ?? '')) {
      fullWidth ||= FULL_WIDTH_TERMINATORS.has(line[end] ?? '');
      end++;
    }
    if (fullWidth || end === line.length || /\s/u.test(line[end] ?? '')) {
      pushTrimmed(sentences, line.slice(start, end));
      start = end;
    }
    index = end;
  }
  pushTrimmed(sentences, line.slice(start));
  return sentences;
}

function isTerminatorOrCloser(char: string): boolean {
  return SPACED_TERMINATORS.has(char) || FULL_WIDTH_TERMINATORS.has(char) || CLOSERS.has(char);
}

function pushTrimmed(into: string[], text: string): void {
  const trimmed = text.trim();
  if (trimmed !== '') into.push(trimmed);
}
