/**
 * DOM → blocks in reading order, in one iterative walk over the parsed document.
 *
 * The model is CSS's block formatting: every block element (p, h2, li, div, td…) is an *owner*; the inline text
 * met while it is the nearest owner is gathered into its current run. Entering a child block ends the owner's
 * run (it becomes a block) and starts the child's; after the child, the owner starts a fresh run. So a div
 * holding paragraphs yields the paragraphs plus its own bare text before, between and after them, and no text
 * is ever in two blocks. Two atomic owners gather their whole subtree: <pre> (kept verbatim, one 'code' block)
 * and a data table (one 'table' block, rows as lines, cells joined by " | ").
 *
 * What a block's features need is carried down the walk in a shared, copy-on-write context (landmark, article
 * flag, list depth, link id and href…); class tokens and tag paths are built only for the elements above an
 * emitted block; link characters are counted, and link spans recorded, as text arrives. So no subtree is read twice (the one exception, a table's
 * layout check, stops at the first sign of layout) and no ancestor's text is ever re-read.
 *
 * What can never be content (scripts, styles, form controls, media…) is never entered. Hidden subtrees are
 * walked as tentative groups and kept only when one holds the page's text (see visibility.ts and
 * block-records.ts); collapsed tab and accordion panels are walked as content.
 *
 * The walk only walks: the passes over the whole page once every block is emitted live in block-records.ts, and
 * what the elements say about the page (metadata, scripts) is the observer's (observer.ts).
 *
 * The walk uses an explicit stack: a page nested 100,000 levels deep cannot overflow it.
 */

import { isComment, isTag, isText, type AnyNode, type Document, type Element } from 'domhandler';
import type { BlockKind, BlockMarkup, LinkSpan, RawBlock } from '../../blocks/block.js';
import { emptyAttrs, readAttrs, type ElementAttrs } from './attrs.js';
import { finishBlocks, type BlockRecord, type TokenSource } from './block-records.js';
import type { SegmentObserver } from './observer.js';
import { parseHtml } from './parse.js';
import { usableHref } from './links.js';
import { blockMarkup, codeLanguage, imageOf, itemMarkup, LoneImages, openItem, openList, styleBit, type ItemState, type ListState } from './markup.js';
import { layoutTableReason, TableText } from './table.js';
import { TextRun, type RunText } from './text-run.js';
import { ANCESTOR_CHAIN_MAX, TAG_PATH_MAX_SEGMENTS } from './thresholds.js';
import { mergeTokens, TokenCache } from './tokens.js';
import { FURNITURE_CLASS_WORDS } from '../../blocks/vocab.js';
import { treatment, type Treatment } from './visibility.js';
import { tagInfo, type TagInfo } from './tag-info.js';
import { APP_ROOT_IDS, ARTICLE_ITEMPROPS, ARTICLE_ROLES, ARTICLE_SCHEMA_TYPES, LANDMARK_ROLES, type Landmark } from './vocab.js';

export interface SegmentOutput {
  blocks: RawBlock[];
  /** Characters of all blocks' text. */
  visibleChars: number;
  /** An app root (id="root", id="__next", <app-root>…) with no visible text inside. */
  emptyAppRoot: boolean;
}

/** The kind a block element passes to the generic blocks inside it (a <p> in an <li> is a list item). */
interface KindContext {
  kind: BlockKind;
  level: number | undefined;
  /** The list item the blocks belong to (its number, its place in a description list; see markup.ts). */
  item?: ItemState | undefined;
}

/**
 * What an element passes down to its descendants. Shared by reference between a frame and its children until
 * an element changes something (copy on write), so the common inline element allocates no context.
 */
