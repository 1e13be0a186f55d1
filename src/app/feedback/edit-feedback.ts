import { eq } from 'drizzle-orm';
import { feedback } from '../../db/schema';
import { relinkEvidence } from '../../domain/relink-evidence';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { checkFeedbackText } from '../check-text';
import type { Actor, AppContext } from '../context';
import { loadFeedback, loadOrganization } from '../load';
import { loadFeedbackEmail } from './get-feedback';

/**
 * A reviewer edits a draft. Every edit is checked again; sentences that survive keep their evidence. A feedback whose
 * email failed can be edited too: it goes back to being a draft, to be approved again (its approval was for the text
 * as it was).
 */
export async function editFeedback(
  ctx: AppContext,
  actor: Actor,
  input: { feedbackId: string; body: string },
) {
  const id = input.feedbackId;
  return ctx.db.transaction(async (tx) => {
    const current = await loadFeedback(tx, actor.organizationId, id, { lock: true });
    if (current.status !== 'draft' && current.status !== 'failed') {
      throw new AppError(
        409,
        'feedback-locked',
        `This feedback is ${current.status}; only a draft, or feedback whose email failed, can be edited`,
      );
    }
    const reopened = current.status === 'failed';
    const org = await loadOrganization(tx, actor.organizationId);
    const findings = checkFeedbackText(input.body, org.jurisdictions);
    const sentences = relinkEvidence(input.body, current.sentences);
    const [updated] = await tx
      .update(feedback)
      .set({
        body: input.body,
        findings,
        sentences,
        updatedAt: new Date(),
        ...(reopened
          ? {
              status: 'draft' as const,
              sendMode: null,
              sendAt: null,
              approvedBy: null,
              approvedAt: null,
              overrideJustification: null,
              emailId: null,
            }
          : {}),
      })
      .where(eq(feedback.id, id))
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'feedback.edited',
      subjectType: 'feedback',
      subjectId: id,
      applicationId: current.applicationId,
      data: {
        before: current.body,
        after: input.body,
        findings: findings.length,
        ...(reopened ? { reopened: true } : {}),
      },
    });
    return { feedback: updated, email: await loadFeedbackEmail(tx, actor.organizationId, updated) };
  });
}
