import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { prepared } from '../../db/prepared';
import { apiTokens, sessions, users } from '../../db/schema';
import { newSecret, sha256 } from '../../lib/crypto';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';

const actorColumns = {
  userId: users.id,
  organizationId: users.organizationId,
  role: users.role,
  name: users.name,
  email: users.email,
};

/** Opens a web session for a user; returns the cookie value (only its hash is stored). */
export async function openSession(
  tx: Executor,
  ctx: AppContext,
  user: { id: string; organizationId: string },
): Promise<{ secret: string; expiresAt: Date }> {
  const secret = newSecret('s_');
  const expiresAt = new Date(Date.now() + ctx.config.SESSION_DAYS * 86_400_000);
  await tx
    .insert(sessions)
    .values({ userId: user.id, organizationId: user.organizationId, tokenHash: sha256(secret), expiresAt });
  return { secret, expiresAt };
}

export async function closeSession(ctx: AppContext, secret: string): Promise<void> {
  await ctx.db.delete(sessions).where(eq(sessions.tokenHash, sha256(secret)));
}

// The session behind a signed-in page's every request: built once per database.
const sessionLookup = prepared((db) =>
  db
    .select({ ...actorColumns, sessionId: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('hash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        isNull(users.deactivatedAt),
      ),
    )
    .prepare('actor_from_session'),
);

export async function actorFromSession(ctx: AppContext, secret: string): Promise<Actor | undefined> {
  const [row] = await sessionLookup(ctx.db).execute({ hash: sha256(secret), now: new Date() });
  return row ? { type: 'user', ...row } : undefined;
}

/** The token's lookup, built once per database (it runs on every request an integration makes). */
function buildTokenLookup(db: Executor) {
  return db
    .select({
      ...actorColumns,
      tokenId: apiTokens.id,
      tokenName: apiTokens.name,
      prefix: apiTokens.prefix,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sql.placeholder('hash')),
        isNull(apiTokens.revokedAt),
        isNull(users.deactivatedAt),
      ),
    )
    .prepare('actor_from_token');
}
const tokenLookup = prepared(buildTokenLookup);

/**
 * The actor behind an API token. The token's first use each day (UTC) is recorded in the audit trail
 * (`api-token.used`, with the request that used it): enough to tell which tokens were in use, and on which days,
 * without a row in the append-only trail for every call an integration makes. Other uses only move `lastUsedAt`,
 * at most once a minute, so that reads stay reads.
 */
export async function actorFromToken(
  ctx: AppContext,
  secret: string,
  request?: { method: string; path: string },
): Promise<Actor | undefined> {
  const [row] = await tokenLookup(ctx.db).execute({ hash: sha256(secret) });
  if (!row) return undefined;
  const { lastUsedAt, tokenName, prefix, ...rest } = row;
  const actor: Actor = { type: 'token', ...rest };
  const now = new Date();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (!lastUsedAt || lastUsedAt < today) {
    await ctx.db.transaction(async (tx) => {
      // Only the request that moves lastUsedAt into today records the day's first use, however many arrive at once.
      const [first] = await tx
        .update(apiTokens)
        .set({ lastUsedAt: sql`now()` })
        .where(
          and(
            eq(apiTokens.id, row.tokenId),
            or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, today)),
          ),
        )
        .returning({ id: apiTokens.id });
      if (first)
        await recordAudit(tx, {
          organizationId: row.organizationId,
          actor,
          action: 'api-token.used',
          subjectType: 'api-token',
          subjectId: row.tokenId,
          data: {
            name: tokenName,
            prefix,
            ...(request ? { request: `${request.method} ${withoutSecrets(request.path)}` } : {}),
          },
        });
    });
  } else if (now.getTime() - lastUsedAt.getTime() > 60_000) {
    await ctx.db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.tokenId));
  }
  return actor;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path as the audit trail may keep it: ids stay, a segment that may be a link's secret does not. */
function withoutSecrets(path: string): string {
  return path
    .split('/')
    .map((seg) => (seg.length >= 20 && !UUID.test(seg) ? '…' : seg))
    .join('/');
}
