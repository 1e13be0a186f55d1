import type { Executor } from '../db/client';
import { auditEvents } from '../db/schema';
import type { Actor } from './context';

export interface AuditEntry {
  organizationId: string;
  actor: Actor | { type: 'system' | 'candidate'; id?: string; name?: string };
  action: string;
  subjectType?: string;
  subjectId?: string;
  /** Ties the event to an application's timeline. */
  applicationId?: string;
  data?: Record<string, unknown>;
}

/** Appends to the audit trail, in the caller's transaction. */
export async function recordAudit(tx: Executor, e: AuditEntry): Promise<void> {
  const a = e.actor;
  const isPerson = a.type === 'user' || a.type === 'token';
  await tx.insert(auditEvents).values({
    organizationId: e.organizationId,
    actorType: a.type,
    actorId: isPerson ? (a as Actor).userId : ((a as { id?: string }).id ?? null),
    actorName: isPerson ? (a as Actor).name : ((a as { name?: string }).name ?? null),
    action: e.action,
    subjectType: e.subjectType ?? null,
    subjectId: e.subjectId ?? null,
    applicationId: e.applicationId ?? null,
    data: { ...(e.data ?? {}), ...(a.type === 'token' ? { viaTokenId: (a as Actor).tokenId } : {}) },
  });
}
