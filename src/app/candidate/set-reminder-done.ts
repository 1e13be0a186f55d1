import { and, eq } from 'drizzle-orm';
import { reminders } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';

export async function setReminderDone(
  ctx: AppContext,
  who: CandidateActor,
  input: { id: string; done: boolean },
) {
  const [row] = await ctx.db
    .update(reminders)
    .set({ doneAt: input.done ? new Date() : null })
    .where(and(eq(reminders.id, input.id), eq(reminders.accountId, who.accountId)))
    .returning();
  if (!row) throw notFound('Reminder');
  return row;
}