interface Context {
  inArticle: boolean;
  landmark: Landmark | undefined;
  listDepth: number;
  /** Id of the nearest list element (for list-item link density), 0 when none. */
  listId: number;
  kindContext: KindContext | undefined;
  /** Id of the enclosing link, 0 outside links. */
  linkId: number;
  /** The enclosing link's href as written, when it is one a reader can follow (see usableHref). */
  linkHref: string | undefined;
  /** Inside <pre>: text kept verbatim into the pre's run. */
  pre: boolean;
  /** Inside a data table: text goes to `tableRun` (the open cell or caption), or is dropped when undefined. */
  table: TableText | undefined;
  tableRun: TextRun | undefined;
  /** Id of the tentative group (a hidden subtree or noscript walked on trial), 0 outside one. */
  group: number;
  /** Inside a collapsed panel the reader opens (a tab, an accordion answer). */
  collapsed: boolean;
  /** Style bits of the enclosing inline elements (bold, italic, code; see markup.ts), 0 for plain text. */
  style: number;
  /** The nearest list (its kind and item count), for its items' markup. */
  list: ListState | undefined;
}

/** A block element whose text runs become blocks. */
interface Owner {
  id: number;
  tag: string;
  kind: BlockKind;
  level: number | undefined;
  /** Holds other blocks (div, section, td…): its own text is an anonymous block inside it. */
  container: boolean;
  /** Index of its frame in the stack, which is also its depth in the DOM (the document is 0). */
  frameIndex: number;
  inArticle: boolean;
  landmark: Landmark | undefined;
  listId: number;
  group: number;
  collapsed: boolean;
  parent: Owner | undefined;
  /** Own id chain (enclosing owners' ids and its own, nearest ANCESTOR_CHAIN_MAX), built on first use. */
  chain: readonly number[] | undefined;
  /** Tag path and class tokens, built on its first block. */
  tagPath: string | undefined;
  tokens: readonly string[] | undefined;
  /** Where its furniture tokens come from (see TokenSource), built with the tokens. */
  sources: readonly TokenSource[] | undefined;
  run: TextRun;
  /** Markup its blocks carry (a code block's language), and the list item they belong to (markup.ts). */
  markup: BlockMarkup | undefined;
  item: ItemState | undefined;
}

/** One element on the walk's stack. */
interface Frame {
  node: Element | Document;
  /** Next child to visit. */
  next: number;
  name: string;
  info: TagInfo;
  owner: Owner;
  /** True when this frame's element created `owner` (its run is flushed when the frame ends). */
  ownsOwner: boolean;
  ctx: Context;
  /**
   * Class tokens of this element and its ancestors, computed on first use: only the frames above an emitted
   * block ever need them, so most inline elements are never tokenised.
   */
  tokens: readonly string[] | undefined;
  /** Furniture-token sources of this element and its ancestors, outermost first, computed with `tokens`. */
  sources: readonly TokenSource[] | undefined;
  /** The element's class, id and itemprop, kept from its attribute pass for the tokens. */
  cls: string | undefined;
  id: string | undefined;
  itemprop: string | undefined;
  /** For an app root frame: the page's visible characters when it was entered (-1 for other frames). */
  appRootStart: number;
}

const NO_SOURCES: readonly TokenSource[] = [];

/**
 * Segments a parsed document into raw blocks; the observer hears of the elements that describe the page (its
 * metadata, its scripts) during the same walk.
 */
export function segmentDocument(doc: Document, observer: SegmentObserver): SegmentOutput {
  return new Walker(observer).run(doc);
}

/** The state of one segmentation run. Created per page, never shared. */
class Walker {
  /** Every block emitted, with where it came from, for the passes over the whole page (block-records.ts). */
  private readonly records: BlockRecord[] = [];
  private nextGroupId = 1;
  /** Characters of visible (non-tentative) blocks emitted so far: the empty-app-root check compares it. */
  private visibleSoFar = 0;
  private readonly stack: Frame[] = [];
  private readonly tokenCache = new TokenCache();
  /** The attributes of the element being entered (one record reused for every element). */
  private readonly attrs = emptyAttrs();
  private nextOwnerId = 1;
  private nextLinkId = 1;
  /** An app root (id="root", <app-root>…) was left empty. */
  private emptyAppRoot = false;
  /** Images alone in their element, waiting for the block they go with (markup only). */
  private readonly lone = new LoneImages();

  constructor(private readonly observer: SegmentObserver) {}

