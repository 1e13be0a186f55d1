import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiTokens } from '../db/schema';
import { notFound } from '../lib/errors';
import { recordAudit } from './audit';
import type { Actor, AppContext } from './context';
import { mintApiToken } from './create-api-token';

export function listApiTokens(ctx: AppContext, actor: Actor) {
  return ctx.db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.organizationId, actor.organizationId))
    .orderBy(desc(apiTokens.createdAt));
}

export async function createApiToken(ctx: AppContext, actor: Actor, name: string) {
  return ctx.db.transaction(async (tx) => {
    const minted = await mintApiToken(tx, { id: actor.userId, organizationId: actor.organizationId }, name);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'api-token.created',
      subjectType: 'api-token',
      subjectId: minted.token.id,
      data: { name },
    });
    return minted;
  });
}

/** Revokes a token at once; a revoked token answers 401 from then on. */
export async function revokeApiToken(ctx: AppContext, actor: Actor, id: string) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(apiTokens.id, id),
          eq(apiTokens.organizationId, actor.organizationId),
          isNull(apiTokens.revokedAt),
        ),
      )
      .returning();
    if (!row) throw notFound('API token');
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'api-token.revoked',
      subjectType: 'api-token',
      subjectId: id,
    });
    return row;
  });
}
