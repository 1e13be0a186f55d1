#!/usr/bin/env node
// Runs one command with a throwaway PostgreSQL 15 cluster (fsync off, removed afterwards) in DATABASE_URL:
//   node scripts/with-postgres.mjs npx tsx bench/bulk.ts
//   node scripts/with-postgres.mjs node bench/api-load.mjs --seconds 20
// The cluster is the one the tests use (scripts/setup.mjs); as root it runs as the `postgres` user.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startPostgres } from './setup.mjs';

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error('usage: node scripts/with-postgres.mjs <command> [arguments...]');
  process.exit(2);
}
const pg = startPostgres(await freePort());
if (!pg.ok) {
  console.error('with-postgres: PostgreSQL did not start');
  process.exit(2);
}
let status = 1;
try {
  const cwd = join(dirname(fileURLToPath(import.meta.url)), '..');
  status =
    spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, DATABASE_URL: pg.url } }).status ??
    1;
} finally {
  pg.stop();
}
process.exit(status);
