import { and, eq, isNull, sql } from 'drizzle-orm';
import { totpFactors } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { type AppContext, actorOf } from '../context';
import { loadOrganization } from '../load';
import { clearAttempts } from '../rate-limit';
import { openSession } from './sessions';
import { type Enroller, enrollerUser } from './start-totp-enrolment';
import {
  acceptCode,
  finishChallenge,
  loadChallenge,
  replaceRecoveryCodes,
  reserveCodeAttempt,
  signedInEvent,
} from './two-factor';

/**
 * Confirms the pending authenticator app with its first code: two-factor sign-in is on from now, and ten recovery
 * codes are made (shown once). Through the challenge of a required enrolment, it also finishes signing in.
 */
export async function confirmTotpEnrolment(ctx: AppContext, who: Enroller, input: { code: string }) {
  const member = await enrollerUser(ctx, who);
  await reserveCodeAttempt(ctx, member.id);
  const done = await ctx.db.transaction(async (tx) => {
    const viaChallenge = 'challenge' in who ? await loadChallenge(tx, who.challenge, 'enrol') : undefined;
    const user = viaChallenge?.user ?? member;
    const [factor] = await tx
      .select()
      .from(totpFactors)
      .where(and(eq(totpFactors.userId, user.id), isNull(totpFactors.confirmedAt)))
      .for('update');
    if (!factor) throw new AppError(409, 'no-enrolment', 'Start setting up two-factor sign-in first');
    if (!(await acceptCode(ctx, tx, factor, user.email, input.code))) return undefined;
    await tx.update(totpFactors).set({ confirmedAt: sql`now()` }).where(eq(totpFactors.userId, user.id));
    const codes = await replaceRecoveryCodes(tx, user);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: 'actor' in who ? who.actor : actorOf(user),
      action: 'auth.totp-enabled',
      subjectType: 'user',
      subjectId: user.id,
    });
    if (!viaChallenge) return { codes, user };
    await finishChallenge(tx, viaChallenge.challenge.id);
    await recordAudit(tx, signedInEvent(user, 'totp', { enrolled: true }));
    return { codes, user, session: await openSession(tx, ctx, user) };
  });
  if (!done) throw new AppError(400, 'invalid-code', 'That code is not right; check the time on your phone');
  await clearAttempts(ctx.db, `second-factor:${member.id}`);
  const organization = await loadOrganization(ctx.db, done.user.organizationId);
  return { recoveryCodes: done.codes, user: done.user, organization, session: done.session };
}
