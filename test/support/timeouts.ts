/**
 * Time limits of the heavy tests, sized for a slow, shared machine: a 2-core machine running other jobs takes
 * several times what a quiet one does. Jest's default (5 s) is kept for unit tests; a test that starts processes
 * or worker threads, or cleans many or large pages, says which of these it needs. These are limits against a hang,
 * never timed assertions.
 */

/** A test that starts node processes or worker threads (a second or two each when the machine is quiet). */
export const PROCESS_TEST_MS = 120_000;

/** A test that cleans many pages or very large ones, or runs a whole batch. */
export const HEAVY_TEST_MS = 300_000;

/** `npm pack` and `npm install` of the tarball in another project (the dependencies come from npm's cache or registry). */
export const PACKAGE_INSTALL_MS = 900_000;
