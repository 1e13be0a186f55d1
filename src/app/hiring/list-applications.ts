import { and, asc, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { applications, candidates, feedback } from '../../db/schema';
import { stagesWithStatus } from '../../domain/pipeline';
import {
  APPLICATION_STAGES,
  type ApplicationStage,
  type ApplicationStatus,
  type FeedbackStatus,
} from '../../domain/vocabulary';
import { AppError } from '../../lib/errors';
import type { Actor, AppContext } from '../context';
import { visibleApplications } from '../load';

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

/** A time to the millisecond, what a cursor can carry (the database keeps microseconds). */
const ms = (col: typeof applications.createdAt | typeof applications.updatedAt) =>
  sql`date_trunc('milliseconds', ${col})`;
/** The same time as the ISO text a cursor carries, whatever the driver makes of timestamps. */
const isoText = (col: typeof applications.createdAt | typeof applications.updatedAt) =>
  sql<string>`to_char(${ms(col)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

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
function decode(cursor: string, sort: ApplicationSort): { value: SQL | string | number; id: string } {
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
  return { value: sql`${c.v}::timestamptz`, id: c.id };
}

function encode(sort: ApplicationSort, v: unknown, id: string): string {
  return Buffer.from(JSON.stringify({ s: sort, v, id })).toString('base64url');
}

/** `%` and `_` typed into the search box mean themselves. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** The conditions of a filter, scoped to the actor's organization and what they may read. */
export function applicationFilter(db: Executor, actor: Actor, f: ApplicationFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [
    eq(applications.organizationId, actor.organizationId),
    visibleApplications(db, actor),
  ];
  if (f.jobId) where.push(eq(applications.jobId, f.jobId));
  if (f.stage) where.push(eq(applications.stage, f.stage));
  if (f.status) where.push(inArray(applications.stage, stagesWithStatus(f.status)));
  if (f.feedbackStatus) where.push(eq(feedback.status, f.feedbackStatus));
  if (f.rejectedFrom) where.push(gte(applications.rejectedAt, f.rejectedFrom));
  if (f.rejectedTo) where.push(lt(applications.rejectedAt, new Date(f.rejectedTo.getTime() + 86_400_000)));
  const q = f.q?.trim();
  if (q) where.push(or(ilike(candidates.name, likePattern(q)), ilike(candidates.email, likePattern(q))));
  return and(...where);
}

/**
 * The organization's applications by job, stage, status, feedback status and a search of the candidate's name or
 * email, sorted by name, applied date, stage or last update (newest applied first unless asked), a page at a time,
 * with the number of applications matching the filter.
 */
export async function listApplications(ctx: AppContext, actor: Actor, page: ApplicationsPage) {
  const sort = page.sort ?? '-applied';
  const descending = sort.startsWith('-');
  const field = FIELDS[sort.replace('-', '') as Field];
  const after = page.cursor ? decode(page.cursor, sort) : undefined;
  const filter = applicationFilter(ctx.db, actor, page);
  const cmp = descending ? sql`<` : sql`>`;
  const keyset = after
    ? sql`(${field.expr}, ${applications.id}) ${cmp} (${after.value}, ${after.id})`
    : undefined;
  const dir = descending ? desc : asc;
  const count = ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .leftJoin(feedback, eq(feedback.applicationId, applications.id))
    .where(filter);
  // The page and the total in one statement (the count is computed once, beside the page): one round trip fewer.
  const rows = await ctx.db
    .select({
      id: applications.id,
      key: field.key,
      application: applications,
      candidate: candidates,
      feedbackId: feedback.id,
      feedbackStatus: feedback.status,
      total: sql<number>`(${count})`.mapWith(Number),
    })
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .leftJoin(feedback, eq(feedback.applicationId, applications.id))
    .where(and(filter, keyset))
    .orderBy(dir(field.expr), dir(applications.id))
    .limit(page.limit + 1);
  // A page past the last row carries no total; only then is it counted apart.
  const total = rows[0]?.total ?? (await count)[0].n;
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items,
    total,
    nextCursor: rows.length > page.limit && last ? encode(sort, last.key, last.id) : null,
  };
}
