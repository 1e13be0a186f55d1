import { z } from '@hono/zod-openapi';
import { MAX_BACKFILL_DAYS } from '../../integrations/backfill';

export const StartBackfillBody = z
  .object({
    days: z
      .number()
      .int()
      .min(1)
      .max(MAX_BACKFILL_DAYS)
      .openapi({
        description: `Import the rejections of the last this many days (1 to ${MAX_BACKFILL_DAYS})`,
      }),
    jobId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'An ATS job id: 1 to 64 letters, digits, "-" or "_"')
      .optional()
      .openapi({
        description: "Only this job's rejections: the ATS's own id of the job (all jobs when left out)",
      }),
  })
  .openapi('StartBackfill');

export const Backfill = z
  .object({
    id: z.uuid(),
    days: z.number().int(),
    since: z.iso.datetime(),
    jobId: z
      .string()
      .nullable()
      .openapi({ description: 'The ATS job id it imports for; null for every job' }),
    status: z.enum(['running', 'done', 'failed']),
    found: z.number().int().openapi({ description: 'Rejections the ATS listed in the period' }),
    queued: z.number().int().openapi({ description: 'Of them, new to Debrief and queued for import' }),
    progress: z
      .object({
        imported: z.number().int(),
        waiting: z.number().int().openapi({ description: 'Still to import, or retrying' }),
        needsReason: z
          .number()
          .int()
          .openapi({ description: 'Held for a reason mapping (the review queue)' }),
        failed: z.number().int(),
      })
      .openapi({ description: 'What became of the rejections it queued' }),
    error: z.string().nullable(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .openapi('Backfill');
