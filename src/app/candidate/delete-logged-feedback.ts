import { and, eq } from 'drizzle-orm';
import { loggedFeedback } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';

export async function deleteLoggedFeedback(ctx: AppContext, who: CandidateActor, input: { id: string }) {
  const [row] = await ctx.db
    .delete(loggedFeedback)
    .where(and(eq(loggedFeedback.id, input.id), eq(loggedFeedback.accountId, who.accountId)))
    .returning({ id: loggedFeedback.id });
  if (!row) throw notFound('Logged feedback');
}
