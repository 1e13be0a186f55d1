import { eq } from 'drizzle-orm';
import { applications } from '../../db/schema';
import { STAGE_LABELS, stageMoveRefusal } from '../../domain/pipeline';
import type { ApplicationStage } from '../../domain/vocabulary';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { loadApplicationFor } from '../load';

export interface MoveApplicationInput {
  applicationId: string;
  stage: ApplicationStage;
  /** Reopens a withdrawn application; without it a withdrawn application stays where it is. */
  reopen?: boolean;
}

/**
 * Moves an application along the pipeline by hand: to an interview stage, an offer, a hire, or withdrawn (the moves
 * `stageMoveRefusal` allows; rejecting goes through the rejection). The move and its audit event commit together.
 */
export async function moveApplication(ctx: AppContext, actor: Actor, input: MoveApplicationInput) {
  return ctx.db.transaction(async (tx) => {
    const { application } = await loadApplicationFor(tx, actor, input.applicationId, { lock: true });
    const from = application.stage;
    const refusal = stageMoveRefusal(from, input.stage, { reopen: input.reopen });
    if (refusal) throw new AppError(refusal.status, refusal.code, refusal.message);
    const [moved] = await tx
      .update(applications)
      .set({ stage: input.stage })
      .where(eq(applications.id, application.id))
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: from === 'withdrawn' ? 'application.reopened' : 'application.moved',
      subjectType: 'application',
      subjectId: application.id,
      applicationId: application.id,
      data: { from, to: input.stage, summary: `${STAGE_LABELS[from]} → ${STAGE_LABELS[input.stage]}` },
    });
    return moved;
  });
}
