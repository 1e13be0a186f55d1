import { mkdirSync, writeFileSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openPglite, openPostgres } from '../../src/db/client';
import { TEMPLATE_DB, templateFile, withDatabase } from './paths';

/**
 * Migrates one template database per run. Each test file then clones it: PGlite loads the dumped data directory,
 * PostgreSQL creates a database from the template. Test files never share data.
 */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    const db = await openPostgres(withDatabase(url, TEMPLATE_DB), 1);
    await db.migrate();
    await db.close();
    return;
  }
  const db = await openPglite({});
  await db.migrate();
  const client = (db.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  mkdirSync('.test-data', { recursive: true });
  writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()));
  await db.close();
}
