import { eq } from 'drizzle-orm';
import { feedbackResponses } from '../../db/schema';
import type { Actor, AppContext } from '../context';
import { loadFeedback } from '../load';

/** A feedback of the actor's organization, and what its candidate did on their page (null until they act). */
export async function getFeedback(ctx: AppContext, actor: Actor, input: { feedbackId: string }) {
  const f = await loadFeedback(ctx.db, actor.organizationId, input.feedbackId);
  const [response] = await ctx.db
    .select()
    .from(feedbackResponses)
    .where(eq(feedbackResponses.feedbackId, f.id));
  return { feedback: f, response: response ?? null };
}
