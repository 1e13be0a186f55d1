import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { planActions } from '../db/schema';
import { notFound } from '../lib/errors';
import type { CandidateActor } from './context';

// Plan actions ---------------------------------------------------------------------------------------------------

export async function addPlanAction(
  db: Executor,
  who: CandidateActor,
  input: { theme: string; title: string; dueOn?: string | null },
) {
  const [row] = await db
    .insert(planActions)
    .values({ accountId: who.accountId, ...input, dueOn: input.dueOn ?? null })
    .returning();
  return row;
}

export async function updatePlanAction(
  db: Executor,
  who: CandidateActor,
  id: string,
  patch: { title?: string; dueOn?: string | null; done?: boolean },
) {
  const { done, ...rest } = patch;
  const [row] = await db
    .update(planActions)
    .set({ ...rest, ...(done === undefined ? {} : { doneAt: done ? new Date() : null }) })
    .where(and(eq(planActions.id, id), eq(planActions.accountId, who.accountId)))
    .returning();
  if (!row) throw notFound('Action');
  return row;
}
