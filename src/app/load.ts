import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { applications, candidates, feedback, jobs, organizations } from '../db/schema';
import { notFound } from '../lib/errors';

/** Loaders scoped to an organization: a row of another organization is simply not found (404). */

export async function loadOrganization(tx: Executor, organizationId: string) {
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, organizationId));
  return org;
}

export async function loadJob(
  tx: Executor,
  organizationId: string,
  id: string,
  opts: { lock?: boolean } = {},
) {
  const q = tx
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.organizationId, organizationId)));
  const [job] = opts.lock ? await q.for('update') : await q;
  if (!job) throw notFound('Job');
  return job;
}

export async function loadApplication(
  tx: Executor,
  organizationId: string,
  id: string,
  opts: { lock?: boolean } = {},
) {
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

export async function loadFeedback(
  tx: Executor,
  organizationId: string,
  id: string,
  opts: { lock?: boolean } = {},
) {
  const q = tx
    .select()
    .from(feedback)
    .where(and(eq(feedback.id, id), eq(feedback.organizationId, organizationId)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw notFound('Feedback');
  return row;
}
