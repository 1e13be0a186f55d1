import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { applications, bulkOperations, candidates, feedback } from '../../db/schema';
import { enqueue, type JobDefinition } from '../../jobs/runner';
import { AppError } from '../../lib/errors';
import { advance, finishOperation, loadOperation, operationActor, startOperation } from '../bulk-operations';
import type { Actor, AppContext } from '../context';
import { loadJob } from '../load';
import { approveFeedback } from './approve-feedback';

type Payload = { operationId: string };

/** How long a run paused by the organization's hourly sending limit waits before it carries on. */
export const SENDING_LIMIT_PAUSE_MS = 10 * 60_000;

/** The drafts waiting for review, of one job or of the whole organization, and their findings' count. */
async function waitingDrafts(tx: Executor, actor: Actor, jobId?: string) {
  return tx
    .select({
      feedbackId: feedback.id,
      applicationId: applications.id,
      candidateName: candidates.name,
      jobId: applications.jobId,
      findings: sql<number>`jsonb_array_length(${feedback.findings})`,
    })
    .from(feedback)
    .innerJoin(applications, eq(applications.id, feedback.applicationId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .where(
      and(
        eq(feedback.organizationId, actor.organizationId),
        eq(feedback.status, 'draft'),
        jobId ? eq(applications.jobId, jobId) : undefined,
      ),
    )
    .orderBy(asc(candidates.name), asc(feedback.id));
}

/** What "approve every draft without findings" would do now: how many it approves, how many it leaves. */
export async function countWaitingDrafts(ctx: AppContext, actor: Actor, input: { jobId?: string }) {
  if (input.jobId) await loadJob(ctx.db, actor.organizationId, input.jobId);
  const drafts = await waitingDrafts(ctx.db, actor, input.jobId);
  const ready = drafts.filter((d) => d.findings === 0).length;
  return { ready, withFindings: drafts.length - ready };
}

const withFindingsItem = (
  d: { feedbackId: string; applicationId: string; candidateName: string },
  n: number,
) => ({
  applicationId: d.applicationId,
  feedbackId: d.feedbackId,
  candidateName: d.candidateName,
  code: 'has-findings',
  message: n === 1 ? 'The checker found something to look at' : `The checker found ${n} things to look at`,
});

/**
 * Starts approving and sending every draft of a job (or of the organization) in which the checker finds nothing, in
 * the background. Each goes through `approveFeedback`, exactly as one approval: checked again, audited, its one email
 * queued in the same transaction. Drafts with findings are left for a person and listed in the operation's results.
 */
export async function approveDrafts(ctx: AppContext, actor: Actor, input: { jobId?: string }) {
  const op = await ctx.db.transaction(async (tx) => {
    if (input.jobId) await loadJob(tx, actor.organizationId, input.jobId);
    const drafts = await waitingDrafts(tx, actor, input.jobId);
    const ready = drafts.filter((d) => d.findings === 0);
    const left = drafts.filter((d) => d.findings > 0).map((d) => withFindingsItem(d, d.findings));
    const op = await startOperation(tx, actor, {
      kind: 'approve-drafts',
      jobId: input.jobId ?? null,
      params: { feedbackIds: ready.map((d) => d.feedbackId) },
      results: { withFindings: left, succeeded: 0 },
      total: ready.length,
      run: ctx.jobs.approveDrafts,
      audit: {
        action: 'feedback.bulk-approval',
        data: { jobId: input.jobId ?? null, drafts: ready.length, withFindings: left.length },
      },
    });
    return op;
  });
  ctx.jobs.poke();
  return op;
}

/** Refusals that leave a draft for a person (it changed, or the checker now finds something). */
const LEFT = new Set(['has-findings', 'blocking-findings']);
const SKIPPED = new Set(['already-approved', 'not-found']);

/**
 * The runner's side: approves the drafts one by one, each in its own transaction through `approveFeedback`, counting
 * each. A retry carries on after the last one counted; a draft approved on an attempt that stopped before counting it
 * is already approved, so it is never approved (nor emailed) twice. The organization's hourly sending limit pauses the
 * run, which carries on by itself later.
 */
export function approveDraftsJob(getCtx: () => AppContext): JobDefinition<Payload> {
  return {
    kind: 'approve-drafts',
    maxAttempts: 5,
    async handle({ operationId }, { jobId }) {
      const ctx = getCtx();
      const op = await loadOperation(ctx.db, operationId);
      if (op?.status !== 'running') return;
      const actor = await operationActor(ctx.db, op);
      if (op.results.waitingUntil)
        await ctx.db
          .update(bulkOperations)
          .set({ results: sql`${bulkOperations.results} - 'waitingUntil'` })
          .where(eq(bulkOperations.id, operationId));
      const ids = (op.params.feedbackIds as string[]).slice(op.done);
      for (const feedbackId of ids) {
        try {
          await approveFeedback(ctx, actor, { feedbackId, send: { mode: 'now' }, onlyWithoutFindings: true });
          await advance(ctx.db, operationId, { succeeded: true });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          if (e.code === 'email-limit') {
            const at = new Date(Date.now() + SENDING_LIMIT_PAUSE_MS);
            await ctx.db.transaction(async (tx) => {
              await tx
                .update(bulkOperations)
                .set({
                  results: sql`jsonb_set(${bulkOperations.results}, '{waitingUntil}', to_jsonb(${at.toISOString()}::text))`,
                })
                .where(eq(bulkOperations.id, operationId));
              // One run to carry on per pausing run (a retry of this one queues no second). Not keyed by the draft:
              // a run that carries on and finds the limit still reached at that same draft pauses again.
              await enqueue(
                tx,
                ctx.jobs.approveDrafts,
                { operationId },
                { runAt: at, dedupeKey: `bulk:${operationId}:after:${jobId}` },
              );
            });
            return;
          }
          if (!LEFT.has(e.code) && !SKIPPED.has(e.code)) throw e;
          const [d] = await ctx.db
            .select({
              feedbackId: feedback.id,
              applicationId: applications.id,
              candidateName: candidates.name,
              approvedAt: feedback.approvedAt,
              approvedBy: feedback.approvedBy,
            })
            .from(feedback)
            .innerJoin(applications, eq(applications.id, feedback.applicationId))
            .innerJoin(candidates, eq(candidates.id, applications.candidateId))
            .where(eq(feedback.id, feedbackId));
          // Approved by this very run on an attempt that stopped before counting it: count it now.
          const ours =
            e.code === 'already-approved' &&
            d?.approvedBy === actor.userId &&
            d.approvedAt !== null &&
            d.approvedAt >= op.createdAt;
          const item = d ?? { feedbackId, applicationId: feedbackId, candidateName: 'Removed' };
          await advance(
            ctx.db,
            operationId,
            ours
              ? { succeeded: true }
              : LEFT.has(e.code)
                ? {
                    withFindings: {
                      applicationId: item.applicationId,
                      feedbackId,
                      candidateName: item.candidateName,
                      code: e.code,
                      message: e.message,
                    },
                  }
                : {
                    skipped: {
                      applicationId: item.applicationId,
                      feedbackId,
                      candidateName: item.candidateName,
                      code: e.code,
                      message: e.message,
                    },
                  },
          );
        }
      }
      await finishOperation(ctx.db, operationId, 'done');
    },
    async onFailed({ operationId }, _err, { db }) {
      await finishOperation(db, operationId, 'failed');
    },
  };
}
