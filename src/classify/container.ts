import type { Block } from '../blocks/block.js';
import { FURNITURE_CLASS_WORDS } from '../blocks/vocab.js';
import type { Calibration } from './calibration.js';
import { hasSomeLinks } from './shapes.js';
import { relabel, type Stage } from './stage.js';

export const containerStage: Stage = { name: 'container', run: ({ blocks, calibration }) => void applyContainerCoherence(blocks, calibration) };

/**
 * Teasers under a related-content heading: the container holding the article often holds that section too, and
 * cannot vouch for it.
 */
function underSectionHeading(b: Block): boolean {
  return b.sections?.includes('related') === true;
}

/**
 * The class words the main container's content carries for at least half of its words: words of the container
 * itself or of its ancestors, which say nothing about one box inside it.
 */
function tokensOfContainer(blocks: readonly Block[], main: number, c: Calibration): ReadonlySet<string> {
  const words = new Map<string, number>();
  let total = 0;
  for (const b of blocks) {
    if (b.label !== 'content' || b.features.ancestors?.includes(main) !== true) continue;
    total += b.features.words;
    for (const t of b.features.classTokens ?? []) words.set(t, (words.get(t) ?? 0) + b.features.words);
  }
  const out = new Set<string>();
  for (const [t, w] of words) if (w >= total * c.container.containerTokenShare) out.add(t);
  return out;
}

/**
 * A block in a furniture box inside the main container: a furniture class word the container's text lacks.
 * "teaser" (cards, tiles) does not count: on a listing the cards are the text.
 */
function inFurnitureBox(b: Block, containerTokens: ReadonlySet<string>): boolean {
  for (const t of b.features.classTokens ?? []) {
    if (t !== 'teaser' && FURNITURE_CLASS_WORDS.has(t) && !containerTokens.has(t)) return true;
  }
  return false;
}

/**
 * Container coherence (DOM pages only; a no-op when blocks carry no container ancestry).
 *
 * Sites put an article's paragraphs in one container. After smoothing, the main container is the deepest one
 * holding at least `mainContainerShare` of the page's content words. Inside it, blocks that were only uncertain
 * (a short paragraph, a sub-heading, a list of short items) join the article: their container vouches for them,
 * unless they are mostly links (a tag list, a user name), sit under a related-content heading, or sit in a
 * furniture box nested in it (a class word such as popup, share or sidebar that the container's own text does not
 * carry). Confident boilerplate inside it (a share bar, an inline "related" box) stays out. Outside it, only blocks
 * that are good on their own evidence and not in a furniture box stay content: smoothing alone does not carry a
 * teaser in, and a sidebar's prose is still the sidebar.
 * Returns the id of the main container, or undefined.
 */
export function applyContainerCoherence(blocks: Block[], c: Calibration): number | undefined {
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
      if ((contentWords.get(chain[d]!) ?? 0) >= total * c.container.mainContainerShare) {
        if (d > mainDepth) [main, mainDepth] = [chain[d], d];
        break;
      }
    }
  }
  if (main === undefined) return undefined;
  const ownTokens = tokensOfContainer(blocks, main, c);
  for (const b of blocks) {
    if (b.features.ancestors === undefined) continue;
    const inside = b.features.ancestors.includes(main);
    const navigational = hasSomeLinks(b.features, c.shapes.someLinks);
    if (inside && b.label !== 'content' && b.tier !== 'bad' && b.features.words > 0 && !navigational && !underSectionHeading(b) && !inFurnitureBox(b, ownTokens)) {
      relabel(b, 'container', 'content', 'in-main-container');
    } else if (!inside && b.label === 'content' && (b.tier !== 'good' || inFurnitureBox(b, ownTokens))) {
      relabel(b, 'container', 'boilerplate', 'outside-main-container');
    }
  }
  return main;
}
