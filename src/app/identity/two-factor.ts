import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import type { Executor } from '../../db/client';
import { organizations, recoveryCodes, signInChallenges, totpFactors, users } from '../../db/schema';
import { newSecret, sha256 } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import { type AppContext, actorOf, type OtherActor } from '../context';
import { SIGN_IN_LIMITS } from '../credentials';
import { reserveAttempt } from '../rate-limit';

/**
 * Two-factor sign-in: a time-based code (RFC 6238: SHA-1, six digits, thirty seconds) from an authenticator app,
 * or one of ten single-use recovery codes. The secret is sealed with ctx.secrets under `totp:<userId>`, so it can't
 * be moved to another member's row; recovery codes and the sign-in challenge are kept only as SHA-256.
 */
export const TWO_FACTOR = {
  issuer: 'Debrief',
  period: 30,
  digits: 6,
  /** One step either side, for a phone's clock a little off. */
  window: 1,
  recoveryCodes: 10,
  /** How long the step between the password and the code may take. */
  challengeMinutes: 10,
} as const;

export const totpContext = (userId: string) => `totp:${userId}`;

export function totpFor(secretBase32: string, email: string) {
  return new TOTP({
    issuer: TWO_FACTOR.issuer,
    label: email,
    algorithm: 'SHA1',
    digits: TWO_FACTOR.digits,
    period: TWO_FACTOR.period,
    secret: Secret.fromBase32(secretBase32),
  });
}

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/** `xxxxx-xxxxx`: ten characters of a 32-letter alphabet without look-alikes (50 bits). */
export function newRecoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** What a person types is compared without case, spaces or dashes. */
export const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

/** Replaces a member's recovery codes with ten new ones; returns them (shown once, never stored in clear). */
export async function replaceRecoveryCodes(
  tx: Executor,
  user: { id: string; organizationId: string },
): Promise<string[]> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
  const codes = Array.from({ length: TWO_FACTOR.recoveryCodes }, newRecoveryCode);
  await tx.insert(recoveryCodes).values(
    codes.map((c) => ({
      organizationId: user.organizationId,
      userId: user.id,
      codeHash: sha256(normalizeRecoveryCode(c)),
    })),
  );
  return codes;
}

/** The member's confirmed factor, if any. */
export async function confirmedFactor(db: Executor, userId: string) {
  const [row] = await db
    .select()
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt)));
  return row;
}

/**
 * Checks a code against the member's secret and takes its time step, atomically: the same code (or an older one)
 * is never accepted twice, even by two requests at once.
 */
export async function acceptCode(
  ctx: AppContext,
  tx: Executor,
  factor: typeof totpFactors.$inferSelect,
  email: string,
  code: string,
): Promise<boolean> {
  const secret = ctx.secrets.open(factor.secret, totpContext(factor.userId));
  const totp = totpFor(secret, email);
  const token = code.replace(/\s/g, '');
  const delta = totp.validate({ token, window: TWO_FACTOR.window });
  if (delta === null) return false;
  const step = totp.counter() + delta;
  const taken = await tx
    .update(totpFactors)
    .set({ lastStep: step })
    .where(
      and(
        eq(totpFactors.userId, factor.userId),
        or(isNull(totpFactors.lastStep), lt(totpFactors.lastStep, step)),
      ),
    )
    .returning({ userId: totpFactors.userId });
  return taken.length === 1;
}

/** Uses one of the member's recovery codes; false when it is not one of theirs or was used already. */
export async function acceptRecoveryCode(tx: Executor, userId: string, code: string): Promise<boolean> {
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, sha256(normalizeRecoveryCode(code))),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length === 1;
}

/** Code attempts are limited like passwords: per member, whatever the browser. */
export async function reserveCodeAttempt(ctx: AppContext, userId: string) {
  const wait = await reserveAttempt(
    ctx.db,
    `second-factor:${userId}`,
    SIGN_IN_LIMITS.account,
    SIGN_IN_LIMITS.windowMinutes,
  );
  if (wait)
    throw new AppError(
      429,
      'too-many-attempts',
      `Too many wrong codes; try again in ${Math.ceil(wait / 60)} minutes`,
      { retryAfterSeconds: wait },
    );
}

/** A fresh challenge for the step after the password; returns the token (only its hash is stored). */
export async function openChallenge(
  tx: Executor,
  user: { id: string; organizationId: string },
  purpose: 'code' | 'enrol',
) {
  const token = newSecret('ch_');
  const expiresAt = new Date(Date.now() + TWO_FACTOR.challengeMinutes * 60_000);
  await tx.insert(signInChallenges).values({
    organizationId: user.organizationId,
    userId: user.id,
    purpose,
    tokenHash: sha256(token),
    expiresAt,
  });
  return { token, expiresAt };
}

const challengeGone = () =>
  new AppError(401, 'challenge-expired', 'This sign-in has expired or was finished; sign in again');

/** The member behind a live challenge of this purpose (locked, so only one request finishes it), or 401. */
export async function loadChallenge(tx: Executor, token: string, purpose: 'code' | 'enrol') {
  const [row] = await tx
    .select({ challenge: signInChallenges, user: users })
    .from(signInChallenges)
    .innerJoin(users, eq(users.id, signInChallenges.userId))
    .where(
      and(
        eq(signInChallenges.tokenHash, sha256(token)),
        eq(signInChallenges.purpose, purpose),
        isNull(signInChallenges.usedAt),
        gt(signInChallenges.expiresAt, new Date()),
        isNull(users.deactivatedAt),
        isNull(users.removedAt),
      ),
    )
    .for('update', { of: signInChallenges });
  if (!row) throw challengeGone();
  return row;
}

export async function finishChallenge(tx: Executor, id: string) {
  await tx.update(signInChallenges).set({ usedAt: sql`now()` }).where(eq(signInChallenges.id, id));
}

/** Who the audit trail names for a sign-in that failed: not yet anyone signed in. */
export const signInAttempt: OtherActor = { type: 'system', name: 'Sign-in' };

export type SignInMethod = 'password' | 'totp' | 'recovery-code' | 'oidc';

/** `auth.signed-in`, keyed to the member's organization. */
export function signedInEvent(
  user: typeof users.$inferSelect,
  method: SignInMethod,
  data: Record<string, unknown> = {},
) {
  return {
    organizationId: user.organizationId,
    actor: actorOf(user),
    action: 'auth.signed-in',
    subjectType: 'user',
    subjectId: user.id,
    data: { method, ...data },
  };
}

/** `auth.sign-in-failed`, only ever for a known account, and never with what was typed. */
export function signInFailedEvent(
  user: { id: string; organizationId: string },
  method: SignInMethod,
  reason: string,
) {
  return {
    organizationId: user.organizationId,
    actor: signInAttempt,
    action: 'auth.sign-in-failed',
    subjectType: 'user',
    subjectId: user.id,
    data: { method, reason },
  };
}

/**
 * Whether a way in other than the sign-in form (a password reset, an accepted invitation) must leave the member to
 * sign in, so that the second factor is asked for or set up: they have one, or their organization requires one.
 */
export async function secondFactorDue(tx: Executor, user: { id: string; organizationId: string }) {
  if (await confirmedFactor(tx, user.id)) return true;
  const [org] = await tx
    .select({ required: organizations.requireTwoFactor })
    .from(organizations)
    .where(eq(organizations.id, user.organizationId));
  return !!org?.required;
}
