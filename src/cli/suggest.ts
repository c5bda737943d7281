/** Suggestions for a mistyped command ("scroe" → "score"). */

/** The commands a word may be a misspelling of. */
const COMMANDS = ['clean', 'score', 'eval', 'batch', 'help'] as const;

/**
 * Edits (insertions, deletions, substitutions, swaps of two neighbours) a word may be away from a command and still
 * be taken for it: two catches a swap plus a slip ("scroe", "btach", "evl") without matching unrelated file names.
 */
const MAX_EDITS = 2;

/** The command the word is most likely a misspelling of, if any is close enough (an exact name is not a misspelling). */
export function closestCommand(word: string): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = MAX_EDITS + 1;
  for (const command of COMMANDS) {
    const distance = editDistance(lower, command);
    // A short word is far from everything: at least half of it must survive the edits.
    if (distance < bestDistance && distance * 2 <= Math.max(lower.length, command.length)) {
      best = command;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal string alignment distance: Levenshtein's edits plus a swap of two neighbouring characters. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}
