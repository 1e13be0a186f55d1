import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import {
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
import { DEFAULT_REJECTION_REASONS, type RejectionReason } from '../domain/rejection-reasons';
import { AppError, notFound } from '../lib/errors';

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

export async function loadApplication(tx: Executor, organizationId: string, id: string, opts: Lock = {}) {
  const q = tx
    .select({
      application: applications,
      candidate: candidates,
      job: jobs,
      organizationName: organizations.name,
      organizationJurisdictions: organizations.jurisdictions,
    })
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(applications.id, id), eq(applications.organizationId, organizationId)));
  const [row] = opts.lock ? await q.for('update', { of: applications }) : await q;
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

export function loadUser(tx: Executor, organizationId: string, id: string) {
  const q = tx
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.organizationId, organizationId)));
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
