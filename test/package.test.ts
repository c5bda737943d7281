import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PACKAGE_INSTALL_MS, PROCESS_TEST_MS } from './support/timeouts.js';

/**
 * The package as its users get it: `npm pack`, then a separate project that installs the tarball and uses it from
 * CommonJS (`require`, synchronously, without Node's require(esm)), from ES modules, from TypeScript under both
 * module kinds, and as a command. Reads the build in dist/ (`npm test` builds first). Slow: installing takes the
 * package's dependencies (from npm's cache when it has them).
 */

const ROOT = resolve('.');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const PAGE =
  '<!doctype html><html lang="en"><head><title>Soup notes</title></head><body><nav><a href="/">Home</a></nav><article>' +
  '<p>Soup is a warm dish that many people enjoy in the winter months, and it can be made from almost anything that is left in the kitchen.</p>' +
  '<p>Most soups start with an onion, some butter and a little patience, and they only get better when they are left to rest overnight.</p>' +
  '</article></body></html>';

/** Node's flag that turns require(esm) off, where this Node has it: `require` must then find the CommonJS build. */
const NO_REQUIRE_ESM = process.allowedNodeEnvironmentFlags.has('--no-experimental-require-module') ? ['--no-experimental-require-module'] : [];

let project: string;
let tarball: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'declutter-package-'));
  const packed = JSON.parse(execFileSync(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', project], { cwd: ROOT, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
  const first = packed[0] as { filename: string; files: { path: string }[] };
  tarball = join(project, first.filename);
  writeFileSync(join(project, 'files.json'), JSON.stringify(first.files.map((f) => f.path)));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'declutter-consumer', version: '1.0.0', private: true }));
  execFileSync(NPM, ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: project, stdio: 'pipe' });
  writeFileSync(join(project, 'page.html'), PAGE);
}, PACKAGE_INSTALL_MS);

afterAll(() => {
  if (project !== undefined) rmSync(project, { recursive: true, force: true });
});

/** Runs node in the consumer project; returns stdout, or throws with its stderr. */
function node(args: string[]): string {
  const run = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

describe('the packed package, installed in another project', () => {
  it('ships the licence, the report screenshot the README shows, both builds, and nothing stale', () => {
    const files = JSON.parse(readFileSync(join(project, 'files.json'), 'utf8')) as string[];
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'docs/report.png', 'bin/declutter.js', 'dist/index.js', 'dist/cjs/index.js', 'dist/cjs/package.json']));
    expect(files.filter((f) => f.startsWith('dist/render/report'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
  });

  it('works from CommonJS: require() is synchronous and needs no require(esm)', () => {
    const script = `
      const { declutter, DeclutterOptionsError } = require('declutter');
      const article = declutter(require('fs').readFileSync('page.html'));
      let error;
      try { declutter('<p>x</p>', { favor: 'nonsense' }); } catch (e) { error = e; }
      console.log(JSON.stringify({ ok: article.ok, text: article.text, version: require('declutter/package.json').version,
        error: error instanceof DeclutterOptionsError ? error.message : String(error) }));`;
    const out = JSON.parse(node([...NO_REQUIRE_ESM, '-e', script]));
    expect(out.ok).toBe(true);
    expect(out.text).toMatch(/^Soup is a warm dish/);
    expect(out.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect(out.error).toMatch(/favor must be one of 'balanced', 'precision', 'recall', got "nonsense"/);
  }, PROCESS_TEST_MS);

  it('works from ES modules', () => {
    const script = `
      import { declutter, renderFormat } from 'declutter';
      import { readFileSync } from 'node:fs';
      const article = declutter(readFileSync('page.html'));
      console.log(renderFormat(article, 'markdown'));`;
    expect(node(['--input-type=module', '-e', script])).toMatch(/^# Soup notes\n\nSoup is a warm dish/);
  }, PROCESS_TEST_MS);

  it('types both ways for TypeScript (module nodenext: a .cts and a .mts file)', () => {
    const use = `import { declutter, type Article, type DeclutterOptions } from 'declutter';
const options: Partial<DeclutterOptions> = { favor: 'precision' };
const article: Article = declutter('<p>x</p>', options);
export const text: string = article.text;
`;
    writeFileSync(join(project, 'use.cts'), use);
    writeFileSync(join(project, 'use.mts'), use);
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const run = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', 'use.cts', 'use.mts'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, PROCESS_TEST_MS);

  it('installs the command', () => {
    const bin = join(project, 'node_modules', '.bin', 'declutter');
    const run = spawnSync(bin, ['page.html', '-f', 'markdown'], { cwd: project, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# Soup notes\n/);
  }, PROCESS_TEST_MS);
});
