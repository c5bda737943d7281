import { STAGE_NAMES, type StageName } from './blocks/trace.js';
import { resolveCalibration, type CalibrationOverride } from './classify/calibration.js';

/**
 * The options of declutter, in one table. Each spec gives an option's flag, its choices, its default and its help
 * line; the library's types and defaults below are derived from it, the commands register their flags from it
 * (src/cli/specs.ts), and the README's option tables are checked against it (test/readme-options.test.ts).
 */

/** How one option is described to its users: the flag, what it accepts, its default, and what it does. */
export interface OptionSpec {
  /** The command-line flags with the argument's placeholder, as commander takes them: '-f, --format <format>'. */
  readonly flags: string;
  /** The values the option accepts, when it is a choice. */
  readonly choices?: readonly string[];
  /** The default value (undefined: off, or none). */
  readonly default?: string | number | boolean;
  /** The default as the help and the README show it, when the value itself would not read well ('64MB'). */
  readonly defaultLabel?: string;
  /** One line for --help. */
  readonly help: string;
  /** The README's "meaning" cell, when it says more than the help line. */
  readonly doc?: string;
}

export const INPUT_HINTS = ['auto', 'html', 'text'] as const;
export const FAVORS = ['balanced', 'precision', 'recall'] as const;
export const FORMATS = ['text', 'markdown', 'html', 'json'] as const;

/** 64 MiB: far above any real page (the largest dev page is a few MB), far below what would strain memory. */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** The options of the extraction (`declutter(input, options)`) and of the output formats. */
export const OPTION_SPECS = {
  // ── extraction ──
  input: {
    flags: '--input <kind>',
    choices: INPUT_HINTS,
    default: 'auto',
    help: 'treat the input as html or as a text dump instead of sniffing it',
  },
  favor: {
    flags: '--favor <preset>',
    choices: FAVORS,
    default: 'balanced',
    help: 'lose a little content to keep less noise (precision), or the reverse (recall)',
  },
  maxBytes: {
    flags: '--max-bytes <size>',
    default: DEFAULT_MAX_BYTES,
    defaultLabel: '64MB',
    help: 'refuse inputs larger than this with exit code 4 (e.g. 512k, 64MB)',
    doc:
      'refuse larger inputs, exit code 4 (sizes such as `500000`, `512k`, `10MB`, `1.5GB`; binary units). A file is ' +
      'refused before it is read and standard input stops being read past the limit, so a huge input never fills ' +
      'memory; gzip counts by its expanded size',
  },
  url: {
    flags: '--url <url>',
    defaultLabel: 'none',
    help: "the page's address, for a page read from a file or stdin: relative links and images resolve against it",
    doc:
      "the page's address (an absolute URL), for a page read from a file or standard input: relative links " +
      "and images resolve against it (a `<base href>` in the page still counts, itself resolved against it), and it " +
      'is the `url` of `json` and of `--with-metadata`. Without it, links resolve against `<base href>`, else the ' +
      "page's canonical URL",
  },
  comments: {
    flags: '--comments',
    help: "also give the readers' comments under the article: after the body, under a \"Comments\" heading",
    doc:
      "also give the thread of readers' comments found under the article (left out of the article by default): " +
      'after the body, under a `Comments` line in `text`, a `## Comments` section in `markdown`, a ' +
      '`<section class="comments">` in `html`, a `comments` field in `json`. A forum thread\'s posts are its content, ' +
      'never comments',
  },
  // ── output ──
  format: {
    flags: '-f, --format <format>',
    choices: FORMATS,
    default: 'text',
    help: 'output format',
    doc:
      '`text`: the body only, paragraphs separated by one blank line, no title. `markdown`: the title, then headings, ' +
      'lists (numbered ones keep their numbers), description lists, pipe tables, code fences with their language, ' +
      'captions. `html`: one minimal `<article>`. `json`: one object with the metadata, the text and counts (see ' +
      '`--blocks`)',
  },
  json: {
    flags: '--json',
    help: 'the same as --format json',
    doc: 'the same as `--format json`',
  },
  blocks: {
    flags: '--blocks',
    help: 'json: also list every block with its kind, label, score, reasons and trace',
  },
  links: {
    flags: '--links',
    help: 'keep links: [text](url) in markdown, <a href> in html, a "links" array in json; ignored by text',
    doc:
      'keep links: `[text](url)` in `markdown`, `<a href>` in `html`, a `links` array (`{start, end, href}`, offsets ' +
      "into the text) in `json`, and per block with `--blocks`; ignored by `text`. Relative links are resolved against " +
      "`--url`, the page's `<base href>`, else its canonical URL",
  },
  images: {
    flags: '--images',
    help: 'keep images with their alt text: ![alt](src) in markdown, <img> in html',
    doc: "keep the article's images with their alt text: `![alt](src)` in `markdown`, `<img src alt>` in `html`; ignored by `text` and `json`",
  },
  formatting: {
    flags: '--formatting',
    help: 'keep bold, italic and inline code: **b**, *i*, `c` in markdown, <strong>, <em>, <code> in html',
    doc: 'keep bold, italic and inline code: `**b**`, `*i*` and `` `c` `` in `markdown`, `<strong>`, `<em>` and `<code>` in `html`; ignored by `text` and `json`',
  },
  withMetadata: {
    flags: '--with-metadata',
    help: 'start with the metadata: YAML front matter in markdown, header lines in text, a <head> in html',
    doc:
      'start the output with the page\'s metadata (title, author, date, site, url, language, description, those ' +
      'found): YAML front matter in `markdown`, `name: value` lines and a blank line in `text`, a whole document ' +
      'with a `<head>` in `html`; `json` always has it',
  },
} as const satisfies Record<string, OptionSpec>;