  run(doc: Document): SegmentOutput {
    const root: Owner = {
      id: 0, tag: '#root', kind: 'paragraph', level: undefined, container: true, frameIndex: 0, inArticle: false,
      landmark: undefined, listId: 0, group: 0, collapsed: false, parent: undefined, chain: [0], tagPath: undefined,
      tokens: undefined, sources: undefined, run: new TextRun(), markup: undefined, item: undefined,
    };
    const ctx: Context = {
      inArticle: false, landmark: undefined, listDepth: 0, listId: 0, kindContext: undefined, linkId: 0,
      linkHref: undefined, pre: false, table: undefined, tableRun: undefined, group: 0, collapsed: false, style: 0,
      list: undefined,
    };
    this.stack.push({
      node: doc, next: 0, name: '', info: tagInfo(''), owner: root, ownsOwner: true, ctx, tokens: [], sources: [],
      appRootStart: -1, cls: undefined, id: undefined, itemprop: undefined,
    });
    while (this.stack.length > 0) {
      const frame = this.stack[this.stack.length - 1] as Frame;
      const children = frame.node.children;
      if (frame.next < children.length) {
        const child = children[frame.next++] as AnyNode;
        if (isText(child)) this.text(frame, child.data);
        else if (isTag(child)) this.enter(child, frame);
        else if (isComment(child) && child.data.startsWith('[CDATA[')) this.bogusCdata(child.data, frame);
        continue;
      }
      this.leave(frame);
      this.stack.pop();
    }
    const { blocks, visibleChars } = finishBlocks(this.records);
    return { blocks, visibleChars, emptyAppRoot: this.emptyAppRoot };
  }

  /**
   * `<![CDATA[` in HTML content: a browser ends this bogus comment at its first '>' and shows what follows, but
   * htmlparser2 swallows everything up to a `]]>` (on some forum pages, the whole body). The part after the first
   * '>' is parsed and walked in place. Rare: only pages that have the marker pay for it.
   */
  private bogusCdata(data: string, frame: Frame): void {
    // htmlparser2 keeps the "]]" of the closing "]]>" (or adds it when the page never closes the section).
    const body = data.endsWith(']]') ? data.slice(0, -2) : data;
    const end = body.indexOf('>');
    if (end < 0 || end === body.length - 1) return;
    const fragment = parseHtml(bogusCommentsEndAtGt(body.slice(end + 1)));
    this.stack.push({
      node: fragment, next: 0, name: '', info: tagInfo(''), owner: frame.owner, ownsOwner: false, ctx: frame.ctx,
      tokens: undefined, sources: undefined, appRootStart: -1, cls: undefined, id: undefined, itemprop: undefined,
    });
  }

  /** Routes a text node to the run it belongs to. Table cells keep no link spans (tables render as plain text). */
  private text(frame: Frame, data: string): void {
    const ctx = frame.ctx;
    if (ctx.table !== undefined) tableText(ctx, ctx.table, data);
    else if (ctx.pre) frame.owner.run.appendPre(data, ctx.linkId, ctx.linkHref);
    else frame.owner.run.append(data, ctx.linkId, ctx.linkHref, ctx.style);
  }

  /** Visits an element: metadata hooks, drop/hide check, then a new frame (or a void element's effect). */
  private enter(el: Element, parent: Frame): void {
    const name = el.name;
    const info = tagInfo(name);
    if (info.metadataHook) this.observer.onPageElement(el, name);
    const attrs = readAttrs(el.attribs, this.attrs);
    const pc = parent.ctx;
    let how = treatment(el, info, attrs, pc.group !== 0);
    // Data tables and <pre> are atomic blocks: a hidden part of them cannot be a group of its own.
    if (how === 'tentative' && (pc.table !== undefined || pc.pre)) how = 'skip';
    if (how === 'skip') {
      if (name === 'math') this.mathAltText(el, parent);
      else this.hiddenMetadataHooks(el, parent);
      return;
    }
    if (name === 'br') return this.lineBreak(parent);
    if (name === 'hr') {
      if (pc.table === undefined && !pc.pre) this.flush(parent.owner);
      return;
    }
    if (el.children.length === 0 && pc.table === undefined && !pc.pre) return this.emptyElement(el, name, info, attrs, parent);
    this.stack.push(this.childFrame(el, name, info, attrs, parent, how));
  }

