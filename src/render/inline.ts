/**
 * A block's text cut into inline pieces, for markdown and html: stretches of text with their link and styles, line
 * breaks (<br>) and images. The two renderers differ only in how they write a piece.
 */
import type { Block, ImageRef, InlineSpan, LinkSpan } from '../blocks/block.js';

/** What of a block's markup an output shows: links, styles and images are each asked for; line breaks always. */
export interface InlineMarks {
  links?: readonly LinkSpan[] | undefined;
  styles?: readonly InlineSpan[] | undefined;
  breaks?: readonly number[] | undefined;
  images?: readonly ImageRef[] | undefined;
}

export interface InlineChoice {
  links?: boolean;
  images?: boolean;
  formatting?: boolean;
}

/** The marks of a block that the options ask for. */
export function marksOf(b: Block, choice: InlineChoice): InlineMarks {
  const m = b.markup;
  return {
    links: choice.links === true ? b.links : undefined,
    styles: choice.formatting === true ? m?.styles : undefined,
    breaks: m?.breaks,
    images: choice.images === true ? m?.images : undefined,
  };
}

export interface TextPiece {
  type: 'text';
  text: string;
  href: string | undefined;
  strong: boolean;
  em: boolean;
  code: boolean;
}

export type Piece = TextPiece | { type: 'break' } | { type: 'image'; src: string; alt: string };

/**
 * text[from, to) as pieces in order: text with its link and styles (adjacent stretches alike are merged), a break
 * where a <br> was (the space there is dropped), an image where it sat.
 */
export function pieces(text: string, marks: InlineMarks, from = 0, to = text.length): Piece[] {
  const cuts = new Set<number>([from, to]);
  const inside = (at: number) => at > from && at < to;
  for (const span of [...(marks.links ?? []), ...(marks.styles ?? [])]) {
    if (inside(span.start)) cuts.add(span.start);
    if (inside(span.end)) cuts.add(span.end);
  }
  const breaks = new Set((marks.breaks ?? []).filter((at) => at >= from && at < to && text.charCodeAt(at) === 32));
  for (const at of breaks) {
    cuts.add(at);
    if (inside(at + 1)) cuts.add(at + 1);
  }
  const images = (marks.images ?? []).filter((image) => image.at >= from && image.at <= to);
  for (const image of images) cuts.add(image.at);
  const points = [...cuts].sort((a, b) => a - b);

  const out: Piece[] = [];
  const imagesAt = (at: number) => {
    for (const image of images) if (image.at === at) out.push({ type: 'image', src: image.src, alt: image.alt });
  };
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    imagesAt(start);
    if (breaks.has(start) && end === start + 1) {
      out.push({ type: 'break' });
      continue;
    }
    const piece: TextPiece = {
      type: 'text',
      text: text.slice(start, end),
      href: marks.links?.find((span) => span.start <= start && start < span.end)?.href,
      strong: covered(marks.styles, start, 'strong'),
      em: covered(marks.styles, start, 'em'),
      code: covered(marks.styles, start, 'code'),
    };
    const last = out[out.length - 1];
    if (last?.type === 'text' && last.href === piece.href && last.strong === piece.strong && last.em === piece.em && last.code === piece.code) {
      last.text += piece.text;
    } else {
      out.push(piece);
    }
  }
  imagesAt(to);
  return out;
}

function covered(styles: readonly InlineSpan[] | undefined, at: number, style: InlineSpan['style']): boolean {
  return styles?.some((span) => span.style === style && span.start <= at && at < span.end) === true;
}

/** Pieces grouped by the link they are in (undefined: outside links); breaks and images end a group. */
export function linkGroups(all: readonly Piece[]): { href: string | undefined; pieces: Piece[] }[] {
  const groups: { href: string | undefined; pieces: Piece[] }[] = [];
  for (const piece of all) {
    const href = piece.type === 'text' ? piece.href : undefined;
    const last = groups[groups.length - 1];
    if (last !== undefined && href !== undefined && last.href === href) last.pieces.push(piece);
    else groups.push({ href, pieces: [piece] });
  }
  return groups;
}

/** Text with its leading and trailing white space apart, so a style's marks can hug the words. */
export function trimmed(text: string): { before: string; core: string; after: string } {
  const core = text.trim();
  if (core === '') return { before: text, core: '', after: '' };
  const start = text.indexOf(core);
  return { before: text.slice(0, start), core, after: text.slice(start + core.length) };
}
