import { eq } from 'drizzle-orm';
import { candidateAccounts } from '../../db/schema';
import { verifyPassword } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';

/**
 * Deletes the candidate's account and everything in their workspace (tracker, rounds, reminders, logged feedback,
 * plan, sessions), after the password confirms it. Feedback that employers sent stays with those employers.
 */
export async function deleteCandidateAccount(
  ctx: AppContext,
  who: CandidateActor,
  input: { password: string },
) {
  const [account] = await ctx.db
    .select()
    .from(candidateAccounts)
    .where(eq(candidateAccounts.id, who.accountId));
  if (!account || !(await verifyPassword(account.passwordHash, input.password))) {
    throw new AppError(403, 'wrong-password', 'The password is not right; the account was not deleted');
  }
  await ctx.db.delete(candidateAccounts).where(eq(candidateAccounts.id, who.accountId));
}
