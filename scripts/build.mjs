// Builds the package: the ES modules into dist/, the CommonJS build of the library into dist/cjs/ (so that
// `require('declutter')` works on every supported Node.js, without require(esm)), from a clean dist/ so that no
// file of an earlier layout is left to be packed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync('dist', { recursive: true, force: true });
for (const project of ['tsconfig.build.json', 'tsconfig.cjs.json']) {
  const run = spawnSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
// dist/cjs holds CommonJS files with a .js extension inside a "type": "module" package.
mkdirSync('dist/cjs', { recursive: true });
writeFileSync('dist/cjs/package.json', '{ "type": "commonjs" }\n');
