import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { inline, type Param, prepared } from '../db/prepared';
import {
  applicationInterviewers,
  applications,
  candidates,
  criteria,
  feedback,
  jobs,
  organizations,
  rejectionReasons,
  scorecardRatings,
  scorecards,
  users,
} from '../db/schema';
import { roleMay } from '../domain/policy';
import { DEFAULT_REJECTION_REASONS, type RejectionReason } from '../domain/rejection-reasons';
import { AppError, notFound } from '../lib/errors';
import type { Actor } from './context';

/** Loaders scoped to an organization: a row of another organization is simply not found (404). */

export async function loadOrganization(tx: Executor, organizationId: string) {
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, organizationId));
  return org;
}

type Lock = { lock?: boolean };
type Lockable<T> = PromiseLike<T[]> & { for(strength: 'update'): PromiseLike<T[]> };

/** The one row a scoped query finds (locked FOR UPDATE when asked), or 404 naming what was not found. */
async function single<T>(q: Lockable<T>, opts: Lock, what: string): Promise<T> {
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw notFound(what);
  return row;
}

export function loadJob(tx: Executor, organizationId: string, id: string, opts: Lock = {}) {
  const q = tx
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.organizationId, organizationId)));
  return single(q, opts, 'Job');
}

/** What an application is loaded with: its candidate, job, and what of its organization a draft needs. */
export const applicationColumns = {
  application: applications,
  candidate: candidates,
  job: jobs,
  organizationName: organizations.name,
  organizationJurisdictions: organizations.jurisdictions,
  organizationVoice: organizations.feedbackVoice,
};

function buildApplicationQuery(db: Executor, scoped?: 'visible-to-member') {
  return db
    .select(applicationColumns)
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(
      and(
        eq(applications.id, sql.placeholder('id')),
        eq(applications.organizationId, sql.placeholder('organizationId')),
        scoped ? visibleToPlaceholders() : undefined,
      ),
    );
}
// The detail route and every change to an application start here: built once per handle.
const applicationQuery = prepared((db) => buildApplicationQuery(db).prepare('load_application'));
const lockedApplicationQuery = prepared((db) =>
  buildApplicationQuery(db).for('update', { of: applications }).prepare('load_application_locked'),
);
// The same, as a member sees it: who may read the application is a condition of the same statement.
const memberApplicationQuery = prepared((db) =>
  buildApplicationQuery(db, 'visible-to-member').prepare('load_application_for'),
);
const lockedMemberApplicationQuery = prepared((db) =>
  buildApplicationQuery(db, 'visible-to-member')
    .for('update', { of: applications })
    .prepare('load_application_for_locked'),
);

export async function loadApplication(tx: Executor, organizationId: string, id: string, opts: Lock = {}) {
  const [row] = await (opts.lock ? lockedApplicationQuery : applicationQuery)(tx).execute({
    id,
    organizationId,
  });
  if (!row) throw notFound('Application');
  return row;
}

/** Whether the member `userId` is assigned to the application (a value, or a placeholder of a prepared query). */
const assignedTo = (userId: unknown) =>
  sql`exists (select 1 from ${applicationInterviewers} ai
    where ai.application_id = ${applications.id} and ai.user_id = ${userId})`;

/**
 * The applications this member may read: all of the organization's, or for a role that reads only what it is assigned
 * (an interviewer), those it is assigned to. A condition on `applications`, undefined when nothing narrows it.
 */
export function visibleApplications(actor: Actor, param: Param = inline): SQL | undefined {
  if (roleMay(actor.role, 'applications.read-all')) return undefined;
  return assignedTo(param('userId', actor.userId));
}

/**
 * The same rule for a statement prepared once for every role: whether the role reads every application and who the
 * member is are its `readsAll` and `userId` placeholders, filled from `visibilityValues`.
 */
export const visibleToPlaceholders = () =>
  sql`(${sql.placeholder('readsAll')}::boolean or ${assignedTo(sql.placeholder('userId'))})`;
export const visibilityValues = (actor: Actor) => ({
  readsAll: roleMay(actor.role, 'applications.read-all'),
  userId: actor.userId,
});

/**
 * loadApplication as this member sees it: an application they may not read is not found (404), like another org's.
 * Whether they may read it is decided in the same statement as the load (one round trip), by the rule of
 * `visibleApplications`; with `lock`, only a row they may read is locked.
 */
export async function loadApplicationFor(tx: Executor, actor: Actor, id: string, opts: Lock = {}) {
  const [row] = await (opts.lock ? lockedMemberApplicationQuery : memberApplicationQuery)(tx).execute({
    id,
    organizationId: actor.organizationId,
    ...visibilityValues(actor),
  });
  if (!row) throw notFound('Application');
  return row;
}

export function loadFeedback(tx: Executor, organizationId: string, id: string, opts: Lock = {}) {
  const q = tx
    .select()
    .from(feedback)
    .where(and(eq(feedback.id, id), eq(feedback.organizationId, organizationId)));
  return single(q, opts, 'Feedback');
}

/** A member of the organization (a removed member is not found). */
export function loadUser(tx: Executor, organizationId: string, id: string) {
  const q = tx
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.organizationId, organizationId), isNull(users.removedAt)));
  return single(q, {}, 'User');
}

/** An application's scorecards, oldest first, each with its ratings. */
export async function loadScorecards(tx: Executor, applicationId: string) {
  const cards = await tx
    .select()
    .from(scorecards)
    .where(eq(scorecards.applicationId, applicationId))
    .orderBy(asc(scorecards.createdAt));
  const ratings = await loadRatings(
    tx,
    cards.map((c) => c.id),
  );
  return cards.map((c) => ({ ...c, ratings: ratings.filter((r) => r.scorecardId === c.id) }));
}

/** The ratings of these scorecards. */
export async function loadRatings(tx: Executor, scorecardIds: string[]) {
  if (!scorecardIds.length) return [];
  return tx.select().from(scorecardRatings).where(inArray(scorecardRatings.scorecardId, scorecardIds));
}

/** A job's criteria, in their order. */
export function loadCriteria(tx: Executor, jobId: string) {
  return tx.select().from(criteria).where(eq(criteria.jobId, jobId)).orderBy(asc(criteria.position));
}

/** A rejection reason by its code: a default one or the organization's own (400 naming body.reason if neither). */
export async function loadRejectionReason(
  tx: Executor,
  organizationId: string,
  code: string,
): Promise<RejectionReason> {
  const builtIn = DEFAULT_REJECTION_REASONS.find((r) => r.code === code);
  if (builtIn) return builtIn;
  const [own] = await tx
    .select()
    .from(rejectionReasons)
    .where(and(eq(rejectionReasons.organizationId, organizationId), eq(rejectionReasons.code, code)));
  if (!own)
    throw new AppError(
      400,
      'invalid-request',
      `body.reason: "${code}" is not one of your organization's rejection reasons`,
    );
  return own;
}
