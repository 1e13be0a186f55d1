import {
  type AnyColumn,
  getTableColumns,
  type InferInsertModel,
  type InferSelectModel,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

/**
 * Rows of a table read back from JSON that PostgreSQL built (`row_to_json`, `json_agg`), so that one statement can
 * return a row and its children in one round trip. The JSON keys are the columns' names; this maps them back to the
 * schema's keys and turns timestamps back into Dates, so the result has the same type as a plain select.
 */
export function fromJsonRow<T extends PgTable>(table: T, json: Record<string, unknown>): InferSelectModel<T> {
  const out: Record<string, unknown> = {};
  for (const { key, name, timestamp } of columnsOf(table)) {
    const value = json[name];
    out[key] = value != null && timestamp ? new Date(value as string) : (value ?? null);
  }
  return out as InferSelectModel<T>;
}

/** A table's columns as fromJsonRow reads them (key, name, whether a timestamp), worked out once per table. */
const plans = new WeakMap<PgTable, { key: string; name: string; timestamp: boolean }[]>();
function columnsOf(table: PgTable) {
  let plan = plans.get(table);
  if (!plan) {
    plan = (Object.entries(getTableColumns(table)) as [string, AnyColumn][]).map(([key, column]) => ({
      key,
      name: column.name,
      timestamp: column.columnType === 'PgTimestamp',
    }));
    plans.set(table, plan);
  }
  return plan;
}

/** `coalesce(json_agg(<expr> order by …), '[]')`: an empty list rather than null when there are no rows. */
export const jsonList = (expr: SQL, orderBy?: SQL) =>
  orderBy
    ? sql`coalesce(json_agg(${expr} order by ${orderBy}), '[]'::json)`
    : sql`coalesce(json_agg(${expr}), '[]'::json)`;

const TEXT = new Set(['PgText', 'PgVarchar', 'PgChar']);

/** ES2024's string methods (Node 20 has them; the project's `lib` is ES2023). */
type WellFormed = string & { isWellFormed(): boolean; toWellFormed(): string };

/**
 * Inserts rows with one parameter, the rows as JSON (`insert … select … from jsonb_to_recordset($1)`), rather than a
 * parameter per value as a multi-row insert builds: the statement's text is the same for any number of rows (one
 * parse, one named statement), and a batch's values are serialised once. Every row must give the same columns (those
 * defined in the first row); the others take their defaults, as they would in `insert(…).values(…)`. The values are
 * stored as they would be through the driver: JSON columns as the value itself, text as its UTF-8 (a lone surrogate
 * becomes U+FFFD, as the drivers encode it), Dates as their ISO time. Returns the `returning` columns of each row
 * written, by the given keys (in no particular order), if any are asked for.
 */
export async function insertJsonRows<T extends PgTable, R extends Record<string, AnyColumn>>(
  ex: Executor,
  table: T,
  rows: InferInsertModel<T>[],
  returning = {} as R,
  /**
   * A given column's value computed in the statement instead of taken as sent: an SQL expression that may read the
   * row's values as `x."<key>"` (the schema's keys) and the database.
   */
  computed: Partial<Record<string, SQL>> = {},
): Promise<{ [K in keyof R]: R[K]['_']['data'] }[]> {
  const first = rows[0];
  if (!first) return [];
  const all = getTableColumns(table) as Record<string, AnyColumn>;
  const given = Object.keys(first).filter((k) => (first as Record<string, unknown>)[k] !== undefined);
  const text: string[] = [];
  for (const k of given) {
    const column = all[k];
    if (!column) throw new Error(`insertJsonRows: ${k} is not a column of the table`);
    if (TEXT.has(column.columnType)) text.push(k);
  }
  const payload = (rows as Record<string, unknown>[]).map((row) => {
    let defined = 0;
    for (const k in row) if (row[k] !== undefined) defined++;
    if (defined !== given.length || given.some((k) => row[k] === undefined))
      throw new Error('insertJsonRows: every row must give the same columns');
    let fixed: Record<string, unknown> | undefined;
    for (const k of text) {
      const v = row[k] as WellFormed | null;
      if (v !== null && !v.isWellFormed()) {
        fixed ??= { ...row };
        fixed[k] = v.toWellFormed();
      }
    }
    return fixed ?? row;
  });
  const name = (k: string) => sql.identifier(all[k]!.name);
  const recordColumns = sql.join(
    given.map((k) => sql`${sql.identifier(k)} ${sql.raw(all[k]!.getSQLType())}`),
    sql`, `,
  );
  const out = Object.entries(returning);
  const result = await ex.execute(sql`insert into ${table} (${sql.join(given.map(name), sql`, `)})
    select ${sql.join(
      given.map((k) => computed[k] ?? sql`x.${sql.identifier(k)}`),
      sql`, `,
    )} from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as x(${recordColumns})
    ${
      out.length
        ? sql`returning ${sql.join(
            out.map(([k, c]) => sql`${sql.identifier(c.name)} as ${sql.identifier(k)}`),
            sql`, `,
          )}`
        : sql``
    }`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => {
    const mapped: Record<string, unknown> = {};
    for (const [k, c] of out) mapped[k] = r[k] == null ? null : c.mapFromDriverValue(r[k]);
    return mapped as { [K in keyof R]: R[K]['_']['data'] };
  });
}
