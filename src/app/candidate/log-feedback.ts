import { loggedFeedback } from '../../db/schema';
import type { AppContext, CandidateActor } from '../context';
import { loadTrackerApplication } from './workspace';

export interface LogFeedbackInput {
  applicationId?: string | null;
  channel: 'email' | 'call' | 'other';
  receivedOn: string;
  text: string;
}

/** Feedback received outside Debrief (an email, a call), optionally tied to one of the candidate's applications. */
export async function logFeedback(ctx: AppContext, who: CandidateActor, input: LogFeedbackInput) {
  if (input.applicationId) await loadTrackerApplication(ctx.db, who, input.applicationId);
  const [row] = await ctx.db
    .insert(loggedFeedback)
    .values({ accountId: who.accountId, ...input, applicationId: input.applicationId ?? null })
    .returning();
  return row;
}
