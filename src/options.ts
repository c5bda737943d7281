/**
 * The one options type. Its defaults are defined here only; the CLI help and the README take them from here.
 */

export type Favor = 'balanced' | 'precision' | 'recall';
export type InputHint = 'auto' | 'html' | 'text';

export interface DeclutterOptions {
  /** Treat the input as HTML, as a text dump, or decide by sniffing. */
  input: InputHint;
  /** Trade a little recall for precision, or the reverse. */
  favor: Favor;
  /** Inputs larger than this many bytes are refused with reason 'too-large'. */
  maxBytes: number;
  /** Page URL, when known (used for metadata and resolving links). */
  url?: string;
}

export const DEFAULT_OPTIONS: Readonly<DeclutterOptions> = Object.freeze({
  input: 'auto',
  favor: 'balanced',
  maxBytes: 64 * 1024 * 1024,
});

export function resolveOptions(partial: Partial<DeclutterOptions> = {}): DeclutterOptions {
  return {
    input: partial.input ?? DEFAULT_OPTIONS.input,
    favor: partial.favor ?? DEFAULT_OPTIONS.favor,
    maxBytes: partial.maxBytes ?? DEFAULT_OPTIONS.maxBytes,
    url: partial.url,
  };
}
