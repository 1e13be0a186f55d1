import { sql } from 'drizzle-orm';
import { candidateAccounts } from '../../db/schema';
import { hashPassword } from '../../lib/crypto';
import { conflict } from '../../lib/errors';
import type { Anonymous, AppContext } from '../context';
import { openCandidateSession, queueVerification } from './tokens';

export interface SignUpCandidateInput {
  name: string;
  email: string;
  password: string;
}

/**
 * A candidate's own account, signed in at once. Feedback sent to their address stays hidden until they confirm it by
 * the emailed link.
 */
export async function signUpCandidate(ctx: AppContext, _who: Anonymous, input: SignUpCandidateInput) {
  const passwordHash = await hashPassword(input.password);
  const signedUp = await ctx.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: candidateAccounts.id })
      .from(candidateAccounts)
      .where(sql`lower(${candidateAccounts.email}) = lower(${input.email})`);
    if (taken) throw conflict('email-taken', `A candidate account already uses ${input.email}`);
    const [account] = await tx
      .insert(candidateAccounts)
      .values({ name: input.name, email: input.email, passwordHash })
      .returning();
    await queueVerification(tx, ctx, account);
    const token = await openCandidateSession(tx, ctx, account.id);
    return { account: { id: account.id, name: account.name, email: account.email, verified: false }, token };
  });
  ctx.jobs.poke();
  return signedUp;
}