export type Favor = (typeof FAVORS)[number];
export type InputHint = (typeof INPUT_HINTS)[number];
export type Format = (typeof FORMATS)[number];

export interface DeclutterOptions {
  /** Treat the input as HTML, as a text dump, or decide by sniffing (default 'auto'). */
  input: InputHint;
  /** Trade a little recall for precision, or the reverse (default 'balanced'). */
  favor: Favor;
  /** Inputs larger than this many bytes (gzip: expanded) are refused with reason 'too-large' (default 64 MiB). */
  maxBytes: number;
  /**
   * The page's address (an absolute URL), when known: relative links and images resolve against it when it is an
   * http(s) one (see LinkSpan), and the Article carries it as `url`.
   */
  url?: string;
  /**
   * The HTTP Content-Type the page was served with (e.g. 'text/html; charset=iso-8859-1'): for bytes, its charset
   * outranks the page's own declarations.
   */
  contentType?: string;
  /**
   * Values replacing the classifier's defaults (CALIBRATION): any section, any value, the others as calibrated. For
   * calibrating on a set of pages without editing the source.
   */
  calibration?: CalibrationOverride;
  /** Classifier stages to leave out (see STAGE_NAMES), to find which one lost or kept a block. For debugging. */
  skipStages?: readonly StageName[];
  /**
   * Also give the thread of readers' comments under the article as the Article's `comments` (default false: they are
   * left out, and `comments` is absent).
   */
  comments?: boolean;
}

export const DEFAULT_OPTIONS: Readonly<DeclutterOptions> = Object.freeze({
  input: OPTION_SPECS.input.default,
  favor: OPTION_SPECS.favor.default,
  maxBytes: OPTION_SPECS.maxBytes.default,
});

/** The option names `declutter()` accepts. */
const OPTION_NAMES: ReadonlySet<string> = new Set<keyof DeclutterOptions>([
  'input', 'favor', 'maxBytes', 'url', 'contentType', 'calibration', 'skipStages', 'comments',
]);