  /**
   * An element without children (an image, an icon, an empty div): no frame is needed. It still reports its
   * itemprop/datetime metadata, ends the parent's run when it is a block, separates words when it is a custom
   * element, and is an empty app root when it is one.
   */
  private emptyElement(el: Element, name: string, info: TagInfo, a: ElementAttrs, parent: Frame): void {
    if (a.itemprop !== undefined) this.observer.onItemprop(el, a.itemprop);
    if (name === 'time') this.observer.onTime(el, parent.ctx.inArticle);
    if (name === 'img') this.image(el, parent.owner);
    if (isBlock(info, a)) {
      this.flush(parent.owner);
      if (isAppRoot(info, a)) this.emptyAppRoot = true;
    } else if (info.custom) {
      parent.owner.run.space();
    }
  }

  /** Ends an element: flushes the run of the owner it created, closes table rows/cells, checks app roots. */
  private leave(frame: Frame): void {
    const name = frame.name;
    const ctx = frame.ctx;
    if (ctx.table !== undefined) {
      if (frame.ownsOwner) return this.emitTable(frame.owner, ctx.table);
      if (name === 'thead') ctx.table.endHead();
      if (name === 'td' || name === 'th') ctx.table.endCell();
      else if (name === 'tr') ctx.table.endRow();
      else if (frame.info.block) ctx.tableRun?.space();
      return;
    }
    if (ctx.pre) {
      if (frame.ownsOwner) this.flushPre(frame.owner);
      else if (frame.info.block) frame.owner.run.newline();
      return;
    }
    if (frame.ownsOwner) this.flush(frame.owner);
    else if (frame.info.custom) frame.owner.run.space();
    if (frame.appRootStart >= 0 && this.visibleSoFar === frame.appRootStart) this.emptyAppRoot = true;
  }

  /** The frame for an element: inherits the parent's context, adds its own, and opens an owner if it is a block. */
  private childFrame(el: Element, name: string, info: TagInfo, a: ElementAttrs, parent: Frame, how: Treatment): Frame {
    const pc = parent.ctx;
    const frame: Frame = {
      node: el, next: 0, name, info, owner: parent.owner, ownsOwner: false, ctx: pc, tokens: undefined,
      sources: undefined, appRootStart: -1, cls: a.class, id: a.id, itemprop: a.itemprop,
    };
    if (how === 'tentative') writable(frame, pc).group = this.nextGroupId++;
    else if (how === 'collapsed' && !pc.collapsed) writable(frame, pc).collapsed = true;
    if (!pc.inArticle && marksArticle(info, a)) writable(frame, pc).inArticle = true;
    const landmark = landmarkOf(info, a, pc.inArticle);
    if (landmark !== undefined && landmark !== pc.landmark) writable(frame, pc).landmark = landmark;
    if (a.itemprop !== undefined) this.observer.onItemprop(el, a.itemprop);
    if (name === 'time') this.observer.onTime(el, frame.ctx.inArticle);
    if ((a.class !== undefined && mayNameMetadata(a.class)) || (a.id !== undefined && mayNameMetadata(a.id))) {
      const own = ownTokens(info, a.class, a.id, a.itemprop, this.tokenCache);
      if (own.includes('author')) this.observer.onByline(el);
      if (own.includes('date')) this.observer.onDateText(el);
    }
    if (name === 'a') {
      if (isLink(a)) {
        const ctx = writable(frame, pc);
        ctx.linkId = this.nextLinkId++;
        ctx.linkHref = usableHref(a.href);
      }
      if (a.rel?.toLowerCase().split(/\s/).includes('author') === true) this.observer.onByline(el);
    }
    if (pc.table !== undefined) return this.tableChildFrame(frame, name, info, pc);
    if (pc.pre) {
      if (info.block) frame.owner.run.newline();
      return frame;
    }
    const style = styleBit(name);
    if ((pc.style & style) !== style) writable(frame, pc).style = pc.style | style;
    if (info.list) {
      const ctx = writable(frame, pc);
      ctx.listDepth += 1;
      ctx.list = openList(name, el);
    }
    const block = isBlock(info, a);
    // A tentative group always gets an owner of its own, so its text never joins a visible run; an inline one
    // (a <noscript> inside a paragraph) does not end the paragraph around it.
    if (!block && how !== 'tentative') {
      if (info.custom) frame.owner.run.space();
      return frame;
    }
    if (block) this.flush(parent.owner);
    return this.openOwner(el, name, info, a, frame, parent);
  }

