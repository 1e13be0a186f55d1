import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { mintApiToken } from './mint-api-token';

/** An API token acting as the actor; the secret comes back once. */
export async function createApiToken(ctx: AppContext, actor: Actor, input: { name: string }) {
  return ctx.db.transaction(async (tx) => {
    const minted = await mintApiToken(
      tx,
      { id: actor.userId, organizationId: actor.organizationId },
      input.name,
    );
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'api-token.created',
      subjectType: 'api-token',
      subjectId: minted.token.id,
      data: { name: input.name },
    });
    return minted;
  });
}
