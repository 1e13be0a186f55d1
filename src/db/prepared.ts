import { Column, getTableName, is, type Placeholder, type Query, SQL, Subquery, sql } from 'drizzle-orm';
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
      if (first !== undefined && is(first, PgPreparedQuery)) q = onHandle(first, db) as Q;
      else {
        q = build(db);
        if (is(q, PgPreparedQuery)) withRowMapper(q);
        else if (q && typeof q === 'object')
          for (const v of Object.values(q)) if (is(v, PgPreparedQuery)) withRowMapper(v);
      }
      first ??= q;
      built.set(db, q);
    }
    return q;
  };
}

type Field = { path: string[]; field: unknown };
type Decoder = { mapFromDriverValue(value: unknown): unknown };

/**
 * Drizzle's `mapResultRow`, planned once per query rather than worked out for every column of every row: which
 * decoder turns each column's value into the field's, where in the result it goes, and which table it belongs to
 * (a left-joined table whose columns are all null is null as a whole). The result is the same object, built in the
 * same order; on the list and the detail route, mapping rows this way costs about a fifth of what it did.
 */
export function rowMapper(fields: Field[], joinsNotNullableMap?: Record<string, boolean>) {
  const plan = fields.map(({ path, field }) => {
    const column = is(field, Column);
    // What Drizzle decodes with; an SQL expression keeps its decoder (`mapWith`) out of its public type.
    const decoderOf = (x: unknown) => (x as { decoder: Decoder }).decoder;
    const decoder: Decoder = column
      ? field
      : is(field, SQL)
        ? decoderOf(field)
        : is(field, Subquery)
          ? decoderOf(field._.sql)
          : decoderOf((field as { sql: unknown }).sql);
    return {
      parents: path.slice(0, -1),
      key: path[path.length - 1]!,
      decoder,
      table: joinsNotNullableMap && column && path.length === 2 ? getTableName(field.table) : undefined,
    };
  });
  return (rows: unknown[][]) =>
    rows.map((row) => {
      const result: Record<string, unknown> = {};
      let nullify: Record<string, string | false> | undefined;
      for (let i = 0; i < plan.length; i++) {
        const { parents, key, decoder, table } = plan[i]!;
        let node = result;
        for (const chunk of parents) {
          if (!(chunk in node)) node[chunk] = {};
          node = node[chunk] as Record<string, unknown>;
        }
        const raw = row[i];
        const value = raw === null ? null : decoder.mapFromDriverValue(raw);
        node[key] = value;
        if (table !== undefined) {
          nullify ??= {};
          const objectName = parents[0]!;
          if (!(objectName in nullify)) nullify[objectName] = value === null ? table : false;
          else if (typeof nullify[objectName] === 'string' && nullify[objectName] !== table)
            nullify[objectName] = false;
        }
      }
      if (nullify && joinsNotNullableMap) {
        for (const [objectName, tableName] of Object.entries(nullify)) {
          if (typeof tableName === 'string' && !joinsNotNullableMap[tableName]) result[objectName] = null;
        }
      }
      return result;
    });
}

/** Maps a prepared query's rows with a planned `rowMapper` (when Drizzle would map them and nothing else does). */
function withRowMapper(q: PgPreparedQuery<PreparedQueryConfig>) {
  const t = q as unknown as PreparedInternals;
  if (!Array.isArray(t.fields) || t.customResultMapper) return;
  t.customResultMapper = rowMapper(t.fields as Field[], t.joinsNotNullableMap as Record<string, boolean>);
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

/**
 * A query (a select, an insert) built once for the process and prepared without a name of its own (`UNNAMED`), on any
 * handle, a transaction's too (`prepared` binds the first handle's query to each other handle's connection).
 */
export function preparedQuery<P>(build: (db: Executor) => { prepare(name: string): P }): (db: Executor) => P {
  return prepared((db) => build(db).prepare(UNNAMED));
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
