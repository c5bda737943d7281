#!/usr/bin/env node
/**
 * Writes the README's table of reasons from the description table (REASONS in src/classify/reasons.ts), between
 * the markers `<!-- reasons:start -->` and `<!-- reasons:end -->`. Run after `npm run build`; test/classify-stages.test.ts
 * fails while the README and the table disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { reasonsMarkdown } from '../dist/classify/reasons.js';

const README = new URL('../README.md', import.meta.url);
const START = '<!-- reasons:start -->';
const END = '<!-- reasons:end -->';
const text = readFileSync(README, 'utf8');
const from = text.indexOf(START);
const to = text.indexOf(END);
if (from < 0 || to < from) {
  process.stderr.write(`readme-reasons: README.md has no ${START} … ${END} markers\n`);
  process.exit(2);
}
writeFileSync(README, `${text.slice(0, from + START.length)}\n${reasonsMarkdown()}\n${text.slice(to)}`);