/**
 * Bad options or a bad input given to the library: an unknown option, a value outside an option's choices, an
 * input that is neither a string nor bytes. `option` names the option at fault ('input' also for the input).
 */
export class DeclutterOptionsError extends TypeError {
  override name = 'DeclutterOptionsError';
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}

/** The options with their defaults filled in; throws DeclutterOptionsError on an unknown option or a bad value. */
export function resolveOptions(partial: Partial<DeclutterOptions> | undefined = {}): DeclutterOptions {
  if (partial === null || typeof partial !== 'object' || Array.isArray(partial)) {
    throw new DeclutterOptionsError('options', `options must be an object, got ${describeValue(partial)}`);
  }
  for (const name of Object.keys(partial)) {
    if (!OPTION_NAMES.has(name)) {
      throw new DeclutterOptionsError(name, `unknown option "${name}"; the options are ${[...OPTION_NAMES].join(', ')}`);
    }
  }
  const options: DeclutterOptions = {
    input: choice('input', partial.input, INPUT_HINTS) ?? DEFAULT_OPTIONS.input,
    favor: choice('favor', partial.favor, FAVORS) ?? DEFAULT_OPTIONS.favor,
    maxBytes: positiveSize(partial.maxBytes) ?? DEFAULT_OPTIONS.maxBytes,
  };
  const url = pageUrl(partial.url);
  if (url !== undefined) options.url = url;
  if (partial.contentType !== undefined) {
    if (typeof partial.contentType !== 'string') {
      throw new DeclutterOptionsError('contentType', `contentType must be a string, got ${describeValue(partial.contentType)}`);
    }
    options.contentType = partial.contentType;
  }
  if (partial.calibration !== undefined) options.calibration = calibration(partial.calibration);
  if (partial.skipStages !== undefined) options.skipStages = stages(partial.skipStages);
  if (partial.comments !== undefined) {
    if (typeof partial.comments !== 'boolean') {
      throw new DeclutterOptionsError('comments', `comments must be true or false, got ${describeValue(partial.comments)}`);
    }
    if (partial.comments) options.comments = true;
  }
  return options;
}

/** Checks the input given to declutter(): a string or bytes. */
export function checkInput(input: unknown): asserts input is string | Uint8Array {
  if (typeof input === 'string' || input instanceof Uint8Array) return;
  throw new DeclutterOptionsError('input', `the page must be a string or bytes (a Uint8Array or Buffer), got ${describeValue(input)}`);
}

function choice<T extends string>(name: string, value: unknown, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw new DeclutterOptionsError(name, `${name} must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got ${describeValue(value)}`);
}

function positiveSize(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && value > 0 && !Number.isNaN(value)) return value;
  throw new DeclutterOptionsError('maxBytes', `maxBytes must be a number of bytes greater than zero, got ${describeValue(value)}`);
}

/** An override the calibration accepts (see resolveCalibration, whose TypeError says which value is wrong). */
function calibration(value: unknown): CalibrationOverride {
  try {
    resolveCalibration(value as CalibrationOverride);
  } catch (err) {
    throw new DeclutterOptionsError('calibration', err instanceof Error ? err.message : String(err));
  }
  return value as CalibrationOverride;
}

function stages(value: unknown): readonly StageName[] {
  const names = STAGE_NAMES as readonly string[];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' && names.includes(v))) return value as StageName[];
  throw new DeclutterOptionsError('skipStages', `skipStages must be a list of stages among ${names.map((n) => `'${n}'`).join(', ')}, got ${
    Array.isArray(value) ? JSON.stringify(value.filter((v) => typeof v !== 'string' || !names.includes(v))).slice(0, 80) : describeValue(value)
  }`);
}

function pageUrl(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && URL.canParse(value)) return value;
  throw new DeclutterOptionsError('url', `url must be an absolute URL such as https://example.com/a, got ${describeValue(value)}`);
}

/** A value as an error message shows it: strings quoted and cut, other types by name. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
