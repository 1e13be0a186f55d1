#!/usr/bin/env node
// `npm run backup`: a copy of the database while the server keeps serving.
// - Embedded (no DATABASE_URL): asks the running server (its pid is in DATA_DIR/debrief.lock) for a snapshot and
//   waits for DATA_DIR/backups/debrief-<time>.tar.gz.
// - PostgreSQL (DATABASE_URL set): runs pg_dump in its custom format into ./backups/.
// Prints the path of the file written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lockHolder } from './lock.mjs';

const dataDir = resolve(process.env.DATA_DIR || './data');
const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
const fail = (message) => {
  console.error(`backup: ${message}`);
  process.exit(1);
};

if (process.env.DATABASE_URL) {
  const dir = resolve('backups');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `debrief-${stamp()}.dump`);
  const r = spawnSync('pg_dump', ['--format=custom', '--file', file, process.env.DATABASE_URL], {
    stdio: 'inherit',
  });
  if (r.error || r.status !== 0) fail('pg_dump failed (is the PostgreSQL client installed?)');
  console.log(file);
  process.exit(0);
}

const backups = join(dataDir, 'backups');
const snapshots = () =>
  existsSync(backups) ? readdirSync(backups).filter((f) => f.endsWith('.tar.gz')) : [];
const before = new Set(snapshots());
// Signalled only while a server holds the lock: a pid left in the file by a killed server may belong to another
// program by now.
const { held, pid } = lockHolder(join(dataDir, 'debrief.lock'));
let running = false;
if (held && pid) {
  try {
    process.kill(pid, 'SIGUSR2');
    running = true;
  } catch {
    running = false;
  }
}

if (running) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const fresh = snapshots().filter((f) => !before.has(f));
    if (fresh.length) {
      console.log(join(backups, fresh.sort().at(-1)));
      process.exit(0);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  fail(`the server (pid ${pid}) wrote no snapshot within 2 minutes; see its log`);
}

// No server running: a stopped data directory is already consistent, and copying it is the backup.
fail(
  `no Debrief server is running on ${dataDir}. A stopped data directory is consistent as it is: ` +
    `copy ${join(dataDir, 'pglite')} (for example with tar), or start the server and run this again.`,
);
