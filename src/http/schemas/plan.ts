import { z } from '@hono/zod-openapi';
import { Day } from './day';

/** Schemas of the improvement plan: themes across all feedback, actions, and what to revisit before interviews. */

export const PlanAction = z
  .object({
    id: z.uuid(),
    theme: z.string(),
    title: z.string(),
    dueOn: z.string().nullable(),
    done: z.boolean(),
  })
  .openapi('PlanAction');
export const PlanActionBody = z
  .object({
    theme: z.string().min(1).max(64),
    title: z.string().trim().min(1).max(500),
    dueOn: Day.nullish(),
  })
  .openapi('PlanActionCreate');
export const PlanActionPatch = z
  .object({
    title: z.string().trim().min(1).max(500).optional(),
    dueOn: Day.nullish(),
    done: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'send at least one field to change')
  .openapi('PlanActionPatch');
export const PrepReminder = z
  .object({ actionId: z.uuid(), theme: z.string(), title: z.string(), why: z.string() })
  .openapi('PrepReminder');
export const Plan = z
  .object({
    themes: z.array(
      z.object({
        theme: z.string(),
        label: z.string(),
        count: z.number().int().describe('How many distinct rejections name the theme'),
        recurring: z.boolean().describe('Named by two or more rejections; recurring themes come first'),
        summary: z.string().describe('For example "Came up in 2 of your 3 rejections"'),
        suggestedActions: z.array(z.string()),
        quotes: z.array(
          z.object({
            sourceId: z.string(),
            kind: z.enum(['debrief', 'logged', 'reason']),
            applicationId: z.uuid().nullable(),
            company: z.string().nullable(),
            criterion: z.string().nullable(),
            evidence: z
              .string()
              .nullable()
              .describe('What was observed, as written; null when nothing was quoted'),
          }),
        ),
      }),
    ),
    actions: z.array(PlanAction),
    upcoming: z.array(
      z.object({
        applicationId: z.uuid(),
        company: z.string(),
        role: z.string(),
        reminders: z.array(PrepReminder),
      }),
    ),
  })
  .openapi('Plan');