  /** Opens the owner of a block element on its frame: its kind, the context it passes down, table/pre modes. */
  private openOwner(el: Element, name: string, info: TagInfo, a: ElementAttrs, frame: Frame, parent: Frame): Frame {
    const pc = parent.ctx;
    const heading = headingLevel(el, info, a);
    let kind: BlockKind;
    let level: number | undefined;
    let item: ItemState | undefined;
    if (heading !== undefined) {
      kind = 'heading';
      level = heading;
      writable(frame, pc).kindContext = { kind, level };
    } else if (info.pre) {
      kind = 'code';
      writable(frame, pc).pre = true;
    } else if (info.listItem) {
      kind = 'list-item';
      level = Math.max(1, frame.ctx.listDepth);
      item = openItem(name, el, frame.ctx.list);
      writable(frame, pc).kindContext = { kind, level, item };
    } else if (name === 'blockquote') {
      kind = 'quote';
      writable(frame, pc).kindContext = { kind, level: undefined };
    } else if (info.caption) {
      kind = 'caption';
      writable(frame, pc).kindContext = { kind, level: undefined };
    } else if (frame.ctx.kindContext !== undefined) {
      kind = frame.ctx.kindContext.kind;
      level = frame.ctx.kindContext.level;
      item = frame.ctx.kindContext.item;
    } else {
      kind = info.otherKind ? 'other' : 'paragraph';
    }
    const id = this.nextOwnerId++;
    if (info.list) writable(frame, pc).listId = id;
    let container = info.container;
    if (name === 'table' && layoutTableReason(el) === undefined) {
      kind = 'table';
      level = undefined;
      container = false;
      writable(frame, pc).table = new TableText();
    }
    const ctx = frame.ctx;
    frame.owner = {
      id, tag: name, kind, level, container, frameIndex: this.stack.length, inArticle: ctx.inArticle,
      landmark: ctx.landmark, listId: ctx.listId, group: ctx.group, collapsed: ctx.collapsed, parent: parent.owner,
      chain: undefined, tagPath: undefined, tokens: undefined, sources: undefined, run: new TextRun(),
      markup: undefined, item,
    };
    if (info.pre) {
      const language = codeLanguage(el);
      if (language !== undefined) frame.owner.markup = { language };
    }
    frame.ownsOwner = true;
    if (isAppRoot(info, a)) frame.appRootStart = this.visibleSoFar;
    return frame;
  }

  /** Inside a data table: rows and cells open and close; other block edges are spaces; caption text is kept apart. */
  private tableChildFrame(frame: Frame, name: string, info: TagInfo, pc: Context): Frame {
    const table = pc.table as TableText;
    if (name === 'tr') {
      table.startRow();
      writable(frame, pc).tableRun = undefined;
    } else if (name === 'td' || name === 'th') {
      writable(frame, pc).tableRun = table.startCell(name === 'th');
    } else if (name === 'caption') {
      writable(frame, pc).tableRun = table.caption;
    } else if (info.block) {
      if (name === 'thead') table.startHead();
      pc.tableRun?.space();
    }
    return frame;
  }

  /** <br>: a space; two in a row end the paragraph; a newline inside <pre>. */
  private lineBreak(parent: Frame): void {
    const ctx = parent.ctx;
    if (ctx.table !== undefined) ctx.tableRun?.space();
    else if (ctx.pre) parent.owner.run.newline();
    else if (parent.owner.run.lineBreak()) this.flush(parent.owner);
  }

