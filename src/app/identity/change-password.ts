import { and, eq, ne } from 'drizzle-orm';
import { sessions, users } from '../../db/schema';
import { hashPassword, verifyPassword } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { loadUser } from '../load';
import { queuePasswordChangedNotice, reservePasswordChange, wrongCurrentPassword } from '../password-resets';
import { clearAttempts } from '../rate-limit';

/**
 * A signed-in member changes their password, giving the current one. Every other session of theirs ends; the one
 * that made the change stays signed in. API tokens stay (they are revoked under API tokens).
 */
export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
) {
  if (actor.type !== 'user')
    throw new AppError(
      403,
      'session-required',
      'Change your password from a signed-in session, not with an API token',
    );
  await reservePasswordChange(ctx, `staff:${actor.userId}`);
  const user = await loadUser(ctx.db, actor.organizationId, actor.userId);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw wrongCurrentPassword();
  await clearAttempts(ctx.db, `password-change:staff:${actor.userId}`);
  const passwordHash = await hashPassword(input.newPassword);
  const current = actor.type === 'user' ? actor.sessionId : undefined;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, user.id), eq(users.organizationId, actor.organizationId)));
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), ...(current ? [ne(sessions.id, current)] : [])))
      .returning({ id: sessions.id });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'user.password-changed',
      subjectType: 'user',
      subjectId: user.id,
      data: { sessionsEnded: ended.length },
    });
    await queuePasswordChangedNotice(tx, ctx, { ...user, forgotPath: '/forgot-password' });
  });
  ctx.jobs.poke();
}
