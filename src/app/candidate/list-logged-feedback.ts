import { desc, eq } from 'drizzle-orm';
import { loggedFeedback } from '../../db/schema';
import type { AppContext, CandidateActor } from '../context';

/** Feedback the candidate logged by hand, most recently received first. */
export function listLoggedFeedback(ctx: AppContext, who: CandidateActor) {
  return ctx.db
    .select()
    .from(loggedFeedback)
    .where(eq(loggedFeedback.accountId, who.accountId))
    .orderBy(desc(loggedFeedback.receivedOn));
}
