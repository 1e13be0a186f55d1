import { sql } from 'drizzle-orm';
import { candidateAccounts } from '../../db/schema';
import type { AppContext, SignInClient } from '../context';
import { checkCredentials } from '../credentials';
import { openCandidateSession } from './tokens';

/** Checks a candidate's email and password (see checkCredentials) and opens a session. */
export async function signInCandidate(
  ctx: AppContext,
  who: SignInClient,
  input: { email: string; password: string },
) {
  const account = await checkCredentials(
    ctx,
    `candidate:${input.email.toLowerCase()}`,
    async () =>
      (
        await ctx.db
          .select()
          .from(candidateAccounts)
          .where(sql`lower(${candidateAccounts.email}) = lower(${input.email})`)
      )[0],
    input.password,
    who,
  );
  return { token: await openCandidateSession(ctx.db, ctx, account.id) };
}
