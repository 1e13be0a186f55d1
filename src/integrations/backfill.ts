import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../app/audit';
import type { Actor, AppContext } from '../app/context';
import { atsBackfills, atsConnections, atsEvents, atsLinks } from '../db/schema';
import { enqueue, type JobDefinition, PermanentJobError } from '../jobs/runner';
import { AppError, conflict } from '../lib/errors';
import { errorMessage } from '../lib/logger';
import { adapterFor } from './adapters';
import { AtsRefusedError } from './ats-http';
import { loadConnection, sealContext } from './connections';
import type { BackfillItem } from './provider';

export type AtsBackfill = typeof atsBackfills.$inferSelect;

/** Enqueued by kind alone (the handler is wired in boot.ts with the context it needs). */
const backfillKind: JobDefinition<{ backfillId: string }> = {
  kind: 'ats.backfill',
  maxAttempts: 8,
  handle: async () => {},
};

/** The longest look back: a backfill is for the rejections a team made just before connecting. */
export const MAX_BACKFILL_DAYS = 90;

/**
 * Starts importing the rejections of the last `days` days from the connected ATS, in the background, of every job or
 * of the one whose ATS id is `jobId`. One runs at a time per connection (409 while one runs); the row and its job are
 * written in one transaction.
 */
export async function startBackfill(
  ctx: AppContext,
  actor: Actor,
  input: { connectionId: string; days: number; jobId?: string | null },
): Promise<AtsBackfill> {
  const connection = await loadConnection(ctx.db, actor.organizationId, input.connectionId);
  const adapter = adapterFor(connection.provider);
  if (!adapter.listRejections)
    throw new AppError(
      400,
      'backfill-unsupported',
      `Debrief cannot list past rejections in ${adapter.label}; new ones still arrive by webhook`,
    );
  const since = new Date(Date.now() - input.days * 86_400_000);
  const row = await ctx.db.transaction(async (tx) => {
    const [running] = await tx
      .select({ id: atsBackfills.id })
      .from(atsBackfills)
      .where(and(eq(atsBackfills.connectionId, connection.id), eq(atsBackfills.status, 'running')));
    if (running)
      throw conflict('backfill-running', 'An import of past rejections is already running', {
        backfillId: running.id,
      });
    const [created] = await tx
      .insert(atsBackfills)
      .values({
        organizationId: actor.organizationId,
        connectionId: connection.id,
        days: input.days,
        since,
        jobExternalId: input.jobId ?? null,
        createdBy: actor.userId,
      })
      .returning();
    await enqueue(tx, backfillKind, { backfillId: created.id }, { dedupeKey: `ats-backfill:${created.id}` });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'integration.backfill-started',
      subjectType: 'integration',
      subjectId: connection.id,
      data: {
        provider: connection.provider,
        days: input.days,
        since: since.toISOString(),
        jobId: input.jobId ?? null,
      },
    });
    return created;
  });
  ctx.jobs.poke();
  return row;
}

export type BackfillWithProgress = AtsBackfill & {
  progress: { imported: number; waiting: number; needsReason: number; failed: number };
};

/** The latest backfills of a connection, newest first, each with what became of the rejections it queued. */
export async function listBackfills(
  ctx: AppContext,
  actor: Actor,
  input: { connectionId: string },
): Promise<BackfillWithProgress[]> {
  const connection = await loadConnection(ctx.db, actor.organizationId, input.connectionId);
  const rows = await ctx.db
    .select()
    .from(atsBackfills)
    .where(eq(atsBackfills.connectionId, connection.id))
    .orderBy(desc(atsBackfills.createdAt))
    .limit(10);
  if (!rows.length) return [];
  const counts = await ctx.db
    .select({
      backfillId: sql<string>`${atsEvents.payload}->>'backfillId'`,
      status: atsEvents.status,
      n: sql<number>`count(*)::int`,
    })
    .from(atsEvents)
    .where(and(eq(atsEvents.connectionId, connection.id), sql`${atsEvents.payload} ? 'backfillId'`))
    .groupBy(sql`${atsEvents.payload}->>'backfillId'`, atsEvents.status);
  return rows.map((b) => {
    const mine = counts.filter((c) => c.backfillId === b.id);
    const sum = (...statuses: string[]) =>
      mine.filter((c) => statuses.includes(c.status)).reduce((a, c) => a + c.n, 0);
    return {
      ...b,
      progress: {
        imported: sum('imported', 'superseded'),
        waiting: sum('queued', 'retrying'),
        needsReason: sum('needs-reason'),
        failed: sum('failed'),
      },
    };
  });
}

