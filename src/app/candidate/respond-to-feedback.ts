import { eq } from 'drizzle-orm';
import { check, type Finding } from '../../checker';
import { feedbackResponses } from '../../db/schema';
import { queueWebhookEvent } from '../../integrations/webhooks/events';
import { AppError, conflict } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { AppContext, PortalVisitor } from '../context';
import { resolvePortalLink } from '../portal-links';
import { reserveAttempt } from '../rate-limit';

/** Changes to one feedback's response (rating, comment, thanks, question) an hour, through its link. */
export const PORTAL_WRITES_PER_HOUR = 20;

export interface ResponseInput {
  useful?: number;
  comment?: string | null;
  thanks?: boolean;
  question?: string | null;
  futureRoles?: boolean;
}

/**
 * The candidate rates the feedback, thanks the team, asks one follow-up question (checked in request mode; the
 * suggestions come back), or opts in to future roles. Each lands on the hiring team's timeline.
 */
export async function respondToFeedback(ctx: AppContext, who: PortalVisitor, input: ResponseInput) {
  const page = await resolvePortalLink(ctx.db, who.token);
  if (!page.feedback)
    throw new AppError(409, 'no-feedback', 'There is no feedback on this page to respond to yet');
  const fb = page.feedback;
  // Anyone holding the link can write here: a link gets a handful of changes an hour, enough for a person.
  const wait = await reserveAttempt(ctx.db, `portal:${fb.id}`, PORTAL_WRITES_PER_HOUR, 60);
  if (wait)
    throw new AppError(
      429,
      'too-many-responses',
      'You have changed your response many times; try again later',
      {
        retryAfterSeconds: wait,
      },
    );
  const questionFindings: Finding[] = input.question ? check(input.question, { mode: 'question' }) : [];
  const result = await ctx.db.transaction(async (tx) => {
    await tx
      .insert(feedbackResponses)
      .values({ organizationId: fb.organizationId, feedbackId: fb.id })
      .onConflictDoNothing();
    const [current] = await tx
      .select()
      .from(feedbackResponses)
      .where(eq(feedbackResponses.feedbackId, fb.id))
      .for('update');
    if (input.question && current.question)
      throw conflict('question-asked', 'You have already asked your follow-up question');
    const now = new Date();
    const [updated] = await tx
      .update(feedbackResponses)
      .set({
        ...(input.useful !== undefined ? { useful: input.useful } : {}),
        ...(input.comment !== undefined ? { comment: input.comment } : {}),
        ...(input.thanks && !current.thankedAt ? { thankedAt: now } : {}),
        ...(input.question ? { question: input.question, questionAskedAt: now } : {}),
        ...(input.futureRoles !== undefined ? { futureRoles: input.futureRoles } : {}),
        updatedAt: now,
      })
      .where(eq(feedbackResponses.id, current.id))
      .returning();
    const audit = (action: string, data: Record<string, unknown>) =>
      recordAudit(tx, {
        organizationId: fb.organizationId,
        actor: { type: 'candidate', name: page.candidate.name },
        action,
        subjectType: 'feedback',
        subjectId: fb.id,
        applicationId: fb.applicationId,
        data,
      });
    // The response is one record, updated in place; the trail records a change, not every repeat of it.
    const rated =
      updated.useful !== current.useful || (updated.comment ?? null) !== (current.comment ?? null);
    if (rated) await audit('candidate.rated', { useful: updated.useful, comment: updated.comment });
    if (input.thanks && !current.thankedAt) await audit('candidate.thanked', {});
    if (input.question)
      await audit('candidate.asked', { question: input.question, findings: questionFindings.length });
    if (input.futureRoles !== undefined && input.futureRoles !== current.futureRoles)
      await audit('candidate.future-roles', { optedIn: input.futureRoles });
    const changed =
      rated ||
      (input.thanks && !current.thankedAt) ||
      !!input.question ||
      (input.futureRoles !== undefined && input.futureRoles !== current.futureRoles);
    if (changed)
      await queueWebhookEvent(tx, {
        organizationId: fb.organizationId,
        event: 'response.received',
        data: {
          feedbackId: fb.id,
          applicationId: fb.applicationId,
          useful: updated.useful,
          comment: updated.comment,
          thanked: !!updated.thankedAt,
          question: updated.question,
          futureRoles: updated.futureRoles,
        },
      });
    return updated;
  });
  ctx.jobs.poke();
  return { response: result, questionFindings };
}
