import { asc, eq } from 'drizzle-orm';
import { criteria } from '../../db/schema';
import type { Actor, AppContext } from '../context';
import { loadJob } from '../load';

/** One job of the actor's organization with its criteria, in their order. */
export async function getJob(ctx: AppContext, actor: Actor, input: { jobId: string }) {
  const job = await loadJob(ctx.db, actor.organizationId, input.jobId);
  const crit = await ctx.db
    .select()
    .from(criteria)
    .where(eq(criteria.jobId, input.jobId))
    .orderBy(asc(criteria.position));
  return { job, criteria: crit, counts: {} as Record<string, number> };
}
