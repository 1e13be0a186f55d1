import { type AnyColumn, getTableColumns, type InferSelectModel, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * Rows of a table read back from JSON that PostgreSQL built (`row_to_json`, `json_agg`), so that one statement can
 * return a row and its children in one round trip. The JSON keys are the columns' names; this maps them back to the
 * schema's keys and turns timestamps back into Dates, so the result has the same type as a plain select.
 */
export function fromJsonRow<T extends PgTable>(table: T, json: Record<string, unknown>): InferSelectModel<T> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table)) as [string, AnyColumn][]) {
    const value = json[column.name];
    out[key] =
      value != null && column.columnType === 'PgTimestamp' ? new Date(value as string) : (value ?? null);
  }
  return out as InferSelectModel<T>;
}

/** `coalesce(json_agg(<expr> order by …), '[]')`: an empty list rather than null when there are no rows. */
export const jsonList = (expr: SQL, orderBy?: SQL) =>
  orderBy
    ? sql`coalesce(json_agg(${expr} order by ${orderBy}), '[]'::json)`
    : sql`coalesce(json_agg(${expr}), '[]'::json)`;
