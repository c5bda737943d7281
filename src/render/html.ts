import type { Article } from '../article.js';
import type { Block } from '../blocks/block.js';
import { BULLET } from '../blocks/vocab.js';
import { linkGroups, marksOf, pieces, type InlineChoice, type InlineMarks, type TextPiece } from './inline.js';
import { tableRows } from './markdown.js';
import { metadataFields } from './metadata.js';
import { shownBlocks } from './shown.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const ESCAPED = /[&<>"]/g;

export function escapeHtml(text: string): string {
  return text.replace(ESCAPED, (c) => ESCAPES[c]!);
}

export interface HtmlOptions extends InlineChoice {
  /** Links as `<a href="…">` (default false: text only). Tables stay plain. */
  links?: boolean;
  /** Images as `<img src alt>` (default false). */
  images?: boolean;
  /** Bold, italic and inline code as `<strong>`, `<em>`, `<code>` (default false). */
  formatting?: boolean;
  /** A whole document, its `<head>` holding the page's metadata (default false: the `<article>` alone). */
  withMetadata?: boolean;
}

/**
 * Clean minimal HTML: one `<article>` holding the title (when found) and the shown blocks (see shownBlocks) as
 * h1–h6, p, ul/ol/dl with their items (nested lists inside their item), blockquote, pre/code (with its language),
 * tables with their header cells and caption, and figures with their caption. No classes but a code block's
 * language, no styles, no scripts; text escaped. Only http(s) and relative hrefs reach the blocks (see LinkSpan).
 */
export function renderHtml(article: Article, options: HtmlOptions = {}): string {
  const out: string[] = ['<article>'];
  const lang = article.metadata.language ?? article.language;
  if (lang !== undefined) out[0] = `<article lang="${escapeHtml(lang)}">`;
  if (article.metadata.title !== undefined) out.push(`<h1>${escapeHtml(article.metadata.title)}</h1>`);
  appendBlocks(out, shownBlocks(article.blocks), options);
  const comments = article.comments?.blocks ?? [];
  if (comments.length > 0) {
    out.push('<section class="comments">', '<h2>Comments</h2>');
    appendBlocks(out, comments, options);
    out.push('</section>');
  }
  out.push('</article>');
  return options.withMetadata === true ? htmlDocument(article, out.join('\n')) : out.join('\n');
}

/** The blocks as HTML elements, appended to `out`: list items grouped into their lists, a table with its caption. */
function appendBlocks(out: string[], shown: readonly Block[], options: HtmlOptions): void {
  const lists = new Lists(out);
  for (let i = 0; i < shown.length; i++) {
    const b = shown[i] as Block;
    const marks = marksOf(b, options);
    if (b.kind === 'list-item') {
      lists.item(b, inlineHtml(b.text, marks, listTextStart(b)));
      continue;
    }
    lists.close(0);
    const next = shown[i + 1];
    if (b.markup?.tableCaption === true && next?.kind === 'table') {
      out.push(tableHtml(next, inlineHtml(b.text, marks)));
      i++;
      continue;
    }
    out.push(blockToHtml(b, marks));
  }
  lists.close(0);
}

/** Where a list item's text starts: after a bullet the page wrote into its text ("• "), for unordered items. */
function listTextStart(b: Block): number {
  return b.markup?.ordinal === undefined && b.markup?.definition === undefined ? BULLET.exec(b.text)?.[0].length ?? 0 : 0;
}

/** The article in a whole document whose head holds the page's metadata. */
function htmlDocument(article: Article, body: string): string {
  const head = ['<meta charset="utf-8">'];
  let lang: string | undefined;
  for (const [name, value] of metadataFields(article)) {
    const v = escapeHtml(value);
    if (name === 'title') head.push(`<title>${v}</title>`);
    else if (name === 'author' || name === 'description') head.push(`<meta name="${name}" content="${v}">`);
    else if (name === 'date') head.push(`<meta property="article:published_time" content="${v}">`);
    else if (name === 'site') head.push(`<meta property="og:site_name" content="${v}">`);
    else if (name === 'url') head.push(`<link rel="canonical" href="${v}">`);
    else lang = v;
  }
  return ['<!doctype html>', lang === undefined ? '<html>' : `<html lang="${lang}">`, '<head>', ...head, '</head>', '<body>', body, '</body>', '</html>'].join('\n');
}

/**
 * The open lists while list items are written: a nested list goes inside the open item of its parent list, an
 * ordered list starts at its first item's number, a description list holds terms and descriptions. An item is
 * closed when the next item at its depth or above comes, so what nests below it stays inside it.
 */
class Lists {
  private readonly open: { depth: number; tag: 'ul' | 'ol' | 'dl'; item?: 'li' | 'dt' | 'dd'; itemLine: number; next: number }[] = [];

  constructor(private readonly out: string[]) {}

