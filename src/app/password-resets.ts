import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { passwordResets } from '../db/schema';
import { queueEmail } from '../jobs/deliver-email';
import { enqueue } from '../jobs/runner';
import { newSecret, sha256 } from '../lib/crypto';
import { AppError } from '../lib/errors';
import type { AppContext, SignInClient } from './context';
import { reserveAttempt } from './rate-limit';

/**
 * Password reset by emailed link, for team members and candidates alike. Asking for a link answers the same whether
 * or not the address has an account (the message goes only to an address that has one), and the same limits apply
 * either way, so the answer never tells anyone which addresses have accounts. The link's secret is kept only as its
 * SHA-256; it works once, for RESET_LINK_MINUTES. Opening the link changes nothing: the new password is set when the
 * form on its page is sent.
 */

export const RESET_LINK_MINUTES = 60;

/** Requests for a link per hour: per address asked about, and per client address. */
export const RESET_LIMITS = {
  windowMinutes: 60,
  address: 5,
  client: 20,
} as const;

type Kind = 'staff' | 'candidate';

/** The one answer to a request for a link, whether or not the address has an account. */
export const RESET_REQUESTED = {
  status: 'reset-requested' as const,
  message: 'If an account exists for this address, we have sent it a link to choose a new password.',
};

function tooMany(seconds: number) {
  return new AppError(
    429,
    'too-many-requests',
    `Too many requests for a password reset; try again in ${Math.ceil(seconds / 60)} minutes`,
    { retryAfterSeconds: seconds },
  );
}

/**
 * Reserves one request against the address asked about and against the client's address, before anything is
 * looked up: over either limit the answer is 429, for addresses with and without an account alike.
 */
export async function reserveResetRequest(ctx: AppContext, kind: Kind, email: string, client: SignInClient) {
  const wait = await reserveAttempt(
    ctx.db,
    `reset:${kind}:${email.toLowerCase()}`,
    RESET_LIMITS.address,
    RESET_LIMITS.windowMinutes,
  );
  if (wait) throw tooMany(wait);
  if (client.address) {
    const clientWait = await reserveAttempt(
      ctx.db,
      `reset-client:${client.address}`,
      RESET_LIMITS.client,
      RESET_LIMITS.windowMinutes,
    );
    if (clientWait) throw tooMany(clientWait);
  }
}

export type ResetRequestPayload = { kind: Kind; email: string };

/**
 * Queues the lookup and the message (see password-reset-job.ts): the request costs the same whether or not the
 * address has an account. The address asked about stays in the outbox for a day at most (see housekeeping.ts).
 */
export async function queueResetRequest(ctx: AppContext, kind: Kind, email: string) {
  await enqueue(ctx.db, ctx.jobs.passwordReset, { kind, email });
  ctx.jobs.poke();
  return RESET_REQUESTED;
}

/**
 * Runs the work that records a link and queues its message. A message refused by the outbound limits (the address
 * already had its day's share of email) is not sent, and the answer stays the same: a 429 here would say that the
 * address has an account.
 */
export async function sendQuietly(ctx: AppContext, work: () => Promise<void>) {
  try {
    await work();
  } catch (e) {
    if (e instanceof AppError && e.code === 'email-limit') {
      ctx.logger.warn('password reset link not sent: outbound email limit');
      return;
    }
    throw e;
  }
}

