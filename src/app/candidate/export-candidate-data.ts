import { and, asc, eq, sql } from 'drizzle-orm';
import {
  applications,
  candidateAccounts,
  candidates,
  candidateTokens,
  feedback,
  feedbackRequests,
  feedbackResponses,
  jobs,
  loggedFeedback,
  organizations,
  planActions,
  reminders,
  trackerApplications,
  trackerRounds,
} from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';

/** Which version of the export's layout this is; it changes when a field's meaning does. */
export const EXPORT_FORMAT = 'debrief-candidate-export/1';

/**
 * Everything Debrief keeps about a candidate's account, in one JSON document they can read or take elsewhere: the
 * account, the tracker (applications, rounds, reminders), logged feedback, the plan, open sessions (when, never their
 * secrets) and, for a confirmed address, the feedback employers sent it through Debrief with the candidate's own
 * responses and requests for feedback. Reads only: nothing changes.
 */
export async function exportCandidateData(ctx: AppContext, who: CandidateActor) {
  const db = ctx.db;
  const [account] = await db
    .select({
      id: candidateAccounts.id,
      name: candidateAccounts.name,
      email: candidateAccounts.email,
      emailVerifiedAt: candidateAccounts.emailVerifiedAt,
      createdAt: candidateAccounts.createdAt,
    })
    .from(candidateAccounts)
    .where(eq(candidateAccounts.id, who.accountId));
  if (!account) throw notFound('Account');
  const mine = who.accountId;
  const tracker = await db
    .select()
    .from(trackerApplications)
    .where(eq(trackerApplications.accountId, mine))
    .orderBy(asc(trackerApplications.createdAt));
  const rounds = await db
    .select()
    .from(trackerRounds)
    .where(eq(trackerRounds.accountId, mine))
    .orderBy(asc(trackerRounds.date), asc(trackerRounds.createdAt));
  const reminderRows = await db
    .select()
    .from(reminders)
    .where(eq(reminders.accountId, mine))
    .orderBy(asc(reminders.dueOn));
  const logged = await db
    .select()
    .from(loggedFeedback)
    .where(eq(loggedFeedback.accountId, mine))
    .orderBy(asc(loggedFeedback.receivedOn));
  const plan = await db
    .select()
    .from(planActions)
    .where(eq(planActions.accountId, mine))
    .orderBy(asc(planActions.createdAt));
  const sessions = await db
    .select({ createdAt: candidateTokens.createdAt, expiresAt: candidateTokens.expiresAt })
    .from(candidateTokens)
    .where(and(eq(candidateTokens.accountId, mine), eq(candidateTokens.kind, 'session')))
    .orderBy(asc(candidateTokens.createdAt));

  // What employers hold about this address is shown only once the address is confirmed, as in the inbox.
  const toAddress = sql`lower(${candidates.email}) = lower(${account.email})`;
  const received = account.emailVerifiedAt
    ? await db
        .select({
          id: feedback.id,
          organization: organizations.name,
          job: jobs.title,
          body: feedback.body,
          sentAt: feedback.sentAt,
          response: {
            useful: feedbackResponses.useful,
            comment: feedbackResponses.comment,
            thankedAt: feedbackResponses.thankedAt,
            question: feedbackResponses.question,
            questionAskedAt: feedbackResponses.questionAskedAt,
            answer: feedbackResponses.answer,
            answeredAt: feedbackResponses.answeredAt,
            futureRoles: feedbackResponses.futureRoles,
          },
        })
        .from(feedback)
        .innerJoin(applications, eq(applications.id, feedback.applicationId))
        .innerJoin(candidates, eq(candidates.id, applications.candidateId))
        .innerJoin(jobs, eq(jobs.id, applications.jobId))
        .innerJoin(organizations, eq(organizations.id, feedback.organizationId))
        .leftJoin(feedbackResponses, eq(feedbackResponses.feedbackId, feedback.id))
        .where(and(eq(feedback.status, 'sent'), toAddress))
        .orderBy(asc(feedback.sentAt))
    : [];
  const requests = account.emailVerifiedAt
    ? await db
        .select({
          organization: organizations.name,
          job: jobs.title,
          message: feedbackRequests.message,
          status: feedbackRequests.status,
          dueAt: feedbackRequests.dueAt,
          createdAt: feedbackRequests.createdAt,
          closedAt: feedbackRequests.closedAt,
        })
        .from(feedbackRequests)
        .innerJoin(applications, eq(applications.id, feedbackRequests.applicationId))
        .innerJoin(candidates, eq(candidates.id, applications.candidateId))
        .innerJoin(jobs, eq(jobs.id, applications.jobId))
        .innerJoin(organizations, eq(organizations.id, feedbackRequests.organizationId))
        .where(toAddress)
        .orderBy(asc(feedbackRequests.createdAt))
    : [];

  const strip = <T extends { accountId: string }>({ accountId: _, ...rest }: T) => rest;
  return {
    format: EXPORT_FORMAT,
    exportedAt: new Date(),
    account,
    applications: tracker.map(strip),
    rounds: rounds.map(strip),
    reminders: reminderRows.map(strip),
    loggedFeedback: logged.map(strip),
    planActions: plan.map(strip),
    sessions,
    feedbackReceived: received.map((r) => ({
      ...r,
      response: r.response && Object.values(r.response).some((v) => v !== null) ? r.response : null,
    })),
    feedbackRequests: requests,
  };
}
