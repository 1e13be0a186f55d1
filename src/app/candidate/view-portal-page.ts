import { eq } from 'drizzle-orm';
import { feedbackRequests, feedbackResponses } from '../../db/schema';
import type { AppContext, PortalVisitor } from '../context';
import { resolvePortalLink } from '../portal-links';

/**
 * The candidate's page behind an emailed link (no account; the token is the key to one application's page): the
 * feedback sent, the job, the company, what the candidate did there, and whether they may still ask for feedback.
 */
export async function viewPortalPage(ctx: AppContext, who: PortalVisitor) {
  const page = await resolvePortalLink(ctx.db, who.token);
  const [response] = page.feedback
    ? await ctx.db.select().from(feedbackResponses).where(eq(feedbackResponses.feedbackId, page.feedback.id))
    : [];
  const [request] = await ctx.db
    .select()
    .from(feedbackRequests)
    .where(eq(feedbackRequests.applicationId, page.application.id));
  return {
    organization: page.organization,
    job: page.job,
    feedback: page.feedback,
    response: response ?? null,
    request: request ?? null,
    canRequest: !page.feedback && !request && page.application.stage === 'rejected',
  };
}
