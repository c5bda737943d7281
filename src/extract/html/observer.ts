/**
 * What the segmenting walk reports besides blocks: the elements that describe the page (its metadata) and the marks
 * of a script application. The walk calls these hooks as it meets the elements, visible or not; what an element
 * means is decided here and in MetadataCollector, so the walk itself only walks.
 */
import { isText, type Element } from 'domhandler';
import { boundedText } from './dom-text.js';
import type { MetadataCollector } from './metadata.js';
import { NOSCRIPT_TEXT_MAX_CHARS } from './thresholds.js';
import { NOSCRIPT_JS_WORDS } from './vocab.js';

export interface SegmentObserver {
  /** An element read for what it says about the page, whatever its visibility: meta, link, title, html, base, script, noscript. */
  onPageElement(el: Element, name: string): void;
  /** An element with an itemprop (a <meta itemprop> comes through onPageElement). */
  onItemprop(el: Element, itemprop: string): void;
  /** A <time>; `inArticle` when it sits inside the article. */
  onTime(el: Element, inArticle: boolean): void;
  /** An element whose class, id or rel names a byline. */
  onByline(el: Element): void;
  /** An element whose class or id names a date. */
  onDateText(el: Element): void;
}

/** The marks of a script application the page's elements show (see spa.ts). */
export interface ScriptMarks {
  /** <script> elements other than JSON-LD, and script preloads. */
  scripts: number;
  /** Characters of inline script code. */
  inlineScriptChars: number;
  /** A <noscript> asks the reader to enable JavaScript. */
  noscriptAsksForJs: boolean;
}

/** The observer of one page: feeds its metadata collector, counts its script marks, keeps its first <base href>. */
export class PageObserver implements SegmentObserver {
  readonly marks: ScriptMarks = { scripts: 0, inlineScriptChars: 0, noscriptAsksForJs: false };
  /** The href of the page's first <base> that has one, as written (links are resolved against it later). */
  baseHref: string | undefined;

  constructor(private readonly metadata: MetadataCollector) {}

  onPageElement(el: Element, name: string): void {
    switch (name) {
      case 'meta':
        return this.metadata.onMeta(el);
      case 'link':
        if (preloadsScript(el)) this.marks.scripts += 1;
        return this.metadata.onLink(el);
      case 'title':
        return this.metadata.onTitle(el);
      case 'html':
        return this.metadata.onHtml(el);
      case 'base':
        this.baseHref ??= el.attribs['href'];
        return;
      case 'script':
        return this.script(el);
      case 'noscript':
        if (!this.marks.noscriptAsksForJs) this.marks.noscriptAsksForJs = asksForJavaScript(el);
        return;
      default:
        return;
    }
  }

  onItemprop(el: Element, itemprop: string): void {
    this.metadata.onItemprop(el, itemprop);
  }

  onTime(el: Element, inArticle: boolean): void {
    this.metadata.onTime(el, inArticle);
  }

  onByline(el: Element): void {
    this.metadata.onByline(el);
  }

  onDateText(el: Element): void {
    this.metadata.onDateText(el);
  }

  /** JSON-LD scripts feed the metadata; other scripts count towards the script-application signal. */
  private script(el: Element): void {
    const type = el.attribs['type']?.trim().toLowerCase();
    const first = el.children[0];
    const code = el.children.length === 1 && first !== undefined && isText(first) ? first.data : '';
    if (type === 'application/ld+json') {
      this.metadata.onJsonLd(code);
      return;
    }
    if (type !== undefined && type.length > 0 && !type.includes('javascript') && type !== 'module') return;
    this.marks.scripts += 1;
    this.marks.inlineScriptChars += code.length;
  }
}

/**
 * A <link> that preloads a script module: the script itself may have been stripped by the scraper, the preload
 * still shows the page is a script application.
 */
function preloadsScript(el: Element): boolean {
  const rel = el.attribs['rel']?.toLowerCase();
  if (rel === undefined) return false;
  return rel.includes('modulepreload') || (rel.includes('preload') && el.attribs['as']?.toLowerCase() === 'script');
}

/** True when a <noscript>'s text asks for JavaScript ("You need to enable JavaScript to run this app."). */
function asksForJavaScript(el: Element): boolean {
  const text = boundedText(el, NOSCRIPT_TEXT_MAX_CHARS)?.toLowerCase();
  return text !== undefined && NOSCRIPT_JS_WORDS.some((w) => text.includes(w));
}
