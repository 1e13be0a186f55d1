import {
  and,
  asc,
  desc,
  eq,
  exists,
  gte,
  ilike,
  inArray,
  isNull,
  lt,
  not,
  or,
  type Placeholder,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { inline, type Param, placeholders, prepared, UNNAMED } from '../../db/prepared';
import {
  applications,
  candidates,
  criteria,
  feedback,
  feedbackResponses,
  jobs,
  scorecardRatings,
  scorecards,
} from '../../db/schema';
import { stagesWithStatus } from '../../domain/pipeline';
import { roleMay } from '../../domain/policy';
import {
  APPLICATION_STAGES,
  type ApplicationStage,
  type ApplicationStatus,
  type FeedbackStatus,
} from '../../domain/vocabulary';
import { AppError } from '../../lib/errors';
import type { Actor, AppContext } from '../context';
import { loadJob, visibleApplications } from '../load';
import { likePattern } from '../pagination';

/** How a list of applications is ordered: a field, ascending, or descending with a leading "-". */
export const APPLICATION_SORTS = [
  'name',
  '-name',
  'applied',
  '-applied',
  'stage',
  '-stage',
  'updated',
  '-updated',
] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

export interface ApplicationFilter {
  jobId?: string;
  stage?: ApplicationStage;
  status?: ApplicationStatus;
  feedbackStatus?: FeedbackStatus;
  /** Part of the candidate's name or email address, any case. */
  q?: string;
  /** The first and last day (midnight UTC) the application was rejected on, both included. */
  rejectedFrom?: Date;
  rejectedTo?: Date;
  /** The first and last day (midnight UTC) the feedback was sent on, both included. */
  sentFrom?: Date;
  sentTo?: Date;
  /** What the candidate did with the feedback: rated its usefulness, thanked, asked a question, and was answered. */
  rated?: boolean;
  thanked?: boolean;
  asked?: boolean;
  /** Only applications whose candidate asked a question: true when it was answered, false while it waits. */
  answered?: boolean;
  /** The candidate is open to future roles. */
  futureRoles?: boolean;
  /**
   * A criterion, by name, the application was rated below the bar on (under 3), leaving out ratings whose evidence
   * was flagged or redacted: the dashboard's most common gaps.
   */
  gap?: string;
}

export interface ApplicationsPage extends ApplicationFilter {
  limit: number;
  cursor?: string;
  sort?: ApplicationSort;
}

/** The pipeline's order, for sorting by stage: applied first, withdrawn last. */
const stageRank = sql<number>`array_position(array[${sql.join(
  APPLICATION_STAGES.map((s) => sql`${s}`),
  sql`, `,
)}]::text[], ${applications.stage})`;

/**
 * A time to the millisecond, what a cursor can carry (the database keeps microseconds), as UTC time without a zone:
 * unlike the truncation of a `timestamptz` (which depends on the session's zone), it can be indexed, and the applied
 * order reads `applications_org_applied_idx` (organization, this, id) rather than sorting every row.
 */
const ms = (col: typeof applications.createdAt | typeof applications.updatedAt) =>
  sql`date_trunc('milliseconds', ${col} at time zone 'UTC')`;
/** The same time as the ISO text a cursor carries, whatever the driver makes of timestamps. */
const isoText = (col: typeof applications.createdAt | typeof applications.updatedAt) =>
  sql<string>`to_char(${ms(col)}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const FIELDS = {
  name: { expr: sql`lower(${candidates.name})`, key: sql<string>`lower(${candidates.name})`, kind: 'text' },
  applied: { expr: ms(applications.createdAt), key: isoText(applications.createdAt), kind: 'time' },
  stage: { expr: stageRank, key: stageRank, kind: 'int' },
  updated: { expr: ms(applications.updatedAt), key: isoText(applications.updatedAt), kind: 'time' },
} as const;
type Field = keyof typeof FIELDS;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const badCursor = (why: string) => new AppError(400, 'invalid-request', `query.cursor: ${why}`);

/** The cursor names the sort it belongs to and the last row's sort value and id; only what `encode` writes is read. */
function decode(cursor: string, sort: ApplicationSort): { value: string | number; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('not a cursor this API gave out');
  }
  const c = parsed as { s?: unknown; v?: unknown; id?: unknown };
  if (!c || typeof c !== 'object' || Array.isArray(c) || Object.keys(c).length !== 3)
    throw badCursor('not a cursor this API gave out');
  if (c.s !== sort) throw badCursor('this cursor belongs to another sort; start again from the first page');
  if (typeof c.id !== 'string' || !UUID.test(c.id)) throw badCursor('not a cursor this API gave out');
  const field = FIELDS[sort.replace('-', '') as Field];
  if (field.kind === 'text') {
    if (typeof c.v !== 'string' || c.v.length > 400) throw badCursor('not a cursor this API gave out');
    return { value: c.v, id: c.id };
  }
  if (field.kind === 'int') {
    if (typeof c.v !== 'number' || !Number.isInteger(c.v) || c.v < 1 || c.v > APPLICATION_STAGES.length)
      throw badCursor('not a cursor this API gave out');
    return { value: c.v, id: c.id };
  }
  const at = typeof c.v === 'string' && ISO_TIME.test(c.v) ? new Date(c.v) : undefined;
  if (!at || Number.isNaN(at.getTime()) || at.getUTCFullYear() < 2000 || at.getUTCFullYear() > 9999)
    throw badCursor('not a cursor this API gave out');
  return { value: c.v as string, id: c.id };
}

function encode(sort: ApplicationSort, v: unknown, id: string): string {
  return Buffer.from(JSON.stringify({ s: sort, v, id })).toString('base64url');
}

const DAY = 86_400_000;

/** The candidate's response to the application's feedback matches this condition; `false` means it does not. */
function responseIs(cond: SQL, wanted: boolean, db: Executor): SQL {
  const has = exists(
    db
      .select({ one: sql`1` })
      .from(feedbackResponses)
      .where(and(eq(feedbackResponses.feedbackId, feedback.id), cond)),
  );
  return wanted ? has : not(has);
}

/** What the candidate did with the feedback, as the dashboard counts it. */
function responseFilter(db: Executor, f: ApplicationFilter): (SQL | undefined)[] {
  const r = feedbackResponses;
  const flag = (v: boolean | undefined, cond: SQL) => (v === undefined ? undefined : responseIs(cond, v, db));
  return [
    flag(f.rated, sql`${r.useful} is not null`),
    flag(f.thanked, sql`${r.thankedAt} is not null`),
    flag(f.asked, sql`${r.question} is not null`),
    f.answered === undefined
      ? undefined
      : responseIs(
          sql`${r.question} is not null and ${r.answeredAt} is ${f.answered ? sql`not null` : sql`null`}`,
          true,
          db,
        ),
    flag(f.futureRoles, sql`${r.futureRoles}`),
  ];
}

/** A rating the dashboard counts: its evidence was neither submitted despite a blocking finding nor redacted. */
export const countedRating = and(
  isNull(scorecardRatings.flaggedRules),
  isNull(scorecardRatings.redactedAt),
) as SQL;
/** A counted rating under 3: below the bar, one of the dashboard's common gaps. */
export const belowTheBarRating = and(sql`${scorecardRatings.rating} < 3`, countedRating) as SQL;

/** A counted rating under 3 on a criterion of this name, in one of the application's scorecards. */
function belowTheBar(db: Executor, criterion: string | Placeholder): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(scorecardRatings)
      .innerJoin(scorecards, eq(scorecards.id, scorecardRatings.scorecardId))
      .innerJoin(criteria, eq(criteria.id, scorecardRatings.criterionId))
      .where(
        and(eq(scorecards.applicationId, applications.id), eq(criteria.name, criterion), belowTheBarRating),
      ),
  );
}

/** A range of days is refused when it ends before it starts (400 naming its first field). */
export function checkRange(name: string, from: Date | undefined, to: Date | undefined, toName: string) {
  if (from && to && from > to)
    throw new AppError(400, 'invalid-request', `query.${name}: must not be after ${toName}`);
}

/**
 * The conditions of a filter, scoped to the actor's organization and what they may read. Each value goes through
 * `param`: written into the query, or a placeholder of a prepared one. What is written as SQL rather than a value
 * (a status's stages, the yes-or-no filters) is part of the query's shape (`filterShape`).
 */
export function applicationFilter(
  db: Executor,
  actor: Actor,
  f: ApplicationFilter,
  param: Param = inline,
): SQL | undefined {
  const where: (SQL | undefined)[] = [
    eq(applications.organizationId, param('organizationId', actor.organizationId)),
    visibleApplications(actor, param),
  ];
  if (f.jobId) where.push(eq(applications.jobId, param('jobId', f.jobId)));
  if (f.stage) where.push(eq(applications.stage, param('stage', f.stage)));
  if (f.status) where.push(inArray(applications.stage, stagesWithStatus(f.status)));
  if (f.feedbackStatus) where.push(eq(feedback.status, param('feedbackStatus', f.feedbackStatus)));
  if (f.rejectedFrom) where.push(gte(applications.rejectedAt, param('rejectedFrom', f.rejectedFrom)));
  if (f.rejectedTo)
    where.push(lt(applications.rejectedAt, param('rejectedBefore', new Date(f.rejectedTo.getTime() + DAY))));
  if (f.sentFrom) where.push(gte(feedback.sentAt, param('sentFrom', f.sentFrom)));
  if (f.sentTo) where.push(lt(feedback.sentAt, param('sentBefore', new Date(f.sentTo.getTime() + DAY))));
  where.push(...responseFilter(db, f));
  if (f.gap) where.push(belowTheBar(db, param('gap', f.gap)));
  const q = f.q?.trim();
  if (q) {
    const pattern = param('q', likePattern(q));
    where.push(or(ilike(candidates.name, pattern), ilike(candidates.email, pattern)));
  }
  return and(...where);
}

/**
 * What sets a filter's SQL apart beyond which values it has: the status (its list of stages), the yes-or-no filters
 * and whether the actor reads every application. With the names of the values, it picks the prepared query.
 */
function filterShape(actor: Actor, f: ApplicationFilter, values: Record<string, unknown>): string {
  return JSON.stringify([
    Object.keys(values),
    roleMay(actor.role, 'applications.read-all'),
    f.status ?? null,
    f.rated ?? null,
    f.thanked ?? null,
    f.asked ?? null,
    f.answered ?? null,
    f.futureRoles ?? null,
  ]);
}

/** Where a page starts after the cursor's row, in the sort's order. */
function keysetAfter(
  sort: ApplicationSort,
  after: { value: string | number; id: string },
  param: Param,
): SQL {
  const field = FIELDS[sort.replace('-', '') as Field];
  const value = param('afterValue', after.value);
  return sql`(${field.expr}, ${applications.id}) ${sort.startsWith('-') ? sql`<` : sql`>`} (${
    field.kind === 'time' ? sql`${value}::timestamptz at time zone 'UTC'` : value
  }, ${param('afterId', after.id)})`;
}

/** A filter on the feedback (its status, when it was sent, what the candidate did with it) joins it. */
const needsFeedback = (f: ApplicationFilter) =>
  !!f.feedbackStatus ||
  !!f.sentFrom ||
  !!f.sentTo ||
  [f.rated, f.thanked, f.asked, f.answered, f.futureRoles].some((v) => v !== undefined);

/**
 * What a listed application shows (presentApplication): only these columns are read and turned into values, not the
 * whole row and its candidate's.
 */
const listedApplication = {
  id: applications.id,
  jobId: applications.jobId,
  stage: applications.stage,
  rejectionReason: applications.rejectionReason,
  rejectedAt: applications.rejectedAt,
  createdAt: applications.createdAt,
};

/**
 * The page (with the total beside it) and the count alone, for a filter and cursor whose values are placeholders.
 * The page's ids come first, from the applications alone (with the candidate only to search or sort by name, the
 * feedback only to filter on it), in the sort's order from the cursor on: in the applied order this reads the index
 * as far as the page goes. Only those rows are then joined with their candidate, job and feedback.
 */
function buildListQueries(db: Executor, actor: Actor, page: ApplicationsPage, sort: ApplicationSort) {
  const { param } = placeholders();
  const filter = applicationFilter(db, actor, page, param);
  const after = page.cursor ? decode(page.cursor, sort) : undefined;
  const keyset = after ? keysetAfter(sort, after, param) : undefined;
  const field = FIELDS[sort.replace('-', '') as Field];
  const dir = sort.startsWith('-') ? desc : asc;
  const withCandidate = !!page.q?.trim() || field === FIELDS.name;
  const withFeedback = needsFeedback(page);
  // The candidate and the feedback are one row each (or none, for the feedback) per application: joined only when
  // a condition or the order reads them, they change no count.
  const narrow = <Q extends PgSelect>(q: Q, candidate: boolean) => {
    const c = candidate ? q.innerJoin(candidates, eq(candidates.id, applications.candidateId)) : q;
    return withFeedback ? c.leftJoin(feedback, eq(feedback.applicationId, applications.id)) : c;
  };
  const count = narrow(
    db.select({ n: sql<number>`count(*)::int` }).from(applications).$dynamic(),
    !!page.q?.trim(),
  ).where(filter);
  const ids = narrow(
    db
      .select({ id: applications.id, order: sql`${field.expr}`.as('order_key') })
      .from(applications)
      .$dynamic(),
    withCandidate,
  )
    .where(and(filter, keyset))
    .orderBy(dir(field.expr), dir(applications.id))
    .limit(sql.placeholder('limit'))
    .as('page');
  // The page and the total in one statement (the count is computed once, beside the page): one round trip fewer.
  const rows = db
    .select({
      id: applications.id,
      key: field.key,
      application: listedApplication,
      candidate: { id: candidates.id, name: candidates.name, email: candidates.email },
      job: { id: jobs.id, title: jobs.title },
      feedbackId: feedback.id,
      feedbackStatus: feedback.status,
      total: sql<number>`(${count})`.mapWith(Number),
    })
    .from(ids)
    .innerJoin(applications, eq(applications.id, ids.id))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .leftJoin(feedback, eq(feedback.applicationId, applications.id))
    .orderBy(dir(ids.order), dir(ids.id));
  return { rows: rows.prepare(UNNAMED), count: count.prepare(UNNAMED) };
}

/**
 * The list's queries, prepared once per shape (sort, cursor or not, which filters) and database: the list is the
 * page a hiring team opens most, and building its query was most of what it cost the server. Past the first few
 * hundred shapes, a shape is built each time rather than kept.
 */
const shapes = new Map<string, (db: Executor) => ReturnType<typeof buildListQueries>>();
const MAX_SHAPES = 500;
function listQueries(shape: string, actor: Actor, page: ApplicationsPage, sort: ApplicationSort) {
  let on = shapes.get(shape);
  if (!on) {
    on = prepared((db) => buildListQueries(db, actor, page, sort));
    if (shapes.size < MAX_SHAPES) shapes.set(shape, on);
  }
  return on;
}

/**
 * The organization's applications, of one job or all of them, by stage, status, feedback status, the days of
 * rejection and of sending, what the candidate did with the feedback and a search of the candidate's name or email,
 * sorted by name, applied date, stage or last update (newest applied first unless asked), a page at a time, with
 * the number of applications matching the filter. Another organization's job is not found (404).
 */
export async function listApplications(ctx: AppContext, actor: Actor, page: ApplicationsPage) {
  checkRange('rejectedFrom', page.rejectedFrom, page.rejectedTo, 'rejectedTo');
  checkRange('sentFrom', page.sentFrom, page.sentTo, 'sentTo');
  if (page.jobId) await loadJob(ctx.db, actor.organizationId, page.jobId);
  const sort = page.sort ?? '-applied';
  // The values the query is run with, and the names they go by; the names (with what is written into the SQL)
  // pick the prepared query.
  const { param, values } = placeholders();
  applicationFilter(ctx.db, actor, page, param);
  const after = page.cursor ? decode(page.cursor, sort) : undefined;
  if (after) keysetAfter(sort, after, param);
  values.limit = page.limit + 1;
  const shape = `${sort} ${filterShape(actor, page, values)}`;
  const { rows: pageQuery, count } = listQueries(shape, actor, page, sort)(ctx.db);
  const rows = await pageQuery.execute(values);
  // A page past the last row carries no total; only then is it counted apart.
  const total = rows[0]?.total ?? (await count.execute(values))[0]?.n ?? 0;
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items,
    total,
    nextCursor: rows.length > page.limit && last ? encode(sort, last.key, last.id) : null,
  };
}
