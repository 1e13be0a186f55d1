import { planActions } from '../../db/schema';
import type { AppContext, CandidateActor } from '../context';

/** Turns a theme into an action, optionally with a due date. */
export async function addPlanAction(
  ctx: AppContext,
  who: CandidateActor,
  input: { theme: string; title: string; dueOn?: string | null },
) {
  const [row] = await ctx.db
    .insert(planActions)
    .values({ accountId: who.accountId, ...input, dueOn: input.dueOn ?? null })
    .returning();
  return row;
}
