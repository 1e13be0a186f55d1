import { asc, eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Actor, AppContext } from '../context';

/** The organization's members, oldest first. */
export function listUsers(ctx: AppContext, actor: Actor) {
  return ctx.db
    .select()
    .from(users)
    .where(eq(users.organizationId, actor.organizationId))
    .orderBy(asc(users.createdAt));
}
