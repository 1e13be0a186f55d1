import { and, eq, inArray, isNotNull, notExists } from 'drizzle-orm';
import { organizations, sessions, totpFactors, users } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { confirmedFactor } from './two-factor';

/**
 * An admin requires two-factor sign-in for every member (or stops requiring it). Turning it on needs the admin's own
 * second factor first, so nobody locks the organization out; every session of a member without one ends, and their
 * next sign-in leads to setting it up. API tokens keep working.
 */
export async function setTwoFactorRequirement(ctx: AppContext, actor: Actor, input: { required: boolean }) {
  if (input.required && !(await confirmedFactor(ctx.db, actor.userId)))
    throw new AppError(
      409,
      'two-factor-off',
      'Turn on two-factor sign-in for your own account before requiring it for everyone',
    );
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(organizations)
      .set({ requireTwoFactor: input.required })
      .where(eq(organizations.id, actor.organizationId));
    let sessionsEnded = 0;
    if (input.required) {
      const without = tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.organizationId, actor.organizationId),
            notExists(
              tx
                .select({ one: totpFactors.userId })
                .from(totpFactors)
                .where(and(eq(totpFactors.userId, users.id), isNotNull(totpFactors.confirmedAt))),
            ),
          ),
        );
      const ended = await tx
        .delete(sessions)
        .where(and(eq(sessions.organizationId, actor.organizationId), inArray(sessions.userId, without)))
        .returning({ id: sessions.id });
      sessionsEnded = ended.length;
    }
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'organization.two-factor-requirement-changed',
      subjectType: 'organization',
      subjectId: actor.organizationId,
      data: { required: input.required, sessionsEnded },
    });
    return { required: input.required, sessionsEnded };
  });
}
