#!/usr/bin/env node
// Starts a regression page: copies a scraped page into test/pages/<slug>/ and writes declutter's current output
// as expected.txt FOR REVIEW. Edit expected.txt until it is what a reader wants before committing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { declutter } from '../dist/index.js';

const [file, slug] = process.argv.slice(2);
if (file === undefined || slug === undefined || !/^[a-z0-9][a-z0-9-]*$/.test(slug)) {
  console.error('usage: npm run add-page -- FILE SLUG   (slug: lower-case letters, digits and dashes)');
  process.exit(2);
}
const dir = join('test', 'pages', slug);
if (existsSync(dir)) {
  console.error(`add-page: ${dir} exists already`);
  process.exit(2);
}
let bytes = readFileSync(file);
if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
const article = declutter(bytes);
mkdirSync(dir, { recursive: true });
const source = join(dir, article.extractor === 'html' ? 'source.html' : 'source.txt');
writeFileSync(source, bytes);
writeFileSync(join(dir, 'expected.txt'), article.text + '\n');
console.error(`add-page: wrote ${source} and ${join(dir, 'expected.txt')} (declutter's current output: review and correct it)`);
