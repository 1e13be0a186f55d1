import { and, eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import { type BulkOperationItem, bulkOperations, users } from '../db/schema';
import { enqueue, type JobDefinition } from '../jobs/runner';
import { recordAudit } from './audit';
import { type Actor, actorOf } from './context';

/** What the runner's side of a bulk operation shares: its row, who started it, its progress and its findings. */

export type BulkOperation = typeof bulkOperations.$inferSelect;

/**
 * Starts a bulk operation in the caller's transaction: its row (done at once when there is nothing to do), its job
 * (one per operation, by its dedupe key) and the audit event that names it.
 */
export async function startOperation(
  tx: Executor,
  actor: Actor,
  input: {
    kind: BulkOperation['kind'];
    jobId: string | null;
    params: BulkOperation['params'];
    results: BulkOperation['results'];
    total: number;
    run: JobDefinition<{ operationId: string }>;
    audit: { action: string; data: Record<string, unknown> };
  },
): Promise<BulkOperation> {
  const empty = input.total === 0;
  const [op] = await tx
    .insert(bulkOperations)
    .values({
      organizationId: actor.organizationId,
      kind: input.kind,
      jobId: input.jobId,
      params: input.params,
      results: input.results,
      total: input.total,
      status: empty ? 'done' : 'running',
      createdBy: actor.userId,
      finishedAt: empty ? new Date() : null,
    })
    .returning();
  if (!op) throw new Error('the bulk operation was not recorded');
  if (!empty) await enqueue(tx, input.run, { operationId: op.id }, { dedupeKey: `bulk:${op.id}` });
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actor,
    action: input.audit.action,
    subjectType: 'bulk-operation',
    subjectId: op.id,
    data: input.audit.data,
  });
  return op;
}

export async function loadOperation(db: Db, operationId: string): Promise<BulkOperation | undefined> {
  const [op] = await db.select().from(bulkOperations).where(eq(bulkOperations.id, operationId));
  return op;
}

/** The member who started the operation acts for it, with their role as it is now. */
export async function operationActor(db: Db, op: BulkOperation): Promise<Actor> {
  const [user] = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.id, op.createdBy ?? '00000000-0000-0000-0000-000000000000'),
        eq(users.organizationId, op.organizationId),
      ),
    );
  if (!user) throw new Error('the person who started this operation no longer exists');
  return actorOf(user);
}

/** One more item handled, and what to remember about it (skipped, left with findings, approved). */
export async function advance(
  db: Executor,
  operationId: string,
  note?: { skipped?: BulkOperationItem; withFindings?: BulkOperationItem; succeeded?: boolean },
) {
  await advanceBy(db, operationId, {
    done: 1,
    skipped: note?.skipped ? [note.skipped] : [],
    withFindings: note?.withFindings ? [note.withFindings] : [],
    succeeded: note?.succeeded ? 1 : 0,
  });
}

/** Several items handled at once (a batch), in the caller's transaction when it passes one: one statement. */
export async function advanceBy(
  db: Executor,
  operationId: string,
  step: {
    done: number;
    skipped?: BulkOperationItem[];
    withFindings?: BulkOperationItem[];
    succeeded?: number;
  },
) {
  let results = sql`${bulkOperations.results}`;
  for (const key of ['skipped', 'withFindings'] as const) {
    const items = step[key];
    if (items?.length)
      results = sql`jsonb_set(${results}, ${`{${key}}`}::text[], coalesce(${results} -> ${key}, '[]'::jsonb) || ${JSON.stringify(items)}::jsonb)`;
  }
  if (step.succeeded)
    results = sql`jsonb_set(${results}, '{succeeded}', to_jsonb(coalesce((${results} ->> 'succeeded')::int, 0) + ${step.succeeded}::int))`;
  await db
    .update(bulkOperations)
    .set({ done: sql`least(${bulkOperations.total}, ${bulkOperations.done} + ${step.done}::int)`, results })
    .where(eq(bulkOperations.id, operationId));
}

export async function finishOperation(db: Db, operationId: string, status: 'done' | 'failed') {
  await db
    .update(bulkOperations)
    .set({
      status,
      ...(status === 'done' ? { done: sql`${bulkOperations.total}` } : {}),
      results: sql`${bulkOperations.results} - 'waitingUntil'`,
      finishedAt: new Date(),
    })
    .where(eq(bulkOperations.id, operationId));
}
