import { and, desc, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../lib/errors';

/** Keyset pagination, newest first: the cursor names the last row of the previous page. */
export interface Page {
  limit: number;
  cursor?: string;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function decodeCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [at = '', id = '', ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
    const d = new Date(at);
    const year = d.getUTCFullYear();
    // Only what encodeCursor writes: an ISO time the database can hold and a UUID.
    if (
      rest.length ||
      !ISO_TIME.test(at) ||
      Number.isNaN(year) ||
      year < 2000 ||
      year > 9999 ||
      !UUID.test(id)
    )
      throw new Error('bad');
    return { at: d, id };
  } catch {
    throw new AppError(400, 'invalid-request', 'query.cursor: not a cursor this API gave out');
  }
}

export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

/**
 * The time to the millisecond, which is what a cursor (and a JavaScript Date) can carry; the database keeps
 * microseconds. Ordering and comparing by the same truncated time keeps rows made in one millisecond, or in one
 * transaction (which share the transaction's time), in id order, so no page skips or repeats them.
 */
const toMillisecond = (createdAt: PgColumn) => sql`date_trunc('milliseconds', ${createdAt})`;

export function afterCursor(createdAt: PgColumn, id: PgColumn, cursor: string | undefined): SQL | undefined {
  const c = decodeCursor(cursor);
  if (!c) return undefined;
  const at = c.at.toISOString();
  const time = toMillisecond(createdAt);
  return or(sql`${time} < ${at}::timestamptz`, and(sql`${time} = ${at}::timestamptz`, lt(id, c.id)));
}

export const newestFirst = (createdAt: PgColumn, id: PgColumn) => [desc(toMillisecond(createdAt)), desc(id)];

/** Fetch limit + 1 rows; this turns them into a page. */
export function toPage<T extends { createdAt: Date; id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null };
}

/** A search box's text as a LIKE pattern matching it anywhere: `%` and `_` typed into the box mean themselves. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
