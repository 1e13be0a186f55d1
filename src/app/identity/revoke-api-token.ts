import { and, eq, isNull } from 'drizzle-orm';
import { apiTokens } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';

/** Revokes a token at once; a revoked token answers 401 from then on. */
export async function revokeApiToken(ctx: AppContext, actor: Actor, input: { tokenId: string }) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(apiTokens.id, input.tokenId),
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
      subjectId: input.tokenId,
    });
    return row;
  });
}
