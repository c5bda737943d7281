/**
 * Globs for inputs too many for a shell's command line: `'pages/**\/*.html.gz'`. Supported: `*` and `?`
 * within a name, `**` across folders, `[abc]` / `[!a-z]` classes and `{a,b}` alternatives.
 */

const GLOB_CHARS = /[*?[{]/;

export function hasGlobChars(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

export interface CompiledGlob {
  /** The folder before the first segment holding a glob character ('.' when the pattern starts with one). */
  base: string;
  /** Matches a path relative to base, with '/' separators. */
  regex: RegExp;
  /** How many folders deep a match can be below base; Infinity with `**`. */
  maxDepth: number;
}

function escapeChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** Translates one glob (already split from its base) into a regular expression source. */
function translate(glob: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // "**/" matches zero or more folders; a trailing "**" matches anything below.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:[^/]*(?:/[^/]*)*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) {
        out += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
      i = end;
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else {
      out += escapeChar(c);
    }
  }
  return out + ')'.repeat(braces);
}

/** Splits a glob into its literal base folder and the pattern below it. */
export function compileGlob(pattern: string): CompiledGlob {
  const parts = pattern.replace(/\\/g, '/').split('/');
  const literal: string[] = [];
  while (parts.length > 1 && !hasGlobChars(parts[0] as string)) literal.push(parts.shift() as string);
  const rest = parts.join('/');
  const base = literal.length === 0 ? '.' : literal.join('/') === '' ? '/' : literal.join('/');
  const maxDepth = rest.includes('**') ? Infinity : parts.length - 1;
  return { base, regex: new RegExp(`^${translate(rest)}$`), maxDepth };
}
