import { and, eq, gte, isNotNull, lt, not, type SQL, sql } from 'drizzle-orm';
import {
  applications,
  criteria,
  feedback,
  feedbackRequests,
  feedbackResponses,
  scorecardRatings,
  scorecards,
} from '../../db/schema';
import type { Actor, AppContext } from '../context';
import { overdueRequest } from '../feedback/list-feedback-requests';
import { loadJob } from '../load';
import { belowTheBarRating, checkRange, countedRating } from './list-applications';

/** The dashboard's filters: one job, and the first and last day (midnight UTC) of rejection, both included. */
export interface StatsFilter {
  jobId?: string;
  from?: Date;
  to?: Date;
}

const DAY = 86_400_000;

/** The applications the figures speak of: the organization's, of the job, rejected within the days. */
function scopeOf(org: string, f: StatsFilter): SQL {
  return and(
    eq(applications.organizationId, org),
    f.jobId ? eq(applications.jobId, f.jobId) : undefined,
    f.from ? gte(applications.rejectedAt, f.from) : undefined,
    f.to ? lt(applications.rejectedAt, new Date(f.to.getTime() + DAY)) : undefined,
  ) as SQL;
}

/**
 * The dashboard: how many rejected candidates got feedback, how fast, what waits, and the most common gaps (leaving
 * out ratings whose evidence is flagged or redacted, and saying how many).
 */
export async function hiringStats(ctx: AppContext, actor: Actor, f: StatsFilter = {}) {
  const org = actor.organizationId;
  checkRange('from', f.from, f.to, 'to');
  if (f.jobId) await loadJob(ctx.db, org, f.jobId);
  const scope = scopeOf(org, f);
  const cohort = and(scope, eq(applications.stage, 'rejected')) as SQL;
  const [r] = await ctx.db
    .select({
      rejected: sql<number>`count(*)::int`,
      sent: sql<number>`count(${feedback.sentAt})::int`,
      medianHours: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from ${feedback.sentAt} - ${applications.rejectedAt}) / 3600)`,
      drafts: sql<number>`count(*) filter (where ${feedback.status} = 'draft')::int`,
      scheduled: sql<number>`count(*) filter (where ${feedback.status} = 'scheduled')::int`,
    })
    .from(applications)
    .leftJoin(feedback, eq(feedback.applicationId, applications.id))
    .where(cohort);
  // Ratings whose evidence was submitted despite a blocking finding, or redacted, count in no figure.
  const [left] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(scorecardRatings)
    .innerJoin(scorecards, eq(scorecards.id, scorecardRatings.scorecardId))
    .innerJoin(applications, eq(applications.id, scorecards.applicationId))
    .where(and(eq(scorecardRatings.organizationId, org), cohort, not(countedRating)));
  const gaps = await ctx.db
    .select({
      criterion: criteria.name,
      count: sql<number>`count(distinct ${scorecards.applicationId})::int`,
    })
    .from(scorecardRatings)
    .innerJoin(criteria, eq(criteria.id, scorecardRatings.criterionId))
    .innerJoin(scorecards, eq(scorecards.id, scorecardRatings.scorecardId))
    .innerJoin(applications, eq(applications.id, scorecards.applicationId))
    .where(and(eq(scorecardRatings.organizationId, org), cohort, belowTheBarRating))
    .groupBy(criteria.name)
    .orderBy(sql`2 desc`, criteria.name)
    .limit(8);
  const byWeek = await ctx.db
    .select({
      // Weeks start on Monday, midnight UTC, whatever the database's time zone: the list of a week's sent feedback
      // (GET /applications?sentFrom&sentTo) counts the same days.
      week: sql<string>`to_char(date_trunc('week', ${feedback.sentAt} at time zone 'UTC'), 'YYYY-MM-DD')`,
      sent: sql<number>`count(*)::int`,
    })
    .from(feedback)
    .innerJoin(applications, eq(applications.id, feedback.applicationId))
    .where(and(eq(feedback.organizationId, org), isNotNull(feedback.sentAt), scope))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const [responses] = await ctx.db
    .select({
      usefulAverage: sql<number | null>`avg(${feedbackResponses.useful})::float`,
      ratings: sql<number>`count(${feedbackResponses.useful})::int`,
      thanks: sql<number>`count(${feedbackResponses.thankedAt})::int`,
      questionsOpen: sql<number>`count(*) filter (where ${feedbackResponses.question} is not null and ${feedbackResponses.answeredAt} is null)::int`,
      futureRoles: sql<number>`count(*) filter (where ${feedbackResponses.futureRoles})::int`,
    })
    .from(feedbackResponses)
    .innerJoin(feedback, eq(feedback.id, feedbackResponses.feedbackId))
    .innerJoin(applications, eq(applications.id, feedback.applicationId))
    .where(and(eq(feedbackResponses.organizationId, org), scope));
  const [requests] = await ctx.db
    .select({
      open: sql<number>`count(*) filter (where ${feedbackRequests.status} = 'open')::int`,
      overdue: sql<number>`count(*) filter (where ${overdueRequest})::int`,
    })
    .from(feedbackRequests)
    .innerJoin(applications, eq(applications.id, feedbackRequests.applicationId))
    .where(
      and(
        eq(feedbackRequests.organizationId, org),
        f.jobId ? eq(applications.jobId, f.jobId) : undefined,
        f.from ? gte(feedbackRequests.createdAt, f.from) : undefined,
        f.to ? lt(feedbackRequests.createdAt, new Date(f.to.getTime() + DAY)) : undefined,
      ),
    );
  return {
    usefulAverage: responses.usefulAverage === null ? null : Math.round(responses.usefulAverage * 10) / 10,
    usefulRatings: responses.ratings,
    thanksReceived: responses.thanks,
    questionsOpen: responses.questionsOpen,
    futureRolesOptIns: responses.futureRoles,
    requestsOpen: requests.open,
    requestsOverdue: requests.overdue,
    rejected: r.rejected,
    feedbackSent: r.sent,
    feedbackShare: r.rejected ? r.sent / r.rejected : null,
    medianHoursToSend: r.medianHours === null ? null : Math.round(Number(r.medianHours) * 10) / 10,
    draftsWaiting: r.drafts,
    scheduled: r.scheduled,
    commonGaps: gaps,
    ratingsLeftOut: left.count,
    sentByWeek: byWeek,
  };
}
