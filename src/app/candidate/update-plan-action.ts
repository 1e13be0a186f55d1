import { and, eq } from 'drizzle-orm';
import { planActions } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';

/** Renames an action, moves its due date, or marks it done (or not). */
export async function updatePlanAction(
  ctx: AppContext,
  who: CandidateActor,
  input: { id: string; title?: string; dueOn?: string | null; done?: boolean },
) {
  const { id, done, ...rest } = input;
  const [row] = await ctx.db
    .update(planActions)
    .set({ ...rest, ...(done === undefined ? {} : { doneAt: done ? new Date() : null }) })
    .where(and(eq(planActions.id, id), eq(planActions.accountId, who.accountId)))
    .returning();
  if (!row) throw notFound('Action');
  return row;
}
