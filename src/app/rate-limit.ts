import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { rateLimits } from '../db/schema';

/**
 * Reserves one attempt in a bucket for a window of `minutes`, atomically: concurrent attempts each see the count
 * after their own, so no more than `max` of them get through in a window, on any number of server instances.
 * Returns undefined when the attempt may go ahead, or the seconds until the window ends when it may not.
 */
export async function reserveAttempt(
  db: Executor,
  bucket: string,
  max: number,
  minutes: number,
): Promise<number | undefined> {
  const window = sql.raw(`interval '${Math.trunc(minutes)} minutes'`);
  const expired = sql`${rateLimits.windowStart} <= now() - ${window}`;
  const [row] = await db
    .insert(rateLimits)
    .values({ bucket, attempts: 1 })
    .onConflictDoUpdate({
      target: rateLimits.bucket,
      set: {
        attempts: sql`case when ${expired} then 1 else ${rateLimits.attempts} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({
      attempts: rateLimits.attempts,
      retryAfter: sql<number>`ceil(extract(epoch from ${rateLimits.windowStart} + ${window} - now()))::int`,
    });
  return row && row.attempts > max ? Math.max(1, row.retryAfter) : undefined;
}

/** Gives back a reserved attempt that turned out not to count (a correct password). */
export async function releaseAttempt(db: Executor, bucket: string) {
  await db
    .update(rateLimits)
    .set({ attempts: sql`greatest(${rateLimits.attempts} - 1, 0)` })
    .where(eq(rateLimits.bucket, bucket));
}

/** Forgets a bucket's count (an account's, after its owner signed in). */
export async function clearAttempts(db: Executor, bucket: string) {
  await db.delete(rateLimits).where(eq(rateLimits.bucket, bucket));
}
