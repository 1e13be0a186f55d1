import { and, eq, sql } from 'drizzle-orm';
import { candidateAccounts, candidateTokens } from '../../db/schema';
import { sha256 } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import type { Anonymous, AppContext } from '../context';
import { openCandidateSession } from './tokens';

/** The emailed link confirms the address (once, before it expires) and signs the candidate in. */
export async function verifyCandidateEmail(ctx: AppContext, _who: Anonymous, input: { token: string }) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(candidateTokens)
      .where(
        and(eq(candidateTokens.tokenHash, sha256(input.token)), eq(candidateTokens.kind, 'verify-email')),
      )
      .for('update');
    if (!row || row.usedAt)
      throw new AppError(404, 'link-not-found', 'This confirmation link is not valid or was already used');
    if (row.expiresAt.getTime() <= Date.now())
      throw new AppError(410, 'link-expired', 'This confirmation link has expired; sign in to get a new one');
    await tx.update(candidateTokens).set({ usedAt: new Date() }).where(eq(candidateTokens.id, row.id));
    await tx
      .update(candidateAccounts)
      .set({ emailVerifiedAt: sql`coalesce(${candidateAccounts.emailVerifiedAt}, now())` })
      .where(eq(candidateAccounts.id, row.accountId));
    return { token: await openCandidateSession(tx, ctx, row.accountId) };
  });
}
