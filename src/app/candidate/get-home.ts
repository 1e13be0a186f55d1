import { eq, sql } from 'drizzle-orm';
import { trackerApplications } from '../../db/schema';
import { TRACKER_STATUSES, type TrackerStatus } from '../../domain/vocabulary';
import type { AppContext, CandidateActor } from '../context';
import { listApplications } from './list-applications';
import { countOpenReminders, listReminders } from './list-reminders';

/** How many of the newest applications Home names. */
export const HOME_NEWEST = 5;
/** How many reminders Home lists, the soonest (the late ones first); it says how many more are open. */
export const HOME_REMINDERS = 8;

/**
 * What the candidate's Home shows, counted and chosen by the database over every application they track: how many
 * there are of each status, the newest few, and the first few reminders not yet done, soonest first, each with the company
 * and role of its application, with how many are open in all.
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
  const due = await listReminders(ctx, who, { open: true, limit: HOME_REMINDERS });
  const remindersOpen = await countOpenReminders(ctx, who);
  return { total: newest.total, byStatus, newest: newest.items, reminders: due, remindersOpen };
}
