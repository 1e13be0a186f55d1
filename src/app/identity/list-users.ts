import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { invitations, users } from '../../db/schema';
import type { Actor, AppContext } from '../context';
import { invitationState } from './invitation-links';

/** A member's latest invitation, while they have not joined: its state, when it was sent and until when it works. */
export interface InvitationSummary {
  state: 'pending' | 'used' | 'expired' | 'revoked' | 'replaced';
  sentAt: Date;
  expiresAt: Date;
  invitedBy: string | null;
}

/**
 * The organization's members, oldest first; removed members are gone from the list. A member who has not joined yet
 * carries their latest invitation (pending, expired or revoked), so an admin can send it again or withdraw it.
 */
export async function listUsers(ctx: AppContext, actor: Actor) {
  const members = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, actor.organizationId), isNull(users.removedAt)))
    .orderBy(asc(users.createdAt));
  const sent = await ctx.db
    .select()
    .from(invitations)
    .where(eq(invitations.organizationId, actor.organizationId))
    .orderBy(desc(invitations.createdAt));
  const names = new Map(members.map((m) => [m.id, m.name]));
  const latest = new Map<string, InvitationSummary>();
  for (const inv of sent) {
    if (latest.has(inv.userId)) continue;
    const member = members.find((m) => m.id === inv.userId) ?? null;
    latest.set(inv.userId, {
      state: invitationState(inv, member),
      sentAt: inv.createdAt,
      expiresAt: inv.expiresAt,
      invitedBy: inv.invitedBy ? (names.get(inv.invitedBy) ?? null) : null,
    });
  }
  return members.map((m) => ({
    ...m,
    invitation: m.passwordHash || m.ssoSubject ? null : (latest.get(m.id) ?? null),
  }));
}
