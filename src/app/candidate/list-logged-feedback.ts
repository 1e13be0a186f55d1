import { and, desc, eq } from 'drizzle-orm';
import { loggedFeedback, trackerApplications } from '../../db/schema';
import type { AppContext, CandidateActor } from '../context';

/** Feedback the candidate logged by hand, most recently received first, each with the application it is about. */
export function listLoggedFeedback(ctx: AppContext, who: CandidateActor) {
  const t = trackerApplications;
  return ctx.db
    .select({ logged: loggedFeedback, application: { id: t.id, company: t.company, role: t.role } })
    .from(loggedFeedback)
    .leftJoin(t, and(eq(t.id, loggedFeedback.applicationId), eq(t.accountId, who.accountId)))
    .where(eq(loggedFeedback.accountId, who.accountId))
    .orderBy(desc(loggedFeedback.receivedOn));
}
