import { eq } from 'drizzle-orm';
import { invitations, organizations, users } from '../../db/schema';
import { sha256 } from '../../lib/crypto';
import type { AppContext } from '../context';
import { type InvitationState, invitationState } from './invitation-links';

export interface InvitationView {
  state: InvitationState;
  organization: string | null;
  role: string | null;
  /** The invited member's name and address, for a link still pending. */
  invitee: { name: string; email: string } | null;
  /** Who sent it, while they are still a member. */
  invitedBy: string | null;
  expiresAt: Date | null;
}

/**
 * What an emailed invitation link is, before its holder types a password: the organization, the role and who sent it,
 * and whether it still works (or was used, expired, revoked, or replaced by a newer link). A token that matches no
 * link says only `unknown`. The token is the key: only its SHA-256 is looked up.
 */
export async function getInvitation(ctx: AppContext, input: { token: string }): Promise<InvitationView> {
  const [row] = await ctx.db
    .select({ invitation: invitations, member: users, organization: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(users, eq(users.id, invitations.userId))
    .where(eq(invitations.tokenHash, sha256(input.token)));
  if (!row)
    return {
      state: 'unknown',
      organization: null,
      role: null,
      invitee: null,
      invitedBy: null,
      expiresAt: null,
    };
  const state = invitationState(row.invitation, row.member);
  let invitedBy: string | null = null;
  if (row.invitation.invitedBy) {
    const [inviter] = await ctx.db
      .select({ name: users.name, removedAt: users.removedAt })
      .from(users)
      .where(eq(users.id, row.invitation.invitedBy));
    invitedBy = inviter && !inviter.removedAt ? inviter.name : null;
  }
  return {
    state,
    organization: row.organization,
    role: row.member?.role ?? null,
    invitee: state === 'pending' && row.member ? { name: row.member.name, email: row.member.email } : null,
    invitedBy,
    expiresAt: row.invitation.expiresAt,
  };
}
