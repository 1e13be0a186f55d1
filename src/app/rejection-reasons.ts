import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { rejectionReasons } from '../db/schema';
import { DEFAULT_REJECTION_REASONS, type RejectionReason } from '../domain/rejection-reasons';
import { AppError, conflict } from '../lib/errors';
import { recordAudit } from './audit';
import type { Actor, AppContext } from './context';

/** The default reasons followed by the organization's own. */
export async function listRejectionReasons(tx: Executor, organizationId: string): Promise<RejectionReason[]> {
  const own = await tx
    .select()
    .from(rejectionReasons)
    .where(eq(rejectionReasons.organizationId, organizationId));
  return [
    ...DEFAULT_REJECTION_REASONS,
    ...own.map(({ code, label, beyondControl, candidateText, description }) => ({
      code,
      label,
      beyondControl,
      candidateText,
      description,
    })),
  ];
}

export async function resolveRejectionReason(
  tx: Executor,
  organizationId: string,
  code: string,
): Promise<RejectionReason> {
  const builtIn = DEFAULT_REJECTION_REASONS.find((r) => r.code === code);
  if (builtIn) return builtIn;
  const [own] = await tx
    .select()
    .from(rejectionReasons)
    .where(and(eq(rejectionReasons.organizationId, organizationId), eq(rejectionReasons.code, code)));
  if (!own)
    throw new AppError(
      400,
      'invalid-request',
      `body.reason: "${code}" is not one of your organization's rejection reasons`,
    );
  return own;
}

/** An organization extends the default list with a reason of its own. */
export async function addRejectionReason(ctx: AppContext, actor: Actor, input: RejectionReason) {
  return ctx.db.transaction(async (tx) => {
    if (DEFAULT_REJECTION_REASONS.some((r) => r.code === input.code))
      throw conflict('reason-exists', `"${input.code}" is a default reason`);
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