  /** A formula's alttext stands for the dropped MathML. */
  private mathAltText(el: Element, parent: Frame): void {
    const alt = el.attribs['alttext'];
    const ctx = parent.ctx;
    if (alt === undefined || ctx.table !== undefined) return;
    if (ctx.pre) parent.owner.run.appendPre(alt, ctx.linkId, ctx.linkHref);
    else parent.owner.run.append(` ${alt} `, ctx.linkId, ctx.linkHref);
  }

  /** Metadata still counts when hidden: a display:none itemprop date or <time> is common. */
  private hiddenMetadataHooks(el: Element, parent: Frame): void {
    const itemprop = el.attribs['itemprop'];
    if (itemprop !== undefined && el.name !== 'meta') this.observer.onItemprop(el, itemprop);
    if (el.name === 'time') this.observer.onTime(el, parent.ctx.inArticle);
  }

  /** Ends the owner's current run: its text becomes a block (when not empty). */
  private flush(owner: Owner): void {
    if (owner.run.empty) {
      if (owner.run.onlyImages) this.lone.leave(owner.run.takeImages(), owner.id, owner.parent?.id ?? 0);
      return;
    }
    const run = owner.run.take();
    const { text, linkChars, linkCount, links } = run;
    this.emit(owner, owner.kind, owner.level, text, linkChars / Math.max(1, text.length), linkCount, links, run);
  }

  /** An <img>: kept in the run it sits in, for the markup of its block. */
  private image(el: Element, owner: Owner): void {
    const image = imageOf(el);
    if (image !== undefined) owner.run.image(image.src, image.alt);
  }

  /** Ends a <pre>: its verbatim text becomes one 'code' block. */
  private flushPre(owner: Owner): void {
    if (owner.run.empty) return;
    const { text, linkChars, linkCount, links } = owner.run.takePre();
    this.emit(owner, 'code', undefined, text, linkChars / Math.max(1, text.length), linkCount, links);
  }

  /** Ends a data table: its caption (a 'caption' block) then its rows (one 'table' block). */
  private emitTable(owner: Owner, table: TableText): void {
    const caption = table.caption.take();
    this.emit(
      owner, 'caption', undefined, caption.text, caption.linkChars / Math.max(1, caption.text.length), caption.linkCount,
      caption.links, caption, { tableCaption: true },
    );
    const { text, textChars, linkChars, linkCount, rows } = table.finish();
    this.emit(owner, 'table', undefined, text, linkChars / Math.max(1, textChars), linkCount, undefined, undefined, { rows });
  }

  /**
   * Adds a block (unless its text is empty) with its DOM features. A container's own text sits inside the
   * container; any other block (a <p>, an <li>) sits inside its parent owner.
   */
  private emit(
    owner: Owner, kind: BlockKind, level: number | undefined, text: string, linkDensity: number, linkCount: number,
    links?: readonly LinkSpan[], run?: RunText, own?: BlockMarkup,
  ): void {
    if (text.length === 0) return;
    const ancestors = this.chainOf(owner.container || owner.parent === undefined ? owner : owner.parent);
    const markup = blockMarkup(run, own ?? (owner.item === undefined ? owner.markup : itemMarkup(owner.item)), this.lone.claim(ancestors));
    if (owner.tokens === undefined) {
      owner.tokens = this.tokensAt(owner.frameIndex);
      owner.sources = (this.stack[owner.frameIndex] as Frame).sources;
    }
    owner.tagPath ??= this.tagPathAt(owner.frameIndex);
    const block: RawBlock = {
      text,
      kind,
      dom: {
        linkDensity: Math.min(1, linkDensity),
        tagPath: owner.tagPath,
        classTokens: owner.tokens.slice(),
        depth: owner.frameIndex,
        inArticle: owner.inArticle,
        tag: owner.tag,
        linkCount,
        containerId: ancestors[ancestors.length - 1] ?? 0,
        ancestors,
      },
    };
    if (level !== undefined) block.level = level;
    if (links !== undefined) block.links = links;
    if (markup !== undefined) block.markup = markup;
    if (owner.landmark !== undefined && block.dom !== undefined) block.dom.landmark = owner.landmark;
    if (owner.collapsed && block.dom !== undefined) block.dom.collapsed = true;
    const listId = kind === 'list-item' ? owner.listId : 0;
    this.records.push({ block, listId, group: owner.group, sources: owner.sources ?? NO_SOURCES });
    if (owner.group === 0) this.visibleSoFar += text.length;
  }

