import { and, eq, inArray } from 'drizzle-orm';
import { applications, type BulkOperationItem, candidates, feedback } from '../../db/schema';
import { rejectionRefusal } from '../../domain/pipeline';
import type { JobDefinition } from '../../jobs/runner';
import { AppError, notFound } from '../../lib/errors';
import {
  advanceBy,
  finishOperation,
  loadOperation,
  operationActor,
  startOperation,
} from '../bulk-operations';
import type { Actor, AppContext } from '../context';
import { rejectBatch, rejectionBatch, yieldToOthers } from '../feedback/reject-batch';
import { loadRejectionReason, visibleApplications } from '../load';
import { type ApplicationFilter, applicationFilter } from './list-applications';

type Payload = { operationId: string };

/** At most this many applications in one bulk rejection. */
export const MAX_BULK_REJECTION = 5000;

export interface RejectApplicationsInput {
  reason: string;
  /** Chosen one by one (on one page or several)... */
  applicationIds?: string[];
  /** ...or every application matching a filter, as the list shows them. */
  filter?: ApplicationFilter;
}

/**
 * Starts rejecting the chosen applications for one reason, in the background, drafting feedback for each through the
 * same rejection as one at a time. Offers, hires, withdrawals and applications already rejected are never taken (the
 * pipeline's `rejectionRefusal`): the answer names each one skipped and why. The operation and its job commit together.
 */
export async function rejectApplications(ctx: AppContext, actor: Actor, input: RejectApplicationsInput) {
  const op = await ctx.db.transaction(async (tx) => {
    await loadRejectionReason(tx, actor.organizationId, input.reason);
    const base = tx
      .select({
        id: applications.id,
        jobId: applications.jobId,
        stage: applications.stage,
        name: candidates.name,
        feedbackId: feedback.id,
      })
      .from(applications)
      .innerJoin(candidates, eq(candidates.id, applications.candidateId))
      .leftJoin(feedback, eq(feedback.applicationId, applications.id));
    const ids = input.applicationIds ? [...new Set(input.applicationIds)] : undefined;
    const rows = ids
      ? await base
          .where(
            and(
              eq(applications.organizationId, actor.organizationId),
              inArray(applications.id, ids),
              visibleApplications(actor),
            ),
          )
          .orderBy(candidates.name, applications.id)
      : await base
          .where(applicationFilter(tx, actor, input.filter ?? {}))
          .orderBy(candidates.name, applications.id)
          .limit(MAX_BULK_REJECTION + 1);
    if (ids && rows.length < ids.length) throw notFound('Application');
    if (rows.length > MAX_BULK_REJECTION)
      throw new AppError(
        400,
        'invalid-request',
        `body.filter: more than ${MAX_BULK_REJECTION} applications match; narrow the filter`,
      );
    const take: string[] = [];
    const skipped = [];
    for (const r of rows) {
      const refusal = rejectionRefusal(r.stage);
      if (refusal)
        skipped.push({
          applicationId: r.id,
          feedbackId: r.feedbackId,
          candidateName: r.name,
          code: refusal.code,
          message: refusal.message,
        });
      else take.push(r.id);
    }
    const jobs = new Set(rows.map((r) => r.jobId));
    const op = await startOperation(tx, actor, {
      kind: 'reject-selected',
      jobId: jobs.size === 1 ? ([...jobs][0] ?? null) : null,
      params: { reason: input.reason, applicationIds: take },
      results: { skipped },
      total: take.length,
      run: ctx.jobs.rejectSelected,
      audit: {
        action: 'applications.bulk-rejection',
        data: {
          reason: input.reason,
          applications: take.length,
          skipped: skipped.map((s) => ({ applicationId: s.applicationId, code: s.code })),
          ...(input.filter ? { filter: input.filter } : {}),
        },
      },
    });
    return op;
  });
  ctx.jobs.poke();
  return op;
}

/**
 * The runner's side: rejects the chosen applications in batches (`rejectionBatch` to a transaction, through the
 * same rows and checks as one at a time), recording the batch's progress in its own transaction, and lets the event
 * loop serve others between batches. A retry carries on after the last batch done.
 */
export function rejectApplicationsJob(getCtx: () => AppContext): JobDefinition<Payload> {
  return {
    kind: 'reject-selected',
    maxAttempts: 5,
    async handle({ operationId }) {
      const ctx = getCtx();
      const op = await loadOperation(ctx.db, operationId);
      if (op?.status !== 'running') return;
      const actor = await operationActor(ctx.db, op);
      const reason = await loadRejectionReason(ctx.db, op.organizationId, String(op.params.reason));
      const ids = (op.params.applicationIds as string[]).slice(op.done);
      const size = rejectionBatch(ctx.engine);
      for (let i = 0; i < ids.length; i += size) {
        const batch = ids.slice(i, i + size);
        await rejectBatch(ctx.db, actor, { applicationIds: batch, reason }, async (tx, outcomes) => {
          const skipped: BulkOperationItem[] = [];
          let succeeded = 0;
          for (const o of outcomes) {
            // Rejected by this very operation before (a retry): only counted.
            const ours =
              !o.rejected &&
              o.code === 'application-closed' &&
              o.rejectionReason === reason.code &&
              o.rejectedAt !== null &&
              o.rejectedAt >= op.createdAt;
            if (o.rejected || ours) succeeded++;
            else
              skipped.push({
                applicationId: o.applicationId,
                feedbackId: o.feedbackId,
                candidateName: o.candidateName ?? 'Removed',
                code: o.code,
                message: o.message,
              });
          }
          await advanceBy(tx, operationId, { done: batch.length, skipped, succeeded });
        });
        await yieldToOthers();
      }
      await finishOperation(ctx.db, operationId, 'done');
    },
    async onFailed({ operationId }, _err, { db }) {
      await finishOperation(db, operationId, 'failed');
    },
  };
}
