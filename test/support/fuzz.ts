/**
 * Shared pieces of the robustness suite (test/fuzz-*.test.ts, test/robust-*.test.ts): how many cases to run,
 * the generators of hostile input, the "invents nothing" oracle, and a record of the slowest inputs.
 *
 * Case counts: a fixed seed and a bounded number of cases by default (what CI runs); `npm run fuzz`
 * (scripts/fuzz.mjs) sets DECLUTTER_FUZZ_SCALE to multiply every count and DECLUTTER_FUZZ_SEED to a fresh
 * seed, and DECLUTTER_FUZZ_REPORT to a file that receives the counts and the slowest inputs as JSON lines.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { isComment, isTag, isText, type AnyNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { Article } from '../../src/article.js';
import { parseHtml } from '../../src/extract/html/parse.js';
import { bogusCommentsEndAtGt } from '../../src/extract/html/segment.js';
import { DATASETS } from './datasets.js';
import { decodeInput } from '../../src/input/index.js';

/** The seed CI runs with: any fixed number; a failure prints the seed and path that reproduce it. */
const CI_SEED = 20_261_122;

export const FUZZ_SCALE = Math.max(1, Number(process.env.DECLUTTER_FUZZ_SCALE ?? 1) || 1);
export const FUZZ_SEED = Number(process.env.DECLUTTER_FUZZ_SEED ?? CI_SEED) || CI_SEED;
const REPORT = process.env.DECLUTTER_FUZZ_REPORT;

/** fast-check parameters for a property run `ciRuns` times in CI (times the scale under `npm run fuzz`). */
export function fuzzParams<T>(name: string, ciRuns: number): fc.Parameters<T> {
  const numRuns = ciRuns * FUZZ_SCALE;
  record({ kind: 'property', name, cases: numRuns });
  return { seed: FUZZ_SEED, numRuns };
}

/** Cases counted in this test file, by kind, written to the report by reportSlowest. */
const counts = new Map<string, number>();

/** Counts a deterministic case (one input built by hand) for the report. */
export function countCase(name: string, cases = 1): void {
  counts.set(name, (counts.get(name) ?? 0) + cases);
}

/** A measurement worth reading in the `npm run fuzz` summary (not a test outcome). */
export function note(text: string): void {
  record({ kind: 'note', text });
}

/** The slowest calls seen in this test file, kept to the top few. */
const SLOWEST_KEPT = 5;
const slowest: { ms: number; what: string }[] = [];

/** Runs `fn`, notes its duration against `what` (a short description of the input), returns its result. */
export function timed<T>(what: () => string, fn: () => T): T {
  const start = performance.now();
  const result = fn();
  recordTime(what, performance.now() - start);
  return result;
}

/** Notes a duration measured by the caller (an asynchronous call). */
export function recordTime(what: () => string, ms: number): void {
  if (slowest.length < SLOWEST_KEPT || ms > (slowest[slowest.length - 1]?.ms ?? 0)) {
    slowest.push({ ms, what: what() });
    slowest.sort((a, b) => b.ms - a.ms);
    slowest.length = Math.min(slowest.length, SLOWEST_KEPT);
  }
}

/** Writes this file's case counts and slowest calls to the report (call from afterAll). */
export function reportSlowest(file: string): void {
  for (const [name, cases] of counts) record({ kind: 'cases', name, cases });
  for (const s of slowest) record({ kind: 'slow', name: file, ms: Math.round(s.ms), what: s.what });
}

function record(entry: object): void {
  if (REPORT !== undefined && REPORT !== '') appendFileSync(REPORT, JSON.stringify(entry) + '\n');
}

