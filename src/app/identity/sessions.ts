import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { apiTokens, sessions, users } from '../../db/schema';
import { newSecret, sha256 } from '../../lib/crypto';
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

export async function actorFromSession(ctx: AppContext, secret: string): Promise<Actor | undefined> {
  const [row] = await ctx.db
    .select({ ...actorColumns, sessionId: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sha256(secret)),
        gt(sessions.expiresAt, new Date()),
        isNull(users.deactivatedAt),
      ),
    );
  return row ? { type: 'user', ...row } : undefined;
}

export async function actorFromToken(ctx: AppContext, secret: string): Promise<Actor | undefined> {
  const [row] = await ctx.db
    .select({ ...actorColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(eq(apiTokens.tokenHash, sha256(secret)), isNull(apiTokens.revokedAt), isNull(users.deactivatedAt)),
    );
  if (!row) return undefined;
  // Record use at most once a minute, so that reads stay reads.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await ctx.db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.tokenId));
  }
  const { lastUsedAt: _, ...actor } = row;
  return { type: 'token', ...actor };
}
