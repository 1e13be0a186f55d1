import { and, eq, inArray, sql } from 'drizzle-orm';
import { fromJsonRow, jsonList } from '../../db/json-rows';
import { preparedStatement } from '../../db/prepared';
import {
  applicationInterviewers,
  auditEvents,
  criteria,
  type FeedbackStatus,
  feedback,
  feedbackRequests,
  type Role,
  scorecardRatings,
  scorecards,
  users,
} from '../../db/schema';
import { roleMay } from '../../domain/policy';
import type { Actor, AppContext } from '../context';
import { loadApplicationFor } from '../load';

type Json = Record<string, unknown>;
interface DetailParts {
  criteria: Json[];
  cards: { card: Json; ratings: Json[] }[];
  feedback: { id: string; status: FeedbackStatus } | null;
  interviewers: { id: string; name: string; email: string; role: Role }[];
  notice_sent_at: string | null;
  request: { status: 'open' | 'fulfilled' | 'declined'; askedAt: string; dueAt: string } | null;
}

const id = sql.placeholder('id');
/**
 * Everything on the page but the application, as one row of JSON: the job's criteria, the scorecards with their
 * ratings, the feedback, the interviewers, when a rejection notice went out, and the candidate's request.
 */
const detailParts = preparedStatement<DetailParts>(
  'application_detail',
  sql`select
      (select ${jsonList(sql`row_to_json(c)`, sql`c.position`)} from ${criteria} c
        where c.job_id = ${sql.placeholder('jobId')}) as criteria,
      (select ${jsonList(
        sql`json_build_object('card', row_to_json(s), 'ratings',
          (select ${jsonList(sql`row_to_json(r)`)} from ${scorecardRatings} r where r.scorecard_id = s.id))`,
        sql`s.created_at`,
      )} from ${scorecards} s where s.application_id = ${id}) as cards,
      (select json_build_object('id', f.id, 'status', f.status) from ${feedback} f where f.application_id = ${id})
        as feedback,
      (select ${jsonList(
        sql`json_build_object('id', u.id, 'name', u.name, 'email', u.email, 'role', u.role)`,
        sql`u.name`,
      )} from ${applicationInterviewers} ai join ${users} u on u.id = ai.user_id where ai.application_id = ${id})
        as interviewers,
      (select min(e.at) from ${auditEvents} e where e.organization_id = ${sql.placeholder('organizationId')}
        and e.application_id = ${id} and e.action = 'application.notice-sent') as notice_sent_at,
      (select json_build_object('status', q.status, 'askedAt', q.created_at, 'dueAt', q.due_at)
        from ${feedbackRequests} q where q.application_id = ${id}) as request`,
);

/**
 * The hiring team's view of one application: its scorecards with ratings and notes (for an interviewer, only once
 * they have submitted their own), and its feedback. After the
 * application itself (which decides 404 and who may read it), everything else comes in one statement: each query
 * is a round trip to the database, and under load the round trips are what the server spends its time on.
 */
export async function getApplicationDetail(ctx: AppContext, actor: Actor, input: { applicationId: string }) {
  const row = await loadApplicationFor(ctx.db, actor, input.applicationId);
  const [parts] = await detailParts(ctx.db, {
    id: input.applicationId,
    jobId: row.job.id,
    organizationId: actor.organizationId,
  });
  if (!parts) throw new Error('the detail statement returned no row');
  const all = parts.cards.map(({ card, ratings }) => ({
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
    criteria: parts.criteria.map((c) => fromJsonRow(criteria, c)),
    scorecards: cards,
    feedback: parts.feedback,
    interviewers: parts.interviewers,
    people,
    scorecardsHidden: all.length - cards.length,
    noticeSentAt: parts.notice_sent_at === null ? null : new Date(parts.notice_sent_at),
    request: parts.request && {
      status: parts.request.status,
      askedAt: new Date(parts.request.askedAt),
      dueAt: new Date(parts.request.dueAt),
    },
  };
}
