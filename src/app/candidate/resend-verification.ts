import { conflict } from '../../lib/errors';
import type { AppContext, CandidateActor } from '../context';
import { queueVerification } from './tokens';

/** A new link to confirm the address, for a candidate who has not confirmed it yet. */
export async function resendVerification(ctx: AppContext, who: CandidateActor) {
  if (who.verified) throw conflict('already-verified', 'This address is already confirmed');
  await ctx.db.transaction((tx) =>
    queueVerification(tx, ctx, { id: who.accountId, name: who.name, email: who.email }),
  );
  ctx.jobs.poke();
}
