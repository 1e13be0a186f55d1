import { criteria, jobs } from '../../db/schema';
import { recordAudit } from '../audit';
import { refuseRiskyText } from '../check-text';
import type { Actor, AppContext } from '../context';
import { loadOrganization } from '../load';

export interface CreateJobInput {
  title: string;
  criteria: { name: string; description?: string | null }[];
}

/**
 * A job and the knowledge, skills and abilities it requires, in the order given. Criteria reach the candidate (the
 * feedback names them), so each is checked like a draft: one that puts the organization at legal risk ("Young and
 * energetic", "Native English speaker") is refused with the findings, naming the criterion.
 */
export async function createJob(ctx: AppContext, actor: Actor, input: CreateJobInput) {
  return ctx.db.transaction(async (tx) => {
    const org = await loadOrganization(tx, actor.organizationId);
    refuseRiskyText(
      input.criteria.flatMap((c, i): [string, string][] => [
        [`body.criteria.${i}.name`, c.name],
        [`body.criteria.${i}.description`, c.description ?? ''],
      ]),
      org.jurisdictions,
    );
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
