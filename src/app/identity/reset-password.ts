import { and, eq, isNull } from 'drizzle-orm';
import { sessions, users } from '../../db/schema';
import { hashPassword } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { type Anonymous, type AppContext, actorOf } from '../context';
import { loadOrganization } from '../load';
import { claimPasswordReset, findPasswordReset, queuePasswordChangedNotice } from '../password-resets';
import { openSession } from './sessions';
import { secondFactorDue } from './two-factor';

/** Whether a team member's reset link can still be used (404 used or unknown, 410 expired); changes nothing. */
export async function checkPasswordReset(ctx: AppContext, _who: Anonymous, input: { token: string }) {
  const row = await findPasswordReset(ctx.db, 'staff', input.token);
  return { expiresAt: row.expiresAt };
}

/**
 * Sets a team member's new password through the emailed link: the link is used up, every session of theirs ends
 * (a session someone else opened with the old password among them), and a new one is opened here. API tokens are
 * credentials of their own and stay: they are listed and revoked under API tokens.
 */
export async function resetPassword(
  ctx: AppContext,
  _who: Anonymous,
  input: { token: string; password: string },
) {
  const passwordHash = await hashPassword(input.password);
  const result = await ctx.db.transaction(async (tx) => {
    const link = await claimPasswordReset(tx, 'staff', input.token);
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(
        and(
          eq(users.id, link.userId!),
          eq(users.organizationId, link.organizationId!),
          isNull(users.deactivatedAt),
        ),
      )
      .returning();
    if (!user)
      throw new AppError(404, 'link-not-found', 'This password reset link is not valid; ask for a new one');
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, user.id))
      .returning({ id: sessions.id });
    // With a second factor due, the member signs in through the form, which asks for it.
    const session = (await secondFactorDue(tx, user)) ? undefined : await openSession(tx, ctx, user);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: actorOf(user),
      action: 'user.password-reset',
      subjectType: 'user',
      subjectId: user.id,
      data: { sessionsEnded: ended.length },
    });
    await queuePasswordChangedNotice(tx, ctx, { ...user, forgotPath: '/forgot-password' });
    const organization = await loadOrganization(tx, user.organizationId);
    return { user, organization, session };
  });
  ctx.jobs.poke();
  return result;
}
