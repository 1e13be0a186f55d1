import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { knownDevices, signInLimits } from '../db/schema';
import { newSecret, sha256, verifyPassword } from '../lib/crypto';
import { AppError } from '../lib/errors';
import type { AppContext, SignInClient } from './context';

/** Attempts per window. An account's own browsers have their own budget, so guessing elsewhere never locks them out. */
export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  account: 10,
  device: 10,
  address: 50,
} as const;

const WINDOW = sql.raw(`interval '${SIGN_IN_LIMITS.windowMinutes} minutes'`);

/**
 * Reserves one attempt in a bucket, atomically: concurrent attempts each see the count after their own, so no more
 * than `max` of them get through in a window, on any number of server instances.
 */
async function reserve(db: Db, bucket: string, max: number): Promise<number | undefined> {
  const expired = sql`${signInLimits.windowStart} <= now() - ${WINDOW}`;
  const [row] = await db
    .insert(signInLimits)
    .values({ bucket, attempts: 1 })
    .onConflictDoUpdate({
      target: signInLimits.bucket,
      set: {
        attempts: sql`case when ${expired} then 1 else ${signInLimits.attempts} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${signInLimits.windowStart} end`,
      },
    })
    .returning({
      attempts: signInLimits.attempts,
      retryAfter: sql<number>`ceil(extract(epoch from ${signInLimits.windowStart} + ${WINDOW} - now()))::int`,
    });
  return row && row.attempts > max ? Math.max(1, row.retryAfter) : undefined;
}

/** Gives back a reserved attempt that turned out not to be a failure. */
async function release(db: Db, bucket: string) {
  await db
    .update(signInLimits)
    .set({ attempts: sql`greatest(${signInLimits.attempts} - 1, 0)` })
    .where(eq(signInLimits.bucket, bucket));
}

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
  const ownWait = await reserve(db, own, known ? SIGN_IN_LIMITS.device : SIGN_IN_LIMITS.account);
  if (ownWait) throw tooMany(ownWait, known ? 'from this browser' : 'for this account');
  const address = !known && client.address ? `address:${client.address}` : undefined;
  if (address) {
    const addressWait = await reserve(db, address, SIGN_IN_LIMITS.address);
    if (addressWait) {
      await release(db, own);
      throw tooMany(addressWait, 'from your network');
    }
  }

  const row = await find();
  const ok = await verifyPassword(row?.passwordHash, password);
  if (!row || !ok) throw new AppError(401, 'invalid-credentials', 'The email or password is not right');

  await db.delete(signInLimits).where(eq(signInLimits.bucket, own));
  if (address) await release(db, address);
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
