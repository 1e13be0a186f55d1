import { and, eq, inArray, sql } from 'drizzle-orm';
import { applications, bulkOperations, users } from '../../db/schema';
import { ASSESSMENT_STAGES } from '../../domain/pipeline';
import { enqueue, type JobDefinition } from '../../jobs/runner';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { type Actor, type AppContext, actorOf } from '../context';
import { rejectBatch, rejectionBatch, yieldToOthers } from '../feedback/reject-batch';
import { loadJob, loadRejectionReason } from '../load';

type Payload = { operationId: string };

/**
 * The applications a bulk rejection takes: those still being assessed. Offers and hires are never among them, nor
 * anyone who withdrew or was already rejected.
 */
const remaining = inArray(applications.stage, [...ASSESSMENT_STAGES]);

/**
 * Starts rejecting every application still being assessed on a closed job, for one reason (never an offer or a hire). The operation and its job commit
 * together; the runner drafts feedback for each application in its own transaction and records progress.
 */
export async function rejectRemaining(
  ctx: AppContext,
  actor: Actor,
  input: { jobId: string; reason: string },
) {
  const { jobId } = input;
  const op = await ctx.db.transaction(async (tx) => {
    const job = await loadJob(tx, actor.organizationId, jobId, { lock: true });
    if (job.status === 'open')
      throw new AppError(
        409,
        'job-open',
        'Close the job first; then every remaining application can be rejected at once',
      );
    await loadRejectionReason(tx, actor.organizationId, input.reason);
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(applications)
      .where(and(eq(applications.jobId, jobId), remaining));
    const [op] = await tx
      .insert(bulkOperations)
      .values({
        organizationId: actor.organizationId,
        kind: 'reject-remaining',
        jobId,
        params: { reason: input.reason },
        total: n,
        status: n ? 'running' : 'done',
        createdBy: actor.userId,
        finishedAt: n ? null : new Date(),
      })
      .returning();
    if (n) await enqueue(tx, ctx.jobs.bulkReject, { operationId: op.id }, { dedupeKey: `bulk:${op.id}` });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'job.reject-remaining',
      subjectType: 'job',
      subjectId: jobId,
      data: { reason: input.reason, applications: n },
    });
    return op;
  });
  ctx.jobs.poke();
  return op;
}

/**
 * The runner's side: rejects the remaining applications in batches of `rejectionBatch`, each batch and its progress
 * in one transaction, letting the event loop serve others between batches; a retry carries on where it stopped.
 */
export function rejectRemainingJob(getCtx: () => AppContext): JobDefinition<Payload> {
  return {
    kind: 'reject-remaining',
    maxAttempts: 5,
    async handle({ operationId }) {
      const ctx = getCtx();
      const [op] = await ctx.db.select().from(bulkOperations).where(eq(bulkOperations.id, operationId));
      if (op?.status !== 'running' || !op.jobId) return;
      const [user] = await ctx.db
        .select()
        .from(users)
        .where(eq(users.id, op.createdBy ?? '00000000-0000-0000-0000-000000000000'));
      if (!user) throw new Error('the person who started this operation no longer exists');
      const actor = actorOf(user);
      const reason = await loadRejectionReason(ctx.db, op.organizationId, String(op.params.reason));
      for (;;) {
        const batch = await ctx.db
          .select({ id: applications.id })
          .from(applications)
          .where(and(eq(applications.jobId, op.jobId), remaining))
          .orderBy(applications.id)
          .limit(rejectionBatch(ctx.engine));
        if (!batch.length) break;
        // Rejected, offered, hired or withdrawn meanwhile by a person: left alone (the batch re-reads under lock).
        await rejectBatch(ctx.db, actor, { applicationIds: batch.map((a) => a.id), reason }, async (tx) => {
          await tx
            .update(bulkOperations)
            .set({ done: sql`least(${bulkOperations.total}, ${bulkOperations.done} + ${batch.length}::int)` })
            .where(eq(bulkOperations.id, operationId));
        });
        await yieldToOthers();
      }
      await ctx.db
        .update(bulkOperations)
        .set({ status: 'done', done: sql`${bulkOperations.total}`, finishedAt: new Date() })
        .where(eq(bulkOperations.id, operationId));
    },
    async onFailed({ operationId }, _err, { db }) {
      await db
        .update(bulkOperations)
        .set({ status: 'failed', finishedAt: new Date() })
        .where(eq(bulkOperations.id, operationId));
    },
  };
}
