import { verifyPassword } from '../lib/crypto';
import { AppError } from '../lib/errors';
import type { AppContext } from './context';

/**
 * The one password check for staff and candidates. The same answer for an unknown email and a wrong password (and
 * the same time: an unknown email still costs one argon2 verification); after ten failures in fifteen minutes the
 * account (`key`) refuses further attempts for a while (429).
 */
export async function checkCredentials<T extends { passwordHash: string | null }>(
  ctx: AppContext,
  key: string,
  find: () => Promise<T | undefined>,
  password: string,
): Promise<T> {
  ctx.signInFailures.check(key);
  const row = await find();
  const ok = await verifyPassword(row?.passwordHash, password);
  if (!row || !ok) {
    ctx.signInFailures.fail(key);
    throw new AppError(401, 'invalid-credentials', 'The email or password is not right');
  }
  ctx.signInFailures.succeed(key);
  return row;
}
