import { and, desc, eq } from 'drizzle-orm';
import { bulkOperations } from '../../db/schema';
import type { Actor, AppContext } from '../context';

/**
 * The organization's latest bulk operations, newest first: those of a job, or those still running. A page reloaded
 * while one runs finds it here and shows its progress again.
 */
export async function listBulkOperations(
  ctx: AppContext,
  actor: Actor,
  input: { jobId?: string; status?: 'running' | 'done' | 'failed' },
) {
  return ctx.db
    .select()
    .from(bulkOperations)
    .where(
      and(
        eq(bulkOperations.organizationId, actor.organizationId),
        input.jobId ? eq(bulkOperations.jobId, input.jobId) : undefined,
        input.status ? eq(bulkOperations.status, input.status) : undefined,
      ),
    )
    .orderBy(desc(bulkOperations.createdAt), desc(bulkOperations.id))
    .limit(20);
}
