import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { loadOrganization, loadUser } from '../load';
import { sendInvitation } from './invitation-links';

/**
 * Sends an invited member a new link (pending, expired or revoked before): the old link is marked replaced and stops
 * working, the new one is stored hashed and expires like the first. A member who has joined, or whose access was
 * ended, has nothing to resend (409).
 */
export async function resendInvitation(ctx: AppContext, actor: Actor, input: { userId: string }) {
  const result = await ctx.db.transaction(async (tx) => {
    const member = await loadUser(tx, actor.organizationId, input.userId);
    assertInvited(member);
    const org = await loadOrganization(tx, actor.organizationId);
    const sent = await sendInvitation(tx, ctx, actor, org.name, member);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'user.invitation-resent',
      subjectType: 'user',
      subjectId: member.id,
      data: { email: member.email, replaced: sent.replaced },
    });
    return { member, invitation: sent.invitation };
  });
  ctx.jobs.poke();
  return result;
}

/** Only someone invited and not yet joined has an invitation to resend or revoke. */
export function assertInvited(member: {
  passwordHash: string | null;
  ssoSubject: string | null;
  deactivatedAt: Date | null;
}) {
  if (member.passwordHash || member.ssoSubject)
    throw new AppError(
      409,
      'already-joined',
      'This member has already joined; there is no invitation to change',
    );
  if (member.deactivatedAt)
    throw new AppError(409, 'member-deactivated', 'This member is deactivated; reactivate them first');
}
