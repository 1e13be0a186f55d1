import { criteria, jobs } from '../../db/schema';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';

export interface CreateJobInput {
  title: string;
  criteria: { name: string; description?: string | null }[];
}

/** A job and the knowledge, skills and abilities it requires, in the order given. */
export async function createJob(ctx: AppContext, actor: Actor, input: CreateJobInput) {
  return ctx.db.transaction(async (tx) => {
    const [job] = await tx
      .insert(jobs)
      .values({ organizationId: actor.organizationId, title: input.title })
      .returning();
    const rows = await tx
      .insert(criteria)
      .values(
        input.criteria.map((c, position) => ({
          organizationId: actor.organizationId,
          jobId: job.id,
          name: c.name,
          description: c.description ?? null,
          position,
        })),
      )
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'job.created',
      subjectType: 'job',
      subjectId: job.id,
      data: { title: job.title, criteria: rows.map((c) => c.name) },
    });
    return { job, criteria: rows.sort((a, b) => a.position - b.position) };
  });
}
