import { and, asc, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema';
import type { Actor, AppContext } from '../context';
import { loadApplication } from '../load';

/** An application's audit trail, oldest first: who did what, when, and the exact text sent. */
export async function listAudit(ctx: AppContext, actor: Actor, input: { applicationId: string }) {
  const { applicationId } = input;
  await loadApplication(ctx.db, actor.organizationId, applicationId); // 404 for another organization's application
  return ctx.db
    .select()
    .from(auditEvents)
    .where(
      and(eq(auditEvents.organizationId, actor.organizationId), eq(auditEvents.applicationId, applicationId)),
    )
    .orderBy(asc(auditEvents.id));
}
