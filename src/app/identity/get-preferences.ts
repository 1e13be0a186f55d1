import type { Actor, AppContext } from '../context';
import { loadUser } from '../load';

/** The signed-in member's own settings. */
export async function getPreferences(ctx: AppContext, actor: Actor) {
  const user = await loadUser(ctx.db, actor.organizationId, actor.userId);
  return { reviewDigest: user.reviewDigest };
}
