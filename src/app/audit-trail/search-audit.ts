import { and } from 'drizzle-orm';
import { auditEvents } from '../../db/schema';
import type { Actor, AppContext } from '../context';
import {
  type AuditFilters,
  type AuditOrder,
  afterEvent,
  auditConditions,
  checkFilters,
  decodeAuditCursor,
  encodeAuditCursor,
  inOrder,
} from './filters';

/**
 * The organization's audit trail, a page at a time: who did what, when, and the exact text sent, narrowed by member,
 * action, time and application. Oldest first (an application's timeline) or newest first (the audit page); the
 * cursor is the last event's number, so events appended meanwhile come on a later page (oldest first) or not at all
 * (newest first), never twice.
 */
export async function searchAudit(
  ctx: AppContext,
  actor: Actor,
  input: AuditFilters & { order: AuditOrder; limit: number; cursor?: string },
) {
  const { order, limit, cursor, ...filters } = input;
  const after = decodeAuditCursor(ctx, actor.organizationId, order, cursor);
  await checkFilters(ctx, actor, filters);
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(and(auditConditions(actor.organizationId, filters), afterEvent(order, after)))
    .orderBy(inOrder(order))
    .limit(limit + 1);
  const events = rows.slice(0, limit);
  const last = events[events.length - 1];
  return {
    events,
    nextCursor:
      rows.length > limit && last ? encodeAuditCursor(ctx, actor.organizationId, order, last.id) : null,
  };
}
