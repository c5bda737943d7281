// The extractors the benchmark compares. Each takes one page — its decoded HTML string (or, for declutter on
// text dumps, the w3m or lynx dump) and its URL — and returns plain text. Parsing, extraction and the conversion to text
// all happen inside run(), so all of it is timed.
//
// A tool's packages are imported by its load(), before its warm-up and never timed, so a process running one
// tool does not pay for loading the others (jsdom and Mercury take about a second each to import).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToParagraphs } from './paragraphs.mjs';

let declutter;
let Readability;
let Parser;
let convert;
let JSDOM;
let VirtualConsole;
let parseHTML;
let Defuddle;
let parseDocument;

const loadDeclutter = async () => ({ declutter } = await import('../dist/index.js'));
const loadReadability = async () => ({ Readability } = await import('@mozilla/readability'));
const loadLinkedom = async () => ({ parseHTML } = await import('linkedom'));
const loadJsdom = async () => ({ JSDOM, VirtualConsole } = await import('jsdom'));
const loadMercury = async () => ({ default: Parser } = await import('@postlight/parser'));
const loadHtmlToText = async () => ({ convert } = await import('html-to-text'));
const loadDefuddle = async () => ({ Defuddle } = await import('defuddle/node'));
const loadHtmlparser2 = async () => ({ parseDocument } = await import('htmlparser2'));

/**
 * How a slow tool is timed: one timed pass after a warm-up on the first pages of each chunk, instead of the
 * run's passes after a warm-up over the whole chunk. A tool one or two hundred times slower than declutter would
 * otherwise take hours of the run, and its speed needs no second decimal. The table says which tools were timed
 * so.
 */
const SLOW_TOOL_TIMING = { passes: 1, warmupPages: 10 };

/** html-to-text as the keep-everything baseline: every visible word, nothing added (no link targets, no
 * upper-cased headings, no wrapping). */
const HTML_TO_TEXT_OPTIONS = {
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
};

/** Readability.js on a document: its article HTML, turned into paragraphs like every peer's. */
function readabilityText(document) {
  const article = new Readability(document).parse();
  return article?.content ? htmlToParagraphs(article.content) : '';
}

/**
 * The tools, in table order. `input` says which string of the page a tool gets: 'html' (the decoded page),
 * 'text' (the w3m dump) or 'lynx' (the lynx dump). `timing` overrides how a slow tool is timed. `packages` name what the version line reports. `quick: false` leaves a tool
 * out of the quick run.
 */
export const TOOLS = [
  {
    id: 'declutter',
    label: 'declutter',
    input: 'html',
    packages: ['declutter'],
    load: loadDeclutter,
    run: (page) => declutter(page.html, { url: page.url }).text,
  },
  {
    id: 'declutter-text',
    label: 'declutter (text dumps)',
    input: 'text',
    packages: ['declutter'],
    load: loadDeclutter,
    run: (page) => declutter(page.text).text,
  },
  {
    id: 'declutter-lynx',
    label: 'declutter (lynx dumps)',
    input: 'lynx',
    packages: ['declutter'],
    load: loadDeclutter,
    run: (page) => declutter(page.lynx).text,
  },
  {
    // Not an extractor: the parse that any DOM extractor on htmlparser2 pays before its own work (declutter parses
    // with it). Its row has no scores; its speed is the floor declutter's speed is measured against.
    id: 'parse-only',
    label: 'htmlparser2 parseDocument alone (parse floor)',
    input: 'html',
    packages: ['htmlparser2'],
    scored: false,
    load: loadHtmlparser2,
    run: (page) => {
      parseDocument(page.html);
      return '';
    },
  },
  {
    id: 'readability-linkedom',
    label: 'Readability.js + linkedom',
    input: 'html',
    packages: ['@mozilla/readability', 'linkedom'],
    load: () => Promise.all([loadReadability(), loadLinkedom()]),
    run: (page) => readabilityText(parseHTML(page.html, { location: new URL(page.url) }).document),
  },
  {
    id: 'readability-jsdom',
    label: 'Readability.js + jsdom',
    input: 'html',
    packages: ['@mozilla/readability', 'jsdom'],
    // The same Readability as on linkedom, so the same scores; only its speed differs, and it is the slowest
    // tool by far: the quick run leaves it out to stay under a minute.
    quick: false,
    timing: SLOW_TOOL_TIMING,
    // Fewer pages per process: jsdom's windows are not all freed (see child.mjs), and on wcxb-dev's larger pages a
    // process of 200 (warm-up and timed pass: 400 windows) ran out of its 4 GB heap.
    chunkPages: 25,
    load: () => Promise.all([loadReadability(), loadJsdom()]),
    run: (page) => {
      // A silent virtual console: jsdom otherwise prints every stylesheet it cannot parse.
      const dom = new JSDOM(page.html, { url: page.url, virtualConsole: new VirtualConsole() });
      try {
        return readabilityText(dom.window.document);
      } finally {
        dom.window.close();
      }
    },
  },
  {
    id: 'defuddle-linkedom',
    label: 'defuddle + linkedom',
    input: 'html',
    packages: ['defuddle', 'linkedom'],
    // Its README's Node usage: a linkedom (or jsdom) document and the page's URL. Scored like jsdom's (0.930 Zyte F1
    // on scrapinghub on both) and several times faster, but still the slowest tool here after jsdom.
    timing: SLOW_TOOL_TIMING,
    quick: false,
    load: () => Promise.all([loadDefuddle(), loadLinkedom()]),
    run: async (page) => {
      const result = await Defuddle(parseHTML(page.html).document, page.url, {});
      return result?.content ? htmlToParagraphs(result.content) : '';
    },
  },
  {
    id: 'mercury',
    label: 'Postlight Parser (Mercury)',
    input: 'html',
    packages: ['@postlight/parser'],
    load: loadMercury,
    // fetchAllPages false: with the HTML given, it must not go to the network for "next" pages.
    run: async (page) => {
      const result = await Parser.parse(page.url, { html: page.html, contentType: 'html', fetchAllPages: false });
      return result?.content ? htmlToParagraphs(result.content) : '';
    },
  },
  {
    id: 'html-to-text',
    label: 'html-to-text (all text)',
    input: 'html',
    packages: ['html-to-text'],
    load: loadHtmlToText,
    run: (page) => convert(page.html, HTML_TO_TEXT_OPTIONS),
  },
];

/**
 * The check variant: Readability on linkedom scored on its own textContent, as the published 0.947 was.
 * Not timed, not in the table; reported beside the check figures.
 */
export const TEXT_CONTENT_CHECK = {
  id: 'readability-linkedom-textcontent',
  label: 'Readability.js + linkedom, textContent',
  input: 'html',
  load: () => Promise.all([loadReadability(), loadLinkedom()]),
  run: (page) => new Readability(parseHTML(page.html, { location: new URL(page.url) }).document).parse()?.textContent ?? '',
};

/** The installed version of a package (the project itself for 'declutter'). */
export function versionOf(name, root) {
  const file = name === 'declutter' ? join(root, 'package.json') : join(root, 'node_modules', name, 'package.json');
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

/** A tool (or the check variant) by its id. */
export function toolById(id) {
  const tool = [...TOOLS, TEXT_CONTENT_CHECK].find((t) => t.id === id);
  if (tool === undefined) throw new Error(`no tool ${id}`);
  return tool;
}
