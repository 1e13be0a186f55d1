import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../../src/db/client';
import { TEMPLATE_DB, templateFile, withDatabase } from './paths';

export const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/** A private, migrated database for one test file, cloned from the run's template. Closing it drops it. */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openPglite({ loadDataDir: new Blob([readFileSync(templateFile)]) });
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
      break;
    } catch (e) {
      // Another file may be copying the template at this instant.
      if (attempt > 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 100 + attempt * 50));
    }
  }
  await admin.end();
  const db = await openPostgres(withDatabase(url, name), 4);
  return {
    ...db,
    async close() {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
