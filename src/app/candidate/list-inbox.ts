import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  applications,
  candidates,
  feedback,
  feedbackResponses,
  jobs,
  organizations,
  trackerApplications,
} from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';
import { isoDay } from './workspace';

/** One step of an application's conversation: the feedback, then the thanks, the rating, the question, the answer. */
export interface ThreadEntry {
  kind: 'feedback' | 'thanks' | 'rating' | 'question' | 'answer';
  at: Date | null;
  text: string | null;
}

/**
 * Feedback sent through Debrief to the candidate's confirmed address, from any employer, each with its thread: the
 * candidate's thanks, rating and question and the team's answer. Each gets its own tracker application the first
 * time it is seen (company, role, rejected), so it links to its application.
 */
export async function listInbox(ctx: AppContext, who: CandidateActor) {
  if (!who.verified) {
    throw new AppError(
      403,
      'email-not-verified',
      'Confirm your email address (use the link we sent) to see feedback sent to it',
    );
  }
  const db = ctx.db;
  const rows = await db
    .select({
      feedback,
      job: jobs,
      organization: organizations,
      rejectedAt: applications.rejectedAt,
      response: feedbackResponses,
    })
    .from(feedback)
    .innerJoin(applications, eq(applications.id, feedback.applicationId))
    .leftJoin(feedbackResponses, eq(feedbackResponses.feedbackId, feedback.id))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .innerJoin(organizations, eq(organizations.id, feedback.organizationId))
    .where(and(eq(feedback.status, 'sent'), sql`lower(${candidates.email}) = lower(${who.email})`))
    .orderBy(desc(feedback.sentAt));
  const linked = rows.length
    ? await db
        .select({ id: trackerApplications.id, feedbackId: trackerApplications.feedbackId })
        .from(trackerApplications)
        .where(
          and(
            eq(trackerApplications.accountId, who.accountId),
            inArray(
              trackerApplications.feedbackId,
              rows.map((r) => r.feedback.id),
            ),
          ),
        )
    : [];
  const items = [];
  for (const r of rows) {
    let trackerId = linked.find((l) => l.feedbackId === r.feedback.id)?.id;
    if (!trackerId) {
      const [created] = await db
        .insert(trackerApplications)
        .values({
          accountId: who.accountId,
          company: r.organization.name,
          role: r.job.title,
          source: 'Debrief',
          status: 'rejected',
          rejectedOn: r.rejectedAt ? isoDay(r.rejectedAt) : null,
          decisionFinal: true,
          feedbackId: r.feedback.id,
        })
        .returning({ id: trackerApplications.id });
      trackerId = created.id;
    }
    items.push({
      id: r.feedback.id,
      organization: r.organization.name,
      job: r.job.title,
      body: r.feedback.body,
      sentAt: r.feedback.sentAt,
      applicationId: trackerId,
      thread: threadOf(r.feedback, r.response),
    });
  }
  return items;
}

function threadOf(
  fb: typeof feedback.$inferSelect,
  r: typeof feedbackResponses.$inferSelect | null,
): ThreadEntry[] {
  const entries: ThreadEntry[] = [{ kind: 'feedback', at: fb.sentAt, text: null }];
  if (r?.thankedAt) entries.push({ kind: 'thanks', at: r.thankedAt, text: null });
  // A rating can change at any time and keeps no date of its own.
  if (r?.useful) entries.push({ kind: 'rating', at: null, text: `${r.useful} of 5` });
  if (r?.question) entries.push({ kind: 'question', at: r.questionAskedAt, text: r.question });
  if (r?.answer) entries.push({ kind: 'answer', at: r.answeredAt, text: r.answer });
  return entries;
}
