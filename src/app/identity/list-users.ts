import { and, asc, eq, isNull } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Actor, AppContext } from '../context';

/** The organization's members, oldest first; removed members are gone from the list. */
export function listUsers(ctx: AppContext, actor: Actor) {
  return ctx.db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, actor.organizationId), isNull(users.removedAt)))
    .orderBy(asc(users.createdAt));
}
