#!/usr/bin/env node
// Builds what `npm start`, `npm test` and the `debrief` command run:
//   1. the checker's rule data and the themes' vocabulary (YAML -> *.generated.ts), validated;
//   2. the server and the CLI, bundled by esbuild into dist/ (packages stay external);
//   3. the web app, built by Vite into dist/web.
// --cli builds only 1 and the CLI; --server only the server bundle.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const cliOnly = process.argv.includes('--cli');
const serverOnly = process.argv.includes('--server');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build: ${[cmd, ...args].join(' ')} failed`);
    process.exit(r.status ?? 1);
  }
}

if (!existsSync(bin('esbuild'))) {
  // `npm install` runs this as `prepare` before dev dependencies exist only in odd setups; nothing to build then.
  console.error('build: node_modules/.bin/esbuild is missing; run `npm install` first');
  process.exit(cliOnly ? 0 : 1);
}

if (!serverOnly && existsSync(join(root, 'scripts/compile-rules.ts')))
  run(bin('tsx'), ['scripts/compile-rules.ts']);

const entries = [
  ['src/cli/main.ts', 'dist/cli.js'],
  ['src/main.ts', 'dist/server.js'],
].filter(
  ([src]) =>
    existsSync(join(root, src)) &&
    (!cliOnly || src.startsWith('src/cli')) &&
    (!serverOnly || src === 'src/main.ts'),
);
for (const [src, out] of entries) {
  run(bin('esbuild'), [
    src,
    '--bundle',
    '--platform=node',
    '--format=esm',
    '--target=node20',
    '--packages=external',
    '--sourcemap',
    '--log-level=warning',
    `--outfile=${out}`,
  ]);
}

if (!cliOnly && !serverOnly && existsSync(join(root, 'web/index.html')))
  run(bin('vite'), ['build', '--logLevel', 'warn']);
