import { and, isNotNull, isNull, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { AppContext, SignInClient } from '../context';
import { checkCredentials } from '../credentials';
import { loadOrganization } from '../load';
import { openSession } from './sessions';
import { confirmedFactor, openChallenge, signedInEvent, signInFailedEvent } from './two-factor';

/**
 * Checks a member's email and password (see checkCredentials). Then, for a member with two-factor sign-in, a
 * challenge for the code (`code`); for one whose organization requires it and who has none yet, a challenge that
 * only lets them set it up (`enrol`); otherwise a web session.
 */
export async function signIn(ctx: AppContext, who: SignInClient, input: { email: string; password: string }) {
  let found: typeof users.$inferSelect | undefined;
  let user: typeof users.$inferSelect;
  try {
    user = await checkCredentials(
      ctx,
      `staff:${input.email.toLowerCase()}`,
      async () => {
        found = (
          await ctx.db
            .select()
            .from(users)
            .where(
              and(
                sql`lower(${users.email}) = lower(${input.email})`,
                isNotNull(users.passwordHash),
                isNull(users.deactivatedAt),
              ),
            )
        )[0];
        return found;
      },
      input.password,
      who,
    );
  } catch (e) {
    if (found && e instanceof AppError && e.status === 401)
      await recordAudit(ctx.db, signInFailedEvent(found, 'password', 'wrong-password'));
    throw e;
  }
  const organization = await loadOrganization(ctx.db, user.organizationId);
  if (!organization) throw new AppError(401, 'invalid-credentials', 'The email or password is not right');

  if (await confirmedFactor(ctx.db, user.id)) {
    const challenge = await openChallenge(ctx.db, user, 'code');
    return { step: 'code' as const, challenge };
  }
  if (organization.requireTwoFactor) {
    const challenge = await openChallenge(ctx.db, user, 'enrol');
    return { step: 'enrol' as const, challenge };
  }
  const session = await ctx.db.transaction(async (tx) => {
    await recordAudit(tx, signedInEvent(user, 'password'));
    return openSession(tx, ctx, user);
  });
  return { step: 'signed-in' as const, user, organization, session };
}
