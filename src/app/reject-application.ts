import { asc, eq } from 'drizzle-orm';
import { applications, criteria, feedback, scorecards } from '../db/schema';
import { composeFeedback } from '../domain/compose-feedback';
import { AppError } from '../lib/errors';
import { recordAudit } from './audit';
import { checkFeedbackText } from './check-text';
import type { Actor, AppContext } from './context';
import { loadApplication, loadOrganization, loadRatings } from './load';
import { resolveRejectionReason } from './rejection-reasons';

/**
 * Rejects an application for a documented reason and drafts candidate-facing feedback from the scorecards'
 * evidence. The draft is checked; it waits for a reviewer. The rejection and the draft commit together.
 */
export async function rejectApplication(
  ctx: AppContext,
  actor: Actor,
  applicationId: string,
  input: { reason: string; note?: string | null },
) {
  return ctx.db.transaction(async (tx) => {
    const { application, candidate, job } = await loadApplication(tx, actor.organizationId, applicationId, {
      lock: true,
    });
    if (application.status !== 'active') {
      throw new AppError(409, 'application-closed', `This application is already ${application.status}`);
    }
    const reason = await resolveRejectionReason(tx, actor.organizationId, input.reason);
    const org = await loadOrganization(tx, actor.organizationId);
    const cards = await tx
      .select()
      .from(scorecards)
      .where(eq(scorecards.applicationId, applicationId))
      .orderBy(asc(scorecards.createdAt));
    const ratings = await loadRatings(
      tx,
      cards.map((c) => c.id),
    );
    const jobCriteria = await tx
      .select()
      .from(criteria)
      .where(eq(criteria.jobId, job.id))
      .orderBy(asc(criteria.position));

    const composed = composeFeedback({
      organizationName: org.name,
      jobTitle: job.title,
      candidateName: candidate.name,
      reason,
      jurisdictions: org.jurisdictions,
      criteria: jobCriteria.map((c) => ({ id: c.id, name: c.name, description: c.description })),
      scorecards: cards.map((c) => ({
        id: c.id,
        stage: c.stage,
        interviewerName: c.interviewerName,
        notes: c.notes,
        ratings: ratings
          .filter((r) => r.scorecardId === c.id)
          .map((r) => ({
            criterionId: r.criterionId,
            rating: r.rating as 1 | 2 | 3 | 4,
            evidence: r.evidence,
          })),
      })),
    });
    const findings = checkFeedbackText(composed.body, org.jurisdictions);

    await tx
      .update(applications)
      .set({
        status: 'rejected',
        rejectionReason: reason.code,
        rejectionNote: input.note ?? null,
        rejectedAt: new Date(),
      })
      .where(eq(applications.id, applicationId));
    const [draft] = await tx
      .insert(feedback)
      .values({
        organizationId: actor.organizationId,
        applicationId,
        body: composed.body,
        findings,
        sentences: composed.sentences,
      })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'application.rejected',
      subjectType: 'application',
      subjectId: applicationId,
      applicationId,
      data: { reason: reason.code, note: input.note ?? null },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'feedback.drafted',
      subjectType: 'feedback',
      subjectId: draft.id,
      applicationId,
      data: {
        body: draft.body,
        findings: findings.length,
        omittedEvidence: composed.omitted.length,
        depth: composed.policy.depth,
      },
    });
    return draft;
  });
}
