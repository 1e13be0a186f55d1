import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { reminders, trackerApplications } from '../../db/schema';
import { TRACKER_STATUSES, type TrackerStatus } from '../../domain/vocabulary';
import type { AppContext, CandidateActor } from '../context';
import { listApplications } from './list-applications';

/** How many of the newest applications Home names. */
export const HOME_NEWEST = 5;

/**
 * What the candidate's Home shows, counted and chosen by the database over every application they track: how many
 * there are of each status, the newest few, and the reminders not yet done, soonest first, each with the company and
 * role of its application.
 */
export async function getHome(ctx: AppContext, who: CandidateActor) {
  const t = trackerApplications;
  const counted = await ctx.db
    .select({ status: t.status, n: sql<number>`count(*)::int` })
    .from(t)
    .where(eq(t.accountId, who.accountId))
    .groupBy(t.status);
  const byStatus = Object.fromEntries(TRACKER_STATUSES.map((s) => [s, 0])) as Record<TrackerStatus, number>;
  for (const c of counted) byStatus[c.status] = c.n;
  const newest = await listApplications(ctx, who, { limit: HOME_NEWEST });
  const due = await ctx.db
    .select({ reminder: reminders, application: { id: t.id, company: t.company, role: t.role } })
    .from(reminders)
    .leftJoin(t, and(eq(t.id, reminders.applicationId), eq(t.accountId, who.accountId)))
    .where(and(eq(reminders.accountId, who.accountId), isNull(reminders.doneAt)))
    .orderBy(asc(reminders.dueOn), asc(reminders.createdAt));
  return { total: newest.total, byStatus, newest: newest.items, reminders: due };
}
