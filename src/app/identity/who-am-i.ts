import type { Actor, AppContext } from '../context';
import { loadOrganization, loadUser } from '../load';

/** The signed-in user (or the token's holder) and their organization. */
export async function whoAmI(ctx: AppContext, actor: Actor) {
  const user = await loadUser(ctx.db, actor.organizationId, actor.userId);
  const organization = await loadOrganization(ctx.db, actor.organizationId);
  return { user, organization };
}
