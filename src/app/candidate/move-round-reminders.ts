import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { reminders } from '../../db/schema';
import { daysBetween } from '../../domain/timing';
import { addDays, isAhead } from './workspace';

/**
 * A round's date moved from `from` to `to`: the open reminders made for it (its thank-you note) move by as many days.
 * One whose new day has passed is removed, as no reminder is made for what is over. A reminder the candidate gave a
 * day of their own is no longer linked to the round (see updateReminder), so it keeps that day; done ones stay as
 * they are.
 */
export async function moveRoundReminders(tx: Executor, roundId: string, from: string, to: string) {
  const shift = daysBetween(from, to);
  if (shift === 0) return;
  const open = await tx
    .select({ id: reminders.id, dueOn: reminders.dueOn })
    .from(reminders)
    .where(and(eq(reminders.roundId, roundId), isNull(reminders.doneAt)));
  for (const r of open) {
    const due = addDays(r.dueOn, shift);
    if (isAhead(due)) await tx.update(reminders).set({ dueOn: due }).where(eq(reminders.id, r.id));
    else await tx.delete(reminders).where(eq(reminders.id, r.id));
  }
}
