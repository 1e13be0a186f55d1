import { and, eq, ne } from 'drizzle-orm';
import { candidateAccounts, candidateTokens } from '../../db/schema';
import { hashPassword, sha256, verifyPassword } from '../../lib/crypto';
import type { AppContext, CandidateActor } from '../context';
import { queuePasswordChangedNotice, reservePasswordChange, wrongCurrentPassword } from '../password-resets';
import { clearAttempts } from '../rate-limit';

/**
 * A signed-in candidate changes their password, giving the current one. Every other session of the account ends;
 * the one that made the change (`keep`, its token) stays signed in.
 */
export async function changeCandidatePassword(
  ctx: AppContext,
  who: CandidateActor,
  input: { currentPassword: string; newPassword: string; keep?: string },
) {
  const bucket = `candidate:${who.accountId}`;
  await reservePasswordChange(ctx, bucket);
  const [account] = await ctx.db
    .select()
    .from(candidateAccounts)
    .where(eq(candidateAccounts.id, who.accountId));
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword)))
    throw wrongCurrentPassword();
  await clearAttempts(ctx.db, `password-change:${bucket}`);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(candidateAccounts).set({ passwordHash }).where(eq(candidateAccounts.id, account.id));
    await tx
      .delete(candidateTokens)
      .where(
        and(
          eq(candidateTokens.accountId, account.id),
          eq(candidateTokens.kind, 'session'),
          ...(input.keep ? [ne(candidateTokens.tokenHash, sha256(input.keep))] : []),
        ),
      );
    await queuePasswordChangedNotice(tx, ctx, { ...account, forgotPath: '/me/forgot-password' });
  });
  ctx.jobs.poke();
}
