import { eq } from 'drizzle-orm';
import type { Finding } from '../../checker';
import {
  applications,
  criteria,
  type Rating,
  type Recommendation,
  type Stage,
  scorecardRatings,
  scorecards,
} from '../../db/schema';
import { APPLICATION_STAGES } from '../../domain/vocabulary';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { checkFeedbackText } from '../check-text';
import type { Actor, AppContext } from '../context';
import { loadApplicationFor, loadOrganization } from '../load';

export interface SubmitScorecardInput {
  applicationId: string;
  stage: Stage;
  interviewer: { name: string; email: string };
  ratings: { criterionId: string; rating: Rating; evidence: string }[];
  recommendation: Recommendation;
  notes?: string | null;
}

/** A finding in a scorecard, with the field it is in. */
export type ScorecardFinding = Finding & { field: 'evidence' | 'notes'; criterionId?: string };

/**
 * Records an interviewer's scorecard: a rating and evidence per criterion of the job. Every note is checked and the
 * findings come back, so interviewers learn to write what a candidate could one day read (a subject access request
 * under GDPR Art. 15 or the UK GDPR can disclose interview notes). Findings do not block a scorecard.
 */
export async function submitScorecard(ctx: AppContext, actor: Actor, input: SubmitScorecardInput) {
  const { applicationId } = input;
  return ctx.db.transaction(async (tx) => {
    const { application, job } = await loadApplicationFor(tx, actor, applicationId, {
      lock: true,
    });
    if (application.status !== 'active') {
      throw new AppError(
        409,
        'application-closed',
        `This application is ${application.status}; it takes no more scorecards`,
      );
    }
    const jobCriteria = await tx.select().from(criteria).where(eq(criteria.jobId, job.id));
    const known = new Set(jobCriteria.map((c) => c.id));
    const seen = new Set<string>();
    input.ratings.forEach((r, i) => {
      if (!known.has(r.criterionId)) {
        throw new AppError(
          400,
          'invalid-request',
          `body.ratings.${i}.criterionId: not a criterion of this job`,
        );
      }
      if (seen.has(r.criterionId)) {
        throw new AppError(
          400,
          'invalid-request',
          `body.ratings.${i}.criterionId: rated twice in one scorecard`,
        );
      }
      seen.add(r.criterionId);
    });

    const org = await loadOrganization(tx, actor.organizationId);
    const findings: ScorecardFinding[] = [];
    for (const r of input.ratings) {
      for (const f of checkFeedbackText(r.evidence, org.jurisdictions))
        findings.push({ ...f, field: 'evidence', criterionId: r.criterionId });
    }
    if (input.notes)
      for (const f of checkFeedbackText(input.notes, org.jurisdictions))
        findings.push({ ...f, field: 'notes' });

    const [card] = await tx
      .insert(scorecards)
      .values({
        organizationId: actor.organizationId,
        applicationId,
        stage: input.stage,
        interviewerName: input.interviewer.name,
        interviewerEmail: input.interviewer.email,
        recommendation: input.recommendation,
        notes: input.notes ?? null,
        submittedBy: actor.userId,
      })
      .returning();
    if (input.ratings.length) {
      await tx.insert(scorecardRatings).values(
        input.ratings.map((r) => ({
          organizationId: actor.organizationId,
          scorecardId: card.id,
          criterionId: r.criterionId,
          rating: r.rating,
          evidence: r.evidence,
        })),
      );
    }
    // The application moves to the furthest stage it has a scorecard for.
    const order: readonly string[] = APPLICATION_STAGES;
    if (order.indexOf(input.stage) > order.indexOf(application.stage)) {
      await tx.update(applications).set({ stage: input.stage }).where(eq(applications.id, applicationId));
    }
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'scorecard.submitted',
      subjectType: 'scorecard',
      subjectId: card.id,
      applicationId,
      data: { stage: input.stage, recommendation: input.recommendation, findings: findings.length },
    });
    return { scorecard: card, findings };
  });
}
