import { and, eq } from 'drizzle-orm';
import { type Recommendation, scorecardRatings, scorecards } from '../../db/schema';
import { isScorecardEditor, takesScorecards } from '../../domain/pipeline';
import { AppError, notFound } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { loadApplicationFor } from '../load';
import { checkScorecard, recordFlaggedEvidence, type ScorecardContent } from './check-scorecard';

export interface EditScorecardInput extends ScorecardContent {
  scorecardId: string;
  recommendation: Recommendation;
}

/**
 * The author changes their scorecard (an admin, one they recorded on a member's behalf): its ratings, evidence,
 * recommendation and notes, replaced as a whole and checked exactly as when it was submitted (a blocking finding in
 * evidence refuses it unless a reason is given, and the rating is then stored flagged). Once the application is
 * rejected, hired or withdrawn the scorecard is locked (409 `scorecard-locked`): the decision was made on it. The audit
 * records what changed, never the evidence.
 */
export async function editScorecard(ctx: AppContext, actor: Actor, input: EditScorecardInput) {
  return ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(scorecards)
      .where(and(eq(scorecards.id, input.scorecardId), eq(scorecards.organizationId, actor.organizationId)));
    if (!found) throw notFound('Scorecard');
    const loaded = await loadApplicationFor(tx, actor, found.applicationId, { lock: true });
    const { application } = loaded;
    const [card] = await tx.select().from(scorecards).where(eq(scorecards.id, found.id)).for('update');
    if (!card) throw notFound('Scorecard');
    if (!isScorecardEditor(actor, card))
      throw new AppError(403, 'not-author', `Only ${card.interviewerName} may edit this scorecard`);
    if (!takesScorecards(application.stage) || application.rejectedAt)
      throw new AppError(
        409,
        'scorecard-locked',
        'The application has been decided; its scorecards stay as they were when the decision was made',
      );
    const { findings, flagOf, flaggedAudit } = await checkScorecard(tx, actor, loaded, input);

    const before = await tx.select().from(scorecardRatings).where(eq(scorecardRatings.scorecardId, card.id));
    const [edited] = await tx
      .update(scorecards)
      .set({ recommendation: input.recommendation, notes: input.notes ?? null, editedAt: new Date() })
      .where(eq(scorecards.id, card.id))
      .returning();
    await tx.delete(scorecardRatings).where(eq(scorecardRatings.scorecardId, card.id));
    const ratings = input.ratings.length
      ? await tx
          .insert(scorecardRatings)
          .values(
            input.ratings.map((r) => ({
              organizationId: actor.organizationId,
              scorecardId: card.id,
              criterionId: r.criterionId,
              rating: r.rating,
              evidence: r.evidence,
              ...flagOf(r.criterionId),
            })),
          )
          .returning()
      : [];

    const was = new Map(before.map((r) => [r.criterionId, r]));
    const changed = input.ratings
      .filter((r) => {
        const old = was.get(r.criterionId);
        return !old || old.rating !== r.rating || old.evidence !== r.evidence;
      })
      .map((r) => ({
        criterionId: r.criterionId,
        rating: { from: was.get(r.criterionId)?.rating ?? null, to: r.rating },
      }));
    const dropped = before
      .filter((r) => !input.ratings.some((x) => x.criterionId === r.criterionId))
      .map((r) => r.criterionId);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'scorecard.edited',
      subjectType: 'scorecard',
      subjectId: card.id,
      applicationId: card.applicationId,
      data: {
        ratings: changed,
        ...(dropped.length ? { removed: dropped } : {}),
        ...(card.recommendation !== input.recommendation
          ? { recommendation: { from: card.recommendation, to: input.recommendation } }
          : {}),
        notesChanged: (card.notes ?? null) !== (input.notes ?? null),
        findings: findings.length,
        ...(card.interviewerId === actor.userId
          ? {}
          : {
              onBehalfOf: { id: card.interviewerId, name: card.interviewerName },
              summary: `Edited by ${actor.name} on behalf of ${card.interviewerName}`,
            }),
      },
    });
    await recordFlaggedEvidence(tx, actor, { id: card.id, applicationId: card.applicationId }, flaggedAudit);
    return { scorecard: { ...edited, ratings }, findings };
  });
}
