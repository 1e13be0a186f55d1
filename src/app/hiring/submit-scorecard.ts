import { eq } from 'drizzle-orm';
import type { Finding } from '../../checker';
import type { Executor } from '../../db/client';
import {
  applications,
  criteria,
  type FlaggedRule,
  type Rating,
  type Recommendation,
  type Stage,
  scorecardRatings,
  scorecards,
} from '../../db/schema';
import { STAGE_LABELS, stageAfterScorecard, takesScorecards } from '../../domain/pipeline';
import { roleMay } from '../../domain/policy';
import { capitalize } from '../../domain/text';
import { AppError, forbidden } from '../../lib/errors';
import { recordAudit } from '../audit';
import { blocking, checkFeedbackText } from '../check-text';
import type { Actor, AppContext } from '../context';
import { loadApplicationFor, loadOrganization, loadUser } from '../load';

export interface SubmitScorecardInput {
  applicationId: string;
  stage: Stage;
  /**
   * The member whose scorecard it is, when an admin records it for them; otherwise the scorecard is the signed-in
   * member's own. The audit names both.
   */
  onBehalfOf?: string | null;
  ratings: { criterionId: string; rating: Rating; evidence: string }[];
  recommendation: Recommendation;
  notes?: string | null;
  /**
   * The interviewer's confirmation that evidence with a blocking finding is what they mean to record, and why.
   * Without it such a scorecard is refused (422).
   */
  submitAnyway?: { reason: string } | null;
}

/** A finding in a scorecard, with the field it is in. */
export type ScorecardFinding = Finding & { field: 'evidence' | 'notes'; criterionId?: string };

/**
 * Records an interviewer's scorecard: a rating and evidence per criterion of the job. Every note is checked and the
 * findings come back, so interviewers learn to write what a candidate could one day read (a subject access request
 * under GDPR Art. 15 or the UK GDPR can disclose interview notes). Evidence is what drafts are made of: a blocking
 * finding in it refuses the scorecard (422, nothing written) unless the interviewer submits anyway with a reason;
 * then each such rating is stored flagged (the rules, the reason, who confirmed) and left out of drafts and of the
 * dashboard's figures. Private notes never reach a candidate through Debrief, so their findings only come back.
 */
export async function submitScorecard(ctx: AppContext, actor: Actor, input: SubmitScorecardInput) {
  const { applicationId } = input;
  return ctx.db.transaction(async (tx) => {
    const { application, job } = await loadApplicationFor(tx, actor, applicationId, {
      lock: true,
    });
    if (!takesScorecards(application.stage)) {
      throw new AppError(
        409,
        'application-closed',
        `This application is ${STAGE_LABELS[application.stage].toLowerCase()}; it takes no more scorecards`,
      );
    }
    const author = await scorecardAuthor(tx, actor, input.onBehalfOf);
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

    // Evidence with a blocking finding, by criterion.
    const flagged = new Map<string, FlaggedRule[]>();
    for (const f of blocking(findings)) {
      if (f.field !== 'evidence' || !f.criterionId) continue;
      const rules = flagged.get(f.criterionId) ?? [];
      if (!rules.some((r) => r.ruleId === f.ruleId)) rules.push({ ruleId: f.ruleId, category: f.category });
      flagged.set(f.criterionId, rules);
    }
    const reason = input.submitAnyway?.reason.trim();
    if (flagged.size && !reason) {
      const name = (id: string) => jobCriteria.find((c) => c.id === id)?.name ?? id;
      const what = blocking(findings)
        .filter((f) => f.field === 'evidence')
        .map((f) => `the evidence for “${name(f.criterionId ?? '')}” says “${f.text}” (${f.category})`)
        .join('; ');
      throw new AppError(
        422,
        'blocking-findings',
        `${capitalize(what)}, which would put the organization at legal risk. Describe what the candidate did or said instead, or submit anyway with a reason: flagged evidence is kept out of feedback and statistics.`,
        {
          findings: findings.filter((f) => f.field === 'evidence' && f.severity === 'block'),
        },
      );
    }
    const now = new Date();

    const [card] = await tx
      .insert(scorecards)
      .values({
        organizationId: actor.organizationId,
        applicationId,
        stage: input.stage,
        interviewerId: author.id,
        interviewerName: author.name,
        interviewerEmail: author.email,
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
          ...(flagged.has(r.criterionId)
            ? {
                flaggedRules: flagged.get(r.criterionId),
                flagReason: reason,
                flaggedBy: actor.userId,
                flaggedAt: now,
              }
            : {}),
        })),
      );
    }
    // While being assessed, the application moves to the furthest stage it has a scorecard for.
    const stage = stageAfterScorecard(application.stage, input.stage);
    if (stage !== application.stage) {
      await tx.update(applications).set({ stage }).where(eq(applications.id, applicationId));
    }
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'scorecard.submitted',
      subjectType: 'scorecard',
      subjectId: card.id,
      applicationId,
      data: {
        stage: input.stage,
        recommendation: input.recommendation,
        findings: findings.length,
        ...(author.id === actor.userId
          ? {}
          : {
              onBehalfOf: { id: author.id, name: author.name },
              summary: `Recorded by ${actor.name} on behalf of ${author.name}`,
            }),
      },
    });
    if (flagged.size) {
      // Who confirmed and why, and which rules; never the evidence or the words the rules matched.
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actor,
        action: 'scorecard.submitted-anyway',
        subjectType: 'scorecard',
        subjectId: card.id,
        applicationId,
        data: {
          reason,
          ratings: [...flagged].map(([criterionId, rules]) => ({
            criterionId,
            rules: rules.map((r) => r.ruleId),
          })),
        },
      });
    }
    return { scorecard: card, findings };
  });
}

/**
 * Whose scorecard it is: the signed-in member's own, or, for an admin recording it, the named member of the
 * organization (another organization's member, or a removed one, is not found).
 */
async function scorecardAuthor(tx: Executor, actor: Actor, onBehalfOf: string | null | undefined) {
  if (!onBehalfOf || onBehalfOf === actor.userId)
    return { id: actor.userId, name: actor.name, email: actor.email };
  if (!roleMay(actor.role, 'scorecards.submit-on-behalf'))
    throw forbidden(`The ${actor.role} role may record only its own scorecards`);
  const member = await loadUser(tx, actor.organizationId, onBehalfOf);
  if (member.deactivatedAt)
    throw new AppError(409, 'member-deactivated', `${member.name} is deactivated; reactivate them first`);
  return { id: member.id, name: member.name, email: member.email };
}
