import { and, isNotNull, isNull, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { AppContext, SignInClient } from '../context';
import { RESET_REQUESTED, recordPasswordReset, reserveResetRequest, sendQuietly } from '../password-resets';

/**
 * A team member forgot their password: emails the address a link to choose a new one, if it belongs to an active
 * member who has a password. The answer is the same either way (see password-resets.ts).
 */
export async function requestPasswordReset(ctx: AppContext, who: SignInClient, input: { email: string }) {
  await reserveResetRequest(ctx, 'staff', input.email, who);
  await sendQuietly(ctx, () =>
    ctx.db.transaction(async (tx) => {
      const [user] = await tx
        .select()
        .from(users)
        .where(
          and(
            sql`lower(${users.email}) = lower(${input.email})`,
            isNotNull(users.passwordHash),
            isNull(users.deactivatedAt),
          ),
        );
      if (!user) return;
      await recordPasswordReset(
        tx,
        ctx,
        { kind: 'staff', userId: user.id, organizationId: user.organizationId },
        { to: user.email, name: user.name, path: '/reset-password', signInPath: '/signin' },
      );
    }),
  );
  ctx.jobs.poke();
  return RESET_REQUESTED;
}
