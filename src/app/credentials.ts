import { and, eq, sql } from 'drizzle-orm';
import { knownDevices } from '../db/schema';
import { newSecret, sha256, verifyPassword } from '../lib/crypto';
import { AppError } from '../lib/errors';
import type { AppContext, SignInClient } from './context';
import { clearAttempts, releaseAttempt, reserveAttempt } from './rate-limit';

/** Attempts per window. An account's own browsers have their own budget, so guessing elsewhere never locks them out. */
export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  account: 10,
  device: 10,
  address: 50,
} as const;

function tooMany(retryAfterSeconds: number, what: string) {
  return new AppError(
    429,
    'too-many-attempts',
    `Too many failed sign-ins ${what}; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
    { retryAfterSeconds },
  );
}

/**
 * The one password check for staff and candidates. The same answer for an unknown email and a wrong password (and
 * the same time: an unknown email still costs one argon2 verification).
 *
 * Each attempt is first reserved against the account (or, from a browser that signed in to it before, against that
 * browser) and against the client's address; over the limit the answer is 429 without a password check. A correct
 * password clears the account's count and gives back the address's attempt.
 */
export async function checkCredentials<T extends { passwordHash: string | null }>(
  ctx: AppContext,
  key: string,
  find: () => Promise<T | undefined>,
  password: string,
  client: SignInClient,
): Promise<T> {
  const { db } = ctx;
  const deviceHash = client.device ? sha256(client.device) : undefined;
  const known = deviceHash
    ? (
        await db
          .select({ tokenHash: knownDevices.tokenHash })
          .from(knownDevices)
          .where(and(eq(knownDevices.tokenHash, deviceHash), eq(knownDevices.account, key)))
      )[0]
    : undefined;

  const own = known ? `device:${known.tokenHash}` : `account:${key}`;
  const limit = known ? SIGN_IN_LIMITS.device : SIGN_IN_LIMITS.account;
  const ownWait = await reserveAttempt(db, own, limit, SIGN_IN_LIMITS.windowMinutes);
  if (ownWait) throw tooMany(ownWait, known ? 'from this browser' : 'for this account');
  const address = !known && client.address ? `address:${client.address}` : undefined;
  if (address) {
    const addressWait = await reserveAttempt(
      db,
      address,
      SIGN_IN_LIMITS.address,
      SIGN_IN_LIMITS.windowMinutes,
    );
    if (addressWait) {
      await releaseAttempt(db, own);
      throw tooMany(addressWait, 'from your network');
    }
  }

  const row = await find();
  const ok = await verifyPassword(row?.passwordHash, password);
  if (!row || !ok) throw new AppError(401, 'invalid-credentials', 'The email or password is not right');

  await clearAttempts(db, own);
  if (address) await releaseAttempt(db, address);
  if (known) {
    await db
      .update(knownDevices)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(knownDevices.tokenHash, known.tokenHash));
  } else {
    const token = newSecret('dev_');
    await db.insert(knownDevices).values({ tokenHash: sha256(token), account: key });
    client.remember(token);
  }
  return row;
}
