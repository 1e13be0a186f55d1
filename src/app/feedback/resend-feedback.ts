import { and, eq, ne, sql } from 'drizzle-orm';
import { candidates, feedback } from '../../db/schema';
import { conflict } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { loadApplication, loadFeedback, loadOrganization } from '../load';
import { loadFeedbackEmail, loadFeedbackWithEmail } from './get-feedback';
import { queueFeedbackEmail } from './queue-feedback-email';

export interface ResendInput {
  feedbackId: string;
  /** A corrected address for the candidate, when the one on file was wrong. */
  to?: string;
}

/**
 * Sends a feedback whose email failed once more, now: a new email (with its own Message-ID and a fresh link to the
 * candidate's page) and its delivery job, in one transaction with the audit event. Only a failed feedback can be sent
 * again, under a lock on it, so two people pressing the button at once send one email. With a corrected address the
 * candidate's address changes first (audited; refused when another candidate of the organization has it).
 */
export async function resendFeedback(ctx: AppContext, actor: Actor, input: ResendInput) {
  const id = input.feedbackId;
  const result = await ctx.db.transaction(async (tx) => {
    const current = await loadFeedback(tx, actor.organizationId, id, { lock: true });
    if (current.status !== 'failed')
      throw conflict(
        'not-failed',
        current.status === 'draft'
          ? 'This feedback is a draft; approve it to send it'
          : `This feedback is ${current.status}; only feedback whose email failed can be sent again`,
      );
    const org = await loadOrganization(tx, actor.organizationId);
    const { job, application, candidate } = await loadApplication(
      tx,
      actor.organizationId,
      current.applicationId,
    );
    const failed = await loadFeedbackEmail(tx, actor.organizationId, current);

    const to = input.to?.trim();
    if (to && to.toLowerCase() !== candidate.email.toLowerCase()) {
      const [taken] = await tx
        .select({ id: candidates.id })
        .from(candidates)
        .where(
          and(
            eq(candidates.organizationId, actor.organizationId),
            sql`lower(${candidates.email}) = lower(${to})`,
            ne(candidates.id, candidate.id),
          ),
        );
      if (taken)
        throw conflict('email-taken', 'Another candidate in your organization has this address; check it');
      await tx.update(candidates).set({ email: to }).where(eq(candidates.id, candidate.id));
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actor,
        action: 'candidate.email-corrected',
        subjectType: 'candidate',
        subjectId: candidate.id,
        applicationId: application.id,
        data: { from: candidate.email, to, error: failed?.lastError ?? null },
      });
    }

    const [reopened] = await tx
      .update(feedback)
      .set({ status: 'approved', sendMode: 'now', sendAt: null, emailId: null, updatedAt: new Date() })
      .where(eq(feedback.id, id))
      .returning();
    const { emailId } = await queueFeedbackEmail(tx, ctx, {
      feedback: reopened,
      job,
      organization: org,
      candidateId: application.candidateId,
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'feedback.resent',
      subjectType: 'feedback',
      subjectId: id,
      applicationId: current.applicationId,
      data: {
        to: to || candidate.email,
        emailId,
        previousEmailId: failed?.id ?? null,
        previousError: failed?.lastError ?? null,
      },
    });
    return loadFeedbackWithEmail(tx, actor.organizationId, id);
  });
  ctx.jobs.poke();
  return result;
}
