import { and, eq } from 'drizzle-orm';
import { candidateTokens } from '../../db/schema';
import { sha256 } from '../../lib/crypto';
import type { AppContext, CandidateActor } from '../context';

/** Ends the sessions the request carried (its Bearer token and its cookie, when both are sent). */
export async function signOutCandidate(ctx: AppContext, _who: CandidateActor, input: { tokens: string[] }) {
  for (const token of input.tokens) {
    await ctx.db
      .delete(candidateTokens)
      .where(and(eq(candidateTokens.tokenHash, sha256(token)), eq(candidateTokens.kind, 'session')));
  }
}
