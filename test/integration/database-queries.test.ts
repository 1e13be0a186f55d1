import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { engine, openTestDatabase } from '../support/database';

// The database connection as the server uses it: on PostgreSQL, single queries share a pipelined connection and
// statements are named (src/db/postgres-pool.ts); each query must still get its own answer and fail alone.
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** The database's own message for a failed query (Drizzle wraps it, naming the statement). */
const failure = (q: Promise<unknown>) =>
  q.then(
    () => 'no error',
    (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
  );
const rows = async (q: Promise<unknown>) => ((await q) as { rows: Record<string, unknown>[] }).rows;

describe('queries sent at once', () => {
  it('each get their own answer, and one that fails fails alone', async () => {
    const { db } = database;
    const asked = Array.from({ length: 60 }, (_, i) => rows(db.execute(sql`select ${i}::int + 1 as n`)));
    const failing = db.execute(sql`select 1 / ${0}::int as n`);
    const more = Array.from({ length: 20 }, (_, i) => rows(db.execute(sql`select ${`x${i}`}::text as s`)));
    expect(await failure(failing)).toMatch(/division by zero/);
    expect((await Promise.all(asked)).map((r) => r[0]?.n)).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
    expect((await Promise.all(more)).map((r) => r[0]?.s)).toEqual(
      Array.from({ length: 20 }, (_, i) => `x${i}`),
    );
    expect((await rows(db.execute(sql`select ${41}::int + 1 as n`)))[0]?.n).toBe(42);
  });

  it('a transaction sees its own writes, and keeps them only when it commits', async () => {
    const { db } = database;
    await db.execute(sql`create table probe_counts (n int not null)`);
    const count = async (n: number) =>
      (await rows(db.execute(sql`select count(*)::int as c from probe_counts where n = ${n}`)))[0]?.c;
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into probe_counts (n) values (${7})`);
      const seen = await rows(tx.execute(sql`select count(*)::int as c from probe_counts where n = ${7}`));
      expect(seen[0]?.c).toBe(1);
    });
    const rolledBack = db.transaction(async (tx) => {
      await tx.execute(sql`insert into probe_counts (n) values (${8})`);
      await tx.execute(sql`select 1 / ${0}::int`);
    });
    expect(await failure(rolledBack)).toMatch(/division by zero/);
    expect(await count(7)).toBe(1);
    expect(await count(8)).toBe(0);
  });
});

describe.skipIf(engine !== 'postgres')('a slow statement on PostgreSQL', () => {
  it('does not hold up the queries sent once it has been waiting a while', async () => {
    const { db } = database;
    const order: string[] = [];
    const slow = db.execute(sql`select pg_sleep(${2})`).then(() => order.push('slow'));
    await new Promise((r) => setTimeout(r, 300));
    await db.execute(sql`select ${1}::int as n`).then(() => order.push('quick'));
    await slow;
    expect(order).toEqual(['quick', 'slow']);
  });
});
