import { and, asc, eq, gte, lt, not, sql } from 'drizzle-orm';
import { applications, candidates, feedback, feedbackRequests, jobs } from '../../db/schema';
import type { Actor, AppContext } from '../context';
import { checkRange } from '../hiring/list-applications';
import { loadJob } from '../load';

/** A request past its deadline without an answer: still open, due before now. The dashboard counts the same. */
export const overdueRequest = sql<boolean>`(${feedbackRequests.status} = 'open' and ${feedbackRequests.dueAt} < now())`;

/**
 * The hiring team's queue of candidates asking for feedback, soonest deadline first; of one job and asked between two
 * days (midnight UTC, both included) if asked, as the dashboard counts them; only those past their deadline (or only
 * those not) if asked. Another organization's job is 404.
 */
export async function listFeedbackRequests(
  ctx: AppContext,
  actor: Actor,
  input: {
    status: 'open' | 'fulfilled' | 'declined';
    jobId?: string;
    from?: Date;
    to?: Date;
    overdue?: boolean;
  },
) {
  const { status } = input;
  checkRange('from', input.from, input.to, 'to');
  if (input.jobId) await loadJob(ctx.db, actor.organizationId, input.jobId);
  const rows = await ctx.db
    .select({
      request: feedbackRequests,
      candidate: candidates,
      job: jobs,
      feedbackId: feedback.id,
      overdue: overdueRequest,
    })
    .from(feedbackRequests)
    .innerJoin(applications, eq(applications.id, feedbackRequests.applicationId))
    .leftJoin(feedback, eq(feedback.applicationId, feedbackRequests.applicationId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .where(
      and(
        eq(feedbackRequests.organizationId, actor.organizationId),
        eq(feedbackRequests.status, status),
        input.jobId ? eq(applications.jobId, input.jobId) : undefined,
        input.from ? gte(feedbackRequests.createdAt, input.from) : undefined,
        input.to ? lt(feedbackRequests.createdAt, new Date(input.to.getTime() + 86_400_000)) : undefined,
        input.overdue === undefined ? undefined : input.overdue ? overdueRequest : not(overdueRequest),
      ),
    )
    .orderBy(asc(feedbackRequests.dueAt));
  return rows.map(({ request, candidate, job, feedbackId, overdue }) => ({
    id: request.id,
    applicationId: request.applicationId,
    feedbackId,
    candidate: { name: candidate.name, email: candidate.email },
    job: { id: job.id, title: job.title },
    message: request.message,
    status: request.status,
    dueAt: request.dueAt.toISOString(),
    overdue: Boolean(overdue),
    createdAt: request.createdAt.toISOString(),
  }));
}
