import type { Actor, AppContext } from '../context';
import { loadCriteria, loadJob } from '../load';

/** One job of the actor's organization with its criteria, in their order. */
export async function getJob(ctx: AppContext, actor: Actor, input: { jobId: string }) {
  const job = await loadJob(ctx.db, actor.organizationId, input.jobId);
  const crit = await loadCriteria(ctx.db, input.jobId);
  return { job, criteria: crit, counts: {} as Record<string, number> };
}
