import { and, eq, sql } from 'drizzle-orm';
import { type Role, users } from '../../db/schema';
import { conflict } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { loadOrganization } from '../load';
import { sendInvitation } from './invitation-links';

/**
 * Adds a member to the actor's organization and emails them a link to choose a password. The user, the hashed
 * link, the message and its delivery job commit together. Whether the address has an account in another organization
 * is not said here (the answer is the same); its owner learns it on opening the link.
 */
export async function inviteUser(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; email: string; role: Role },
) {
  const org = await loadOrganization(ctx.db, actor.organizationId);
  const user = await ctx.db.transaction(async (tx) => {
    const [member] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.organizationId, actor.organizationId),
          sql`lower(${users.email}) = lower(${input.email})`,
        ),
      );
    if (member) throw conflict('already-member', `${input.email} is already a member of ${org.name}`);
    const [user] = await tx
      .insert(users)
      .values({
        organizationId: actor.organizationId,
        name: input.name,
        email: input.email,
        role: input.role,
      })
      .returning();
    await sendInvitation(tx, ctx, actor, org.name, user);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'user.invited',
      subjectType: 'user',
      subjectId: user.id,
      data: { email: input.email, role: input.role },
    });
    return user;
  });
  ctx.jobs.poke();
  return user;
}
