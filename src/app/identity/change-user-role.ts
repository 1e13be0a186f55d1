import { and, eq, sql } from 'drizzle-orm';
import { type Role, users } from '../../db/schema';
import { conflict } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { loadUser } from '../load';

/** Changes a member's role. An organization always keeps at least one admin. */
export async function changeUserRole(ctx: AppContext, actor: Actor, input: { userId: string; role: Role }) {
  const { userId: id, role } = input;
  return ctx.db.transaction(async (tx) => {
    const user = await loadUser(tx, actor.organizationId, id);
    if (user.role === 'admin' && role !== 'admin') {
      const [{ n }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(and(eq(users.organizationId, actor.organizationId), eq(users.role, 'admin')));
      if (n <= 1) throw conflict('last-admin', 'An organization needs at least one admin');
    }
    const [updated] = await tx.update(users).set({ role }).where(eq(users.id, id)).returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'user.role-changed',
      subjectType: 'user',
      subjectId: id,
      data: { from: user.role, to: role },
    });
    return updated;
  });
}
