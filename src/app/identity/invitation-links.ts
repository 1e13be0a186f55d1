import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { invitations, type users } from '../../db/schema';
import { queueEmail } from '../../jobs/deliver-email';
import { newSecret, sha256 } from '../../lib/crypto';
import type { Actor, AppContext } from '../context';

/** What an invitation link is now: still usable, or why not. `unknown` when no link has this token. */
export type InvitationState = 'pending' | 'used' | 'expired' | 'revoked' | 'replaced' | 'unknown';

/**
 * The state of one invitation row: used, revoked and replaced are final and said before expiry (a link sent again
 * says it was replaced even after its date); the member's access ended (deactivated or removed) reads as revoked.
 */
export function invitationState(
  inv: typeof invitations.$inferSelect,
  member: { deactivatedAt: Date | null; removedAt: Date | null } | null,
  now = new Date(),
): Exclude<InvitationState, 'unknown'> {
  if (inv.acceptedAt) return 'used';
  if (inv.revokedAt || !member || member.deactivatedAt || member.removedAt) return 'revoked';
  if (inv.replacedAt) return 'replaced';
  if (inv.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

/** The invitations of a member not yet used, revoked or replaced (at most one in practice). */
export const openInvitationsOf = (userId: string) =>
  and(
    eq(invitations.userId, userId),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    isNull(invitations.replacedAt),
  );

/**
 * Writes a new invitation link for a member (only its SHA-256 is stored; it expires after INVITE_DAYS) and queues the
 * email that carries it, in the caller's transaction. Any link still open for the member is marked replaced first, so
 * only the newest one works.
 */
export async function sendInvitation(
  tx: Executor,
  ctx: AppContext,
  actor: Actor,
  organizationName: string,
  member: typeof users.$inferSelect,
) {
  const secret = newSecret();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ctx.config.INVITE_DAYS * 86_400_000);
  const replaced = await tx
    .update(invitations)
    .set({ replacedAt: now })
    .where(openInvitationsOf(member.id))
    .returning({ id: invitations.id });
  const [invitation] = await tx
    .insert(invitations)
    .values({
      organizationId: member.organizationId,
      userId: member.id,
      tokenHash: sha256(secret),
      expiresAt,
      invitedBy: actor.userId,
    })
    .returning();
  await queueEmail(tx, ctx.jobs.deliverEmail, {
    organizationId: member.organizationId,
    to: member.email,
    subject: `${actor.name} invited you to ${organizationName} on Debrief`,
    text: [
      `Hello ${member.name},`,
      '',
      `${actor.name} added you to ${organizationName} on Debrief as ${member.role}.`,
      'Choose a password to sign in:',
      '',
      `${ctx.config.publicUrl}/invitations/${secret}`,
      '',
      `This link works once and expires on ${expiresAt.toUTCString()}.`,
      ...(replaced.length ? ['Any link sent to you before this one no longer works.'] : []),
    ].join('\n'),
  });
  return { invitation, replaced: replaced.length };
}
