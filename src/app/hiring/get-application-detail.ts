import { eq } from 'drizzle-orm';
import { feedback } from '../../db/schema';
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
  return { ...row, criteria: crit, scorecards: cards, feedback: fb ?? null };
}
