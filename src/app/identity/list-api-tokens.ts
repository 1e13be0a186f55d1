import { desc, eq } from 'drizzle-orm';
import { apiTokens } from '../../db/schema';
import type { Actor, AppContext } from '../context';

/** The organization's API tokens, newest first (revoked ones too). */
export function listApiTokens(ctx: AppContext, actor: Actor) {
  return ctx.db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.organizationId, actor.organizationId))
    .orderBy(desc(apiTokens.createdAt));
}
