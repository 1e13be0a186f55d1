#!/usr/bin/env node
// Builds what `npm start`, `npm test` and the `debrief` command run:
//   1. the checker's rule data and the themes' vocabulary (YAML -> *.generated.ts), validated;
//   2. the server and the CLI, bundled by esbuild into dist/ (packages stay external);
//   3. the web app, built by Vite into dist/web.
// --cli builds only 1 and the CLI; --server only 1 and the server bundle; --force rebuilds even what is up to date.
//
// Each part is skipped when the hash of its inputs (sources, configuration, lock file, this script) equals the one in
// dist/build-stamp.json. Otherwise the build writes a new folder .dist/<id> (the parts it rebuilds, plus copies of
// the ones still current) and then points the symbolic link dist at it with one rename, so a reader sees either the
// old build or the new one, never half of one. Builds in one checkout take turns on the lock .dist/.lock. Old folders
// in .dist are removed; the one just replaced is kept for processes that still read it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { acquireFileLock } from './lock.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const dist = join(root, 'dist');
const store = join(root, '.dist');
const stampName = 'build-stamp.json';
const rulesOut = join(root, 'src/checker/rules.generated.ts');
const themesOut = join(root, 'src/domain/themes/vocabulary.generated.ts');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build: ${[cmd, ...args].join(' ')} failed`);
    process.exit(r.status ?? 1);
  }
}

// What each part reads. Generated files are left out: they are outputs of the rules part, whose inputs are in src/.
const common = ['scripts/build.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
const bundleInputs = [...common, 'src', 'scripts/compile-rules.ts'];
const parts = {
  rules: { inputs: [...common, 'src/checker', 'src/domain/themes', 'scripts/compile-rules.ts'], outputs: [] },
  cli: { inputs: bundleInputs, outputs: ['cli.js', 'cli.js.map'], entry: 'src/cli/main.ts' },
  server: { inputs: bundleInputs, outputs: ['server.js', 'server.js.map'], entry: 'src/main.ts' },
  web: {
    inputs: [...common, 'web', 'src/checker', 'src/domain', 'scripts/compile-rules.ts', 'vite.config.ts'],
    outputs: ['web'],
  },
};

const fileHashes = new Map();
function hashFile(rel) {
  let h = fileHashes.get(rel);
  if (!h) {
    h = createHash('sha256')
      .update(readFileSync(join(root, rel)))
      .digest('hex');
    fileHashes.set(rel, h);
  }
  return h;
}
function listFiles(rel, out) {
  const abs = join(root, rel);
  if (!existsSync(abs)) return;
  if (!statSync(abs).isDirectory()) {
    if (!rel.endsWith('.generated.ts')) out.push(rel);
    return;
  }
  for (const name of readdirSync(abs)) listFiles(join(rel, name), out);
}
function inputHash(part) {
  const files = [];
  for (const input of parts[part].inputs) listFiles(input, files);
  const h = createHash('sha256');
  for (const f of [...new Set(files)].sort()) h.update(`${f}\0${hashFile(f)}\n`);
  return h.digest('hex');
}
const contentHash = (abs) => createHash('sha256').update(readFileSync(abs)).digest('hex');

function readStamp(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, stampName), 'utf8'));
  } catch {
    return {};
  }
}

/** Whether a part's output in `dir` was built from `hash` and is all there. */
function current(part, dir, stamp, hash) {
  if (stamp[part]?.inputs !== hash) return false;
  if (part === 'rules')
    return existsSync(rulesOut) && existsSync(themesOut) && contentHash(rulesOut) === stamp.rules.output;
  return parts[part].outputs.every((o) => existsSync(join(dir, o)));
}

/**
 * Builds the parts asked for whose inputs changed (all of them with `force`). `npm start` calls this in its own
 * process; a failing step ends the process. `cliOnly`: the rules and the CLI; `serverOnly`: the rules and the server.
 */
export function build({ cliOnly = false, serverOnly = false, force = false } = {}) {
  if (!existsSync(bin('esbuild'))) {
    // `npm install` runs this as `prepare` before dev dependencies exist only in odd setups; nothing to build then.
    console.error('build: node_modules/.bin/esbuild is missing; run `npm install` first');
    process.exit(cliOnly ? 0 : 1);
  }
  const wanted = ['rules', 'cli', 'server', 'web'].filter((part) => {
    if (part === 'rules') return existsSync(join(root, 'scripts/compile-rules.ts'));
    if (part === 'web') return !cliOnly && !serverOnly && existsSync(join(root, 'web/index.html'));
    if (!existsSync(join(root, parts[part].entry))) return false;
    return part === 'cli' ? !serverOnly : !cliOnly;
  });
  mkdirSync(store, { recursive: true });
  const release = acquireFileLock(join(store, '.lock'), 900, () =>
    console.log('build: another build is running in this checkout; waiting for it'),
  );
  const state = { next: undefined, swapped: false };
  // Also on process.exit (a failing step exits): the lock is released and a half-written folder removed.
  const onExit = () => {
    if (state.next && !state.swapped) rmSync(state.next, { recursive: true, force: true });
    release();
  };
  process.on('exit', onExit);
  try {
    buildLocked(wanted, force, state);
  } finally {
    process.off('exit', onExit);
    onExit();
  }
}

function buildLocked(wanted, force, state) {
  // Read only now: a build that held the lock may just have replaced dist.
  const old = existsSync(dist) ? readStamp(dist) : {};
  const hashes = Object.fromEntries(wanted.map((p) => [p, inputHash(p)]));
  const stale = wanted.filter((p) => force || !current(p, dist, old, hashes[p]));
  if (!stale.length) {
    console.log('build: up to date (sources unchanged since the last build; --force rebuilds)');
    return;
  }

  const id = `${new Date().toISOString().replace(/[-:.TZ]/g, '')}-${process.pid}`;
  const next = join(store, id);
  state.next = next;
  mkdirSync(next);
  const stamp = {};
  // Parts not rebuilt now are carried over as they are, with their stamps (they may be stale, and say so).
  for (const part of Object.keys(parts)) {
    if (stale.includes(part)) continue;
    if (old[part]) stamp[part] = old[part];
    for (const o of parts[part].outputs) {
      if (existsSync(join(dist, o))) cpSync(join(dist, o), join(next, o), { recursive: true });
    }
  }

  if (stale.includes('rules')) {
    run(bin('tsx'), ['scripts/compile-rules.ts']);
    stamp.rules = { inputs: hashes.rules, output: contentHash(rulesOut) };
  }
  for (const part of ['cli', 'server']) {
    if (!stale.includes(part)) continue;
    run(bin('esbuild'), [
      parts[part].entry,
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      '--packages=external',
      '--sourcemap',
      '--log-level=warning',
      `--outfile=${join(next, parts[part].outputs[0])}`,
    ]);
    stamp[part] = { inputs: hashes[part] };
  }
  if (stale.includes('web')) {
    run(bin('vite'), ['build', '--logLevel', 'warn', '--outDir', join(next, 'web'), '--emptyOutDir']);
    stamp.web = { inputs: hashes.web };
  }
  writeFileSync(join(next, stampName), `${JSON.stringify(stamp, null, 2)}\n`);

  // Swap: a new symbolic link renamed over dist. A dist left as a plain folder by an older build moves aside first.
  let previous;
  try {
    const st = lstatSync(dist);
    if (st.isSymbolicLink()) previous = basename(readlinkSync(dist));
    else {
      previous = `${id}-before`;
      renameSync(dist, join(store, previous));
    }
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  const link = join(store, `link-${id}`);
  symlinkSync(relative(root, next), link);
  renameSync(link, dist);
  state.swapped = true;

  for (const name of readdirSync(store)) {
    if (name === '.lock' || name.startsWith('.lock.') || name === id || name === previous) continue;
    rmSync(join(store, name), { recursive: true, force: true });
  }
  console.log(`build: built ${stale.join(', ')} into ${relative(root, next)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  build({
    cliOnly: process.argv.includes('--cli'),
    serverOnly: process.argv.includes('--server'),
    force: process.argv.includes('--force'),
  });
}
