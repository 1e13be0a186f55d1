import { reminders } from '../../db/schema';
import type { AppContext, CandidateActor } from '../context';
import { loadTrackerApplication, refusePastDay } from './workspace';

export interface AddReminderInput {
  applicationId?: string | null;
  kind: 'follow-up' | 'thank-you' | 'reapply' | 'ask-feedback' | 'action';
  dueOn: string;
  text: string;
}

/** A reminder of the candidate's own, optionally tied to one of their applications, for today or later. */
export async function addReminder(ctx: AppContext, who: CandidateActor, input: AddReminderInput) {
  refusePastDay(input.dueOn, 'body.dueOn');
  if (input.applicationId) await loadTrackerApplication(ctx.db, who, input.applicationId);
  const [row] = await ctx.db
    .insert(reminders)
    .values({ accountId: who.accountId, ...input, applicationId: input.applicationId ?? null })
    .returning();
  return row;
}
