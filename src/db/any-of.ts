import { type AnyColumn, is, Placeholder, type SQL, sql } from 'drizzle-orm';

/**
 * `column = any($1::type[])`: whether the column's value is one of these, with the list as one array parameter.
 * Means what `inArray` does (which an empty list makes false as well), but the statement's text does not change with
 * the list's length (one named statement, parsed once) and Drizzle does not build a parameter for each value. The
 * list may also be a placeholder (`sql.placeholder('ids')`), filled when a prepared query runs.
 */
export function anyOf(column: AnyColumn, values: readonly string[] | Placeholder): SQL {
  const list = is(values, Placeholder) ? values : sql.param(values);
  return sql`${column} = any(${list}::${sql.raw(column.getSQLType())}[])`;
}
