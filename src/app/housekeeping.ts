import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import {
  candidateAccounts,
  candidateTokens,
  knownDevices,
  outbox,
  passwordResets,
  rateLimits,
  sessions,
  signInChallenges,
  signUpRequests,
} from '../db/schema';
import { enqueue, type JobDefinition } from '../jobs/runner';

/** How long each kind of leftover is kept once it can no longer be used. */
export const KEEP = {
  /** An expired sign-up or password reset link still answers "expired" (410) for a day, then it is gone. */
  expiredLinkDays: 1,
  /** Attempt counts: the longest window is an hour; a day is ample. */
  rateLimitDays: 1,
  /** A browser not used to sign in for this long is no longer a known device. */
  knownDeviceDays: 180,
  /** A candidate account made before sign-up needed a link, and never confirmed. */
  unconfirmedAccountDays: 7,
} as const;

const daysAgo = (days: number) => sql`now() - make_interval(days => ${days})`;

/**
 * Deletes what has expired: sign-up requests, password reset links and the requests for them, sessions, two-factor
 * sign-in challenges and candidate tokens past their end, attempt counts, devices
 * long unused, and candidate accounts whose address was never confirmed (so nobody holds an address for long).
 */
export async function sweepExpired(db: Executor) {
  const count = async (q: Promise<unknown[]>) => (await q).length;
  return {
    signUpRequests: await count(
      db
        .delete(signUpRequests)
        .where(lt(signUpRequests.expiresAt, daysAgo(KEEP.expiredLinkDays)))
        .returning({ id: signUpRequests.id }),
    ),
    passwordResets: await count(
      db
        .delete(passwordResets)
        .where(lt(passwordResets.expiresAt, daysAgo(KEEP.expiredLinkDays)))
        .returning({ id: passwordResets.id }),
    ),
    // The addresses typed into "Forgot your password?", in the jobs that looked them up.
    passwordResetRequests: await count(
      db
        .delete(outbox)
        .where(
          and(
            eq(outbox.kind, 'password-reset'),
            inArray(outbox.status, ['done', 'failed']),
            lt(outbox.finishedAt, daysAgo(KEEP.expiredLinkDays)),
          ),
        )
        .returning({ id: outbox.id }),
    ),
    sessions: await count(
      db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`)).returning({ id: sessions.id }),
    ),
    // The step between a password and a second factor lasts minutes; used or not, it is gone a day after it ends.
    signInChallenges: await count(
      db
        .delete(signInChallenges)
        .where(lt(signInChallenges.expiresAt, daysAgo(KEEP.expiredLinkDays)))
        .returning({ id: signInChallenges.id }),
    ),
    candidateTokens: await count(
      db
        .delete(candidateTokens)
        .where(lt(candidateTokens.expiresAt, daysAgo(KEEP.expiredLinkDays)))
        .returning({ id: candidateTokens.id }),
    ),
    rateLimits: await count(
      db
        .delete(rateLimits)
        .where(lt(rateLimits.windowStart, daysAgo(KEEP.rateLimitDays)))
        .returning({ bucket: rateLimits.bucket }),
    ),
    knownDevices: await count(
      db
        .delete(knownDevices)
        .where(lt(knownDevices.lastUsedAt, daysAgo(KEEP.knownDeviceDays)))
        .returning({ tokenHash: knownDevices.tokenHash }),
    ),
    unconfirmedAccounts: await count(
      db
        .delete(candidateAccounts)
        .where(
          and(
            isNull(candidateAccounts.emailVerifiedAt),
            lt(candidateAccounts.createdAt, daysAgo(KEEP.unconfirmedAccountDays)),
          ),
        )
        .returning({ id: candidateAccounts.id }),
    ),
  };
}

const HOUR = 3600_000;
type Payload = { hour: string };

/** The hour a run belongs to, as its key: at most one run per hour, whatever the number of instances. */
const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / HOUR) * HOUR).toISOString();

/** Queues the run for the hour of `at` (a no-op if it is already queued). Every instance calls it at start. */
export function scheduleHousekeeping(db: Executor, job: JobDefinition<Payload>, at = new Date()) {
  const hour = hourOf(at);
  return enqueue(db, job, { hour }, { runAt: new Date(hour), dedupeKey: `housekeeping:${hour}` });
}

/** The hourly sweep, as a job: each run sweeps, then queues the next hour's run. */
export const housekeepingJob: JobDefinition<Payload> = {
  kind: 'housekeeping',
  maxAttempts: 3,
  async handle({ hour }, { db, logger }) {
    const deleted = await sweepExpired(db);
    logger.info('housekeeping', deleted);
    await scheduleHousekeeping(db, housekeepingJob, new Date(new Date(hour).getTime() + HOUR));
  },
};
