import { and, eq } from 'drizzle-orm';
import { feedback, scorecardRatings, scorecards } from '../../db/schema';
import { outlineWithout } from '../../domain/draft-sections';
import { AppError, notFound } from '../../lib/errors';
import { recordAudit } from '../audit';
import type { Actor, AppContext } from '../context';
import { loadApplicationFor } from '../load';

export interface RedactEvidenceInput {
  scorecardId: string;
  ratingId: string;
  reason: string;
}

/**
 * An admin removes a rating's evidence text for good: the text is emptied, who, when and why are kept on the rating
 * and in the audit trail (never the text). The rating is then left out of drafts and of the dashboard's figures, and
 * any feedback's link to the evidence (with its excerpt) is removed; the answer names that feedback, whose wording a
 * reviewer may still need to change.
 */
export async function redactEvidence(ctx: AppContext, actor: Actor, input: RedactEvidenceInput) {
  return ctx.db.transaction(async (tx) => {
    const [card] = await tx
      .select()
      .from(scorecards)
      .where(and(eq(scorecards.id, input.scorecardId), eq(scorecards.organizationId, actor.organizationId)));
    if (!card) throw notFound('Scorecard');
    await loadApplicationFor(tx, actor, card.applicationId, { lock: true });
    const [rating] = await tx
      .select()
      .from(scorecardRatings)
      .where(and(eq(scorecardRatings.id, input.ratingId), eq(scorecardRatings.scorecardId, card.id)))
      .for('update');
    if (!rating) throw notFound('Rating');
    if (rating.redactedAt) throw new AppError(409, 'already-redacted', 'This evidence is already redacted');

    const reason = input.reason.trim();
    const [redacted] = await tx
      .update(scorecardRatings)
      .set({ evidence: '', redactedAt: new Date(), redactedBy: actor.userId, redactionReason: reason })
      .where(eq(scorecardRatings.id, rating.id))
      .returning();

    // Feedback keeps a link (with an excerpt) to the evidence behind each sentence: drop the links to this one.
    const [fb] = await tx
      .select({
        id: feedback.id,
        status: feedback.status,
        sentences: feedback.sentences,
        outline: feedback.outline,
      })
      .from(feedback)
      .where(eq(feedback.applicationId, card.applicationId))
      .for('update');
    let unlinked = 0;
    if (fb) {
      const sentences = fb.sentences.map((s) => ({
        ...s,
        evidence: s.evidence.filter((e) => {
          const hit = e.scorecardId === card.id && e.criterionId === rating.criterionId;
          if (hit) unlinked++;
          return !hit;
        }),
      }));
      // The outline's sections keep the same links, with their excerpts.
      const outline = fb.outline ? outlineWithout(fb.outline, card.id, rating.criterionId).outline : null;
      if (unlinked || outline !== fb.outline)
        await tx.update(feedback).set({ sentences, outline }).where(eq(feedback.id, fb.id));
    }

    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'scorecard.evidence-redacted',
      subjectType: 'scorecard',
      subjectId: card.id,
      applicationId: card.applicationId,
      data: { ratingId: rating.id, criterionId: rating.criterionId, reason, feedbackLinksRemoved: unlinked },
    });
    // Feedback that quoted the evidence keeps its wording (a reviewer edits a draft; sent feedback is history).
    return {
      scorecard: card,
      rating: redacted,
      quotedBy: fb && unlinked ? { id: fb.id, status: fb.status } : null,
    };
  });
}
