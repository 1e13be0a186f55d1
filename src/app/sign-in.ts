import { and, isNull, sql } from 'drizzle-orm';
import { users } from '../db/schema';
import { verifyPassword } from '../lib/crypto';
import { AppError } from '../lib/errors';
import type { AppContext } from './context';
import { openSession } from './sessions';

/**
 * Checks an email and password and opens a session. The same answer for an unknown email and a wrong password;
 * after ten failures in fifteen minutes an account refuses further attempts for a while (429).
 */
export async function signIn(ctx: AppContext, input: { email: string; password: string }) {
  const key = `staff:${input.email.toLowerCase()}`;
  ctx.signInFailures.check(key);
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${input.email})`, isNull(users.deactivatedAt)));
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok) {
    ctx.signInFailures.fail(key);
    throw new AppError(401, 'invalid-credentials', 'The email or password is not right');
  }
  ctx.signInFailures.succeed(key);
  const session = await openSession(ctx.db, ctx, user);
  return { user, session };
}
