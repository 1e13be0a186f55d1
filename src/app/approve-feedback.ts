import { eq } from 'drizzle-orm';
import { feedback } from '../db/schema';
import { roleMay } from '../domain/policy';
import { AppError, forbidden } from '../lib/errors';
import { recordAudit } from './audit';
import { blocking, checkFeedbackText } from './check-text';
import type { Actor, AppContext } from './context';
import { loadApplication, loadFeedback, loadOrganization } from './load';
import { queueFeedbackEmail } from './release-feedback';

export interface ApproveInput {
  /** 'now', 'when-filled' (held until the job is closed), or an ISO 8601 time. */
  send: string;
  override?: { justification: string };
}

/**
 * Approves a draft and schedules its one email. A blocking finding stops approval (409) unless an admin overrides it
 * with a written justification, which goes into the audit trail.
 */
export async function approveFeedback(ctx: AppContext, actor: Actor, id: string, input: ApproveInput) {
  const result = await ctx.db.transaction(async (tx) => {
    const current = await loadFeedback(tx, actor.organizationId, id, { lock: true });
    if (current.status !== 'draft')
      throw new AppError(409, 'already-approved', `This feedback is already ${current.status}`);
    const org = await loadOrganization(tx, actor.organizationId);
    const { job, application } = await loadApplication(tx, actor.organizationId, current.applicationId);

    // Check once more: the organization's jurisdictions may have changed since the last edit.
    const findings = checkFeedbackText(current.body, org.jurisdictions);
    const blockers = blocking(findings);
    if (blockers.length && !input.override) {
      throw new AppError(
        409,
        'blocking-findings',
        `${blockers.length} sentence(s) put the organization at legal risk; fix them or ask an admin to override`,
        {
          findings: blockers,
        },
      );
    }
    if (blockers.length && !roleMay(actor.role, 'feedback.override'))
      throw forbidden('Only an admin may override a blocking finding');

    let sendAt: Date | null = null;
    let mode: 'now' | 'at' | 'when-filled';
    if (input.send === 'now') mode = 'now';
    else if (input.send === 'when-filled') mode = job.status === 'open' ? 'when-filled' : 'now';
    else {
      sendAt = new Date(input.send);
      if (Number.isNaN(sendAt.getTime()))
        throw new AppError(400, 'invalid-request', 'body.send: "now", "when-filled" or an ISO 8601 time');
      if (sendAt.getTime() < Date.now() - 60_000)
        throw new AppError(400, 'invalid-request', 'body.send: that time has passed');
      mode = 'at';
    }
    const status = mode === 'now' ? 'approved' : 'scheduled';
    const [approved] = await tx
      .update(feedback)
      .set({
        status,
        findings,
        sendMode: mode,
        sendAt,
        approvedBy: actor.userId,
        approvedAt: new Date(),
        overrideJustification: blockers.length ? input.override!.justification : null,
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
    return loadFeedback(tx, actor.organizationId, id);
  });
  ctx.jobs.poke();
  return result;
}
