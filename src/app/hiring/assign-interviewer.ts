import { and, eq } from 'drizzle-orm';
import { applicationInterviewers, invitations } from '../../db/schema';
import { takesScorecards } from '../../domain/pipeline';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { openInvitationsOf } from '../identity/invitation-links';
import { loadApplication, loadUser } from '../load';
import { requestScorecard } from './scorecard-requests';

/**
 * Assigns a member to interview for an application: they may then read it and submit scorecards on it. They are
 * asked for their scorecard by email, and reminded a day later if it is not in.
 */
export async function assignInterviewer(
  ctx: AppContext,
  actor: Actor,
  input: { applicationId: string; userId: string },
) {
  const assigned = await ctx.db.transaction(async (tx) => {
    const a = await loadApplication(tx, actor.organizationId, input.applicationId);
    const user = await loadUser(tx, actor.organizationId, input.userId);
    if (user.deactivatedAt)
      throw new AppError(409, 'member-deactivated', 'A deactivated member cannot be assigned');
    // Someone invited who has not joined yet may be assigned while their link still works; after it was revoked or
    // used up, they could never sign in to write the scorecard.
    if (!user.passwordHash && !user.ssoSubject) {
      const [open] = await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(openInvitationsOf(user.id))
        .limit(1);
      if (!open)
        throw new AppError(
          409,
          'invitation-revoked',
          `${user.name} has no invitation that still works: send it again before assigning them`,
        );
    }
    const [added] = await tx
      .insert(applicationInterviewers)
      .values({ applicationId: input.applicationId, userId: user.id, organizationId: actor.organizationId })
      .onConflictDoNothing()
      .returning();
    if (added) {
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actor,
        action: 'application.interviewer-assigned',
        subjectType: 'user',
        subjectId: user.id,
        applicationId: input.applicationId,
        data: { name: user.name },
      });
      if (takesScorecards(a.application.stage))
        await requestScorecard(tx, ctx, {
          organizationId: actor.organizationId,
          applicationId: input.applicationId,
          candidateName: a.candidate.name,
          jobTitle: a.job.title,
          organizationName: a.organizationName,
          interviewer: user,
        });
    }
    return { id: user.id, name: user.name, email: user.email, role: user.role };
  });
  ctx.jobs.poke();
  return assigned;
}

/** Takes a member off an application: they no longer see it (unless their role reads every application). */
export async function unassignInterviewer(
  ctx: AppContext,
  actor: Actor,
  input: { applicationId: string; userId: string },
) {
  await ctx.db.transaction(async (tx) => {
    await loadApplication(tx, actor.organizationId, input.applicationId);
    const removed = await tx
      .delete(applicationInterviewers)
      .where(
        and(
          eq(applicationInterviewers.applicationId, input.applicationId),
          eq(applicationInterviewers.userId, input.userId),
          eq(applicationInterviewers.organizationId, actor.organizationId),
        ),
      )
      .returning();
    if (removed.length)
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actor,
        action: 'application.interviewer-unassigned',
        subjectType: 'user',
        subjectId: input.userId,
        applicationId: input.applicationId,
        data: {},
      });
  });
}
