import { criteria, jobs } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { blocking, checkFeedbackText } from '../check-text';
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
    const findings = input.criteria.flatMap((c, i) =>
      [
        ['name', c.name],
        ['description', c.description ?? ''],
      ].flatMap(([field, text]) =>
        blocking(checkFeedbackText(text ?? '', org.jurisdictions)).map((f) => ({
          ...f,
          field: `body.criteria.${i}.${field}`,
        })),
      ),
    );
    if (findings.length)
      throw new AppError(
        409,
        'blocking-findings',
        `${findings.map((f) => `${f.field}: “${f.text}”`).join('; ')} would put the organization at legal risk; describe the skill instead`,
        { findings },
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