  /**
   * The owner's id chain: enclosing owners' ids, outermost first, ending with its own, capped to the nearest
   * ANCESTOR_CHAIN_MAX. Built on first use from the nearest owner that has one, iteratively; shared by the
   * blocks of the owner (typed readonly: never modified after it is built).
   */
  private chainOf(owner: Owner): readonly number[] {
    if (owner.chain !== undefined) return owner.chain;
    const pending: Owner[] = [];
    let base: readonly number[] = [];
    for (let o: Owner | undefined = owner; o !== undefined; o = o.parent) {
      if (o.chain !== undefined) {
        base = o.chain;
        break;
      }
      pending.push(o);
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      const o = pending[i] as Owner;
      const keep = base.length >= ANCESTOR_CHAIN_MAX ? base.slice(base.length - ANCESTOR_CHAIN_MAX + 1) : base.slice();
      keep.push(o.id);
      o.chain = keep;
      base = keep;
    }
    return base;
  }

  /**
   * Class tokens of the frame at `index` and its ancestors, computed from the nearest frame that has them and
   * cached on every frame on the way (each frame is tokenised at most once).
   */
  private tokensAt(index: number): readonly string[] {
    let from = index;
    while ((this.stack[from] as Frame).tokens === undefined) from -= 1;
    let tokens = (this.stack[from] as Frame).tokens as readonly string[];
    let sources = (this.stack[from] as Frame).sources as readonly TokenSource[];
    for (let i = from + 1; i <= index; i++) {
      const frame = this.stack[i] as Frame;
      // A nameless frame is a parsed fragment (see bogusCdata), not an element.
      const own = ownTokens(frame.info, frame.cls, frame.id, frame.itemprop, this.tokenCache);
      if (own.length > 0) {
        tokens = mergeTokens(tokens, own);
        const furniture = own.filter((t) => FURNITURE_CLASS_WORDS.has(t));
        if (furniture.length > 0) sources = [...sources, { tokens: furniture, chars: 0 }];
      }
      frame.tokens = tokens;
      frame.sources = sources;
    }
    return tokens;
  }

  /** "body>div>article>p": the last TAG_PATH_MAX_SEGMENTS element names down to the frame at `index`. */
  private tagPathAt(index: number): string {
    let path = '';
    for (let i = Math.max(1, index - TAG_PATH_MAX_SEGMENTS + 1); i <= index; i++) {
      const name = (this.stack[i] as Frame).name;
      if (name.length > 0) path = path.length === 0 ? name : `${path}>${name}`;
    }
    return path;
  }
}

/**
 * The markup after a bogus `<![CDATA[` with the nested markers rewritten so that each ends at its first '>' in the
 * same parse (as processing instructions), which is what a browser does with them; one that no '>' follows hides
 * the rest, as a browser's bogus comment runs to the end. Parsed as they are, each nested marker would swallow the
 * rest of the fragment again, and parsing each rest in turn takes time in the square of the page.
 */
export function bogusCommentsEndAtGt(html: string): string {
  if (!html.includes('<![CDATA[')) return html;
  const open = html.indexOf('<![CDATA[', html.lastIndexOf('>') + 1);
  return (open < 0 ? html : html.slice(0, open)).replaceAll('<![CDATA[', '<?[CDATA[');
}

/** Text inside a data table: into the open cell (links counted, no spans kept) or the caption (spans kept). */
function tableText(ctx: Context, table: TableText, data: string): void {
  const run = ctx.tableRun;
  run?.append(data, ctx.linkId, run === table.caption ? ctx.linkHref : undefined);
}

