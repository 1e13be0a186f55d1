import { and, eq } from 'drizzle-orm';
import { trackerRounds } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';
import type { AddRoundInput } from './add-round';
import { moveRoundReminders } from './move-round-reminders';

/**
 * Corrects an interview round: its stage, date, the people met, the rapport, the notes. A new date moves the
 * reminders made for the round with it, in the same transaction.
 */
export async function updateRound(
  ctx: AppContext,
  who: CandidateActor,
  input: { id: string } & Partial<Omit<AddRoundInput, 'applicationId'>>,
) {
  const { id, ...patch } = input;
  return ctx.db.transaction(async (tx) => {
    const mine = and(eq(trackerRounds.id, id), eq(trackerRounds.accountId, who.accountId));
    const [before] = await tx
      .select({ date: trackerRounds.date })
      .from(trackerRounds)
      .where(mine)
      .for('update');
    if (!before) throw notFound('Round');
    const [row] = await tx.update(trackerRounds).set(patch).where(mine).returning();
    if (patch.date) await moveRoundReminders(tx, id, before.date, patch.date);
    return row;
  });
}
