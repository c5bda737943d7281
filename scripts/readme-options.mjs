// Rewrites the README's option tables from the specs (src/cli/specs.ts, built into dist/): each table sits between
// `<!-- options: COMMAND -->` and `<!-- /options -->`. test/readme-options.test.ts fails when they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { COMMAND_OPTIONS, optionTable } from '../dist/cli/specs.js';

const README = 'README.md';
let text = readFileSync(README, 'utf8');
for (const [command, options] of Object.entries(COMMAND_OPTIONS)) {
  const open = `<!-- options: ${command} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf('<!-- /options -->', start);
  if (start < 0 || end < 0) throw new Error(`README.md has no table for ${command} (${open} … <!-- /options -->)`);
  text = `${text.slice(0, start + open.length)}\n${optionTable(options)}\n${text.slice(end)}`;
}
writeFileSync(README, text);
