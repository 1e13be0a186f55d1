import { and, eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { loadUser } from '../load';

/** Changes the signed-in member's own settings (whether they get the daily summary), audited. */
export async function updatePreferences(ctx: AppContext, actor: Actor, input: { reviewDigest: boolean }) {
  return ctx.db.transaction(async (tx) => {
    const before = await loadUser(tx, actor.organizationId, actor.userId);
    await tx
      .update(users)
      .set({ reviewDigest: input.reviewDigest })
      .where(and(eq(users.id, actor.userId), eq(users.organizationId, actor.organizationId)));
    if (before.reviewDigest !== input.reviewDigest)
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actor,
        action: 'user.preferences-changed',
        subjectType: 'user',
        subjectId: actor.userId,
        data: { reviewDigest: input.reviewDigest },
      });
    return { reviewDigest: input.reviewDigest };
  });
}
