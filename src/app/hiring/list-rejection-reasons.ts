import { eq } from 'drizzle-orm';
import { rejectionReasons } from '../../db/schema';
import { DEFAULT_REJECTION_REASONS, type RejectionReason } from '../../domain/rejection-reasons';
import type { Actor, AppContext } from '../context';

/** The default reasons followed by the organization's own. */
export async function listRejectionReasons(ctx: AppContext, actor: Actor): Promise<RejectionReason[]> {
  const own = await ctx.db
    .select()
    .from(rejectionReasons)
    .where(eq(rejectionReasons.organizationId, actor.organizationId));
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
