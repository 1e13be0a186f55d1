import { renderSVG } from 'uqr';
import { totpFactors } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { Actor, AppContext } from '../context';
import { loadUser } from '../load';
import { confirmedFactor, loadChallenge, newTotpSecret, totpContext, totpFor } from './two-factor';

/** Who sets up two-factor sign-in: a signed-in member, or one holding the challenge their organization requires. */
export type Enroller = { actor: Actor } | { challenge: string };

/** The member behind either way in. Enrolment needs a person in a session, never an API token. */
export async function enrollerUser(ctx: AppContext, who: Enroller) {
  if ('actor' in who) {
    if (who.actor.type !== 'user')
      throw new AppError(403, 'session-required', 'Set up two-factor sign-in from a signed-in session');
    return loadUser(ctx.db, who.actor.organizationId, who.actor.userId);
  }
  return (await ctx.db.transaction((tx) => loadChallenge(tx, who.challenge, 'enrol'))).user;
}

/**
 * Starts setting up an authenticator app: a new secret, sealed and kept as pending (replacing any earlier pending
 * one), shown once as an otpauth:// URI, a QR code and the text to type. Nothing changes for sign-in until the
 * first code confirms it.
 */
export async function startTotpEnrolment(ctx: AppContext, who: Enroller) {
  const user = await enrollerUser(ctx, who);
  if (await confirmedFactor(ctx.db, user.id))
    throw new AppError(
      409,
      'two-factor-on',
      'Two-factor sign-in is already on; turn it off first to change it',
    );
  const secret = newTotpSecret();
  const sealed = ctx.secrets.seal(secret, totpContext(user.id));
  await ctx.db
    .insert(totpFactors)
    .values({ userId: user.id, organizationId: user.organizationId, secret: sealed })
    .onConflictDoUpdate({
      target: totpFactors.userId,
      set: { secret: sealed, confirmedAt: null, lastStep: null },
    });
  const uri = totpFor(secret, user.email).toString();
  const svg = renderSVG(uri, { border: 2 });
  return {
    secret,
    uri,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  };
}
