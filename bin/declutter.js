#!/usr/bin/env node
// Launcher for the compiled CLI (built into dist/ by `npm install` through the prepare script).
import { main } from '../dist/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
