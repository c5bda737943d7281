import type { Block } from '../blocks/block.js';

/**
 * The blocks markdown and html show: the kept ones, and the captions of figures and tables that sit inside the kept
 * text (the nearest other blocks before and after them are kept). The classifier removes captions, as the
 * benchmarks' references leave them out of the text; a reader of the formatted article expects them under their
 * figure or table.
 */
export function shownBlocks(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (b.label === 'content' || (b.kind === 'caption' && keptAround(blocks, i))) out.push(b);
  }
  return out;
}

function keptAround(blocks: readonly Block[], at: number): boolean {
  return nearestOther(blocks, at, -1)?.label === 'content' && nearestOther(blocks, at, 1)?.label === 'content';
}

/** The nearest block that is not a caption, before (step -1) or after (step 1) the one at `at`. */
function nearestOther(blocks: readonly Block[], at: number, step: 1 | -1): Block | undefined {
  for (let i = at + step; i >= 0 && i < blocks.length; i += step) {
    const b = blocks[i] as Block;
    if (b.kind !== 'caption') return b;
  }
  return undefined;
}
