import { eq } from 'drizzle-orm';
import { feedback } from '../../db/schema';
import { normalizeVoice, signForReviewer } from '../../domain/compose/voice';
import { roleMay } from '../../domain/policy';
import { queueWebhookEvent } from '../../integrations/webhooks/events';
import { AppError, forbidden } from '../../lib/errors';
import { recordAudit } from '../audit';
import { blocking, checkFeedbackText } from '../check-text';
import type { Actor, AppContext } from '../context';
import { loadApplication, loadFeedback, loadOrganization } from '../load';
import { loadFeedbackWithEmail } from './get-feedback';
import { queueFeedbackEmail } from './queue-feedback-email';

/** When an approved feedback is sent: at once, at a time, or when its job is closed (held until then). */
export type SendWhen = { mode: 'now' } | { mode: 'at'; at: Date } | { mode: 'when-filled' };

export interface ApproveInput {
  feedbackId: string;
  send: SendWhen;
  override?: { justification: string };
  /**
   * Approve only when the checker finds nothing at all in the text, warnings included (409 has-findings otherwise):
   * how "approve every draft without findings" approves each one.
   */
  onlyWithoutFindings?: boolean;
}

/**
 * Approves a draft (or a feedback whose email failed) and schedules its one email. A blocking finding stops approval (409) unless an admin overrides it
 * with a written justification, which goes into the audit trail.
 */
export async function approveFeedback(ctx: AppContext, actor: Actor, input: ApproveInput) {
  const id = input.feedbackId;
  const result = await ctx.db.transaction(async (tx) => {
    const current = await loadFeedback(tx, actor.organizationId, id, { lock: true });
    // A feedback whose email failed may be approved again: a new email goes out (see also resendFeedback).
    if (current.status !== 'draft' && current.status !== 'failed')
      throw new AppError(409, 'already-approved', `This feedback is already ${current.status}`);
    const org = await loadOrganization(tx, actor.organizationId);
    const { job, application } = await loadApplication(tx, actor.organizationId, current.applicationId);

    // An organization that signs with its reviewer's name: the letter takes the approver's.
    const body = signForReviewer(current.body, normalizeVoice(org.feedbackVoice), org.name, actor.name);
    // Check once more: the organization's jurisdictions may have changed since the last edit.
    const findings = checkFeedbackText(body, org.jurisdictions);
    const blockers = blocking(findings);
    if (input.onlyWithoutFindings && findings.length)
      throw new AppError(
        409,
        'has-findings',
        `The checker found ${findings.length === 1 ? 'something' : `${findings.length} things`} to look at; a person reviews this draft`,
      );
    if (blockers.length && !input.override) {
      throw new AppError(
        409,
        'blocking-findings',
        `${blockers.length === 1 ? 'One sentence puts' : `${blockers.length} sentences put`} the organization at legal risk; fix ${blockers.length === 1 ? 'it' : 'them'} or ask an admin to override`,
        {
          findings: blockers,
        },
      );
    }
    if (blockers.length && !roleMay(actor.role, 'feedback.override'))
      throw forbidden('Only an admin may override a blocking finding');

    let sendAt: Date | null = null;
    let mode: 'now' | 'at' | 'when-filled';
    if (input.send.mode === 'at') {
      if (input.send.at.getTime() < Date.now() - 60_000)
        throw new AppError(400, 'invalid-request', 'body.send: that time has passed');
      sendAt = input.send.at;
      mode = 'at';
    } else if (input.send.mode === 'when-filled') {
      // A job already closed releases at once.
      mode = job.status === 'open' ? 'when-filled' : 'now';
    } else mode = 'now';
    const status = mode === 'now' ? 'approved' : 'scheduled';
    const [approved] = await tx
      .update(feedback)
      .set({
        status,
        findings,
        // Only the sign-off can have changed, at the end: sentences before it keep their places.
        ...(body === current.body
          ? {}
          : { body, sentences: current.sentences.filter((x) => x.end <= body.lastIndexOf('\n\n')) }),
        sendMode: mode,
        sendAt,
        approvedBy: actor.userId,
        approvedAt: new Date(),
        overrideJustification: blockers.length ? input.override!.justification : null,
        // A failed email is history (the audit trail keeps it); the new one is set when it is queued.
        emailId: null,
        updatedAt: new Date(),
      })
      .where(eq(feedback.id, id))
      .returning();
    if (mode !== 'when-filled') {
      await queueFeedbackEmail(tx, ctx, {
        feedback: approved,
        job,
        organization: org,
        candidateId: application.candidateId,
        runAt: sendAt ?? undefined,
      });
    }
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: blockers.length ? 'feedback.approved-with-override' : 'feedback.approved',
      subjectType: 'feedback',
      subjectId: id,
      applicationId: current.applicationId,
      data: {
        send: mode,
        sendAt: sendAt?.toISOString() ?? null,
        body: current.body,
        ...(blockers.length
          ? {
              justification: input.override!.justification,
              overridden: blockers.map((f) => ({ ruleId: f.ruleId, text: f.text })),
            }
          : {}),
      },
    });
    await queueWebhookEvent(tx, {
      organizationId: actor.organizationId,
      event: 'feedback.approved',
      data: {
        feedbackId: id,
        applicationId: current.applicationId,
        jobId: job.id,
        send: mode,
        sendAt: sendAt?.toISOString() ?? null,
      },
    });
    return loadFeedbackWithEmail(tx, actor.organizationId, id);
  });
  ctx.jobs.poke();
  return result;
}
