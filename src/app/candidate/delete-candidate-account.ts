import { eq } from 'drizzle-orm';
import { candidateAccounts } from '../../db/schema';
import { queueEmail } from '../../jobs/deliver-email';
import { verifyPassword } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';

/**
 * Deletes the candidate's account and everything in their workspace (tracker, rounds, reminders, logged feedback,
 * plan, sessions, reset links), after the password confirms it, and emails the address that it is done, in the same
 * transaction. Feedback that employers sent stays with those employers.
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
  await ctx.db.transaction(async (tx) => {
    await tx.delete(candidateAccounts).where(eq(candidateAccounts.id, who.accountId));
    const message = {
      organizationId: null,
      to: account.email,
      subject: 'Your Debrief account was deleted',
      text: [
        `Hello ${account.name.split(' ')[0]},`,
        '',
        'Your Debrief account and everything in your workspace (applications, rounds, reminders, logged feedback',
        'and your plan) were deleted, as you asked. Feedback employers sent you stays with those employers.',
        '',
        `If you want to use Debrief again, you can create a new account: ${ctx.config.publicUrl}/me/signup`,
      ].join('\n'),
    };
    // A deletion is never held back by the outbound limits: without room for the message, it goes ahead unsent.
    await tx
      .transaction((sp) => queueEmail(sp, ctx.jobs.deliverEmail, message))
      .catch((e: unknown) => {
        if (!(e instanceof AppError && e.code === 'email-limit')) throw e;
        ctx.logger.warn('account deletion message not sent: outbound email limit');
      });
  });
  ctx.jobs.poke();
}
