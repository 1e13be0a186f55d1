#!/usr/bin/env node
// `npm test`: installs what is missing, builds, then type-checks (the web app also without Node's types), lints, runs
// the unit and integration tests on embedded PostgreSQL (PGlite), runs the integration tests again on a real
// PostgreSQL started for this run, and finally the browser tests in Chromium. Any failure exits non-zero; the last line counts the tests that passed and failed.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureNodeModules, ensureSystemPackages, freePort, root, run, startPostgres } from './setup.mjs';

const started = Date.now();
const bin = (name) => join(root, 'node_modules/.bin', name);
const results = [];
const reports = join(root, '.test-data');

function stage(name, fn) {
  const t = Date.now();
  console.log(`\n▶ ${name}`);
  const r = fn();
  const seconds = ((Date.now() - t) / 1000).toFixed(1);
  results.push({ name, seconds, ...r });
  console.log(`${r.ok ? '✔' : '✘'} ${name} (${seconds} s)`);
  return r.ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function vitest(name, args, env = {}) {
  const out = join(reports, `vitest-${name}.json`);
  rmSync(out, { force: true });
  const status = run(bin('vitest'), ['run', ...args], { env: { ...process.env, ...env, VITEST_JSON: out } });
  const r = readJson(out);
  return {
    ok: status === 0,
    passed: r?.numPassedTests ?? 0,
    failed: r ? r.numFailedTests + (status !== 0 && r.numFailedTests === 0 ? 1 : 0) : 1,
  };
}

ensureNodeModules();
ensureSystemPackages();
mkdirSync(reports, { recursive: true });

stage('build', () => ({ ok: run(process.execPath, ['scripts/build.mjs']) === 0 }));
// The web app is checked twice: with the rest, and on its own without Node's types (web/tsconfig.json), so browser
// code that reaches for process, Buffer or another Node API fails here. The checker and the domain are also checked
// with index access that may miss (tsconfig.strict.json).
stage('type-check (tsc --noEmit, web/tsconfig.json, tsconfig.strict.json)', () => ({
  ok:
    run(bin('tsc'), ['--noEmit']) === 0 &&
    run(bin('tsc'), ['--noEmit', '-p', 'web/tsconfig.json']) === 0 &&
    run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.strict.json']) === 0,
}));
stage('lint and format (biome check)', () => ({ ok: run(bin('biome'), ['check', '.']) === 0 }));
stage('unit and integration tests on PGlite', () => vitest('pglite', []));

const pg = startPostgres(await freePort());
if (pg.ok) {
  try {
    stage('integration tests on PostgreSQL', () =>
      vitest('postgres', ['test/integration'], { DATABASE_URL: pg.url }),
    );
  } finally {
    pg.stop();
  }
} else {
  results.push({ name: 'start PostgreSQL', ok: false, failed: 1, passed: 0 });
  if (existsSync(join(pg.dir, 'server.log'))) console.error(readFileSync(join(pg.dir, 'server.log'), 'utf8'));
}

const e2ePort = String(await freePort());
stage('browser tests in Chromium (Playwright)', () => {
  const out = join(reports, 'playwright.json');
  rmSync(out, { force: true });
  const status = run(bin('playwright'), ['test'], {
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: out, E2E_PORT: e2ePort },
  });
  const s = readJson(out)?.stats;
  return {
    ok: status === 0,
    passed: s?.expected ?? 0,
    failed: s ? s.unexpected + (status !== 0 && !s.unexpected ? 1 : 0) : 1,
  };
});

console.log('\nSummary');
for (const r of results) {
  const counts = r.passed !== undefined ? ` ${r.passed} passed, ${r.failed} failed` : '';
  console.log(`  ${r.ok ? '✔' : '✘'} ${r.name}${counts}${r.seconds ? ` (${r.seconds} s)` : ''}`);
}
const passed = results.reduce((n, r) => n + (r.passed ?? 0), 0);
const failed = results.reduce((n, r) => n + (r.failed ?? (r.ok ? 0 : 1)), 0);
console.log(`  wall time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
