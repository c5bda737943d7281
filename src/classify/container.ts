import type { Block } from '../blocks/block.js';
import { THRESHOLDS as T } from './thresholds.js';
import { tierOf } from './smooth.js';

/**
 * Container coherence (DOM pages only; a no-op when blocks carry no container ancestry).
 *
 * Sites put an article's paragraphs in one container. After smoothing, the main container is the deepest one
 * holding at least `mainContainerShare` of the page's content words. Inside it, blocks that were only uncertain
 * (a short paragraph, a sub-heading, a list of short items) join the article: their container vouches for
 * them, unless they are mostly links (a tag list, a user name). Confident boilerplate inside it (a share bar, an inline "related" box) stays out. Outside it, only
 * blocks that are good on their own evidence stay content: smoothing alone does not carry a teaser in.
 * Returns the id of the main container, or undefined.
 */
/**
 * Teasers under a related-content heading: the container holding the article often holds that section too, and
 * cannot vouch for it.
 */
function underSectionHeading(b: Block): boolean {
  return b.reasons.includes('in-related-section');
}

export function applyContainerCoherence(blocks: Block[], bias: number): number | undefined {
  const contentWords = new Map<number, number>();
  let total = 0;
  for (const b of blocks) {
    if (b.label !== 'content' || b.features.ancestors === undefined) continue;
    total += b.features.words;
    for (const id of b.features.ancestors) contentWords.set(id, (contentWords.get(id) ?? 0) + b.features.words);
  }
  if (total === 0) return undefined;
  // The deepest qualifying container: walk each content block's chain from the inside out.
  let main: number | undefined;
  let mainDepth = -1;
  for (const b of blocks) {
    const chain = b.features.ancestors;
    if (b.label !== 'content' || chain === undefined) continue;
    for (let d = chain.length - 1; d >= 0; d--) {
      if ((contentWords.get(chain[d]!) ?? 0) >= total * T.mainContainerShare) {
        if (d > mainDepth) [main, mainDepth] = [chain[d], d];
        break;
      }
    }
  }
  if (main === undefined) return undefined;
  for (const b of blocks) {
    if (b.features.ancestors === undefined) continue;
    const inside = b.features.ancestors.includes(main);
    const tier = tierOf(b.score, bias);
    const navigational = b.features.linkDensity >= T.linkSomeRatio;
    if (inside && b.label !== 'content' && tier !== 'bad' && b.features.words > 0 && !navigational && !underSectionHeading(b)) {
      b.label = 'content';
      b.reasons.push('→in-main-container');
    } else if (!inside && b.label === 'content' && tier !== 'good') {
      b.label = 'boilerplate';
      b.reasons.push('→outside-main-container');
    }
  }
  return main;
}
