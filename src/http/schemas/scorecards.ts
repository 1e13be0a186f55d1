import { z } from '@hono/zod-openapi';
import type { Rating } from '../../domain/vocabulary';
import { Email, Finding, Name } from './shared';

export const StageSchema = z.enum(['screen', 'interview', 'final']).openapi('Stage');
export const ScorecardBody = z
  .object({
    stage: StageSchema,
    interviewer: z.object({ name: Name, email: Email }),
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
  })
  .openapi('Scorecard');
export const ScorecardFinding = Finding.extend({
  field: z.enum(['evidence', 'notes']),
  criterionId: z.uuid().optional(),
}).openapi('ScorecardFinding');
export const ScorecardResult = z
  .object({ id: z.uuid(), findings: z.array(ScorecardFinding) })
  .openapi('ScorecardResult');
