import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { apiTokens, sessions, users } from '../../db/schema';
import { conflict } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { loadUser } from '../load';

/** Ends every session and API token of a member, at once: the next request with any of them is 401. */
async function endAccess(tx: Tx, userId: string) {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
  await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

/** An organization always keeps one active admin, and nobody locks themselves out. */
async function mayLose(tx: Tx, actor: Actor, user: typeof users.$inferSelect) {
  if (user.id === actor.userId)
    throw conflict('self', 'You cannot deactivate or remove yourself; ask another admin');
  if (user.role !== 'admin' || user.deactivatedAt) return;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(
        eq(users.organizationId, actor.organizationId),
        eq(users.role, 'admin'),
        isNull(users.deactivatedAt),
        ne(users.id, user.id),
      ),
    );
  if (!row?.n) throw conflict('last-admin', 'An organization needs at least one active admin');
}

/** Deactivates a member: they can no longer sign in, and their sessions and tokens end now. Reversible. */
export function deactivateUser(ctx: AppContext, actor: Actor, input: { userId: string }) {
  return setActive(ctx, actor, input.userId, false);
}

/** Lets a deactivated member sign in again (with their password; nothing they had is restored). */
export function reactivateUser(ctx: AppContext, actor: Actor, input: { userId: string }) {
  return setActive(ctx, actor, input.userId, true);
}

async function setActive(ctx: AppContext, actor: Actor, userId: string, active: boolean) {
  return ctx.db.transaction(async (tx) => {
    const user = await loadUser(tx, actor.organizationId, userId);
    if (!active) {
      await mayLose(tx, actor, user);
      await endAccess(tx, user.id);
    }
    const [updated] = await tx
      .update(users)
      .set({ deactivatedAt: active ? null : (user.deactivatedAt ?? new Date()) })
      .where(eq(users.id, user.id))
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: active ? 'user.reactivated' : 'user.deactivated',
      subjectType: 'user',
      subjectId: user.id,
      data: { name: user.name },
    });
    return updated!;
  });
}

/**
 * Removes a member: their access ends now, their name, address and password are erased, and they leave the member
 * list. The row stays, nameless, so scorecards and approvals they made still point somewhere; the audit trail keeps
 * the name it recorded at the time.
 */
export async function removeUser(ctx: AppContext, actor: Actor, input: { userId: string }) {
  await ctx.db.transaction(async (tx) => {
    const user = await loadUser(tx, actor.organizationId, input.userId);
    await mayLose(tx, actor, user);
    await endAccess(tx, user.id);
    await tx
      .update(users)
      .set({
        name: 'Former member',
        email: `removed-${user.id}@members.invalid`,
        passwordHash: null,
        deactivatedAt: user.deactivatedAt ?? new Date(),
        removedAt: new Date(),
      })
      .where(eq(users.id, user.id));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'user.removed',
      subjectType: 'user',
      subjectId: user.id,
      data: { name: user.name },
    });
  });
}
