import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, inOrder } from '../../src/db/client';
import { preparedStatement } from '../../src/db/prepared';
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

// On PostgreSQL a transaction's BEGIN leaves with its first statement, and statements sent together (inOrder) are one
// round trip: none of it may change what the transaction does.
describe('a transaction on its own connection', () => {
  it.skipIf(engine !== 'postgres')(
    'runs its first statement inside it: no one else sees the write before the commit',
    async () => {
      const { db } = database;
      await db.execute(sql`create table probe_begin (n int not null)`);
      const outside = async () =>
        (await rows(db.execute(sql`select count(*)::int as c from probe_begin`)))[0]?.c;
      let seenDuring: unknown;
      await db.transaction(async (tx) => {
        await tx.execute(sql`insert into probe_begin (n) values (${1})`);
        seenDuring = await outside();
      });
      expect(seenDuring).toBe(0);
      expect(await outside()).toBe(1);
      const failed = db.transaction(async (tx) => {
        await tx.execute(sql`insert into probe_begin (n) values (${2})`);
        throw new Error('changed my mind');
      });
      await expect(failed).rejects.toThrow('changed my mind');
      expect(await outside()).toBe(1);
    },
  );

  it('runs statements sent together in order; the first failure is thrown and nothing is kept', async () => {
    const { db } = database;
    await db.execute(sql`create table probe_order (n int primary key)`);
    // A Drizzle query is sent when its answer is asked for, a prepared one when it is executed: either way, in order.
    const count = preparedStatement<{ c: number }>(
      'probe_order_count',
      sql`select count(*)::int as c from probe_order where n >= ${sql.placeholder('min')}`,
    );
    const [, , seen, none] = await db.transaction((tx) =>
      inOrder(tx, [
        () => tx.execute(sql`insert into probe_order (n) values (${1})`),
        false,
        () => count(tx, { min: 0 }),
        undefined,
      ]),
    );
    expect(seen).toEqual([{ c: 1 }]);
    expect(none).toBeUndefined();
    const failed = db.transaction((tx) =>
      inOrder(tx, [
        () => tx.execute(sql`insert into probe_order (n) values (${2})`),
        () => tx.execute(sql`insert into probe_order (n) values (${1})`),
        () => tx.execute(sql`select 1 / ${0}::int`),
        () => tx.execute(sql`insert into probe_order (n) values (${3})`),
      ]),
    );
    expect(await failure(failed)).toMatch(/duplicate key/);
    const kept = await rows(db.execute(sql`select n from probe_order order by n`));
    expect(kept.map((r) => r.n)).toEqual([1]);
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
