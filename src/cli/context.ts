import type { CliIO } from './io.js';

/** What every command receives: the streams to write to, and the exit code it settles on. */
export interface CommandContext {
  io: CliIO;
  exitCode: number;
}
