import { sql } from 'drizzle-orm';
import { candidateAccounts } from '../../db/schema';
import type { AppContext, SignInClient } from '../context';
import { RESET_REQUESTED, recordPasswordReset, reserveResetRequest, sendQuietly } from '../password-resets';

/**
 * A candidate forgot their password: emails the address a link to choose a new one, if it has an account. The
 * answer is the same either way (see password-resets.ts).
 */
export async function requestCandidatePasswordReset(
  ctx: AppContext,
  who: SignInClient,
  input: { email: string },
) {
  await reserveResetRequest(ctx, 'candidate', input.email, who);
  await sendQuietly(ctx, () =>
    ctx.db.transaction(async (tx) => {
      const [account] = await tx
        .select()
        .from(candidateAccounts)
        .where(sql`lower(${candidateAccounts.email}) = lower(${input.email})`);
      if (!account) return;
      await recordPasswordReset(
        tx,
        ctx,
        { kind: 'candidate', accountId: account.id },
        { to: account.email, name: account.name, path: '/me/reset-password', signInPath: '/me/signin' },
      );
    }),
  );
  ctx.jobs.poke();
  return RESET_REQUESTED;
}
