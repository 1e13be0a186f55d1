import { and, asc, eq, gt } from 'drizzle-orm';
import { auditEvents } from '../../db/schema';
import type { Actor, AppContext } from '../context';
import { loadApplication } from '../load';

/**
 * An application's audit trail, oldest first: who did what, when, and the exact text sent. A page at a time; the
 * cursor is the last event's number, so events appended meanwhile come on a later page, never twice.
 */
export async function listAudit(
  ctx: AppContext,
  actor: Actor,
  input: { applicationId: string; limit: number; cursor?: string },
) {
  const { applicationId, limit, cursor } = input;
  await loadApplication(ctx.db, actor.organizationId, applicationId); // 404 for another organization's application
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.organizationId, actor.organizationId),
        eq(auditEvents.applicationId, applicationId),
        cursor ? gt(auditEvents.id, Number(cursor)) : undefined,
      ),
    )
    .orderBy(asc(auditEvents.id))
    .limit(limit + 1);
  const events = rows.slice(0, limit);
  return { events, nextCursor: rows.length > limit ? String(events[events.length - 1]!.id) : null };
}
