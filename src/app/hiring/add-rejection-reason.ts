import { rejectionReasons } from '../../db/schema';
import { DEFAULT_REJECTION_REASONS, type RejectionReason } from '../../domain/rejection-reasons';
import { conflict } from '../../lib/errors';
import { recordAudit } from '../audit';
import { refuseRiskyText } from '../check-text';
import type { Actor, AppContext } from '../context';
import { loadOrganization } from '../load';

/** An organization extends the default list with a reason of its own; its label and sentence are checked like a draft. */
export async function addRejectionReason(ctx: AppContext, actor: Actor, input: RejectionReason) {
  return ctx.db.transaction(async (tx) => {
    if (DEFAULT_REJECTION_REASONS.some((r) => r.code === input.code))
      throw conflict('reason-exists', `"${input.code}" is a default reason`);
    const org = await loadOrganization(tx, actor.organizationId);
    refuseRiskyText(
      [
        ['body.label', input.label],
        ['body.candidateText', input.candidateText],
      ],
      org.jurisdictions,
    );
    const [row] = await tx
      .insert(rejectionReasons)
      .values({ organizationId: actor.organizationId, ...input })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('reason-exists', `Your organization already has the reason "${input.code}"`);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'rejection-reason.added',
      subjectType: 'rejection-reason',
      subjectId: row.id,
      data: { code: input.code },
    });
    return row;
  });
}
