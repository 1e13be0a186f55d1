import { and, isNotNull, isNull, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { AppContext, SignInClient } from '../context';
import { checkCredentials } from '../credentials';
import { loadOrganization } from '../load';
import { openSession } from './sessions';

/** Checks a member's email and password (see checkCredentials) and opens a web session; returns who signed in. */
export async function signIn(ctx: AppContext, who: SignInClient, input: { email: string; password: string }) {
  const user = await checkCredentials(
    ctx,
    `staff:${input.email.toLowerCase()}`,
    async () =>
      (
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
      )[0],
    input.password,
    who,
  );
  const session = await openSession(ctx.db, ctx, user);
  const organization = await loadOrganization(ctx.db, user.organizationId);
  return { user, organization, session };
}
