import { type Placeholder, type Query, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

/**
 * A query built once for each database handle and then run with its placeholders (`sql.placeholder('id')`) filled.
 * Building a query (Drizzle turning the builder into text and parameters) cost about a sixth of the server's CPU on
 * the busiest routes; a prepared query skips it. On the database itself the query is built once for the process;
 * inside a transaction, once for that transaction (the handle differs), which costs what building it inline did.
 */
export function prepared<Q>(build: (db: Executor) => Q): (db: Executor) => Q {
  const built = new WeakMap<Executor, Q>();
  return (db) => {
    let q = built.get(db);
    if (q === undefined) {
      q = build(db);
      built.set(db, q);
    }
    return q;
  };
}

/**
 * A prepared query with no name of its own: on PostgreSQL the pool names each statement by its text
 * (src/db/postgres-pool.ts), so one text is never prepared under two names; PGlite needs no name.
 */
export const UNNAMED = undefined as unknown as string;

/**
 * A select built once for the process and prepared on any handle, a transaction's too: `prepared` builds its query
 * again for each handle, and a transaction is a new handle each time, so a statement run in every transaction (a
 * batch's reads) would be built every time. Here the first handle's query gives the text, the parameters (with their
 * placeholders) and how its rows map to the result; any other handle only wraps them (`prepareQuery`, what Drizzle's
 * own `prepare()` ends with), which is the same query on that handle.
 */
export function preparedSelect<P>(
  build: (db: Executor) => { prepare(name: string): P },
): (db: Executor) => P {
  let template: { query: { sql: string; params: unknown[] }; fields: unknown; joins: unknown } | undefined;
  return prepared((db) => {
    if (template) {
      const { query, fields, joins } = template;
      const session = db._.session as unknown as {
        prepareQuery(
          q: typeof query,
          f: unknown,
          name: string,
          arrayMode: boolean,
        ): { joinsNotNullableMap?: unknown };
      };
      const q = session.prepareQuery(query, fields, UNNAMED, true);
      q.joinsNotNullableMap = joins;
      return q as P;
    }
    const first = build(db).prepare(UNNAMED);
    // Both drivers' prepared queries keep these (drizzle-orm's node-postgres and pglite sessions).
    const q = first as unknown as {
      queryString: string;
      params: unknown[];
      fields: unknown;
      joinsNotNullableMap: unknown;
    };
    template = {
      query: { sql: q.queryString, params: q.params },
      fields: q.fields,
      joins: q.joinsNotNullableMap,
    };
    return first;
  });
}

/** The text of a statement written with `sql`, both drivers (the text depends on neither). */
const dialect = new PgDialect();

/**
 * A statement written with `sql` (for what the query builder can't say, as a row of JSON aggregates), built to text
 * once, and run on any handle with its placeholders filled; the driver's rows come back as they are.
 */
export function preparedStatement<Row>(name: string, statement: SQL) {
  const query: Query = dialect.sqlToQuery(statement);
  const on = prepared((db) => db._.session.prepareQuery(query, undefined, name, false));
  return async (db: Executor, values: Record<string, unknown>): Promise<Row[]> => {
    const result = (await on(db).execute(values)) as { rows: Row[] };
    return result.rows;
  };
}

/**
 * How a condition takes a value: written into the query (`inline`), or as a named placeholder whose value is kept
 * for a prepared query (`placeholders`). A condition written with it serves both.
 */
export type Param = <T>(name: string, value: T) => T | Placeholder;
export const inline: Param = (_name, value) => value;

/** A Param that turns each value into a placeholder of that name and keeps the value to fill it with. */
export function placeholders(): { param: Param; values: Record<string, unknown> } {
  const values: Record<string, unknown> = {};
  const param: Param = (name, value) => {
    values[name] = value;
    return sql.placeholder(name);
  };
  return { param, values };
}
