import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { projectRoot } from '../lib/project-root';
import { lockDataDir } from './lock';
import { PipelinedPool } from './postgres-pool';
import * as schema from './schema';

export type Schema = typeof schema;
// biome-ignore lint/suspicious/noExplicitAny: both drivers' query-result types meet here
export type Db = PgDatabase<PgQueryResultHKT & any, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or a transaction inside it. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Embedded only: a consistent copy of the whole database (a gzipped tar), taken while it serves. */
  snapshot?(): Promise<Blob>;
}

export const migrationsFolder = () => join(projectRoot(), 'src/db/migrations');

/** Embedded PostgreSQL: in DATA_DIR/pglite (locked to this process), or in memory from a dump (tests). */
export async function openPglite(opts: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  const release = opts.dataDir ? lockDataDir(opts.dataDir) : () => {};
  let client: PGlite;
  try {
    client = opts.dataDir
      ? await PGlite.create({ dataDir: join(opts.dataDir, 'pglite') })
      : await PGlite.create({ loadDataDir: opts.loadDataDir });
  } catch (e) {
    release();
    throw e;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder: migrationsFolder() }),
    snapshot: () => client.dumpDataDir('gzip'),
    async close() {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * Real PostgreSQL through node-postgres: a pool for transactions, and single queries pipelined on shared connections
 * with named statements (src/db/postgres-pool.ts).
 */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new PipelinedPool({ connectionString: url, max: poolSize });
  pool.on('error', () => {}); // an idle client dropped by the server; the next query reconnects
  await pool.query('select 1');
  const db = drizzlePg(pool, { schema }) as NodePgDatabase<Schema> as unknown as Db;
  return {
    db,
    engine: 'postgres',
    async migrate() {
      // Two servers starting at once must not both migrate.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(724137)');
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: migrationsFolder() });
      } finally {
        await client.query('select pg_advisory_unlock(724137)').catch(() => {});
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export function openDatabase(config: { DATABASE_URL?: string; dataDir: string }): Promise<Database> {
  return config.DATABASE_URL ? openPostgres(config.DATABASE_URL) : openPglite({ dataDir: config.dataDir });
}

export async function ping(db: Executor): Promise<void> {
  await db.execute(sql`select 1`);
}

/**
 * Runs statements in the order given and returns their results (undefined for a statement left out). On a pipelined
 * PostgreSQL connection (a transaction on the pool, src/db/postgres-pool.ts) they are all sent at once and answered in
 * one round trip, still run one after another; elsewhere (PGlite, the shared connections) each waits for the one
 * before. The first failure is thrown: in a transaction, PostgreSQL refuses every statement behind a failed one until
 * the rollback.
 *
 * Each function must send its statement when it is called and its answer asked for: return the Drizzle query itself
 * (it is sent on `then`, which is called at once) or a prepared query's `execute()`, never a function that awaits
 * something first (its statement would leave after the ones behind it).
 */
type Statement = (() => PromiseLike<unknown>) | undefined | false;
/** What `inOrder` answers for each statement: its result, or undefined for one that may be left out. */
type Answers<S extends readonly Statement[]> = {
  [K in keyof S]: S[K] extends () => PromiseLike<infer R>
    ? R
    : S[K] extends (() => PromiseLike<infer R>) | undefined | false
      ? R | undefined
      : undefined;
};

export async function inOrder<const S extends readonly Statement[]>(
  db: Executor,
  statements: S,
): Promise<Answers<S>> {
  const client = (db._.session as unknown as { client?: { pipeline?: unknown } }).client;
  if (client?.pipeline === true) {
    // Each statement is sent before the next function is called (`then` starts a Drizzle query).
    const answers = statements.map((run) =>
      run ? new Promise<unknown>((resolve, reject) => run().then(resolve, reject)) : undefined,
    );
    return (await Promise.all(answers)) as Answers<S>;
  }
  const results: unknown[] = [];
  for (const run of statements) results.push(run ? await run() : undefined);
  return results as Answers<S>;
}
