import type { AnyColumn, SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';

/**
 * `column = any($1::type[])`: whether the column's value is one of these, with the list as one array parameter.
 * Means what `inArray` does (which an empty list makes false as well), but the statement's text does not change with
 * the list's length (one named statement, parsed once) and Drizzle does not build a parameter for each value.
 */
export function anyOf(column: AnyColumn, values: readonly string[]): SQL {
  return sql`${column} = any(${sql.param(values)}::${sql.raw(column.getSQLType())}[])`;
}
