import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { candidateAccounts, candidateTokens } from '../db/schema';
import { queueEmail } from '../jobs/deliver-email';
import { hashPassword, newSecret, sha256, verifyPassword } from '../lib/crypto';
import { AppError, conflict } from '../lib/errors';
import type { AppContext } from './context';
import { checkCredentials, type SignInClient } from './credentials';

/** A candidate using their own workspace: not a member of any organization. */
export interface CandidateActor {
  accountId: string;
  name: string;
  email: string;
  verified: boolean;
}

export const CANDIDATE_TOKEN_PREFIX = 'dbc_';
const VERIFY_HOURS = 48;

async function issueToken(
  tx: Executor,
  accountId: string,
  kind: 'session' | 'verify-email',
  ms: number,
  prefix = '',
) {
  const token = newSecret(prefix);
  await tx
    .insert(candidateTokens)
    .values({ accountId, kind, tokenHash: sha256(token), expiresAt: new Date(Date.now() + ms) });
  return token;
}

async function queueVerification(
  tx: Executor,
  ctx: AppContext,
  account: { id: string; name: string; email: string },
) {
  const token = await issueToken(tx, account.id, 'verify-email', VERIFY_HOURS * 3600_000);
  await queueEmail(tx, ctx.jobs.deliverEmail, {
    organizationId: null,
    to: account.email,
    subject: 'Confirm your email for Debrief',
    text: [
      `Hello ${account.name.split(' ')[0]},`,
      '',
      'Confirm this address to see the feedback employers send you through Debrief:',
      '',
      `${ctx.config.publicUrl}/me/verify/${token}`,
      '',
      `The link works once, for ${VERIFY_HOURS} hours.`,
    ].join('\n'),
  });
}

/** A candidate's own account. Feedback sent to their address stays hidden until they confirm it by the emailed link. */
export async function signUpCandidate(
  ctx: AppContext,
  input: { name: string; email: string; password: string },
) {
  const passwordHash = await hashPassword(input.password);
  const signedUp = await ctx.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: candidateAccounts.id })
      .from(candidateAccounts)
      .where(sql`lower(${candidateAccounts.email}) = lower(${input.email})`);
    if (taken) throw conflict('email-taken', `A candidate account already uses ${input.email}`);
    const [account] = await tx
      .insert(candidateAccounts)
      .values({ name: input.name, email: input.email, passwordHash })
      .returning();
    await queueVerification(tx, ctx, account);
    // Signed in at once; feedback stays hidden until the address is confirmed.
    const token = await issueToken(
      tx,
      account.id,
      'session',
      ctx.config.SESSION_DAYS * 86_400_000,
      CANDIDATE_TOKEN_PREFIX,
    );
    return { account, token };
  });
  ctx.jobs.poke();
  return signedUp;
}

export async function resendVerification(ctx: AppContext, who: CandidateActor) {
  if (who.verified) throw conflict('already-verified', 'This address is already confirmed');
  await ctx.db.transaction((tx) =>
    queueVerification(tx, ctx, { id: who.accountId, name: who.name, email: who.email }),
  );
  ctx.jobs.poke();
}

/** The emailed link confirms the address (once, before it expires) and signs the candidate in. */
export async function verifyCandidateEmail(ctx: AppContext, token: string) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(candidateTokens)
      .where(and(eq(candidateTokens.tokenHash, sha256(token)), eq(candidateTokens.kind, 'verify-email')))
      .for('update');
    if (!row || row.usedAt)
      throw new AppError(404, 'link-not-found', 'This confirmation link is not valid or was already used');
    if (row.expiresAt.getTime() <= Date.now())
      throw new AppError(410, 'link-expired', 'This confirmation link has expired; sign in to get a new one');
    await tx.update(candidateTokens).set({ usedAt: new Date() }).where(eq(candidateTokens.id, row.id));
    await tx
      .update(candidateAccounts)
      .set({ emailVerifiedAt: sql`coalesce(${candidateAccounts.emailVerifiedAt}, now())` })
      .where(eq(candidateAccounts.id, row.accountId));
    return issueToken(
      tx,
      row.accountId,
      'session',
      ctx.config.SESSION_DAYS * 86_400_000,
      CANDIDATE_TOKEN_PREFIX,
    );
  });
}

export async function logInCandidate(
  ctx: AppContext,
  input: { email: string; password: string },
  client: SignInClient,
) {
  const account = await checkCredentials(
    ctx,
    `candidate:${input.email.toLowerCase()}`,
    async () =>
      (
        await ctx.db
          .select()
          .from(candidateAccounts)
          .where(sql`lower(${candidateAccounts.email}) = lower(${input.email})`)
      )[0],
    input.password,
    client,
  );
  return issueToken(
    ctx.db,
    account.id,
    'session',
    ctx.config.SESSION_DAYS * 86_400_000,
    CANDIDATE_TOKEN_PREFIX,
  );
}

export async function logOutCandidate(ctx: AppContext, token: string) {
  await ctx.db
    .delete(candidateTokens)
    .where(and(eq(candidateTokens.tokenHash, sha256(token)), eq(candidateTokens.kind, 'session')));
}

export async function candidateFromToken(
  ctx: AppContext,
  token: string,
): Promise<CandidateActor | undefined> {
  const [row] = await ctx.db
    .select({ account: candidateAccounts })
    .from(candidateTokens)
    .innerJoin(candidateAccounts, eq(candidateAccounts.id, candidateTokens.accountId))
    .where(
      and(
        eq(candidateTokens.tokenHash, sha256(token)),
        eq(candidateTokens.kind, 'session'),
        gt(candidateTokens.expiresAt, new Date()),
        isNull(candidateTokens.usedAt),
      ),
    );
  if (!row) return undefined;
  const a = row.account;
  return { accountId: a.id, name: a.name, email: a.email, verified: Boolean(a.emailVerifiedAt) };
}

/**
 * Deletes the candidate's account and everything in their workspace (tracker, rounds, reminders, logged feedback,
 * plan, sessions), after the password confirms it. Feedback that employers sent stays with those employers.
 */
export async function deleteCandidateAccount(ctx: AppContext, who: CandidateActor, password: string) {
  const [account] = await ctx.db
    .select()
    .from(candidateAccounts)
    .where(eq(candidateAccounts.id, who.accountId));
  if (!account || !(await verifyPassword(account.passwordHash, password))) {
    throw new AppError(403, 'wrong-password', 'The password is not right; the account was not deleted');
  }
  await ctx.db.delete(candidateAccounts).where(eq(candidateAccounts.id, who.accountId));
}
