import { and, asc, eq, inArray } from 'drizzle-orm';
import { applicationInterviewers, feedback, users } from '../../db/schema';
import type { Actor, AppContext } from '../context';
import { loadApplicationFor, loadCriteria, loadScorecards } from '../load';

/** The hiring team's view of one application: its scorecards with ratings and notes, and its feedback. */
export async function getApplicationDetail(ctx: AppContext, actor: Actor, input: { applicationId: string }) {
  const row = await loadApplicationFor(ctx.db, actor, input.applicationId);
  const cards = await loadScorecards(ctx.db, input.applicationId);
  const crit = await loadCriteria(ctx.db, row.job.id);
  const [fb] = await ctx.db
    .select({ id: feedback.id, status: feedback.status })
    .from(feedback)
    .where(eq(feedback.applicationId, input.applicationId));
  const interviewers = await ctx.db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(applicationInterviewers)
    .innerJoin(users, eq(users.id, applicationInterviewers.userId))
    .where(eq(applicationInterviewers.applicationId, input.applicationId))
    .orderBy(asc(users.name));
  // The members who confirmed flagged evidence or redacted it.
  const ids = [
    ...new Set(cards.flatMap((c) => c.ratings.flatMap((r) => [r.flaggedBy, r.redactedBy]))),
  ].filter((x): x is string => !!x);
  const people = ids.length
    ? await ctx.db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(eq(users.organizationId, actor.organizationId), inArray(users.id, ids)))
    : [];
  return { ...row, criteria: crit, scorecards: cards, feedback: fb ?? null, interviewers, people };
}
