import { and, eq } from 'drizzle-orm';
import { loggedFeedback } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';
import type { LogFeedbackInput } from './log-feedback';
import { loadTrackerApplication } from './workspace';

/** Corrects feedback logged by hand: what was said, when, how it came, and the application it belongs to. */
export async function updateLoggedFeedback(
  ctx: AppContext,
  who: CandidateActor,
  input: { id: string } & Partial<LogFeedbackInput>,
) {
  const { id, ...patch } = input;
  return ctx.db.transaction(async (tx) => {
    if (patch.applicationId) await loadTrackerApplication(tx, who, patch.applicationId);
    const [row] = await tx
      .update(loggedFeedback)
      .set(patch)
      .where(and(eq(loggedFeedback.id, id), eq(loggedFeedback.accountId, who.accountId)))
      .returning();
    if (!row) throw notFound('Logged feedback');
    return row;
  });
}
