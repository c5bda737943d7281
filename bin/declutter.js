#!/usr/bin/env node
// Launcher for the compiled CLI (built into dist/ by `npm install` through the prepare script).
import { main } from '../dist/cli/main.js';
import { EXIT } from '../dist/cli/exit-codes.js';

// A reader that stops early (`declutter page.html | head`) closes the pipe: stop quietly, as other tools do.
// Any other failure to write the output (a full disk) is one line on stderr, never a stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.OK);
  process.stderr.write(`declutter: cannot write the output: ${String(err.message).split('\n')[0]}\n`);
  process.exit(EXIT.CANNOT_WRITE ?? EXIT.INTERNAL);
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
