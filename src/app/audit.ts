import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { insertJsonRows } from '../db/json-rows';
import { preparedQuery } from '../db/prepared';
import { auditEvents, feedback } from '../db/schema';
import type { Actor, OtherActor } from './context';

export interface AuditEntry {
  organizationId: string;
  actor: Actor | OtherActor;
  action: string;
  subjectType?: string;
  subjectId?: string;
  /** Ties the event to an application's timeline. */
  applicationId?: string;
  data?: Record<string, unknown>;
}

// Nearly every change writes one event: its insert is built once (each value a placeholder of the same name).
const p = sql.placeholder;
const auditInsert = preparedQuery((db) =>
  db.insert(auditEvents).values({
    organizationId: p('organizationId'),
    actorType: p('actorType'),
    actorId: p('actorId'),
    actorName: p('actorName'),
    action: p('action'),
    subjectType: p('subjectType'),
    subjectId: p('subjectId'),
    applicationId: p('applicationId'),
    data: p('data'),
  }),
);

/** Appends to the audit trail, in the caller's transaction (the insert is sent at once, see `inOrder`). */
export function recordAudit(tx: Executor, e: AuditEntry): Promise<void> {
  return auditInsert(tx)
    .execute(auditRow(e))
    .then(() => undefined);
}

/**
 * Appends several events in one statement (a batch of rejections), in the caller's transaction, in the order given;
 * the events go as one JSON parameter.
 *
 * `draftBodies`: an event about a draft (subject type `feedback`) whose data has no `body` is stored with the draft's
 * body as `data.body`, read from the draft's row (written before, in the same transaction) rather than sent a second
 * time. The event is stored as it would be had the body been sent (`data` is JSON, whose keys have no order).
 */
export async function recordAudits(
  tx: Executor,
  entries: AuditEntry[],
  { draftBodies = false }: { draftBodies?: boolean } = {},
): Promise<void> {
  if (!entries.length) return;
  await insertJsonRows(
    tx,
    auditEvents,
    entries.map(auditRow),
    {},
    draftBodies ? { data: WITH_DRAFT_BODY } : {},
  );
}

const WITH_DRAFT_BODY = sql`case when x."subjectType" = 'feedback' and not (x."data" ? 'body')
  then x."data" || jsonb_build_object('body', (select f.body from ${feedback} f where f.id = x."subjectId"::uuid))
  else x."data" end`;

function auditRow(e: AuditEntry) {
  const a = e.actor;
  const isPerson = a.type === 'user' || a.type === 'token';
  return {
    organizationId: e.organizationId,
    actorType: a.type,
    actorId: isPerson ? a.userId : null,
    actorName: a.name ?? null,
    action: e.action,
    subjectType: e.subjectType ?? null,
    subjectId: e.subjectId ?? null,
    applicationId: e.applicationId ?? null,
    data: { ...(e.data ?? {}), ...(a.type === 'token' ? { viaTokenId: a.tokenId } : {}) },
  };
}
