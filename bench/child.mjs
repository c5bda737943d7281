// The timed passes of one tool over a chunk of a set's pages, in a process of its own (started by run.mjs):
//
//   read the pack ─► an untimed warm-up pass over the chunk's pages ─► N timed passes, one page at a time
//
// No garbage collection is forced between the warm-up and the timing: a forced full collection (gc() under
// --expose-gc) also throws away much of what the warm-up compiled and learned, so the pass that follows runs
// partly cold. Measured on scrapinghub: declutter about 1.5× slower in the pass after a forced collection than
// in the passes after it, Readability on linkedom unchanged. Steady state is what a batch run sees.
//
// A fresh process per chunk keeps one tool's garbage out of another's timing, and bounds leaks: jsdom makes a
// vm context per window, and on Node 20 those are not all freed (about 5 MB a page here), so a process running
// Readability on jsdom over a whole set ran out of an 8 GB heap, and slowed to a crawl collecting garbage near
// it.
import { readPack } from './pack.mjs';
import { toolById } from './tools.mjs';

/** Runs a tool on one page: its text, or '' and the error when it throws. */
async function runOne(tool, page) {
  try {
    const out = tool.run(page);
    const text = typeof out?.then === 'function' ? await out : out;
    return { text: typeof text === 'string' ? text : '', error: undefined };
  } catch (error) {
    return { text: '', error };
  }
}

async function pass(job) {
  const tool = toolById(job.tool);
  await tool.load();
  const pages = readPack(job.pack).slice(job.start, job.end);
  const warmup = tool.timing?.warmupPages ?? job.warmup;
  const passes = tool.timing?.passes ?? job.passes;
  for (const page of pages.slice(0, warmup)) await runOne(tool, page);
  // The first timed pass's outputs are the ones scored.
  const outputs = [];
  const ms = [];
  let errors = 0;
  let firstError;
  for (let p = 0; p < passes; p++) {
    let total = 0;
    for (const page of pages) {
      const start = performance.now();
      const { text, error } = await runOne(tool, page);
      total += performance.now() - start;
      if (p > 0) continue;
      if (error !== undefined) {
        errors++;
        firstError ??= `${page.id}: ${String(error?.message ?? error).split('\n')[0]}`;
      }
      outputs.push(text);
    }
    ms.push(total);
  }
  return { ms, errors, firstError, outputs };
}

const job = JSON.parse(process.argv[2]);
const result = await pass(job);
process.send(result, () => process.exit(0));
