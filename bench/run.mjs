#!/usr/bin/env node
// `npm run bench`: every benchmark, each printing its figures as ratios against a baseline measured in the same run.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureNodeModules,
  ensureSystemPackages,
  freePort,
  root,
  run,
  startPostgres,
} from '../scripts/setup.mjs';

ensureNodeModules();
ensureSystemPackages();
const tsx = join(root, 'node_modules/.bin/tsx');
let failed = 0;
if (existsSync(join(root, 'bench/checker.ts'))) failed += run(tsx, ['bench/checker.ts']) ? 1 : 0;
console.log('\nThe checker per keystroke in the browser');
failed += run(process.execPath, ['bench/keystroke.mjs']) ? 1 : 0;
console.log('\nHiring: drafts composed and checked per second');
failed += run(tsx, ['bench/hiring.ts'], { env: { ...process.env, DATABASE_URL: '' } }) ? 1 : 0;
console.log(
  '\nBulk work: 1,000 rejections batched against one by one, /health meanwhile, approve all: embedded PGlite',
);
failed += run(tsx, ['bench/bulk.ts'], { env: { ...process.env, DATABASE_URL: '' } }) ? 1 : 0;
// The API under load runs the built server; BENCH_LOAD_SECONDS shortens it (default 60 s a engine).
failed += run(process.execPath, ['scripts/build.mjs', '--server']) ? 1 : 0;
const load = ['bench/api-load.mjs', '--seconds', process.env.BENCH_LOAD_SECONDS ?? '60'];
console.log('\nAPI under load: embedded PGlite');
failed += run(process.execPath, load, { env: { ...process.env, DATABASE_URL: '' } }) ? 1 : 0;
console.log('\nATS webhook intake (Greenhouse), against the health route in the same run: embedded PGlite');
failed += run(process.execPath, ['bench/webhook-intake.mjs'], { env: { ...process.env, DATABASE_URL: '' } })
  ? 1
  : 0;
const pg = startPostgres(await freePort());
if (pg.ok) {
  try {
    failed += run(tsx, ['bench/hiring.ts'], { env: { ...process.env, DATABASE_URL: pg.url } }) ? 1 : 0;
    console.log('\nBulk work: PostgreSQL');
    failed += run(tsx, ['bench/bulk.ts'], { env: { ...process.env, DATABASE_URL: pg.url } }) ? 1 : 0;
    console.log('\nAPI under load: PostgreSQL');
    failed += run(process.execPath, load, { env: { ...process.env, DATABASE_URL: pg.url } }) ? 1 : 0;
    console.log('\nATS webhook intake: PostgreSQL');
    failed += run(process.execPath, ['bench/webhook-intake.mjs'], {
      env: { ...process.env, DATABASE_URL: pg.url },
    })
      ? 1
      : 0;
  } finally {
    pg.stop();
  }
} else failed++;
console.log('\nStart: `node scripts/start.mjs` to the health route answering');
failed += run(process.execPath, ['bench/start-time.mjs']) ? 1 : 0;
process.exit(failed ? 1 : 0);
