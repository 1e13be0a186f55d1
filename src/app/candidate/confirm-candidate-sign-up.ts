import { and, eq, sql } from 'drizzle-orm';
import { candidateAccounts, candidateTokens } from '../../db/schema';
import type { Anonymous, AppContext } from '../context';
import { claimSignUpRequest } from '../sign-up-requests';
import { openCandidateSession } from './tokens';

/**
 * The emailed sign-up link, opened: it proves the address. A new address gets a confirmed account. An address that
 * already has one is taken by the link's holder with the password they chose: a confirmed account keeps its
 * applications and feedback and its other sessions end; an account never confirmed (someone else may have made it)
 * is replaced by a fresh one.
 */
export async function confirmCandidateSignUp(ctx: AppContext, _who: Anonymous, input: { token: string }) {
  return ctx.db.transaction(async (tx) => {
    const request = await claimSignUpRequest(tx, 'candidate', input.token);
    const [existing] = await tx
      .select()
      .from(candidateAccounts)
      .where(sql`lower(${candidateAccounts.email}) = lower(${request.email})`)
      .for('update');
    if (existing?.emailVerifiedAt) {
      await tx
        .update(candidateAccounts)
        .set({ passwordHash: request.passwordHash })
        .where(eq(candidateAccounts.id, existing.id));
      await tx
        .delete(candidateTokens)
        .where(and(eq(candidateTokens.accountId, existing.id), eq(candidateTokens.kind, 'session')));
      return { token: await openCandidateSession(tx, ctx, existing.id), created: false };
    }
    if (existing) await tx.delete(candidateAccounts).where(eq(candidateAccounts.id, existing.id));
    const [account] = await tx
      .insert(candidateAccounts)
      .values({
        name: request.name,
        email: request.email,
        passwordHash: request.passwordHash,
        emailVerifiedAt: new Date(),
      })
      .returning();
    return { token: await openCandidateSession(tx, ctx, account.id), created: true };
  });
}
