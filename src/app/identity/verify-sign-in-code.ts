import { eq } from 'drizzle-orm';
import { totpFactors } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';
import { loadOrganization } from '../load';
import { clearAttempts } from '../rate-limit';
import { openSession } from './sessions';
import {
  acceptCode,
  acceptRecoveryCode,
  finishChallenge,
  loadChallenge,
  reserveCodeAttempt,
  signedInEvent,
  signInFailedEvent,
} from './two-factor';

/**
 * The second step of signing in: the challenge from the password step and a code from the authenticator app, or a
 * recovery code. A right answer ends the challenge and opens a session; wrong answers count against the member's
 * attempts, as wrong passwords do, and are recorded.
 */
export async function verifySignInCode(
  ctx: AppContext,
  input: { challenge: string; code?: string; recoveryCode?: string },
) {
  if (!input.code === !input.recoveryCode)
    throw new AppError(400, 'invalid-request', 'Send either a code or a recovery code');
  const peek = await ctx.db.transaction((tx) => loadChallenge(tx, input.challenge, 'code'));
  await reserveCodeAttempt(ctx, peek.user.id);

  const method = input.code ? ('totp' as const) : ('recovery-code' as const);
  const result = await ctx.db.transaction(async (tx) => {
    const { challenge, user } = await loadChallenge(tx, input.challenge, 'code');
    let ok = false;
    if (input.code) {
      const [factor] = await tx.select().from(totpFactors).where(eq(totpFactors.userId, user.id));
      ok = !!factor?.confirmedAt && (await acceptCode(ctx, tx, factor, user.email, input.code));
    } else if (input.recoveryCode) {
      ok = await acceptRecoveryCode(tx, user.id, input.recoveryCode);
    }
    if (!ok) return { ok: false as const, user };
    await finishChallenge(tx, challenge.id);
    await recordAudit(tx, signedInEvent(user, method));
    const session = await openSession(tx, ctx, user);
    return { ok: true as const, user, session };
  });
  if (!result.ok) {
    await recordAudit(
      ctx.db,
      signInFailedEvent(result.user, method, input.code ? 'wrong-code' : 'wrong-recovery-code'),
    );
    throw new AppError(
      401,
      'invalid-code',
      input.code
        ? 'That code is not right or was already used; wait for the next one'
        : 'That recovery code is not right or was already used',
    );
  }
  await clearAttempts(ctx.db, `second-factor:${result.user.id}`);
  const organization = await loadOrganization(ctx.db, result.user.organizationId);
  if (!organization) throw new AppError(401, 'challenge-expired', 'Sign in again');
  return { user: result.user, organization, session: result.session };
}