/**
 * The backfill job: lists the ATS's rejections since the start date (of its one job, when it names one), page by
 * page, and writes each new one to the inbox with its import job, a page per transaction. A restart lists again from
 * the start and skips what is already in the inbox (the event id `backfill:<application id>` is unique per
 * connection), so nothing is imported twice and the counts carry on.
 */
export function atsBackfillJob(getCtx: () => AppContext): JobDefinition<{ backfillId: string }> {
  return {
    ...backfillKind,
    async handle({ backfillId }, job) {
      const ctx = getCtx();
      const [backfill] = await ctx.db.select().from(atsBackfills).where(eq(atsBackfills.id, backfillId));
      if (backfill?.status !== 'running') return;
      const [connection] = await ctx.db
        .select()
        .from(atsConnections)
        .where(eq(atsConnections.id, backfill.connectionId));
      if (!connection) return;
      const adapter = adapterFor(connection.provider);
      try {
        if (!adapter.listRejections) throw new PermanentJobError(`${adapter.label} cannot list rejections`);
        const apiKey = ctx.secrets.open(connection.apiKeySealed, sealContext(connection.id));
        let found = 0;
        let batch: BackfillItem[] = [];
        const flush = async () => {
          if (!batch.length) return;
          const items = batch;
          batch = [];
          await ctx.db.transaction(async (tx) => {
            // Applications Debrief already has from this ATS (by webhook or an earlier run) are not imported again.
            const known = new Set(
              (
                await tx
                  .select({ externalId: atsLinks.externalId })
                  .from(atsLinks)
                  .where(
                    and(
                      eq(atsLinks.connectionId, connection.id),
                      eq(atsLinks.kind, 'application'),
                      inArray(
                        atsLinks.externalId,
                        items.map((i) => i.applicationExternalId),
                      ),
                    ),
                  )
              ).map((l) => l.externalId),
            );
            let queued = 0;
            for (const item of items) {
              if (known.has(item.applicationExternalId)) continue;
              const [row] = await tx
                .insert(atsEvents)
                .values({
                  organizationId: connection.organizationId,
                  connectionId: connection.id,
                  providerEventId: `backfill:${item.eventId}`.slice(0, 200),
                  action: item.action,
                  occurredAt: item.occurredAt,
                  payload: { ...item.kept, rejection: true, backfillId },
                  status: 'queued',
                })
                .onConflictDoNothing()
                .returning({ id: atsEvents.id });
              if (!row) continue;
              queued++;
              await enqueue(
                tx,
                ctx.jobs.atsImport,
                { eventId: row.id },
                { dedupeKey: `ats-event:${row.id}` },
              );
            }
            // The found count restarts with each run; the queued count only grows.
            await tx
              .update(atsBackfills)
              .set({
                found: sql`greatest(${atsBackfills.found}, ${found})`,
                queued: sql`${atsBackfills.queued} + ${queued}`,
              })
              .where(eq(atsBackfills.id, backfillId));
          });
          ctx.jobs.poke();
        };
        for await (const item of adapter.listRejections(
          ctx,
          apiKey,
          backfill.since,
          backfill.jobExternalId,
        )) {
          if (backfill.jobExternalId !== null && item.jobExternalId !== backfill.jobExternalId) continue;
          found++;
          batch.push(item);
          if (batch.length >= 50) await flush();
        }
        await flush();
        await ctx.db
          .update(atsBackfills)
          .set({ status: 'done', found, finishedAt: new Date(), error: null })
          .where(eq(atsBackfills.id, backfillId));
        job.logger.info('ATS backfill listed', { backfillId, found });
      } catch (e) {
        const message = errorMessage(e);
        const permanent =
          e instanceof PermanentJobError ||
          (e instanceof AtsRefusedError && e.status !== 429 && e.status !== 408);
        const last = permanent || job.attempt >= job.maxAttempts;
        await ctx.db
          .update(atsBackfills)
          .set(last ? { status: 'failed', error: message, finishedAt: new Date() } : { error: message })
          .where(eq(atsBackfills.id, backfillId));
        if (permanent && !(e instanceof PermanentJobError))
          throw new PermanentJobError(message, { cause: e });
        throw e;
      }
    },
  };
}
