#!/usr/bin/env node
// `npm run restore -- <snapshot.tar.gz>`: puts an embedded-database snapshot (from `npm run backup`) in place of
// DATA_DIR's database. The server must be stopped; the database it replaces is kept beside it, renamed.
// (On PostgreSQL, restore a pg_dump file with pg_restore.)
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockHolder } from './lock.mjs';

const file = process.argv[2];
const dataDir = resolve(process.env.DATA_DIR || './data');
const fail = (message) => {
  console.error(`restore: ${message}`);
  process.exit(1);
};
if (!file || !existsSync(file)) fail('usage: npm run restore -- <snapshot.tar.gz>');
if (process.env.DATABASE_URL) fail('DATABASE_URL is set: restore a PostgreSQL dump with pg_restore instead');
const { held, pid } = lockHolder(join(dataDir, 'debrief.lock'));
if (held) fail(`the server${pid ? ` (pid ${pid})` : ''} is running on ${dataDir}; stop it first`);
const target = join(dataDir, 'pglite');
let kept;
if (existsSync(target)) {
  kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(target, kept);
}
const client = await PGlite.create({ dataDir: target, loadDataDir: new Blob([readFileSync(file)]) });
const { rows } = await client.query('select count(*)::int as n from organizations');
await client.close();
console.log(
  `restored ${file} into ${target} (${rows[0].n} organizations)${kept ? `; the previous database is in ${kept}` : ''}`,
);
