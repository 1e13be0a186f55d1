import { and, asc, eq, isNull } from 'drizzle-orm';
import { reminders } from '../../db/schema';
import type { AppContext, CandidateActor } from '../context';

/** The candidate's reminders, soonest first; only those not yet done when `open`. */
export function listReminders(ctx: AppContext, who: CandidateActor, input: { open: boolean }) {
  return ctx.db
    .select()
    .from(reminders)
    .where(and(eq(reminders.accountId, who.accountId), input.open ? isNull(reminders.doneAt) : undefined))
    .orderBy(asc(reminders.dueOn), asc(reminders.createdAt));
}
