import { and, eq } from 'drizzle-orm';
import { trackerRounds } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';

/** Deletes an interview round logged by mistake. */
export async function deleteRound(ctx: AppContext, who: CandidateActor, input: { id: string }) {
  const [row] = await ctx.db
    .delete(trackerRounds)
    .where(and(eq(trackerRounds.id, input.id), eq(trackerRounds.accountId, who.accountId)))
    .returning({ id: trackerRounds.id });
  if (!row) throw notFound('Round');
}
