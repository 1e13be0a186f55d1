import type { auditEvents } from '../../db/schema';

export function presentAuditEvent(e: typeof auditEvents.$inferSelect) {
  return {
    at: e.at.toISOString(),
    actor: { type: e.actorType, id: e.actorId, name: e.actorName },
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    data: e.data,
  };
}
