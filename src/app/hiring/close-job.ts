import { and, eq, sql } from 'drizzle-orm';
import { applications, feedback, jobs } from '../../db/schema';
import { conflict } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { queueFeedbackEmail } from '../feedback/queue-feedback-email';
import { loadJob, loadOrganization } from '../load';

/**
 * Closes a job as filled or cancelled. Filled means someone was hired: an application marked hired, or, said
 * explicitly, someone from outside Debrief (`filledElsewhere`); otherwise it is refused (409). Either way feedback
 * held "until filled" is released: its emails are queued in the same transaction (a reopened job does not recall
 * them).
 */
export async function closeJob(
  ctx: AppContext,
  actor: Actor,
  input: { jobId: string; outcome: 'filled' | 'cancelled'; filledElsewhere?: boolean },
) {
  const id = input.jobId;
  const result = await ctx.db.transaction(async (tx) => {
    const job = await loadJob(tx, actor.organizationId, id, { lock: true });
    if (job.status !== 'open') throw conflict('job-closed', `This job is already ${job.status}`);
    const [{ hired }] = await tx
      .select({ hired: sql<number>`count(*)::int` })
      .from(applications)
      .where(and(eq(applications.jobId, id), eq(applications.stage, 'hired')));
    if (input.outcome === 'filled' && !hired && !input.filledElsewhere)
      throw conflict(
        'no-hire',
        'Nobody is marked hired for this job. Mark the person you hired first, or close it as filled elsewhere (filledElsewhere: true)',
      );
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
      data: {
        outcome: input.outcome,
        released: held.length,
        ...(input.outcome === 'filled' ? { hired, filledElsewhere: !hired } : {}),
      },
    });
    return { job: closed, released: held.length };
  });
  ctx.jobs.poke();
  return result;
}
