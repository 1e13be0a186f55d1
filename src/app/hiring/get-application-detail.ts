import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { fromJsonRow, jsonList } from '../../db/json-rows';
import { prepared } from '../../db/prepared';
import {
  applicationInterviewers,
  applications,
  auditEvents,
  candidates,
  criteria,
  type FeedbackStatus,
  feedback,
  feedbackRequests,
  jobs,
  organizations,
  type Role,
  scorecardRatings,
  scorecards,
  users,
} from '../../db/schema';
import { roleMay } from '../../domain/policy';
import { notFound } from '../../lib/errors';
import type { Actor, AppContext } from '../context';
import { applicationColumns, visibilityValues, visibleToPlaceholders } from '../load';

type Json = Record<string, unknown>;
interface DetailParts {
  criteria: Json[];
  cards: { card: Json; ratings: Json[] }[];
  feedback: { id: string; status: FeedbackStatus } | null;
  interviewers: { id: string; name: string; email: string; role: Role }[];
  request: { status: 'open' | 'fulfilled' | 'declined'; askedAt: string; dueAt: string } | null;
}

const id = sql.placeholder('id');
/**
 * The application (with its candidate, job and organization, as `loadApplicationFor` gives them) and everything else
 * on the page as JSON, in one statement: the job's criteria, the scorecards with their ratings, the feedback, the
 * interviewers, when a rejection notice went out, and the candidate's request. An application of another
 * organization, or one this member may not read (an interviewer not assigned to it), is no row at all.
 */
function buildDetailQuery(db: Executor) {
  return db
    .select({
      ...applicationColumns,
      criteria: sql<Json[]>`(select ${jsonList(sql`row_to_json(c)`, sql`c.position`)} from ${criteria} c
        where c.job_id = ${applications.jobId})`,
      cards: sql<DetailParts['cards']>`(select ${jsonList(
        sql`json_build_object('card', row_to_json(s), 'ratings',
          (select ${jsonList(sql`row_to_json(r)`)} from ${scorecardRatings} r where r.scorecard_id = s.id))`,
        sql`s.created_at`,
      )} from ${scorecards} s where s.application_id = ${id})`,
      feedback: sql<DetailParts['feedback']>`(select json_build_object('id', f.id, 'status', f.status)
        from ${feedback} f where f.application_id = ${id})`,
      interviewers: sql<DetailParts['interviewers']>`(select ${jsonList(
        sql`json_build_object('id', u.id, 'name', u.name, 'email', u.email, 'role', u.role)`,
        sql`u.name`,
      )} from ${applicationInterviewers} ai join ${users} u on u.id = ai.user_id where ai.application_id = ${id})`,
      noticeSentAt: sql<string | Date | null>`(select min(e.at) from ${auditEvents} e
        where e.organization_id = ${applications.organizationId} and e.application_id = ${id}
        and e.action = 'application.notice-sent')`,
      request: sql<
        DetailParts['request']
      >`(select json_build_object('status', q.status, 'askedAt', q.created_at,
        'dueAt', q.due_at) from ${feedbackRequests} q where q.application_id = ${id})`,
    })
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(
      and(
        eq(applications.id, id),
        eq(applications.organizationId, sql.placeholder('organizationId')),
        visibleToPlaceholders(),
      ),
    );
}
const detailQuery = prepared((db) => buildDetailQuery(db).prepare('application_detail'));

/**
 * The hiring team's view of one application: its scorecards with ratings and notes (for an interviewer, only once
 * they have submitted their own), and its feedback. The application itself (which decides 404 and who may read it)
 * and everything else come in one statement: each query is a round trip to the database, and under load the round
 * trips are what the server spends its time on.
 */
export async function getApplicationDetail(ctx: AppContext, actor: Actor, input: { applicationId: string }) {
  const [found] = await detailQuery(ctx.db).execute({
    id: input.applicationId,
    organizationId: actor.organizationId,
    ...visibilityValues(actor),
  });
  if (!found) throw notFound('Application');
  const {
    criteria: criteriaRows,
    cards: cardRows,
    feedback: feedbackRow,
    interviewers,
    noticeSentAt,
    request,
    ...row
  } = found;
  const all = cardRows.map(({ card, ratings }) => ({
    ...fromJsonRow(scorecards, card),
    ratings: ratings.map((r) => fromJsonRow(scorecardRatings, r)),
  }));
  // An interviewer judges independently: their colleagues' scorecards show once they have submitted their own.
  const mayRead =
    roleMay(actor.role, 'scorecards.read-before-own') || all.some((c) => c.interviewerId === actor.userId);
  const cards = mayRead ? all : [];
  // The members who confirmed flagged evidence or redacted it.
  const ids = [
    ...new Set(cards.flatMap((c) => c.ratings.flatMap((r) => [r.flaggedBy, r.redactedBy]))),
  ].filter((x): x is string => !!x);
  const people = ids.length
    ? await ctx.db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(eq(users.organizationId, actor.organizationId), inArray(users.id, ids)))
    : [];
  return {
    ...row,
    criteria: criteriaRows.map((c) => fromJsonRow(criteria, c)),
    scorecards: cards,
    feedback: feedbackRow,
    interviewers,
    people,
    scorecardsHidden: all.length - cards.length,
    noticeSentAt: noticeSentAt === null ? null : new Date(noticeSentAt),
    request: request && {
      status: request.status,
      askedAt: new Date(request.askedAt),
      dueAt: new Date(request.dueAt),
    },
  };
}
