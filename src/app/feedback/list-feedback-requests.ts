import { and, asc, eq } from 'drizzle-orm';
import { applications, candidates, feedback, feedbackRequests, jobs } from '../../db/schema';
import type { Actor, AppContext } from '../context';

/** The hiring team's queue of candidates asking for feedback, soonest deadline first. */
export async function listFeedbackRequests(
  ctx: AppContext,
  actor: Actor,
  input: { status: 'open' | 'fulfilled' | 'declined' },
) {
  const { status } = input;
  const rows = await ctx.db
    .select({ request: feedbackRequests, candidate: candidates, job: jobs, feedbackId: feedback.id })
    .from(feedbackRequests)
    .innerJoin(applications, eq(applications.id, feedbackRequests.applicationId))
    .leftJoin(feedback, eq(feedback.applicationId, feedbackRequests.applicationId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .where(
      and(eq(feedbackRequests.organizationId, actor.organizationId), eq(feedbackRequests.status, status)),
    )
    .orderBy(asc(feedbackRequests.dueAt));
  const now = Date.now();
  return rows.map(({ request, candidate, job, feedbackId }) => ({
    id: request.id,
    applicationId: request.applicationId,
    feedbackId,
    candidate: { name: candidate.name, email: candidate.email },
    job: { id: job.id, title: job.title },
    message: request.message,
    status: request.status,
    dueAt: request.dueAt.toISOString(),
    overdue: request.status === 'open' && request.dueAt.getTime() < now,
    createdAt: request.createdAt.toISOString(),
  }));
}
