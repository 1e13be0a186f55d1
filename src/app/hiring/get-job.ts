import { and, eq, sql } from 'drizzle-orm';
import { applications, feedback } from '../../db/schema';
import type { Actor, AppContext } from '../context';
import { loadCriteria, loadJob } from '../load';
import { countByStage } from './list-jobs';

/**
 * One job of the actor's organization with its criteria, in their order, its applications counted by stage and
 * status, and how much feedback waits for the job to be filled (what closing it would send).
 */
export async function getJob(ctx: AppContext, actor: Actor, input: { jobId: string }) {
  const job = await loadJob(ctx.db, actor.organizationId, input.jobId);
  const crit = await loadCriteria(ctx.db, input.jobId);
  const stages = await ctx.db
    .select({ stage: applications.stage, n: sql<number>`count(*)::int` })
    .from(applications)
    .where(eq(applications.jobId, job.id))
    .groupBy(applications.stage);
  const [{ held }] = await ctx.db
    .select({ held: sql<number>`count(*)::int` })
    .from(feedback)
    .innerJoin(applications, eq(applications.id, feedback.applicationId))
    .where(
      and(
        eq(applications.jobId, job.id),
        eq(feedback.status, 'scheduled'),
        eq(feedback.sendMode, 'when-filled'),
      ),
    );
  return { job, criteria: crit, counts: countByStage(stages), heldUntilFilled: held };
}
