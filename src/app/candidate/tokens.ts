import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { candidateAccounts, candidateTokens } from '../../db/schema';
import { queueEmail } from '../../jobs/deliver-email';
import { newSecret, sha256 } from '../../lib/crypto';
import type { AppContext, CandidateActor } from '../context';

/** A candidate's secrets: session tokens (`dbc_…`) and emailed confirmation links. Only their hashes are stored. */

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

/** A new session for the account, valid for SESSION_DAYS. */
export function openCandidateSession(tx: Executor, ctx: AppContext, accountId: string) {
  return issueToken(tx, accountId, 'session', ctx.config.SESSION_DAYS * 86_400_000, CANDIDATE_TOKEN_PREFIX);
}

/** Emails a link that confirms the address, once, within VERIFY_HOURS. */
export async function queueVerification(
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

/** The signed-in candidate a live session token belongs to, if any. */
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
