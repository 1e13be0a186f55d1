import { and, eq, sql } from 'drizzle-orm';
import { candidateAccounts, candidateTokens } from '../../db/schema';
import { hashPassword } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import type { Anonymous, AppContext } from '../context';
import { claimPasswordReset, findPasswordReset, queuePasswordChangedNotice } from '../password-resets';
import { openCandidateSession } from './tokens';

/** Whether a candidate's reset link can still be used (404 used or unknown, 410 expired); changes nothing. */
export async function checkCandidatePasswordReset(
  ctx: AppContext,
  _who: Anonymous,
  input: { token: string },
) {
  const row = await findPasswordReset(ctx.db, 'candidate', input.token);
  return { expiresAt: row.expiresAt };
}

/**
 * Sets a candidate's new password through the emailed link: the link is used up, every session of the account ends,
 * and a new one is opened here. The link reached the address, so the address counts as confirmed from now on.
 */
export async function resetCandidatePassword(
  ctx: AppContext,
  _who: Anonymous,
  input: { token: string; password: string },
) {
  const passwordHash = await hashPassword(input.password);
  const result = await ctx.db.transaction(async (tx) => {
    const link = await claimPasswordReset(tx, 'candidate', input.token);
    const [account] = await tx
      .update(candidateAccounts)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${candidateAccounts.emailVerifiedAt}, now())` })
      .where(eq(candidateAccounts.id, link.accountId!))
      .returning({
        id: candidateAccounts.id,
        email: candidateAccounts.email,
        name: candidateAccounts.name,
      });
    if (!account)
      throw new AppError(404, 'link-not-found', 'This password reset link is not valid; ask for a new one');
    await tx
      .delete(candidateTokens)
      .where(and(eq(candidateTokens.accountId, account.id), eq(candidateTokens.kind, 'session')));
    await queuePasswordChangedNotice(tx, ctx, { ...account, forgotPath: '/me/forgot-password' });
    return { token: await openCandidateSession(tx, ctx, account.id) };
  });
  ctx.jobs.poke();
  return result;
}
