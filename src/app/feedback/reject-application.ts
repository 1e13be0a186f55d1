import { eq } from 'drizzle-orm';
import { applications, feedback } from '../../db/schema';
import { type ComposedFeedback, type ComposeInput, composeFeedback } from '../../domain/compose-feedback';
import { rejectionRefusal } from '../../domain/pipeline';
import type { RejectionReason } from '../../domain/rejection-reasons';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { refuseRiskyText } from '../check-text';
import type { Actor, AppContext, IntegrationActor } from '../context';
import { loadApplication, loadCriteria, loadRejectionReason, loadScorecards } from '../load';

type Loaded = Awaited<ReturnType<typeof loadApplication>>;
type LoadedCard = Awaited<ReturnType<typeof loadScorecards>>[number];
/** What a draft reads of a scorecard and its ratings, and of a criterion (a bulk rejection reads only these). */
type Card = Pick<LoadedCard, 'id' | 'stage' | 'interviewerName' | 'notes'> & {
  ratings: Pick<
    LoadedCard['ratings'][number],
    'criterionId' | 'rating' | 'evidence' | 'redactedAt' | 'flaggedRules'
  >[];
};
type Criterion = Pick<
  Awaited<ReturnType<typeof loadCriteria>>[number],
  'id' | 'name' | 'description' | 'practise'
>;

export interface RejectApplicationInput {
  applicationId: string;
  /** A default rejection reason's code, or one of the organization's own. */
  reason: string;
  /**
   * Internal; never sent. Still checked like a draft (a blocking finding refuses the rejection): a candidate may ask
   * for a copy of what an employer holds about them (GDPR Art. 15), notes included.
   */
  note?: string | null;
}

/**
 * Rejects an application for a documented reason and drafts candidate-facing feedback from the scorecards'
 * evidence. Someone with an offer or hired is never rejected (409, see `rejectionRefusal`). The draft comes checked
 * from the composer; it waits for a reviewer. Ratings whose evidence is flagged or
 * redacted are left out of it. The rejection and the draft commit together.
 */
export async function rejectApplication(
  ctx: AppContext,
  actor: Actor | IntegrationActor,
  input: RejectApplicationInput,
) {
  const { applicationId } = input;
  return ctx.db.transaction(async (tx) => {
    const { application, candidate, job, organizationName, organizationJurisdictions, organizationVoice } =
      await loadApplication(tx, actor.organizationId, applicationId, { lock: true });
    const refusal = rejectionRefusal(application.stage);
    if (refusal) throw new AppError(refusal.status, refusal.code, refusal.message);
    if (input.note) refuseRiskyText([['note', input.note]], organizationJurisdictions);
    const reason = await loadRejectionReason(tx, actor.organizationId, input.reason);
    const cards = await loadScorecards(tx, applicationId);
    const jobCriteria = await loadCriteria(tx, job.id);

    // The composer checks the whole body under the organization's jurisdictions; its findings are the draft's.
    const composed = composeRejection({
      organizationName,
      organizationJurisdictions,
      organizationVoice,
      job,
      candidate,
      reason,
      cards,
      criteria: jobCriteria,
    });
    const { findings } = composed;

    await tx
      .update(applications)
      .set({
        stage: 'rejected',
        rejectedAtStage: application.stage,
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
        outline: composed.sections,
      })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'application.rejected',
      subjectType: 'application',
      subjectId: applicationId,
      applicationId,
      data: rejectedAuditData(reason.code, input.note ?? null, application.stage),
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'feedback.drafted',
      subjectType: 'feedback',
      subjectId: draft.id,
      applicationId,
      data: draftedAuditData(draft.body, composed),
    });
    return draft;
  });
}

/** The draft for one rejection, composed and checked from the application's scorecards and its job's criteria. */
export function composeRejection(input: RejectionFacts): ComposedFeedback {
  return composeFeedback(rejectionInput(input));
}

/** What a rejection's draft is composed from. */
export interface RejectionFacts {
  organizationName: string;
  organizationJurisdictions: Loaded['organizationJurisdictions'];
  organizationVoice: Loaded['organizationVoice'];
  job: { title: string };
  candidate: { name: string };
  reason: RejectionReason;
  cards: Card[];
  criteria: Criterion[];
}

/** The composer's input for a rejection: the draft is a function of it alone. */
export function rejectionInput(input: RejectionFacts): ComposeInput {
  return {
    organizationName: input.organizationName,
    jobTitle: input.job.title,
    candidateName: input.candidate.name,
    reason: input.reason,
    jurisdictions: input.organizationJurisdictions,
    voice: input.organizationVoice,
    criteria: input.criteria.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      practise: c.practise,
    })),
    scorecards: input.cards.map((c) => ({
      id: c.id,
      stage: c.stage,
      interviewerName: c.interviewerName,
      notes: c.notes,
      ratings: c.ratings.map((r) => ({
        criterionId: r.criterionId,
        rating: r.rating,
        evidence: r.evidence,
        ...(r.redactedAt
          ? { leftOut: 'redacted' as const }
          : r.flaggedRules
            ? { leftOut: 'flagged' as const }
            : {}),
      })),
    })),
  };
}

/** What the audit trail keeps of a rejection. */
export function rejectedAuditData(reason: string, note: string | null, from: string) {
  return { reason, note, from };
}

/**
 * What the audit trail keeps of the draft a rejection wrote. Without the body (undefined), for a statement that reads
 * it from the draft's row (`recordAudits` with `draftBodies`).
 */
export function draftedAuditData(body: string | undefined, composed: ComposedFeedback) {
  return {
    ...(body === undefined ? {} : { body }),
    findings: composed.findings.length,
    omittedEvidence: composed.omitted.length,
    flaggedLeftOut: composed.omitted.filter((o) => o.why === 'flagged' || o.why === 'redacted').length,
    depth: composed.policy.depth,
  };
}
