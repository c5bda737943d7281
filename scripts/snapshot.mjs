#!/usr/bin/env node
/**
 * Snapshots of declutter's output over every dev page, to prove that a change leaves the output as it was.
 *
 *   node scripts/snapshot.mjs OUTDIR [--lib PATH] [--sets a,b] [--kinds html,text,text-lynx] [--favor PRESET]
 *   node scripts/snapshot.mjs --compare BEFORE AFTER
 *
 * The first form runs the library in-process over every page of ../shared/datasets/<set>/{html,text,text-lynx}
 * and writes OUTDIR/<set>/<kind>/<id>.txt, byte for byte what `declutter PAGE --format text` prints, and
 * OUTDIR/json.tsv: one line per page with a digest of its blocks' labels and one of its `--format json` document
 * (a block's `trace` left out, so builds from before the trace existed compare too). Pages whose blocks break the
 * trace's promise (the label is the last trace entry's) are counted. `--lib` loads another build (a copy of an
 * older dist/index.js, say) instead of this one.
 *
 * The second form compares two snapshots: the pages whose text, labels or JSON differ, and a summary line.
 * Exit code 0 when all are identical, 1 otherwise, 2 on bad usage.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const DATASETS = new URL('../../shared/datasets/', import.meta.url).pathname;
const SETS = ['scrapinghub', 'wcxb-dev', 'dragnet-train', 'cleaneval-dev'];
const KINDS = ['html', 'text', 'text-lynx'];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    lib: { type: 'string' },
    sets: { type: 'string' },
    kinds: { type: 'string' },
    favor: { type: 'string' },
    compare: { type: 'boolean' },
  },
});

function usage(message) {
  process.stderr.write(`snapshot: ${message}\nusage: snapshot.mjs OUTDIR [--lib PATH] [--sets a,b] [--kinds k,l] [--favor P] | --compare A B\n`);
  process.exit(2);
}

if (values.compare === true) {
  if (positionals.length !== 2) usage('--compare takes two snapshot folders');
  process.exit(compare(positionals[0], positionals[1]));
}
if (positionals.length !== 1) usage('give one output folder');
await snapshot(positionals[0]);

async function snapshot(out) {
  const lib = values.lib === undefined ? new URL('../dist/index.js', import.meta.url).href : pathToFileURL(path.resolve(values.lib)).href;
  const { declutter, renderJson } = await import(lib);
  const sets = values.sets?.split(',') ?? SETS;
  const kinds = values.kinds?.split(',') ?? KINDS;
  const options = values.favor === undefined ? {} : { favor: values.favor };
  const rows = [];
  let pages = 0;
  let broken = 0;
  const started = Date.now();
  for (const set of sets) {
    for (const kind of kinds) {
      const dir = path.join(DATASETS, set, kind);
      if (!existsSync(dir)) continue;
      const outDir = path.join(out, set, kind);
      mkdirSync(outDir, { recursive: true });
      for (const name of readdirSync(dir).sort()) {
        const id = name.replace(/\.(?:html\.gz|html|txt)$/, '');
        if (id === name) continue;
        const article = declutter(readFileSync(path.join(dir, name)), options);
        writeFileSync(path.join(outDir, `${id}.txt`), article.text === '' ? '' : `${article.text}\n`);
        if (article.blocks.some((b) => b.trace !== undefined && b.trace.length > 0 && b.trace[b.trace.length - 1].label !== b.label)) broken++;
        const labels = article.blocks.map((b) => `${b.label[0]}${b.initialLabel[0]}`).join('');
        // Every block, whatever the build's default (older builds list them always, newer ones on request).
        const doc = JSON.parse(renderJson(article, { blocks: true }));
        for (const b of doc.blocks) delete b.trace;
        rows.push(`${set}/${kind}/${id}\t${digest(labels)}\t${digest(JSON.stringify(doc))}`);
        pages++;
      }
    }
  }
  writeFileSync(path.join(out, 'json.tsv'), rows.join('\n') + '\n');
  process.stderr.write(`snapshot: ${pages} pages in ${((Date.now() - started) / 1000).toFixed(1)} s → ${out}` +
    `${broken > 0 ? `; ${broken} pages with a block whose label is not its last trace entry's` : ''}\n`);
}

function digest(s) {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

function compare(a, b) {
  const rowsOf = (dir) => new Map(readFileSync(path.join(dir, 'json.tsv'), 'utf8').trim().split('\n').map((l) => {
    const [page, labels, json] = l.split('\t');
    return [page, { labels, json }];
  }));
  const before = rowsOf(a);
  const after = rowsOf(b);
  let text = 0;
  let labels = 0;
  let json = 0;
  let missing = 0;
  for (const [page, x] of before) {
    const y = after.get(page);
    if (y === undefined) {
      missing++;
      process.stdout.write(`missing  ${page}\n`);
      continue;
    }
    if (!readFileSync(path.join(a, `${page}.txt`)).equals(readFileSync(path.join(b, `${page}.txt`)))) {
      text++;
      process.stdout.write(`text     ${page}\n`);
    }
    if (x.labels !== y.labels) {
      labels++;
      process.stdout.write(`labels   ${page}\n`);
    }
    if (x.json !== y.json) {
      json++;
      process.stdout.write(`json     ${page}\n`);
    }
  }
  missing += [...after.keys()].filter((page) => !before.has(page)).length;
  process.stdout.write(`${before.size} pages compared: ${text} differ in text, ${labels} in labels, ${json} in JSON (trace aside), ${missing} missing\n`);
  return text + labels + json + missing === 0 ? 0 : 1;
}
