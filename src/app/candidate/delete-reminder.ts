import { and, eq } from 'drizzle-orm';
import { reminders } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';

export async function deleteReminder(ctx: AppContext, who: CandidateActor, input: { id: string }) {
  const [row] = await ctx.db
    .delete(reminders)
    .where(and(eq(reminders.id, input.id), eq(reminders.accountId, who.accountId)))
    .returning({ id: reminders.id });
  if (!row) throw notFound('Reminder');
}
