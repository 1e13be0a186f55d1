import { eq } from 'drizzle-orm';
import { feedbackResponses } from '../../db/schema';
import { queueEmail } from '../../jobs/deliver-email';
import { AppError, conflict } from '../../lib/errors';
import { recordAudit } from '../audit';
import { blocking, checkFeedbackText } from '../check-text';
import type { Actor, AppContext } from '../context';
import { loadApplication, loadFeedback } from '../load';
import { createPortalLink } from '../portal-links';
import { feedbackSenderName } from './queue-feedback-email';

/**
 * The hiring team answers the one question a candidate asked on their page, once; the answer is checked and
 * emailed with a fresh link to the page.
 */
export async function answerQuestion(
  ctx: AppContext,
  actor: Actor,
  input: { feedbackId: string; answer: string },
) {
  const result = await ctx.db.transaction(async (tx) => {
    const fb = await loadFeedback(tx, actor.organizationId, input.feedbackId);
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
    // A letter like the feedback itself: a greeting, the question, the answer, and the person who wrote it; from the
    // hiring team through Debrief, a reply going to that person.
    const firstName = candidate.name.trim().split(/\s+/)[0] || 'there';
    await queueEmail(tx, ctx.jobs.deliverEmail, {
      organizationId: actor.organizationId,
      to: candidate.email,
      subject: `An answer to your question about ${job.title} at ${organizationName}`,
      text: [
        `Dear ${firstName},`,
        '',
        `You asked: ${response.question}`,
        '',
        input.answer.trim(),
        '',
        'Kind regards,',
        `${actor.name}, for the ${organizationName} hiring team`,
        '',
        '—',
        `Your feedback page: ${link.url}`,
      ].join('\n'),
      fromName: feedbackSenderName(organizationName),
      replyTo: actor.email,
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
