import { desc, eq } from 'drizzle-orm';
import { feedback, portalLinks } from '../../db/schema';
import { rejectionRefusal } from '../../domain/pipeline';
import { queueEmail } from '../../jobs/deliver-email';
import { AppError, conflict } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { loadApplication } from '../load';
import { createPortalLink } from '../portal-links';

/**
 * Tells a rejected candidate the outcome without feedback, with a link to their page where they may ask for it.
 * Once: not after feedback has been approved, nor when the candidate already has a link.
 */
export async function sendRejectionNotice(ctx: AppContext, actor: Actor, input: { applicationId: string }) {
  const { applicationId } = input;
  await ctx.db.transaction(async (tx) => {
    const { application, candidate, job, organizationName } = await loadApplication(
      tx,
      actor.organizationId,
      applicationId,
    );
    // Someone with an offer or hired is never told they were not chosen.
    const refusal = application.stage === 'rejected' ? null : rejectionRefusal(application.stage);
    if (refusal) throw new AppError(refusal.status, refusal.code, refusal.message);
    if (application.stage !== 'rejected') throw conflict('not-rejected', 'Reject the application first');
    const [fb] = await tx.select().from(feedback).where(eq(feedback.applicationId, applicationId));
    if (fb && fb.status !== 'draft')
      throw conflict('feedback-on-its-way', 'Feedback has been approved for this candidate; it will be sent');
    const [already] = await tx
      .select({ id: portalLinks.id })
      .from(portalLinks)
      .where(eq(portalLinks.applicationId, applicationId))
      .orderBy(desc(portalLinks.createdAt));
    if (already) throw conflict('notice-sent', 'The candidate has already been told');
    const link = await createPortalLink(tx, ctx, { organizationId: actor.organizationId, applicationId });
    const first = candidate.name.split(' ')[0];
    await queueEmail(tx, ctx.jobs.deliverEmail, {
      organizationId: actor.organizationId,
      to: candidate.email,
      subject: `Your application for ${job.title} at ${organizationName}`,
      text: [
        `Dear ${first},`,
        '',
        `Thank you for your interest in the ${job.title} role at ${organizationName}. We have decided not to move forward with your application.`,
        '',
        `If you would like feedback, you can ask for it here: ${link.url}`,
        '',
        `Kind regards,\nThe ${organizationName} hiring team`,
      ].join('\n'),
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'application.notice-sent',
      subjectType: 'application',
      subjectId: applicationId,
      applicationId,
    });
  });
  ctx.jobs.poke();
}
