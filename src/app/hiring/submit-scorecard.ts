import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { type Executor, inOrder } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import {
  applications,
  criteria,
  type Recommendation,
  type Stage,
  scorecardRatings,
  scorecards,
} from '../../db/schema';
import { STAGE_LABELS, stageAfterScorecard, takesScorecards } from '../../domain/pipeline';
import { roleMay } from '../../domain/policy';
import { AppError, forbidden } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { loadApplicationFor, loadUser } from '../load';
import { checkScorecard, recordFlaggedEvidence, type ScorecardContent } from './check-scorecard';

export interface SubmitScorecardInput extends ScorecardContent {
  applicationId: string;
  stage: Stage;
  /**
   * The member whose scorecard it is, when an admin records it for them; otherwise the scorecard is the signed-in
   * member's own. The audit names both.
   */
  onBehalfOf?: string | null;
  recommendation: Recommendation;
}

export type { ScorecardFinding } from './check-scorecard';

// The scorecard's insert, built once (each value a placeholder of the column's key).
const p = sql.placeholder;
const scorecardInsert = preparedQuery((db) =>
  db
    .insert(scorecards)
    .values({
      id: p('id'),
      organizationId: p('organizationId'),
      applicationId: p('applicationId'),
      stage: p('stage'),
      interviewerId: p('interviewerId'),
      interviewerName: p('interviewerName'),
      interviewerEmail: p('interviewerEmail'),
      recommendation: p('recommendation'),
      notes: p('notes'),
      submittedBy: p('submittedBy'),
    })
    .returning(),
);

// The criteria of the application's job, read in the same round trip as the application (after its lock).
const applicationCriteriaQuery = preparedQuery((db) =>
  db
    .select()
    .from(criteria)
    .where(
      eq(
        criteria.jobId,
        db
          .select({ jobId: applications.jobId })
          .from(applications)
          .where(
            and(
              eq(applications.id, sql.placeholder('applicationId')),
              eq(applications.organizationId, sql.placeholder('organizationId')),
            ),
          ),
      ),
    ),
);

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
    // The application (locked) and its job's criteria: one round trip on PostgreSQL.
    const [loaded, jobCriteria] = await inOrder(tx, [
      () => loadApplicationFor(tx, actor, applicationId, { lock: true }),
      () => applicationCriteriaQuery(tx).execute({ applicationId, organizationId: actor.organizationId }),
    ]);
    const { application } = loaded;
    if (!takesScorecards(application.stage)) {
      throw new AppError(
        409,
        'application-closed',
        `This application is ${STAGE_LABELS[application.stage].toLowerCase()}; it takes no more scorecards`,
      );
    }
    const author = await scorecardAuthor(tx, actor, input.onBehalfOf);
    const { findings, flagOf, flaggedAudit } = await checkScorecard(tx, actor, loaded, input, jobCriteria);

    // Every write in one round trip on PostgreSQL: the scorecard's id is made here, so that its ratings and its audit
    // need not wait for the insert's answer.
    const id = randomUUID();
    // While being assessed, the application moves to the furthest stage it has a scorecard for.
    const stage = stageAfterScorecard(application.stage, input.stage);
    const [inserted] = await inOrder(tx, [
      () =>
        scorecardInsert(tx).execute({
          id,
          organizationId: actor.organizationId,
          applicationId,
          stage: input.stage,
          interviewerId: author.id,
          interviewerName: author.name,
          interviewerEmail: author.email,
          recommendation: input.recommendation,
          notes: input.notes ?? null,
          submittedBy: actor.userId,
        }),
      input.ratings.length > 0 &&
        (() =>
          tx.insert(scorecardRatings).values(
            input.ratings.map((r) => ({
              organizationId: actor.organizationId,
              scorecardId: id,
              criterionId: r.criterionId,
              rating: r.rating,
              evidence: r.evidence,
              ...flagOf(r.criterionId),
            })),
          )),
      stage !== application.stage &&
        (() => tx.update(applications).set({ stage }).where(eq(applications.id, applicationId))),
      () =>
        recordAudit(tx, {
          organizationId: actor.organizationId,
          actor,
          action: 'scorecard.submitted',
          subjectType: 'scorecard',
          subjectId: id,
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
        }),
      () => recordFlaggedEvidence(tx, actor, { id, applicationId }, flaggedAudit),
    ]);
    const card = inserted?.[0];
    if (!card) throw new Error('The scorecard was not inserted');
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
