import { is, type Placeholder, type Query, type SQL, sql } from 'drizzle-orm';
import { PgDialect, PgPreparedQuery, type PreparedQueryConfig } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

/**
 * A query built once for each database handle and then run with its placeholders (`sql.placeholder('id')`) filled.
 * Building a query (Drizzle turning the builder into text and parameters) cost about a sixth of the server's CPU on
 * the busiest routes; a prepared query skips it. The query is built once for the process: on another handle (a
 * transaction) a prepared query is the same one bound to that handle's connection; anything else `build` returns
 * (several queries in an object) is built once per handle.
 */
export function prepared<Q>(build: (db: Executor) => Q): (db: Executor) => Q {
  const built = new WeakMap<Executor, Q>();
  let first: Q | undefined;
  return (db) => {
    let q = built.get(db);
    if (q === undefined) {
      q = first !== undefined && is(first, PgPreparedQuery) ? (onHandle(first, db) as Q) : build(db);
      first ??= q;
      built.set(db, q);
    }
    return q;
  };
}

/** What a prepared query of either driver keeps (Drizzle's own fields, not part of its types). */
interface PreparedInternals {
  getQuery(): Query;
  fields?: unknown;
  _isResponseInArrayMode: boolean;
  customResultMapper?: unknown;
  rawQueryConfig?: { name?: string };
  queryMetadata?: unknown;
  cacheConfig?: unknown;
  joinsNotNullableMap?: unknown;
}

/**
 * A prepared query already built on one handle, for another (a transaction): the same text, parameters, columns and
 * row mapping, bound to that handle's connection, without building the query again. Inside a transaction this is
 * most of what a prepared query saves: the loaders a change starts with are large selects.
 */
function onHandle(q: PgPreparedQuery<PreparedQueryConfig>, db: Executor) {
  const t = q as unknown as PreparedInternals;
  const session = db._.session as unknown as {
    prepareQuery(...args: unknown[]): PreparedInternals;
  };
  const copy = session.prepareQuery(
    t.getQuery(),
    t.fields,
    t.rawQueryConfig?.name,
    t._isResponseInArrayMode,
    t.customResultMapper,
    t.queryMetadata,
    t.cacheConfig,
  );
  copy.joinsNotNullableMap = t.joinsNotNullableMap;
  return copy;
}

/**
 * A prepared query with no name of its own: on PostgreSQL the pool names each statement by its text
 * (src/db/postgres-pool.ts), so one text is never prepared under two names; PGlite needs no name.
 */
export const UNNAMED = undefined as unknown as string;

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
