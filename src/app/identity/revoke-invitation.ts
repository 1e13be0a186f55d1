import { invitations } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { loadUser } from '../load';
import { openInvitationsOf } from './invitation-links';
import { assertInvited } from './resend-invitation';

/**
 * Withdraws a member's pending invitation: the link stops working at once and says it was revoked. The member stays
 * on the list as invited (a new link can be sent later, or the member removed). Nothing pending is 409.
 */
export async function revokeInvitation(ctx: AppContext, actor: Actor, input: { userId: string }) {
  return ctx.db.transaction(async (tx) => {
    const member = await loadUser(tx, actor.organizationId, input.userId);
    assertInvited(member);
    const revoked = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(openInvitationsOf(member.id))
      .returning({ id: invitations.id });
    if (!revoked.length)
      throw new AppError(409, 'no-pending-invitation', `${member.name} has no invitation to revoke`);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'user.invitation-revoked',
      subjectType: 'user',
      subjectId: member.id,
      data: { email: member.email },
    });
    return member;
  });
}
