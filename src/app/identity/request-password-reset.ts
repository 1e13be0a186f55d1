import { and, isNotNull, isNull, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { AppContext, SignInClient } from '../context';
import { queueResetRequest, recordPasswordReset, reserveResetRequest, sendQuietly } from '../password-resets';

/**
 * A team member forgot their password. The request is only counted and queued here, the same for every address, so
 * neither the answer nor its timing says whether the address has an account; the job (sendStaffResetLink) then
 * emails a link if it belongs to an active member who has a password.
 */
export async function requestPasswordReset(ctx: AppContext, who: SignInClient, input: { email: string }) {
  await reserveResetRequest(ctx, 'staff', input.email, who);
  return queueResetRequest(ctx, 'staff', input.email);
}

/** Records a link for the member with this address, if there is one, and queues its message. */
export function sendStaffResetLink(ctx: AppContext, email: string) {
  return sendQuietly(ctx, () =>
    ctx.db.transaction(async (tx) => {
      const [user] = await tx
        .select()
        .from(users)
        .where(
          and(
            sql`lower(${users.email}) = lower(${email})`,
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
}