/** Records a link for one account and queues its message, in the caller's transaction. Earlier links stop working. */
export async function recordPasswordReset(
  tx: Executor,
  ctx: AppContext,
  owner: { kind: 'staff'; userId: string; organizationId: string } | { kind: 'candidate'; accountId: string },
  message: { to: string; name: string; path: string; signInPath: string },
) {
  const secret = newSecret();
  await tx
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        owner.kind === 'staff'
          ? eq(passwordResets.userId, owner.userId)
          : eq(passwordResets.accountId, owner.accountId),
        isNull(passwordResets.usedAt),
      ),
    );
  await tx.insert(passwordResets).values({
    kind: owner.kind,
    organizationId: owner.kind === 'staff' ? owner.organizationId : null,
    userId: owner.kind === 'staff' ? owner.userId : null,
    accountId: owner.kind === 'candidate' ? owner.accountId : null,
    tokenHash: sha256(secret),
    expiresAt: new Date(Date.now() + RESET_LINK_MINUTES * 60_000),
  });
  await queueEmail(tx, ctx.jobs.deliverEmail, {
    organizationId: null,
    to: message.to,
    subject: 'Choose a new password for Debrief',
    text: [
      `Hello ${message.name.split(' ')[0]},`,
      '',
      'Someone asked to reset the password of your Debrief account. To choose a new one, open this link:',
      '',
      `${ctx.config.publicUrl}${message.path}/${secret}`,
      '',
      `The link works once, for ${RESET_LINK_MINUTES} minutes. Choosing a new password signs you out everywhere else.`,
      'If you did not ask for this, ignore this message: your password stays as it is. You can sign in here:',
      `${ctx.config.publicUrl}${message.signInPath}`,
    ].join('\n'),
  });
}

const notFoundLink = () =>
  new AppError(
    404,
    'link-not-found',
    'This password reset link is not valid or was already used; ask for a new one',
  );
const expiredLink = () =>
  new AppError(410, 'link-expired', 'This password reset link has expired; ask for a new one');

/** The link behind a token, if it can still be used: 404 for an unknown or used link, 410 for an expired one. */
export async function findPasswordReset(tx: Executor, kind: Kind, token: string, lock = false) {
  const query = tx
    .select()
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, sha256(token)), eq(passwordResets.kind, kind)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || row.usedAt) throw notFoundLink();
  if (row.expiresAt.getTime() <= Date.now()) throw expiredLink();
  return row;
}

/** The link behind a token, locked and marked used (see findPasswordReset for the refusals). */
export async function claimPasswordReset(tx: Executor, kind: Kind, token: string) {
  const row = await findPasswordReset(tx, kind, token, true);
  await tx.update(passwordResets).set({ usedAt: sql`now()` }).where(eq(passwordResets.id, row.id));
  return row;
}

/** Wrong current password when changing it: attempts per account, as for sign-in. */
export const CHANGE_PASSWORD_LIMIT = { windowMinutes: 15, attempts: 10 } as const;

export async function reservePasswordChange(ctx: AppContext, key: string) {
  const wait = await reserveAttempt(
    ctx.db,
    `password-change:${key}`,
    CHANGE_PASSWORD_LIMIT.attempts,
    CHANGE_PASSWORD_LIMIT.windowMinutes,
  );
  if (wait)
    throw new AppError(
      429,
      'too-many-attempts',
      `Too many wrong passwords; try again in ${Math.ceil(wait / 60)} minutes`,
      { retryAfterSeconds: wait },
    );
}

/**
 * Tells the address that its password was changed (by the emailed link or while signed in), in the caller's
 * transaction, so that an owner who did not do it knows at once. The outbound limits never hold the change back:
 * without room for the message it goes ahead unsent.
 */
export async function queuePasswordChangedNotice(
  tx: Executor,
  ctx: AppContext,
  to: { email: string; name: string; forgotPath: string },
) {
  const message = {
    organizationId: null,
    to: to.email,
    subject: 'Your Debrief password was changed',
    text: [
      `Hello ${to.name.split(' ')[0]},`,
      '',
      'The password of your Debrief account was just changed, and you were signed out everywhere else.',
      '',
      'If this was not you, choose a new password now with a link sent to this address:',
      `${ctx.config.publicUrl}${to.forgotPath}`,
    ].join('\n'),
  };
  await tx
    .transaction((sp) => queueEmail(sp, ctx.jobs.deliverEmail, message))
    .catch((e: unknown) => {
      if (!(e instanceof AppError && e.code === 'email-limit')) throw e;
      ctx.logger.warn('password change notice not sent: outbound email limit');
    });
}

export const wrongCurrentPassword = () =>
  new AppError(403, 'wrong-password', 'Your current password is not right; the password was not changed');