/** The frame's own context, copied from the parent's on the first change. */
function writable(frame: Frame, parentCtx: Context): Context {
  if (frame.ctx === parentCtx) {
    frame.ctx = {
      inArticle: parentCtx.inArticle, landmark: parentCtx.landmark, listDepth: parentCtx.listDepth,
      listId: parentCtx.listId, kindContext: parentCtx.kindContext, linkId: parentCtx.linkId,
      linkHref: parentCtx.linkHref, pre: parentCtx.pre, table: parentCtx.table, tableRun: parentCtx.tableRun,
      group: parentCtx.group, collapsed: parentCtx.collapsed, style: parentCtx.style, list: parentCtx.list,
    };
  }
  return frame.ctx;
}

/** The token list of an element without meaningful class words. */
const NO_TOKENS: readonly string[] = [];

/**
 * Cheap check before tokenising a class or id for the byline and date hooks: it contains a substring of every
 * spelling that tokenises to "author" or "date" (see vocab.ts), in either case of its first letter.
 */
function mayNameMetadata(value: string): boolean {
  return value.includes('uthor') || value.includes('yline') || value.includes('riter') || value.includes('ontributor')
    || value.includes('date') || value.includes('Date') || value.includes('imestamp') || value.includes('ublish');
}

/** True for elements that start a block (see BLOCK_TAGS), app roots and role=heading elements. */
function isBlock(info: TagInfo, a: ElementAttrs): boolean {
  return info.block || a.role === 'heading';
}

/** The heading level of h1–h6, or of a role=heading element (aria-level, else 2). */
function headingLevel(el: Element, info: TagInfo, a: ElementAttrs): number | undefined {
  if (info.heading > 0) return info.heading;
  if (a.role !== 'heading') return undefined;
  const aria = Number(el.attribs['aria-level']);
  return Number.isInteger(aria) && aria >= 1 && aria <= 6 ? aria : 2;
}

/** An <a> that is a link: it has an href, or it is not merely a named anchor target. */
function isLink(a: ElementAttrs): boolean {
  return a.href !== undefined || (a.name === undefined && a.id === undefined);
}

/** Vocabulary tokens of the element's own class, id and itemprop (none for html/body: they describe the page). */
function ownTokens(
  info: TagInfo, cls: string | undefined, id: string | undefined, itemprop: string | undefined, cache: TokenCache,
): readonly string[] {
  if (info.untokenised || (cls === undefined && id === undefined && itemprop === undefined)) return NO_TOKENS;
  let tokens: readonly string[] = cls === undefined ? NO_TOKENS : cache.tokens(cls);
  if (id !== undefined) tokens = mergeTokens(tokens, cache.tokens(id));
  if (itemprop !== undefined) tokens = mergeTokens(tokens, cache.tokens(itemprop));
  return tokens;
}

/** True for article, main, role=main/article, itemprop=articleBody and schema.org Article-type itemscopes. */
function marksArticle(info: TagInfo, a: ElementAttrs): boolean {
  if (info.article) return true;
  const role = a.role;
  if (role !== undefined && ARTICLE_ROLES.has(role.trim().toLowerCase())) return true;
  const itemprop = a.itemprop;
  if (itemprop !== undefined && itemprop.toLowerCase().split(/\s/).some((p) => ARTICLE_ITEMPROPS.has(p))) return true;
  const itemtype = a.itemtype;
  if (itemtype === undefined) return false;
  for (const url of itemtype.split(/\s/)) {
    const type = url.slice(url.lastIndexOf('/') + 1).toLowerCase();
    if (ARTICLE_SCHEMA_TYPES.has(type)) return true;
  }
  return false;
}

/** The landmark an element opens: nav/aside anywhere, header/footer only outside an article, or an ARIA role. */
function landmarkOf(info: TagInfo, a: ElementAttrs, insideArticle: boolean): Landmark | undefined {
  const byTag = info.landmark;
  if (byTag !== undefined && !(insideArticle && (byTag === 'header' || byTag === 'footer'))) return byTag;
  const role = a.role;
  return role === undefined ? undefined : LANDMARK_ROLES.get(role.trim().toLowerCase());
}

/** An element a script application renders into. */
function isAppRoot(info: TagInfo, a: ElementAttrs): boolean {
  if (info.appRoot) return true;
  const id = a.id;
  return id !== undefined && APP_ROOT_IDS.has(id.toLowerCase());
}
