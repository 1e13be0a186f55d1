import { and, eq } from 'drizzle-orm';
import { reminders } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';
import type { AddReminderInput } from './add-reminder';
import { refusePastDay } from './workspace';

export type ReminderPatch = Partial<Pick<AddReminderInput, 'kind' | 'dueOn' | 'text'>> & { done?: boolean };

/** Changes a reminder: what to do, when (never moved into the past), its kind, done or not. */
export async function updateReminder(
  ctx: AppContext,
  who: CandidateActor,
  input: { id: string } & ReminderPatch,
) {
  const { id, done, ...patch } = input;
  if (patch.dueOn) refusePastDay(patch.dueOn, 'body.dueOn');
  const [row] = await ctx.db
    .update(reminders)
    .set({ ...patch, ...(done === undefined ? {} : { doneAt: done ? new Date() : null }) })
    .where(and(eq(reminders.id, id), eq(reminders.accountId, who.accountId)))
    .returning();
  if (!row) throw notFound('Reminder');
  return row;
}
