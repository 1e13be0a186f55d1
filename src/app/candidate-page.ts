import { and, desc, eq, isNull } from 'drizzle-orm';
import { feedback, feedbackRequests, feedbackResponses, portalLinks } from '../db/schema';
import { queueEmail } from '../jobs/deliver-email';
import { AppError, conflict } from '../lib/errors';
import { recordAudit } from './audit';
import { blocking, checkFeedbackText } from './check-text';
import type { Actor, AppContext } from './context';
import { loadApplication, loadFeedback } from './load';
import { createPortalLink } from './portal-links';

/** The hiring team's side of the candidate page. What the candidate does there is in src/app/candidate/. */

/** The hiring team answers the candidate's one question, once; the answer is checked and emailed. */
export async function answerQuestion(
  ctx: AppContext,
  actor: Actor,
  feedbackId: string,
  input: { answer: string },
) {
  const result = await ctx.db.transaction(async (tx) => {
    const fb = await loadFeedback(tx, actor.organizationId, feedbackId);
    const [response] = await tx
      .select()
      .from(feedbackResponses)
      .where(eq(feedbackResponses.feedbackId, fb.id))
      .for('update');
    if (!response?.question) throw conflict('no-question', 'The candidate has not asked a question');
    if (response.answeredAt) throw conflict('already-answered', 'The question has already been answered');
    const { candidate, job, organizationName, organizationJurisdictions } = await loadApplication(
      tx,
      actor.organizationId,
      fb.applicationId,
    );
    const findings = checkFeedbackText(input.answer, organizationJurisdictions);
    const blockers = blocking(findings);
    if (blockers.length) {
      throw new AppError(
        409,
        'blocking-findings',
        'The answer puts the organization at legal risk; rewrite the flagged words',
        { findings: blockers },
      );
    }
    const link = await createPortalLink(tx, ctx, {
      organizationId: actor.organizationId,
      applicationId: fb.applicationId,
    });
    await queueEmail(tx, ctx.jobs.deliverEmail, {
      organizationId: actor.organizationId,
      to: candidate.email,
      subject: `An answer to your question about ${job.title} at ${organizationName}`,
      text: [`You asked: ${response.question}`, '', input.answer.trim(), '', `Your page: ${link.url}`].join(
        '\n',
      ),
    });
    const [updated] = await tx
      .update(feedbackResponses)
      .set({ answer: input.answer, answeredAt: new Date(), answeredBy: actor.userId, updatedAt: new Date() })
      .where(eq(feedbackResponses.id, response.id))
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'feedback.question-answered',
      subjectType: 'feedback',
      subjectId: fb.id,
      applicationId: fb.applicationId,
      data: { question: response.question, answer: input.answer },
    });
    return updated;
  });
  ctx.jobs.poke();
  return result;
}

/** Tells a rejected candidate the outcome without feedback, with a link where they may ask for it. */
export async function sendRejectionNotice(ctx: AppContext, actor: Actor, applicationId: string) {
  await ctx.db.transaction(async (tx) => {
    const { application, candidate, job, organizationName } = await loadApplication(
      tx,
      actor.organizationId,
      applicationId,
    );
    if (application.status !== 'rejected') throw conflict('not-rejected', 'Reject the application first');
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

export function openRequestsWhere(organizationId: string) {
  return and(
    eq(feedbackRequests.organizationId, organizationId),
    eq(feedbackRequests.status, 'open'),
    isNull(feedbackRequests.closedAt),
  );
}
