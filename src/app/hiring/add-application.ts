import { and, eq, sql } from 'drizzle-orm';
import { applications, candidates } from '../../db/schema';
import { conflict } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { loadJob } from '../load';

/** Adds a candidate (found by email within the organization, or created) to an open job. */
export async function addApplication(
  ctx: AppContext,
  actor: Actor,
  input: { jobId: string; candidate: { name: string; email: string } },
) {
  return ctx.db.transaction(async (tx) => {
    const job = await loadJob(tx, actor.organizationId, input.jobId);
    if (job.status !== 'open')
      throw conflict('job-closed', `The job "${job.title}" is closed; it takes no new applications`);
    await tx
      .insert(candidates)
      .values({
        organizationId: actor.organizationId,
        name: input.candidate.name,
        email: input.candidate.email,
      })
      .onConflictDoNothing();
    const [candidate] = await tx
      .select()
      .from(candidates)
      .where(
        and(
          eq(candidates.organizationId, actor.organizationId),
          sql`lower(${candidates.email}) = lower(${input.candidate.email})`,
        ),
      );
    const [existing] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.jobId, job.id), eq(applications.candidateId, candidate.id)));
    if (existing)
      throw conflict('already-applied', `${input.candidate.email} already has an application for this job`, {
        applicationId: existing.id,
      });
    const [application] = await tx
      .insert(applications)
      .values({ organizationId: actor.organizationId, jobId: job.id, candidateId: candidate.id })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'application.created',
      subjectType: 'application',
      subjectId: application.id,
      applicationId: application.id,
      data: { jobId: job.id, candidate: { name: candidate.name, email: candidate.email } },
    });
    return { application, candidate };
  });
}
