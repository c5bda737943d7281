#!/usr/bin/env node
/**
 * A sweep of one calibration value over a dev set, in-process, without editing the source: declutter runs on every
 * page with the value replaced (the `calibration` option), and each run is scored against the references as
 * `declutter eval` scores it.
 *
 *   npm run build && node scripts/calibrate.mjs SET KIND NAME VALUE...
 *   node scripts/calibrate.mjs wcxb-dev html rules.longWeight 2 2.5 3 3.5 4
 *   node scripts/calibrate.mjs scrapinghub text smoothing.maxRescuedRun 8 12 16 --favor precision
 *
 * SET is a folder of ../shared/datasets (its KIND folder holds the pages: html, text or text-lynx; its gold folder
 * the references), NAME a calibration value by its path (see CALIBRATION in src/classify/calibration.ts). Prints
 * one row per value: the Zyte F1 (scrapinghub's headline figure) and the word F1 (everyone else's), with the
 * default's row marked. Values interact (see calibration.ts): a value worth changing is measured on every set.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CALIBRATION, declutter } from '../dist/index.js';
import { aggregate, benchmarkScores } from '../dist/score/index.js';

const { values: flags, positionals } = parseArgs({ allowPositionals: true, options: { favor: { type: 'string', default: 'balanced' } } });
const [set, kind, name, ...candidates] = positionals;
if (set === undefined || kind === undefined || name === undefined || candidates.length === 0) {
  process.stderr.write('usage: calibrate.mjs SET KIND NAME VALUE... [--favor PRESET]   (e.g. wcxb-dev html rules.longWeight 2 3 4)\n');
  process.exit(2);
}
const root = new URL(`../../shared/datasets/${set}/`, import.meta.url).pathname;
const pagesDir = path.join(root, kind);
const goldDir = path.join(root, 'gold');
if (!existsSync(pagesDir) || !existsSync(goldDir)) {
  process.stderr.write(`calibrate: no ${pagesDir} or ${goldDir}\n`);
  process.exit(2);
}

/** References are read as `declutter eval` reads them: UTF-8, a byte order mark dropped. */
const UTF8 = new TextDecoder('utf-8');

const keys = name.split('.');
const current = keys.reduce((o, k) => o?.[k], CALIBRATION);
if (typeof current !== 'number') {
  process.stderr.write(`calibrate: ${name} is not a number of the calibration\n`);
  process.exit(2);
}
/** { rules: { longWeight: value } } from "rules.longWeight". */
const override = (value) => keys.reduceRight((inner, key) => ({ [key]: inner }), value);

// The pages and their references, read once.
const pages = readdirSync(pagesDir)
  .map((file) => ({ file, id: file.replace(/\.(?:html\.gz|html|txt)$/, '') }))
  .filter(({ file, id }) => id !== file && existsSync(path.join(goldDir, `${id}.txt`)))
  .map(({ file, id }) => ({ bytes: readFileSync(path.join(pagesDir, file)), reference: UTF8.decode(readFileSync(path.join(goldDir, `${id}.txt`))) }));

process.stdout.write(`${set}/${kind}, ${pages.length} pages, favor ${flags.favor}: ${name} (default ${current})\n`);
process.stdout.write(`${'value'.padStart(10)}  ${'Zyte F1'.padStart(8)}  ${'word F1'.padStart(8)}\n`);
for (const candidate of candidates) {
  const value = Number(candidate);
  const calibration = override(value);
  const rows = pages.map(({ bytes, reference }) => benchmarkScores(declutter(bytes, { favor: flags.favor, calibration }).text, reference));
  const { zyte, words } = aggregate(rows);
  const mark = value === current ? '  (default)' : '';
  process.stdout.write(`${candidate.padStart(10)}  ${zyte.f1.toFixed(4).padStart(8)}  ${words.f1.toFixed(4).padStart(8)}${mark}\n`);
}
