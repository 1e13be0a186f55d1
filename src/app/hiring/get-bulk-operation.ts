import { and, eq } from 'drizzle-orm';
import { bulkOperations } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { Actor, AppContext } from '../context';

/** A bulk operation of the actor's organization, with its progress. */
export async function getBulkOperation(ctx: AppContext, actor: Actor, input: { operationId: string }) {
  const [op] = await ctx.db
    .select()
    .from(bulkOperations)
    .where(
      and(eq(bulkOperations.id, input.operationId), eq(bulkOperations.organizationId, actor.organizationId)),
    );
  if (!op) throw notFound('Operation');
  return op;
}
