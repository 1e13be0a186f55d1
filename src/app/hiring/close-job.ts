import { and, eq } from 'drizzle-orm';
import { applications, feedback, jobs } from '../../db/schema';
import { conflict } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { queueFeedbackEmail } from '../feedback/queue-feedback-email';
import { loadJob, loadOrganization } from '../load';

/**
 * Closes a job as filled or cancelled. Either way the decision is final, so feedback held "until filled" is released:
 * its emails are queued in the same transaction.
 */
export async function closeJob(
  ctx: AppContext,
  actor: Actor,
  input: { jobId: string; outcome: 'filled' | 'cancelled' },
) {
  const id = input.jobId;
  const result = await ctx.db.transaction(async (tx) => {
    const job = await loadJob(tx, actor.organizationId, id, { lock: true });
    if (job.status !== 'open') throw conflict('job-closed', `This job is already ${job.status}`);
    const [closed] = await tx
      .update(jobs)
      .set({ status: input.outcome, closedAt: new Date() })
      .where(eq(jobs.id, id))
      .returning();
    const org = await loadOrganization(tx, actor.organizationId);
    const held = await tx
      .select({ feedback, candidateId: applications.candidateId })
      .from(feedback)
      .innerJoin(applications, eq(applications.id, feedback.applicationId))
      .where(
        and(
          eq(applications.jobId, id),
          eq(feedback.status, 'scheduled'),
          eq(feedback.sendMode, 'when-filled'),
        ),
      );
    for (const h of held) {
      await queueFeedbackEmail(tx, ctx, {
        feedback: h.feedback,
        job: closed,
        organization: org,
        candidateId: h.candidateId,
      });
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actor,
        action: 'feedback.released',
        subjectType: 'feedback',
        subjectId: h.feedback.id,
        applicationId: h.feedback.applicationId,
        data: { because: `job ${input.outcome}` },
      });
    }
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'job.closed',
      subjectType: 'job',
      subjectId: id,
      data: { outcome: input.outcome, released: held.length },
    });
    return { job: closed, released: held.length };
  });
  ctx.jobs.poke();
  return result;
}
