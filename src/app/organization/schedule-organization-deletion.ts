import { eq } from 'drizzle-orm';
import { organizations } from '../../db/schema';
import { enqueue } from '../../jobs/runner';
import { verifyPassword } from '../../lib/crypto';
import { AppError, conflict } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { loadUser } from '../load';
import { reservePasswordChange } from '../password-resets';
import { clearAttempts } from '../rate-limit';
import { DELETION_GRACE_DAYS, firstName, tellAdmins } from './deletion-notices';

/**
 * An admin asks for the organization to be deleted, with their password and the organization's name typed out.
 * Nothing is removed yet: the erasure is due in DELETION_GRACE_DAYS, every admin is emailed, and any admin may cancel
 * until then. The request, the notices and the job that erases it commit together.
 */
export async function scheduleOrganizationDeletion(
  ctx: AppContext,
  actor: Actor,
  input: { password: string; confirmName: string; now?: Date },
) {
  if (actor.type !== 'user')
    throw new AppError(
      403,
      'session-required',
      'Delete the organization from a signed-in session, not with an API token',
    );
  const now = input.now ?? new Date();
  // The same budget of wrong passwords as changing one's password: guessing here is guessing that password.
  await reservePasswordChange(ctx, `staff:${actor.userId}`);
  const user = await loadUser(ctx.db, actor.organizationId, actor.userId);
  if (!(await verifyPassword(user.passwordHash, input.password)))
    throw new AppError(403, 'wrong-password', 'Your password is not right; nothing was scheduled');
  await clearAttempts(ctx.db, `password-change:staff:${actor.userId}`);
  const dueAt = new Date(now.getTime() + DELETION_GRACE_DAYS * 86_400_000);
  const result = await ctx.db.transaction(async (tx) => {
    const [org] = await tx
      .select()
      .from(organizations)
      .where(eq(organizations.id, actor.organizationId))
      .for('update');
    if (!org) throw new AppError(404, 'not-found', 'Organization not found');
    if (input.confirmName.trim() !== org.name.trim())
      throw new AppError(400, 'invalid-request', "body.confirmName: type the organization's name exactly");
    if (org.deletionDueAt)
      throw conflict(
        'deletion-scheduled',
        `The organization is already to be deleted on ${org.deletionDueAt.toISOString()}`,
      );
    const [updated] = await tx
      .update(organizations)
      .set({ deletionDueAt: dueAt, deletionRequestedAt: now, deletionRequestedBy: actor.name })
      .where(eq(organizations.id, org.id))
      .returning();
    await recordAudit(tx, {
      organizationId: org.id,
      actor,
      action: 'organization.deletion-scheduled',
      subjectType: 'organization',
      subjectId: org.id,
      data: { dueAt: dueAt.toISOString() },
    });
    const day = dueAt.toUTCString();
    await tellAdmins(tx, ctx, org, (admin) => ({
      subject: `${org.name} will be deleted from Debrief on ${dueAt.toISOString().slice(0, 10)}`,
      text: [
        `Hello ${firstName(admin.name)},`,
        '',
        `${actor.name} asked for ${org.name} to be deleted from Debrief. On ${day}, every job, application,`,
        'scorecard, feedback, member and audit event of the organization will be erased for good.',
        '',
        'Any admin can cancel before then, under Settings:',
        `${ctx.config.publicUrl}/settings`,
      ].join('\n'),
    }));
    await enqueue(
      tx,
      ctx.jobs.eraseOrganization,
      { organizationId: org.id },
      { runAt: dueAt, dedupeKey: `erase-organization:${org.id}:${dueAt.toISOString()}` },
    );
    return updated!;
  });
  ctx.jobs.poke();
  return result;
}

/** Any admin calls off a scheduled deletion during the grace period; every admin is told. */
export async function cancelOrganizationDeletion(ctx: AppContext, actor: Actor) {
  const result = await ctx.db.transaction(async (tx) => {
    const [org] = await tx
      .select()
      .from(organizations)
      .where(eq(organizations.id, actor.organizationId))
      .for('update');
    if (!org?.deletionDueAt) throw conflict('no-deletion-scheduled', 'The organization is not to be deleted');
    const [updated] = await tx
      .update(organizations)
      .set({ deletionDueAt: null, deletionRequestedAt: null, deletionRequestedBy: null })
      .where(eq(organizations.id, org.id))
      .returning();
    await recordAudit(tx, {
      organizationId: org.id,
      actor,
      action: 'organization.deletion-cancelled',
      subjectType: 'organization',
      subjectId: org.id,
      data: { dueAt: org.deletionDueAt.toISOString() },
    });
    await tellAdmins(tx, ctx, org, (admin) => ({
      subject: `${org.name} will not be deleted`,
      text: [
        `Hello ${firstName(admin.name)},`,
        '',
        `${actor.name} cancelled the deletion of ${org.name} from Debrief. Nothing was removed.`,
      ].join('\n'),
    }));
    return updated!;
  });
  ctx.jobs.poke();
  return result;
}
