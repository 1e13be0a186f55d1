import { and, eq, sql } from 'drizzle-orm';
import { reminders } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';
import type { AddReminderInput } from './add-reminder';
import { refusePastDay } from './workspace';

export type ReminderPatch = Partial<Pick<AddReminderInput, 'kind' | 'dueOn' | 'text'>> & { done?: boolean };

/**
 * Changes a reminder: what to do, when (never moved into the past), its kind, done or not. A day the candidate
 * chooses that differs from the one it had is theirs: the reminder leaves the round it was made for, so a later
 * change to that round's date no longer moves it. The same day sent back (a form saved with new text) changes
 * nothing of that.
 */
export async function updateReminder(
  ctx: AppContext,
  who: CandidateActor,
  input: { id: string } & ReminderPatch,
) {
  const { id, done, ...patch } = input;
  if (patch.dueOn) refusePastDay(patch.dueOn, 'body.dueOn');
  const byHand = patch.dueOn
    ? { roundId: sql`case when ${reminders.dueOn} = ${patch.dueOn} then ${reminders.roundId} end` }
    : {};
  const [row] = await ctx.db
    .update(reminders)
    .set({ ...patch, ...byHand, ...(done === undefined ? {} : { doneAt: done ? new Date() : null }) })
    .where(and(eq(reminders.id, id), eq(reminders.accountId, who.accountId)))
    .returning();
  if (!row) throw notFound('Reminder');
  return row;
}
