import { feedbackRequests } from '../../db/schema';
import { addWorkingDays } from '../../domain/timing';
import { queueWebhookEvent } from '../../integrations/webhooks/events';
import { conflict } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { AppContext, PortalVisitor } from '../context';
import { resolvePortalLink } from '../portal-links';

/** Rejected through Debrief with no feedback sent: the candidate asks for it; it waits with a deadline. */
export async function requestFeedback(
  ctx: AppContext,
  who: PortalVisitor,
  input: { message?: string | null },
) {
  const page = await resolvePortalLink(ctx.db, who.token);
  if (page.feedback) throw conflict('feedback-sent', 'Feedback has already been sent for this application');
  if (page.application.stage !== 'rejected') throw conflict('not-rejected', 'This application is still open');
  const dueAt = addWorkingDays(new Date(), ctx.config.REQUEST_DEADLINE_DAYS);
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(feedbackRequests)
      .values({
        organizationId: page.organization.id,
        applicationId: page.application.id,
        message: input.message ?? null,
        dueAt,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('already-requested', 'You have already asked for feedback on this application');
    await recordAudit(tx, {
      organizationId: page.organization.id,
      actor: { type: 'candidate', name: page.candidate.name },
      action: 'candidate.requested-feedback',
      subjectType: 'feedback-request',
      subjectId: row.id,
      applicationId: page.application.id,
      data: { message: input.message ?? null, dueAt: dueAt.toISOString() },
    });
    await queueWebhookEvent(tx, {
      organizationId: page.organization.id,
      event: 'request.created',
      data: {
        requestId: row.id,
        applicationId: page.application.id,
        message: row.message,
        dueAt: dueAt.toISOString(),
      },
    });
    return row;
  });
  ctx.jobs.poke();
  return created;
}
