import { and, eq } from 'drizzle-orm';
import { recoveryCodes, totpFactors } from '../../db/schema';
import { verifyPassword } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { loadOrganization, loadUser } from '../load';
import { reservePasswordChange } from '../password-resets';
import { clearAttempts } from '../rate-limit';
import { confirmedFactor, replaceRecoveryCodes } from './two-factor';

/** A member proves it is them with their password (attempts limited as for a password change). */
async function checkOwnPassword(ctx: AppContext, actor: Actor, password: string) {
  if (actor.type !== 'user')
    throw new AppError(403, 'session-required', 'Change two-factor sign-in from a signed-in session');
  await reservePasswordChange(ctx, `staff:${actor.userId}`);
  const user = await loadUser(ctx.db, actor.organizationId, actor.userId);
  if (!(await verifyPassword(user.passwordHash, password)))
    throw new AppError(403, 'wrong-password', 'Your password is not right; nothing was changed');
  await clearAttempts(ctx.db, `password-change:staff:${actor.userId}`);
  return user;
}

/** Turns two-factor sign-in off, with the password; refused while the organization requires it. */
export async function disableTotp(ctx: AppContext, actor: Actor, input: { password: string }) {
  const user = await checkOwnPassword(ctx, actor, input.password);
  const organization = await loadOrganization(ctx.db, actor.organizationId);
  if (organization?.requireTwoFactor)
    throw new AppError(
      409,
      'two-factor-required',
      'Your organization requires two-factor sign-in; it can not be turned off',
    );
  if (!(await confirmedFactor(ctx.db, user.id)))
    throw new AppError(409, 'two-factor-off', 'Two-factor sign-in is not on');
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(totpFactors)
      .where(and(eq(totpFactors.userId, user.id), eq(totpFactors.organizationId, actor.organizationId)));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'auth.totp-disabled',
      subjectType: 'user',
      subjectId: user.id,
    });
  });
}

/** Ten new recovery codes, with the password; the old ones stop working. */
export async function regenerateRecoveryCodes(ctx: AppContext, actor: Actor, input: { password: string }) {
  const user = await checkOwnPassword(ctx, actor, input.password);
  if (!(await confirmedFactor(ctx.db, user.id)))
    throw new AppError(409, 'two-factor-off', 'Two-factor sign-in is not on');
  return ctx.db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, user);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'auth.recovery-codes-regenerated',
      subjectType: 'user',
      subjectId: user.id,
    });
    return codes;
  });
}
