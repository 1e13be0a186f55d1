import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { type Role, users } from '../db/schema';
import { conflict, notFound } from '../lib/errors';
import { recordAudit } from './audit';
import type { Actor, AppContext } from './context';

export async function assertEmailFree(tx: Executor, email: string): Promise<void> {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  if (taken) throw conflict('email-taken', `A Debrief account already uses ${email}`);
}

export function listUsers(ctx: AppContext, actor: Actor) {
  return ctx.db
    .select()
    .from(users)
    .where(eq(users.organizationId, actor.organizationId))
    .orderBy(asc(users.createdAt));
}

export async function findUser(tx: Executor, actor: Actor, id: string) {
  const [user] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.organizationId, actor.organizationId)));
  if (!user) throw notFound('User');
  return user;
}

/** Changes a member's role. An organization always keeps at least one admin. */
export async function changeUserRole(ctx: AppContext, actor: Actor, id: string, role: Role) {
  return ctx.db.transaction(async (tx) => {
    const user = await findUser(tx, actor, id);
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
