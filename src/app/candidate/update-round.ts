import { and, eq } from 'drizzle-orm';
import { trackerRounds } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';
import type { AddRoundInput } from './add-round';

/** Corrects an interview round: its stage, date, the people met, the rapport, the notes. */
export async function updateRound(
  ctx: AppContext,
  who: CandidateActor,
  input: { id: string } & Partial<Omit<AddRoundInput, 'applicationId'>>,
) {
  const { id, ...patch } = input;
  const [row] = await ctx.db
    .update(trackerRounds)
    .set(patch)
    .where(and(eq(trackerRounds.id, id), eq(trackerRounds.accountId, who.accountId)))
    .returning();
  if (!row) throw notFound('Round');
  return row;
}
