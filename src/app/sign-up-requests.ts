import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { signUpRequests } from '../db/schema';
import { queueEmail } from '../jobs/deliver-email';
import { newSecret, sha256 } from '../lib/crypto';
import { AppError } from '../lib/errors';
import type { AppContext } from './context';

/**
 * Sign-up by emailed link, for teams and candidates alike. A sign-up records a request and emails its address; the
 * account (and, for a team, the organization) is created only when the link is opened. So an address is proven before
 * Debrief sends anything on its owner's behalf, nobody can hold someone else's address, and the answer to a sign-up
 * never says whether the address already has an account: that is said only in the message to the address itself.
 */

export const SIGN_UP_LINK_HOURS = 24;

type Kind = 'organization' | 'candidate';

export interface SignUpMessage {
  subject: string;
  /** The lines of the message; `link` is the confirmation link when there is one. */
  lines(link: string | undefined): string[];
}

/** Records a sign-up request and emails a link that completes it, in the caller's transaction. */
export async function recordSignUpRequest(
  tx: Executor,
  ctx: AppContext,
  request: {
    kind: Kind;
    email: string;
    name: string;
    organizationName?: string;
    passwordHash: string;
    path: string;
  },
  message: SignUpMessage,
) {
  const secret = newSecret();
  await tx.insert(signUpRequests).values({
    kind: request.kind,
    email: request.email,
    name: request.name,
    organizationName: request.organizationName ?? null,
    passwordHash: request.passwordHash,
    tokenHash: sha256(secret),
    expiresAt: new Date(Date.now() + SIGN_UP_LINK_HOURS * 3600_000),
  });
  await sendSignUpMessage(
    tx,
    ctx,
    request.email,
    message,
    `${ctx.config.publicUrl}${request.path}/${secret}`,
  );
}

/** Emails the address without a link (it already has an account, and nothing is created). */
export function sendSignUpMessage(
  tx: Executor,
  ctx: AppContext,
  to: string,
  message: SignUpMessage,
  link?: string,
) {
  return queueEmail(tx, ctx.jobs.deliverEmail, {
    organizationId: null,
    to,
    subject: message.subject,
    text: message.lines(link).join('\n'),
  });
}

/** The request behind a link, locked and marked used: 404 for an unknown or used link, 410 for an expired one. */
export async function claimSignUpRequest(tx: Executor, kind: Kind, token: string) {
  const [row] = await tx
    .select()
    .from(signUpRequests)
    .where(and(eq(signUpRequests.tokenHash, sha256(token)), eq(signUpRequests.kind, kind)))
    .for('update');
  if (!row || row.usedAt)
    throw new AppError(404, 'link-not-found', 'This sign-up link is not valid or was already used');
  if (row.expiresAt.getTime() <= Date.now())
    throw new AppError(410, 'link-expired', 'This sign-up link has expired; sign up again to get a new one');
  await tx
    .update(signUpRequests)
    .set({ usedAt: new Date() })
    .where(and(eq(signUpRequests.id, row.id), isNull(signUpRequests.usedAt)));
  return row;
}
