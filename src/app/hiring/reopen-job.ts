import { eq } from 'drizzle-orm';
import { jobs } from '../../db/schema';
import { conflict } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { loadJob } from '../load';

/**
 * Reopens a closed job (closed by mistake, or the hire fell through): it takes applications again. Feedback that
 * closing released stays released; feedback approved "when filled" afterwards waits for the next close.
 */
export async function reopenJob(ctx: AppContext, actor: Actor, input: { jobId: string }) {
  return ctx.db.transaction(async (tx) => {
    const job = await loadJob(tx, actor.organizationId, input.jobId, { lock: true });
    if (job.status === 'open') throw conflict('job-open', 'This job is already open');
    const [reopened] = await tx
      .update(jobs)
      .set({ status: 'open', closedAt: null })
      .where(eq(jobs.id, job.id))
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'job.reopened',
      subjectType: 'job',
      subjectId: job.id,
      data: { was: job.status, closedAt: job.closedAt?.toISOString() ?? null },
    });
    return reopened;
  });
}
