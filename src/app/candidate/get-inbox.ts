import { and, desc, eq, notExists, sql } from 'drizzle-orm';
import { applications, candidates, feedback, feedbackRequests, jobs, organizations } from '../../db/schema';
import type { AppContext, CandidateActor } from '../context';
import { listInbox } from './list-inbox';

/**
 * The candidate's inbox, one thread per application: the feedback sent through Debrief with what was said about it
 * since (listInbox), and the requests for feedback still waiting for an answer, with their deadline.
 */
export async function getInbox(ctx: AppContext, who: CandidateActor) {
  const items = await listInbox(ctx, who);
  const db = ctx.db;
  // Requests the candidate made from a notice's page, with no feedback sent yet: what is awaited, and by when.
  const waiting = await db
    .select({ request: feedbackRequests, job: jobs, organization: organizations })
    .from(feedbackRequests)
    .innerJoin(applications, eq(applications.id, feedbackRequests.applicationId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .innerJoin(organizations, eq(organizations.id, feedbackRequests.organizationId))
    .where(
      and(
        sql`lower(${candidates.email}) = lower(${who.email})`,
        notExists(
          db
            .select({ id: feedback.id })
            .from(feedback)
            .where(and(eq(feedback.applicationId, applications.id), eq(feedback.status, 'sent'))),
        ),
      ),
    )
    .orderBy(desc(feedbackRequests.createdAt));
  const requests = waiting.map((w) => ({
    id: w.request.id,
    organization: w.organization.name,
    job: w.job.title,
    status: w.request.status,
    askedAt: w.request.createdAt,
    dueAt: w.request.dueAt,
  }));
  return { items, requests };
}
