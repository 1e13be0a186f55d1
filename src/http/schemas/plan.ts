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
        count: z.number(),
        suggestedActions: z.array(z.string()),
        sources: z.array(
          z.object({
            id: z.string(),
            evidence: z.string(),
            kind: z.string().optional(),
            applicationId: z.uuid().nullable(),
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
