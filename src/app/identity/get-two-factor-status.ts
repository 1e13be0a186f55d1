import { and, count, eq, isNull } from 'drizzle-orm';
import { recoveryCodes } from '../../db/schema';
import type { Actor, AppContext } from '../context';
import { loadOrganization } from '../load';
import { confirmedFactor } from './two-factor';

/** Whether the member signs in with a second factor, how many recovery codes are left, and whether it is required. */
export async function getTwoFactorStatus(ctx: AppContext, actor: Actor) {
  const factor = await confirmedFactor(ctx.db, actor.userId);
  const [left] = await ctx.db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, actor.userId), isNull(recoveryCodes.usedAt)));
  const organization = await loadOrganization(ctx.db, actor.organizationId);
  return {
    enabled: !!factor,
    enabledAt: factor?.confirmedAt ?? null,
    recoveryCodesLeft: factor ? Number(left?.n ?? 0) : 0,
    required: !!organization?.requireTwoFactor,
  };
}
