import type { StageName } from './blocks/trace.js';
import type { CalibrationOverride } from './classify/calibration.js';

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
  /**
   * Values replacing the classifier's defaults (CALIBRATION): any section, any value, the others as calibrated. For
   * calibrating on a set of pages without editing the source; an unknown name or a wrong type throws a TypeError.
   */
  calibration?: CalibrationOverride;
  /** Classifier stages to leave out (see STAGE_NAMES), to find which one lost or kept a block. For debugging. */
  skipStages?: readonly StageName[];
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
    calibration: partial.calibration,
    skipStages: partial.skipStages,
  };
}
