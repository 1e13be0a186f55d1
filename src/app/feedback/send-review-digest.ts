import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  applications,
  candidates,
  emails,
  feedback,
  feedbackRequests,
  jobs,
  organizations,
  users,
} from '../../db/schema';
import { POLICY } from '../../domain/policy';
import { queueEmail } from '../../jobs/deliver-email';
import { enqueue, type JobDefinition } from '../../jobs/runner';
import { AppError } from '../../lib/errors';
import type { AppContext } from '../context';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A draft waiting longer than this is named in the digest. */
export const DIGEST_DRAFT_WAITING_MS = DAY;
/** A candidate's open request due within this (or already overdue) is named in the digest. */
export const DIGEST_REQUEST_DUE_WITHIN_MS = 2 * DAY;
/** The digests go out each day at this hour (UTC). */
export const DIGEST_HOUR_UTC = 7;
/** At most this many of each are listed; the rest are counted, with a link to the whole list. */
const LISTED = 15;

type Payload = { day: string };

/** What a reviewer of one organization is told: drafts waiting, requests near their deadline. */
async function whatIsWaiting(tx: Executor, organizationId: string, now: Date) {
  const drafts = await tx
    .select({
      feedbackId: feedback.id,
      createdAt: feedback.createdAt,
      candidateName: candidates.name,
      jobTitle: jobs.title,
    })
    .from(feedback)
    .innerJoin(applications, eq(applications.id, feedback.applicationId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .where(
      and(
        eq(feedback.organizationId, organizationId),
        eq(feedback.status, 'draft'),
        lt(feedback.createdAt, new Date(now.getTime() - DIGEST_DRAFT_WAITING_MS)),
      ),
    )
    .orderBy(asc(feedback.createdAt), asc(feedback.id));
  const requests = await tx
    .select({
      applicationId: feedbackRequests.applicationId,
      dueAt: feedbackRequests.dueAt,
      candidateName: candidates.name,
      jobTitle: jobs.title,
    })
    .from(feedbackRequests)
    .innerJoin(applications, eq(applications.id, feedbackRequests.applicationId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .where(
      and(
        eq(feedbackRequests.organizationId, organizationId),
        eq(feedbackRequests.status, 'open'),
        lt(feedbackRequests.dueAt, new Date(now.getTime() + DIGEST_REQUEST_DUE_WITHIN_MS)),
      ),
    )
    .orderBy(asc(feedbackRequests.dueAt), asc(feedbackRequests.id));
  return { drafts, requests };
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const dateOf = (d: Date) => d.toISOString().slice(0, 10);

function digestMessage(
  publicUrl: string,
  organizationName: string,
  name: string,
  waiting: Awaited<ReturnType<typeof whatIsWaiting>>,
  now: Date,
) {
  const { drafts, requests } = waiting;
  const parts = [
    drafts.length ? plural(drafts.length, 'draft waiting', 'drafts waiting') : null,
    requests.length ? plural(requests.length, 'request due soon', 'requests due soon') : null,
  ].filter(Boolean);
  const lines = [`Hello ${name.split(' ')[0]},`, '', `Here is what is waiting at ${organizationName} today.`];
  if (drafts.length) {
    lines.push('', `Feedback drafts waiting for review for more than a day (${drafts.length}):`);
    for (const d of drafts.slice(0, LISTED)) {
      const days = Math.max(1, Math.floor((now.getTime() - d.createdAt.getTime()) / DAY));
      lines.push(
        `- ${d.candidateName}, ${d.jobTitle}: waiting ${plural(days, 'day', 'days')}. ${publicUrl}/feedback/${d.feedbackId}`,
      );
    }
    if (drafts.length > LISTED) lines.push(`- and ${drafts.length - LISTED} more: ${publicUrl}/jobs`);
  }
  if (requests.length) {
    lines.push('', `Candidates' requests for feedback due within two days (${requests.length}):`);
    for (const r of requests.slice(0, LISTED)) {
      const when = r.dueAt < now ? `overdue since ${dateOf(r.dueAt)}` : `due ${dateOf(r.dueAt)}`;
      lines.push(
        `- ${r.candidateName}, ${r.jobTitle}: ${when}. ${publicUrl}/applications/${r.applicationId}`,
      );
    }
    if (requests.length > LISTED) lines.push(`- and ${requests.length - LISTED} more: ${publicUrl}/requests`);
  }
  lines.push(
    '',
    `You receive this daily summary, only on days with something waiting, as a member who reviews feedback. To stop it, turn off "Daily summary" in your account settings: ${publicUrl}/settings`,
    '',
    `Debrief, for the ${organizationName} hiring team`,
  );
  return { subject: `${organizationName}: ${parts.join(', ')}`, text: lines.join('\n') };
}

/**
 * The day's digest for every organization: each active member who reviews feedback (and has not turned the summary
 * off) is emailed, once a day, the drafts waiting over a day and the candidates' requests due within two days, with
 * a link to each. Nothing is sent to an organization with nothing waiting. Each member's email commits on its own
 * after checking none went to them today, so a run taken up again after a failure sends nobody a second one.
 */
export async function sendReviewDigests(ctx: AppContext, now = new Date()) {
  const reviewerRoles = [...POLICY['feedback.review']];
  const orgs = await ctx.db
    .selectDistinct({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .innerJoin(feedback, eq(feedback.organizationId, organizations.id))
    .where(and(eq(feedback.status, 'draft'), isNull(organizations.deletionDueAt)))
    .union(
      ctx.db
        .selectDistinct({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .innerJoin(feedbackRequests, eq(feedbackRequests.organizationId, organizations.id))
        .where(and(eq(feedbackRequests.status, 'open'), isNull(organizations.deletionDueAt))),
    );
  let sent = 0;
  for (const org of orgs) {
    const waiting = await whatIsWaiting(ctx.db, org.id, now);
    if (!waiting.drafts.length && !waiting.requests.length) continue;
    const members = await ctx.db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(
        and(
          eq(users.organizationId, org.id),
          inArray(users.role, reviewerRoles),
          isNotNull(users.passwordHash),
          isNull(users.deactivatedAt),
          isNull(users.removedAt),
          eq(users.reviewDigest, true),
        ),
      );
    for (const member of members) {
      const queued = await ctx.db.transaction(async (tx) => {
        // Serialized per member, so two runs at once (two instances) cannot both send.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`review-digest:${member.id}`}))`);
        const [already] = await tx
          .select({ id: emails.id })
          .from(emails)
          .where(
            and(
              eq(emails.purpose, 'review-digest'),
              eq(emails.subjectId, member.id),
              gt(emails.createdAt, new Date(now.getTime() - 20 * HOUR)),
            ),
          )
          .limit(1);
        if (already) return false;
        try {
          await queueEmail(tx, ctx.jobs.deliverEmail, {
            organizationId: org.id,
            to: member.email,
            ...digestMessage(ctx.config.publicUrl, org.name, member.name, waiting, now),
            purpose: 'review-digest',
            subjectId: member.id,
          });
          return true;
        } catch (e) {
          // A courtesy: over the outbound limits it is left out for today.
          if (e instanceof AppError && e.code === 'email-limit') return false;
          throw e;
        }
      });
      if (queued) sent++;
    }
  }
  if (sent) ctx.jobs.poke();
  return { sent };
}

const dayOf = (at: Date) => new Date(Math.floor(at.getTime() / DAY) * DAY).toISOString().slice(0, 10);

/**
 * Queues the digest run of the day of `at`, at `DIGEST_HOUR_UTC` (a no-op if it is already queued: its key is the
 * day). Every instance calls it at start; each run queues the next day's.
 */
export function scheduleReviewDigest(db: Executor, job: JobDefinition<Payload>, at = new Date()) {
  const day = dayOf(at);
  return enqueue(
    db,
    job,
    { day },
    {
      runAt: new Date(Date.parse(`${day}T00:00:00Z`) + DIGEST_HOUR_UTC * HOUR),
      dedupeKey: `review-digest:${day}`,
    },
  );
}

/** The daily digest, as a job: each run emails the reviewers, then queues the next day's run. */
export function reviewDigestJob(getCtx: () => AppContext): JobDefinition<Payload> {
  const job: JobDefinition<Payload> = {
    kind: 'review-digest',
    maxAttempts: 3,
    async handle({ day }, { db, logger }) {
      const r = await sendReviewDigests(getCtx());
      logger.info('review digest', r);
      await scheduleReviewDigest(db, job, new Date(Date.parse(`${day}T00:00:00Z`) + DAY));
    },
  };
  return job;
}
