import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { check, type Finding } from '../checker';
import { feedback, feedbackRequests, feedbackResponses, portalLinks } from '../db/schema';
import { addWorkingDays } from '../domain/timing';
import { queueEmail } from '../jobs/deliver-email';
import { AppError, conflict } from '../lib/errors';
import { recordAudit } from './audit';
import { blocking, checkFeedbackText } from './check-text';
import type { Actor, AppContext } from './context';
import { loadApplication, loadFeedback } from './load';
import { createPortalLink, resolvePortalLink } from './portal-links';

/** The candidate's page behind an emailed link: no account; the token is the key to one application's page. */

const candidateActor = (name: string) => ({ type: 'candidate' as const, name });

export async function portalPage(ctx: AppContext, token: string) {
  const page = await resolvePortalLink(ctx.db, token);
  const [response] = page.feedback
    ? await ctx.db.select().from(feedbackResponses).where(eq(feedbackResponses.feedbackId, page.feedback.id))
    : [];
  const [request] = await ctx.db
    .select()
    .from(feedbackRequests)
    .where(eq(feedbackRequests.applicationId, page.application.id));
  return { ...page, response: response ?? null, request: request ?? null };
}

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
export async function respondToFeedback(ctx: AppContext, token: string, input: ResponseInput) {
  const page = await resolvePortalLink(ctx.db, token);
  if (!page.feedback)
    throw new AppError(409, 'no-feedback', 'There is no feedback on this page to respond to yet');
  const fb = page.feedback;
  const questionFindings: Finding[] = input.question ? check(input.question, { mode: 'request' }) : [];
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
        actor: candidateActor(page.candidate.name),
        action,
        subjectType: 'feedback',
        subjectId: fb.id,
        applicationId: fb.applicationId,
        data,
      });
    if (input.useful !== undefined || input.comment)
      await audit('candidate.rated', { useful: updated.useful, comment: updated.comment });
    if (input.thanks && !current.thankedAt) await audit('candidate.thanked', {});
    if (input.question)
      await audit('candidate.asked', { question: input.question, findings: questionFindings.length });
    if (input.futureRoles !== undefined)
      await audit('candidate.future-roles', { optedIn: input.futureRoles });
    return updated;
  });
  return { response: result, questionFindings };
}

/** Rejected through Debrief with no feedback sent: the candidate asks for it; it waits with a deadline. */
export async function requestFeedback(ctx: AppContext, token: string, input: { message?: string | null }) {
  const page = await resolvePortalLink(ctx.db, token);
  if (page.feedback) throw conflict('feedback-sent', 'Feedback has already been sent for this application');
  if (page.application.status !== 'rejected')
    throw conflict('not-rejected', 'This application is still open');
  const dueAt = addWorkingDays(new Date(), ctx.config.REQUEST_DEADLINE_DAYS);
  return ctx.db.transaction(async (tx) => {
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
      actor: candidateActor(page.candidate.name),
      action: 'candidate.requested-feedback',
      subjectType: 'feedback-request',
      subjectId: row.id,
      applicationId: page.application.id,
      data: { message: input.message ?? null, dueAt: dueAt.toISOString() },
    });
    return row;
  });
}

/**
 * An expired link offers a fresh one, sent to the address the employer has on file (never to one given here).
 * At most one fresh link per application every ten minutes.
 */
export async function renewPortalLink(ctx: AppContext, token: string) {
  const page = await resolvePortalLink(ctx.db, token, { allowExpired: true });
  await ctx.db.transaction(async (tx) => {
    const [recent] = await tx
      .select({ id: portalLinks.id })
      .from(portalLinks)
      .where(
        and(
          eq(portalLinks.applicationId, page.application.id),
          gt(portalLinks.createdAt, new Date(Date.now() - 10 * 60_000)),
        ),
      );
    if (recent) return;
    const link = await createPortalLink(tx, ctx, {
      organizationId: page.organization.id,
      applicationId: page.application.id,
    });
    await queueEmail(tx, ctx.jobs.deliverEmail, {
      organizationId: page.organization.id,
      to: page.candidate.email,
      subject: `Your link for ${page.job.title} at ${page.organization.name}`,
      text: [
        `Hello ${page.candidate.name.split(' ')[0]},`,
        '',
        'Here is a fresh link to your page:',
        '',
        link.url,
        '',
        `It works until ${link.expiresAt.toUTCString().slice(0, 16)}.`,
      ].join('\n'),
    });
    await recordAudit(tx, {
      organizationId: page.organization.id,
      actor: candidateActor(page.candidate.name),
      action: 'candidate.renewed-link',
      subjectType: 'application',
      subjectId: page.application.id,
      applicationId: page.application.id,
    });
  });
  ctx.jobs.poke();
}

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
