import { sql } from 'drizzle-orm';
import { candidateAccounts } from '../../db/schema';
import type { AppContext, SignInClient } from '../context';
import { queueResetRequest, recordPasswordReset, reserveResetRequest, sendQuietly } from '../password-resets';

/**
 * A candidate forgot their password. The request is only counted and queued here, the same for every address (see
 * requestPasswordReset); the job (sendCandidateResetLink) emails a link if the address has an account.
 */
export async function requestCandidatePasswordReset(
  ctx: AppContext,
  who: SignInClient,
  input: { email: string },
) {
  await reserveResetRequest(ctx, 'candidate', input.email, who);
  return queueResetRequest(ctx, 'candidate', input.email);
}

/** Records a link for the account with this address, if there is one, and queues its message. */
export function sendCandidateResetLink(ctx: AppContext, email: string) {
  return sendQuietly(ctx, () =>
    ctx.db.transaction(async (tx) => {
      const [account] = await tx
        .select()
        .from(candidateAccounts)
        .where(sql`lower(${candidateAccounts.email}) = lower(${email})`);
      if (!account) return;
      await recordPasswordReset(
        tx,
        ctx,
        { kind: 'candidate', accountId: account.id },
        { to: account.email, name: account.name, path: '/me/reset-password', signInPath: '/me/signin' },
      );
    }),
  );
}
