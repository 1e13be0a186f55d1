import { and, eq } from 'drizzle-orm';
import { criteria } from '../../db/schema';
import { foldSpace } from '../../domain/text';
import { notFound } from '../../lib/errors';
import { recordAudit } from '../audit';
import { checkFeedbackText, refuseRiskyText } from '../check-text';
import type { Actor, AppContext } from '../context';
import { loadJob, loadOrganization } from '../load';

export interface SetCriterionPointerInput {
  jobId: string;
  criterionId: string;
  /** What to practise for a gap in this criterion, in the organization's words; null (or blank) for the library's. */
  practise: string | null;
}

/**
 * The organization's own pointer for a criterion of a job: drafts composed from now on use it, instead of the
 * library's, for a gap in that criterion. It reaches candidates, so it is checked like a draft: a blocking finding
 * refuses it (409, naming body.practise); lesser findings come back with it for the editor to show. Drafts already
 * written keep their text.
 */
export async function setCriterionPointer(ctx: AppContext, actor: Actor, input: SetCriterionPointerInput) {
  const practise = (input.practise && foldSpace(input.practise)) || null;
  return ctx.db.transaction(async (tx) => {
    const job = await loadJob(tx, actor.organizationId, input.jobId);
    const [current] = await tx
      .select()
      .from(criteria)
      .where(
        and(
          eq(criteria.id, input.criterionId),
          eq(criteria.jobId, job.id),
          eq(criteria.organizationId, actor.organizationId),
        ),
      )
      .for('update');
    if (!current) throw notFound('Criterion');
    const org = await loadOrganization(tx, actor.organizationId);
    if (practise) refuseRiskyText([['body.practise', practise]], org.jurisdictions);
    const findings = practise ? checkFeedbackText(practise, org.jurisdictions) : [];
    const [updated] = await tx
      .update(criteria)
      .set({ practise })
      .where(eq(criteria.id, current.id))
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'job.criterion-pointer-changed',
      subjectType: 'job',
      subjectId: job.id,
      data: { criterion: current.name, before: current.practise, after: practise },
    });
    return { criterion: updated, findings };
  });
}
