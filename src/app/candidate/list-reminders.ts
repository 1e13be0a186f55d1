import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { reminders, trackerApplications } from '../../db/schema';
import type { AppContext, CandidateActor } from '../context';

/**
 * The candidate's reminders, soonest first, each with the company and role of its application; only those not yet
 * done when `open`, and the first `limit` when given.
 */
export function listReminders(
  ctx: AppContext,
  who: CandidateActor,
  input: { open: boolean; limit?: number },
) {
  const t = trackerApplications;
  const q = ctx.db
    .select({ reminder: reminders, application: { id: t.id, company: t.company, role: t.role } })
    .from(reminders)
    .leftJoin(t, and(eq(t.id, reminders.applicationId), eq(t.accountId, who.accountId)))
    .where(and(eq(reminders.accountId, who.accountId), input.open ? isNull(reminders.doneAt) : undefined))
    .orderBy(asc(reminders.dueOn), asc(reminders.createdAt), asc(reminders.id));
  return input.limit === undefined ? q : q.limit(input.limit);
}

/** How many of the candidate's reminders are not yet done. */
export async function countOpenReminders(ctx: AppContext, who: CandidateActor) {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(reminders)
    .where(and(eq(reminders.accountId, who.accountId), isNull(reminders.doneAt)));
  return row.n;
}
