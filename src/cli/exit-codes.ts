/**
 * Exit codes of the declutter CLI. The README's table is written from this list; tests assert each.
 */
export const EXIT = Object.freeze({
  /** Success (including a page with no main content: empty output and a note on stderr). */
  OK: 0,
  /** Batch and folder commands: at least one input failed; the others were processed. */
  SOME_FAILED: 1,
  /** Bad usage: unknown option, missing or invalid argument. */
  USAGE: 2,
  /** An input could not be read: no such file, a directory where a file was expected, no permission. */
  UNREADABLE: 3,
  /** An input was read but refused: empty, binary, or larger than --max-bytes. */
  REJECTED: 4,
  /** An output file could not be written: no such folder, no permission, disk full. */
  CANNOT_WRITE: 5,
  /** An unexpected internal error (a bug): one line on stderr, please report it. */
  INTERNAL: 70,
  /** Interrupted by Ctrl-C (SIGINT), as shells number it (128 + 2); batch says how to resume. */
  INTERRUPTED: 130,
  /** Stopped by SIGTERM (128 + 15); batch says how to resume. */
  TERMINATED: 143,
});

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the CLI reports as one line on stderr and turns into an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
