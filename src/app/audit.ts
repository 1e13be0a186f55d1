import type { Executor } from '../db/client';
import { insertJsonRows } from '../db/json-rows';
import { auditEvents } from '../db/schema';
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

/** Appends to the audit trail, in the caller's transaction. */
export async function recordAudit(tx: Executor, e: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values(auditRow(e));
}

/**
 * Appends several events in one statement (a batch of rejections), in the caller's transaction, in the order given;
 * the events go as one JSON parameter.
 */
export async function recordAudits(tx: Executor, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await insertJsonRows(tx, auditEvents, entries.map(auditRow));
}

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
