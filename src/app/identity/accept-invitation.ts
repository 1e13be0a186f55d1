import { and, eq, isNull } from 'drizzle-orm';
import { invitations, users } from '../../db/schema';
import { hashPassword, sha256 } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { type AppContext, actorOf } from '../context';
import { loadOrganization } from '../load';
import { assertEmailFree } from './assert-email-free';
import { openSession } from './sessions';
import { secondFactorDue } from './two-factor';

/**
 * An invited member chooses a password through the emailed link, which works once and expires; a link revoked or
 * replaced by a newer one no longer works (410, saying which).
 */
export async function acceptInvitation(ctx: AppContext, input: { token: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const [inv] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, sha256(input.token)))
      .for('update');
    if (!inv || inv.acceptedAt) {
      throw new AppError(
        404,
        'invitation-not-found',
        'This invitation link is not valid or was already used',
      );
    }
    if (inv.revokedAt)
      throw new AppError(
        410,
        'invitation-revoked',
        'This invitation was withdrawn; ask your admin if you should join',
      );
    if (inv.replacedAt)
      throw new AppError(
        410,
        'invitation-replaced',
        'A newer invitation link was sent to you; use the link in the latest email',
      );
    if (inv.expiresAt.getTime() <= Date.now()) {
      throw new AppError(
        410,
        'invitation-expired',
        'This invitation link has expired; ask your admin for a new one',
      );
    }
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, inv.id));
    const [invited] = await tx.select({ email: users.email }).from(users).where(eq(users.id, inv.userId));
    if (invited) await assertEmailFree(tx, invited.email);
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, inv.userId), isNull(users.deactivatedAt)))
      .returning();
    if (!user) throw new AppError(404, 'invitation-not-found', 'This invitation link is not valid');
    // With a second factor due, the member signs in through the form, which asks for it.
    const session = (await secondFactorDue(tx, user)) ? undefined : await openSession(tx, ctx, user);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: actorOf(user),
      action: 'user.joined',
      subjectType: 'user',
      subjectId: user.id,
    });
    const organization = await loadOrganization(tx, user.organizationId);
    return { user, organization, session };
  });
}