  item(b: Block, content: string): void {
    const depth = Math.max(b.level ?? 1, 1);
    const m = b.markup;
    const tag = m?.definition !== undefined ? 'dl' : m?.ordinal !== undefined ? 'ol' : 'ul';
    const top = this.open[this.open.length - 1];
    if (m?.continuation === true && top?.depth === depth && top.item !== undefined) {
      this.out.push(`<p>${content}</p>`);
      return;
    }
    this.close(depth);
    let list = this.open[this.open.length - 1];
    if (list !== undefined && list.depth === depth && list.tag !== tag) {
      this.closeTop();
      list = this.open[this.open.length - 1];
    }
    if (list === undefined || list.depth < depth) {
      // Levels with no item of their own (a list that starts nested) get an empty item to hold the next level.
      for (let level = list === undefined ? depth : list.depth + 1; level < depth; level++) this.openList(level, 'ul', 1, true);
      this.openList(depth, tag, m?.ordinal ?? 1, false);
      list = this.open[this.open.length - 1];
    } else {
      this.closeItem(list);
    }
    if (list === undefined) return;
    const element = tag === 'dl' ? (m?.definition === 'term' ? 'dt' : 'dd') : 'li';
    const value = tag === 'ol' && m?.ordinal !== undefined && m.ordinal !== list.next ? ` value="${m.ordinal}"` : '';
    this.out.push(`<${element}${value}>${content}`);
    list.item = element;
    list.itemLine = this.out.length - 1;
    if (m?.ordinal !== undefined) list.next = m.ordinal + 1;
  }

  /** Closes the lists deeper than `depth` (all of them for 0). */
  close(depth: number): void {
    while ((this.open[this.open.length - 1]?.depth ?? 0) > depth) this.closeTop();
  }

  private openList(depth: number, tag: 'ul' | 'ol' | 'dl', start: number, withItem: boolean): void {
    this.out.push(tag === 'ol' && start !== 1 ? `<ol start="${start}">` : `<${tag}>`);
    this.open.push({ depth, tag, itemLine: this.out.length - 1, next: start, ...(withItem ? { item: 'li' as const } : {}) });
    if (withItem) {
      this.out.push('<li>');
      (this.open[this.open.length - 1] as { itemLine: number }).itemLine = this.out.length - 1;
    }
  }

  private closeTop(): void {
    const list = this.open.pop();
    if (list === undefined) return;
    this.closeItem(list);
    this.out.push(`</${list.tag}>`);
  }

  /** Ends the open item: on its own line when lists nest below it. */
  private closeItem(list: { item?: 'li' | 'dt' | 'dd'; itemLine: number }): void {
    if (list.item === undefined) return;
    if (list.itemLine === this.out.length - 1) this.out[list.itemLine] += `</${list.item}>`;
    else this.out.push(`</${list.item}>`);
    delete list.item;
  }
}

/** text[from..] escaped, with the links, styles, line breaks and images the marks hold. */
function inlineHtml(text: string, marks: InlineMarks, from = 0): string {
  let out = '';
  for (const group of linkGroups(pieces(text, marks, from))) {
    const inner = group.pieces
      .map((piece) => {
        if (piece.type === 'break') return '<br>';
        if (piece.type === 'image') return imageHtml(piece.src, piece.alt);
        return styledHtml(piece);
      })
      .join('');
    out += group.href === undefined ? inner : `<a href="${escapeHtml(group.href)}">${inner}</a>`;
  }
  return out;
}

function styledHtml(piece: TextPiece): string {
  let out = escapeHtml(piece.text);
  if (piece.code) out = `<code>${out}</code>`;
  if (piece.em) out = `<em>${out}</em>`;
  if (piece.strong) out = `<strong>${out}</strong>`;
  return out;
}

function imageHtml(src: string, alt: string): string {
  return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">`;
}

function blockToHtml(b: Block, marks: InlineMarks): string {
  switch (b.kind) {
    case 'heading': {
      // The article's title is the h1; headings inside the body start at h2.
      const level = Math.min(Math.max(b.level ?? 2, 2), 6);
      return `<h${level}>${inlineHtml(b.text, marks)}</h${level}>`;
    }
    case 'quote':
      return `<blockquote><p>${inlineHtml(b.text, marks)}</p></blockquote>`;
    case 'code': {
      const language = b.markup?.language;
      const code = inlineHtml(b.text, { links: marks.links });
      return `<pre><code${language === undefined ? '' : ` class="language-${escapeHtml(language)}"`}>${code}</code></pre>`;
    }
    case 'caption': {
      if (b.markup?.tableCaption === true) return `<p>${inlineHtml(b.text, marks)}</p>`;
      const images = (marks.images ?? []).map((image) => imageHtml(image.src, image.alt));
      return `<figure>${images.join('')}<figcaption>${inlineHtml(b.text, { ...marks, images: undefined })}</figcaption></figure>`;
    }
    case 'table':
      return tableHtml(b, undefined);
    default:
      return `<p>${inlineHtml(b.text, marks)}</p>`;
  }
}

/** A table: the header rows that open it in a <thead>, the others in a <tbody> (plain rows without header rows), its caption first. */
function tableHtml(b: Block, caption: string | undefined): string {
  const rows = tableRows(b);
  let heads = 0;
  while (heads < rows.length && (rows[heads] as readonly { header: boolean }[]).every((c) => c.header)) heads++;
  const row = (cells: readonly { text: string; header: boolean }[]) =>
    `<tr>${cells.map((c) => (c.header ? `<th>${escapeHtml(c.text)}</th>` : `<td>${escapeHtml(c.text)}</td>`)).join('')}</tr>`;
  const out = ['<table>'];
  if (caption !== undefined) out.push(`<caption>${caption}</caption>`);
  if (heads === 0) out.push(...rows.map(row));
  else out.push('<thead>', ...rows.slice(0, heads).map(row), '</thead>', ...(heads < rows.length ? ['<tbody>', ...rows.slice(heads).map(row), '</tbody>'] : []));
  out.push('</table>');
  return out.join('\n');
}
