import { z } from '@hono/zod-openapi';
import type { Rating } from '../../domain/vocabulary';
import { Finding } from './shared';

export const StageSchema = z.enum(['screen', 'interview', 'final']).openapi('Stage');
export const ScorecardBody = z
  .object({
    stage: StageSchema,
    onBehalfOf: z.uuid().nullish().openapi({
      description:
        "An admin recording a member's scorecard for them: the member's id. Otherwise the scorecard is the signed-in member's own; the audit names both",
    }),
    ratings: z
      .array(
        z.object({
          criterionId: z.uuid(),
          rating: z
            .number()
            .int()
            .min(1)
            .max(4)
            .openapi({ description: '1 well below, 2 below, 3 meets, 4 exceeds' })
            .transform((n) => n as Rating),
          evidence: z.string().trim().min(1, 'every rating needs evidence').max(5000),
        }),
      )
      .min(1),
    recommendation: z.enum(['strong_no', 'no', 'yes', 'strong_yes']),
    notes: z
      .string()
      .max(10_000)
      .nullish()
      .openapi({ description: 'Private to the hiring team; never in feedback' }),
    submitAnyway: z
      .object({
        reason: z
          .string()
          .trim()
          .min(1, 'say why this evidence should be kept as written')
          .max(1000)
          .openapi({ example: 'The candidate raised it; recorded verbatim for the panel' }),
      })
      .strict()
      .nullish()
      .openapi({
        description:
          'Confirms evidence with a blocking checker finding. Without it such a scorecard is refused (422); with it the evidence is stored flagged (the reason, who confirmed) and left out of drafts and statistics.',
      }),
  })
  .strict()
  .openapi('Scorecard', {
    description:
      'The author is the signed-in member (or, for an admin, the member named in onBehalfOf); a free-text interviewer is refused',
  });
export const ScorecardEditBody = ScorecardBody.omit({ stage: true, onBehalfOf: true })
  .strict()
  .openapi('ScorecardEdit', {
    description:
      "The scorecard's new content as a whole: its ratings replace the old ones, checked as on submitting",
  });
export const ScorecardFinding = Finding.extend({
  field: z.enum(['evidence', 'notes']),
  criterionId: z.uuid().optional(),
}).openapi('ScorecardFinding');
export const ScorecardResult = z
  .object({ id: z.uuid(), findings: z.array(ScorecardFinding) })
  .openapi('ScorecardResult');

const Person = z.object({ id: z.uuid(), name: z.string() }).nullable();
export const ScorecardRating = z
  .object({
    id: z.uuid(),
    criterionId: z.uuid(),
    rating: z.number(),
    evidence: z.string().openapi({ description: 'Empty once redacted' }),
    flag: z
      .object({
        rules: z.array(z.object({ ruleId: z.string(), category: z.string() })),
        reason: z.string(),
        by: Person,
        at: z.iso.datetime().nullable(),
      })
      .nullable()
      .openapi({
        description:
          'Submitted despite a blocking checker finding: the rules, the reason given and who confirmed. Left out of drafts and statistics.',
      }),
    redaction: z
      .object({ at: z.iso.datetime(), by: Person, reason: z.string() })
      .nullable()
      .openapi({ description: 'The evidence was removed by an admin: who, when and why' }),
  })
  .openapi('ScorecardRating');
export const RatingParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'The scorecard' }),
  ratingId: z.uuid().openapi({ param: { name: 'ratingId', in: 'path' } }),
});
export const RedactBody = z
  .object({ reason: z.string().trim().min(1, 'say why the evidence is redacted').max(1000) })
  .openapi('RedactEvidence');
export const RedactResult = z
  .object({
    rating: ScorecardRating,
    quotedBy: z.object({ id: z.uuid(), status: z.string() }).nullable().openapi({
      description:
        "The application's feedback, when a sentence of it was drafted from this evidence: its link to the evidence is removed, its wording is not",
    }),
  })
  .openapi('RedactResult');
