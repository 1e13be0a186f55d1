import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { emails, type feedback, feedbackResponses } from '../../db/schema';
import type { Actor, AppContext } from '../context';
import { loadFeedback } from '../load';

/** The email that carries a feedback to its candidate, with its delivery state; null before one is queued. */
export async function loadFeedbackEmail(
  tx: Executor,
  organizationId: string,
  f: Pick<typeof feedback.$inferSelect, 'emailId'>,
) {
  if (!f.emailId) return null;
  const [email] = await tx
    .select()
    .from(emails)
    .where(and(eq(emails.id, f.emailId), eq(emails.organizationId, organizationId)));
  return email ?? null;
}

/** A feedback of the organization and the delivery of its email. */
export async function loadFeedbackWithEmail(tx: Executor, organizationId: string, id: string) {
  const f = await loadFeedback(tx, organizationId, id);
  return { feedback: f, email: await loadFeedbackEmail(tx, organizationId, f) };
}

/**
 * A feedback of the actor's organization, the delivery of its email (queued, retrying, sent or failed, with the mail
 * server's last answer), and what its candidate did on their page (null until they act).
 */
export async function getFeedback(ctx: AppContext, actor: Actor, input: { feedbackId: string }) {
  const { feedback: f, email } = await loadFeedbackWithEmail(ctx.db, actor.organizationId, input.feedbackId);
  const [response] = await ctx.db
    .select()
    .from(feedbackResponses)
    .where(eq(feedbackResponses.feedbackId, f.id));
  return { feedback: f, email, response: response ?? null };
}
