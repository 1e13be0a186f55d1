import { desc, eq, inArray, sql } from 'drizzle-orm';
import { trackerApplications, trackerRounds } from '../../db/schema';
import type { AppContext, CandidateActor } from '../context';

/** The candidate's tracked applications, newest first, each with its number of rounds. */
export async function listApplications(ctx: AppContext, who: CandidateActor) {
  const db = ctx.db;
  const apps = await db
    .select()
    .from(trackerApplications)
    .where(eq(trackerApplications.accountId, who.accountId))
    .orderBy(desc(trackerApplications.createdAt));
  const counts = apps.length
    ? await db
        .select({ applicationId: trackerRounds.applicationId, n: sql<number>`count(*)::int` })
        .from(trackerRounds)
        .where(
          inArray(
            trackerRounds.applicationId,
            apps.map((a) => a.id),
          ),
        )
        .groupBy(trackerRounds.applicationId)
    : [];
  return apps.map((a) => ({ ...a, rounds: counts.find((c) => c.applicationId === a.id)?.n ?? 0 }));
}