/** A short description of an input for messages: its size and its first characters, escaped. */
export function describeInput(input: string | Uint8Array): string {
  const head = typeof input === 'string' ? input.slice(0, 60) : Buffer.from(input.subarray(0, 40)).toString('latin1');
  const size = typeof input === 'string' ? `${input.length} chars` : `${input.length} bytes`;
  return `${size}: ${JSON.stringify(head)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Real pages



/** Up to `count` raw pages (gunzipped bytes, original charset) of the dev sets, spread evenly over each set. */
export function samplePages(count: number): { name: string; bytes: Buffer }[] {
  const out: { name: string; bytes: Buffer }[] = [];
  if (!existsSync(DATASETS)) return out;
  const sets = readdirSync(DATASETS).filter((s) => existsSync(path.join(DATASETS, s, 'html'))).sort();
  const perSet = Math.ceil(count / Math.max(1, sets.length));
  for (const set of sets) {
    const dir = path.join(DATASETS, set, 'html');
    const files = readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort();
    const step = Math.max(1, Math.floor(files.length / perSet));
    for (let i = 0; i < files.length && out.length < count; i += step) {
      const file = files[i] as string;
      out.push({ name: `${set}/${file}`, bytes: gunzipSync(readFileSync(path.join(dir, file))) });
      if (out.filter((p) => p.name.startsWith(`${set}/`)).length >= perSet) break;
    }
  }
  return out;
}

/** Up to `count` text dumps of the dev sets, spread evenly. */
export function sampleDumps(count: number): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  if (!existsSync(DATASETS)) return out;
  for (const set of readdirSync(DATASETS).sort()) {
    const dir = path.join(DATASETS, set, 'text');
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    const step = Math.max(1, Math.floor(files.length / Math.ceil(count / 2)));
    for (let i = 0; i < files.length && out.length < count; i += step) {
      out.push({ name: `${set}/${files[i]}`, text: readFileSync(path.join(dir, files[i] as string), 'utf8') });
    }
  }
  return out.slice(0, count);
}

// ---------------------------------------------------------------------------------------------------------------
// Generators

/** Any UTF-16 code unit, lone surrogates included: strings no TextDecoder would ever produce. */
export const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Words in several scripts, with the odd characters pages carry (NBSP, soft hyphen, zero-width space, emoji). */
const WORDS = [
  'the', 'article', 'reader', 'government', 'announced', 'Tuesday', 'über', 'façade', 'naïve', '東京', '中华人民共和国',
  'Москва', 'مرحبا', 'שלום', 'नमस्ते', 'ข่าว', '😀', '2026', '3.14', 'e-mail', "don't", 'co\u00adoperate', 'zero\u200bwidth',
  'a\u00a0b', 'x', 'Ω', 'ﬁnance', 'Ĳssel', 'İstanbul', 'ß', '\u0301combining',
];

/** Sentences of ordinary prose, so that many generated pages have content the classifier keeps. */
const SENTENCES = [
  'The government announced on Tuesday that it would raise the minimum wage for the first time in a decade.',
  'Officials said the change was expected to affect more than two million workers across the country.',
  'Critics argued that the increase was too small and that it came far too late for most families.',
  "Le gouvernement a annoncé mardi qu'il relèverait le salaire minimum pour la première fois depuis dix ans.",
  'Die Regierung kündigte am Dienstag an, dass sie den Mindestlohn zum ersten Mal seit zehn Jahren erhöhen werde.',
  '政府は火曜日、最低賃金を十年ぶりに引き上げると発表した。',
  'In an interview with reporters, the minister said that the policy was only the beginning of a longer process.',
  'It was not immediately clear how the plan would be paid for, or when the new rules would come into force.',
];

/** A paragraph of prose: a few sentences, some words wrapped in inline markup. */
const PROSE: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 5 })
  .map((s) => s.join(' '));

const TAGS = [
  'html', 'head', 'body', 'title', 'meta', 'link', 'base', 'div', 'p', 'span', 'a', 'b', 'i', 'em', 'strong', 'br', 'hr',
  'img', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'caption', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'pre', 'code',
  'h1', 'h2', 'h3', 'h6', 'blockquote', 'figure', 'figcaption', 'article', 'main', 'section', 'nav', 'header',
  'footer', 'aside', 'form', 'button', 'select', 'option', 'textarea', 'script', 'style', 'noscript', 'template',
  'svg', 'math', 'iframe', 'details', 'summary', 'font', 'center', 'xmp', 'plaintext', 'listing', 'frameset',
  'app-root', 'my-widget', 'time', 'address', 'label', 'input', 'wbr', 'sup', 'sub', 'q', 'cite',
];

const ATTRIBUTES = [
  'class="nav"', 'class="content article-body"', 'class="sr-only"', 'class="hidden"', 'class="comments"',
  'class="share social"', 'class="author byline"', 'class="date"', 'id="main"', 'id="root"', 'id="__next"', 'hidden',
  'style="display:none"', 'style="visibility: hidden"', 'aria-hidden="true"', 'aria-expanded="false"',
  'role="main"', 'role="navigation"', 'role="heading"', 'aria-level="9"', 'aria-level="x"', 'href="/x"',
  'href="javascript:void(0)"', 'href="http://[::1"', 'href="%%"', 'name="anchor"', 'itemprop="articleBody"',
  'itemprop="author"', 'itemprop="datePublished" content="2020-02-30"', 'itemscope itemtype="https://schema.org/NewsArticle"',
  'lang="fr"', 'lang=""', 'alttext="x + y"', 'datetime="2021-13-45T99:99"', 'property="og:title" content="OG title"',
  'name="description" content="desc"', 'charset="shift_jis"', 'http-equiv="content-type" content="text/html; charset=koi8-r"',
  'type="application/ld+json"', 'rel="modulepreload"', 'colspan="999999"', 'class', '"', "'", '=', 'a=b=c',
];

const JUNK = [
  '<', '>', '</', '<!--', '-->', '<![CDATA[', ']]>', '<!doctype html>', '<?xml version="1.0"?>', '&', '&amp;', '&lt;',
  '&eacute;', '&#x1F600;', '&#0;', '&#xD800;', '&#1114112;', '&#', '&nbsp;', '&notanentity;', '\u0000', '\r', '\r\n',
  '\t', '\u00a0', '\u2028', '\ufeff', '\ufffd', '\ud800', '\udc00', '{"@type":"NewsArticle"}', '/>', '<a', '<div class="',
];

/** One token of tag soup: an open tag (with attributes), a close tag, text or markup junk. */
const SOUP_TOKEN: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...TAGS), fc.array(fc.constantFrom(...ATTRIBUTES), { maxLength: 3 }), fc.boolean())
    .map(([tag, attrs, self]) => `<${tag}${attrs.map((a) => ' ' + a).join('')}${self ? '/' : ''}>`) },
  { weight: 3, arbitrary: fc.constantFrom(...TAGS).map((tag) => `</${tag}>`) },
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 30 }).map((w) => w.join(' ') + '.') },
  { weight: 3, arbitrary: PROSE.map((p) => `<p>${p}`) },
  { weight: 2, arbitrary: fc.constantFrom(...JUNK) },
  { weight: 1, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 20 }) },
);

/** Random tag soup: unbalanced, unclosed, misnested, with hostile attributes and entities. */
export const tagSoup: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(SOUP_TOKEN, { maxLength: 120 }))
  .map(([doctype, tokens]) => (doctype ? '<!doctype html>' : '') + tokens.join(''));

/** Lines of a text dump: prose, menus, bullets, blanks, odd white space and control characters. */
export const textDump: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 40 }).map((w) => w.join(' ') + '.'),
      PROSE,
      PROSE,
      fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => `  • ${w.join(' ')}`),
      fc.constantFrom('', ' ', '\t\t', 'Home | News | Sport', '* Menu', '1) one', '----', '\u0000', '\u000b\f', '\r'),
      fc.string({ unit: anyCodeUnit, maxLength: 30 }),
    ),
    { maxLength: 80 },
  )
  .map((lines) => lines.join('\n'));

/** A real page damaged the way downloads are: cut short, bytes flipped, chunks inserted, dropped or repeated. */
export function damage(bytes: Uint8Array): fc.Arbitrary<Uint8Array> {
  const n = bytes.length;
  const edit = fc.oneof(
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat({ max: n }) }),
    fc.record({ op: fc.constant('flip' as const), at: fc.nat({ max: Math.max(0, n - 1) }), byte: fc.nat({ max: 255 }) }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat({ max: n }), chunk: fc.uint8Array({ maxLength: 64 }) }),
    fc.record({ op: fc.constant('drop' as const), at: fc.nat({ max: n }), length: fc.nat({ max: 4096 }) }),
    fc.record({ op: fc.constant('repeat' as const), at: fc.nat({ max: n }), length: fc.nat({ max: 4096 }) }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let out = Buffer.from(bytes);
    for (const e of edits) {
      const at = Math.min(e.at, out.length);
      switch (e.op) {
        case 'truncate':
          out = out.subarray(0, at);
          break;
        case 'flip':
          if (at < out.length) out[at] = e.byte;
          break;
        case 'insert':
          out = Buffer.concat([out.subarray(0, at), e.chunk, out.subarray(at)]);
          break;
        case 'drop':
          out = Buffer.concat([out.subarray(0, at), out.subarray(at + e.length)]);
          break;
        case 'repeat':
          out = Buffer.concat([out.subarray(0, at + e.length), out.subarray(at)]);
          break;
      }
    }
    return new Uint8Array(out);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Invariants

const REASONS = new Set(['empty-input', 'binary-input', 'too-large', 'no-main-content', 'script-only']);

/** The shape every Article has, whatever the input: a typed reason when empty, well-formed text. */
export function checkArticle(article: Article): void {
  if (typeof article.ok !== 'boolean') throw new Error('ok is not a boolean');
  if (article.ok) {
    if (article.text.length === 0) throw new Error('ok but the text is empty');
    if (article.reason !== undefined) throw new Error(`ok but a reason: ${article.reason}`);
  } else if (article.reason === undefined || !REASONS.has(article.reason)) {
    throw new Error(`not ok without a known reason: ${String(article.reason)}`);
  }
  if (!isWellFormed(article.text)) throw new Error('the text holds a lone surrogate (not valid UTF-8)');
  for (const block of article.blocks) if (!isWellFormed(block.text)) throw new Error('a block holds a lone surrogate');
}

/** True when the string has no lone surrogate, so it encodes to UTF-8 without replacement. */
export function isWellFormed(s: string): boolean {
  return (s as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/**
 * Word characters for the "invents nothing" comparison: letters, digits and marks. Everything else (spaces,
 * punctuation, the " | " between table cells, bullets, format characters such as the soft hyphen) separates
 * words or is ignored.
 */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const FORMAT_CHARACTERS = /\p{Cf}/gu;

function words(text: string): string[] {
  return text.replace(FORMAT_CHARACTERS, '').match(WORD) ?? [];
}

/**
 * Up to this size the oracle parses with htmlparser2 itself, independently of declutter; larger inputs (the
 * 100,000-deep pages) go through declutter's parser, whose depth cap keeps them linear: htmlparser2 alone takes
 * time in the square of the depth. The cap changes where elements end, not the text nodes.
 */
const ORACLE_OWN_PARSER_MAX_CHARS = 100_000;

/** Elements whose text a reader never sees: their text may never appear in the output. */
const NEVER_VISIBLE = new Set(['script', 'style']);

/**
 * The visible text of an HTML page: its text nodes in document order, outside script and style, entities
 * decoded (by htmlparser2 itself on all but huge inputs, see ORACLE_OWN_PARSER_MAX_CHARS); plus the two
 * places the extractor legitimately reads text from elsewhere: a formula's alttext, and the markup a browser shows
 * after a bogus `<![CDATA[` (see segment.ts). Adjacent text nodes are joined without a separator, so a word split
 * by markup ("<b>foo</b>bar") is one word here and any part of it may appear in the output.
 */
export function visibleHtmlText(html: string): string {
  const out: string[] = [];
  const doc = html.length <= ORACLE_OWN_PARSER_MAX_CHARS
    ? parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true })
    : parseHtml(html);
  const stack: AnyNode[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isText(node)) out.push(node.data);
    else if (isComment(node)) {
      const gt = node.data.indexOf('>');
      // What a browser shows after the bogus comment's first '>' (nested markers: see bogusCommentsEndAtGt).
      if (node.data.startsWith('[CDATA[') && gt >= 0) out.push(visibleHtmlText(bogusCommentsEndAtGt(node.data.slice(gt + 1))));
    } else if ('children' in node && !(isTag(node) && NEVER_VISIBLE.has(node.name))) {
      if (isTag(node) && node.attribs['alttext'] !== undefined) out.push(' ', node.attribs['alttext'], ' ');
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
    }
  }
  return out.join('');
}

/**
 * "declutter invents nothing": every word of the article's body (the kept blocks, article.text) occurs in the
 * input's visible text, in the text as decoded (charset decoding is tested on its own). The title and
 * metadata are not covered: they may come from meta tags and JSON-LD. A word of the output may be part of a
 * longer visible word (markup between two words that the page does not separate by a space).
 * Returns the words that do not occur (empty when the invariant holds).
 */
export function inventedWords(input: string | Uint8Array, article: Article, hint: 'auto' | 'html' | 'text' = 'auto'): string[] {
  if (article.text.length === 0) return [];
  const decoded = decodeInput(input, { hint });
  if (!decoded.ok) return words(article.text);
  const visible = article.extractor === 'html' ? visibleHtmlText(decoded.text) : decoded.text;
  const haystack = '\u0000' + words(visible).join('\u0000') + '\u0000';
  const missing: string[] = [];
  for (const word of new Set(words(article.text))) if (!haystack.includes(word)) missing.push(word);
  return missing;
}
