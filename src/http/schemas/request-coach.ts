import { z } from '@hono/zod-openapi';
import { Finding } from '../schemas';

/** The request coach's answer for one rejected application. */
export const RequestPlanSchema = z
  .object({
    ask: z.object({
      advice: z.string(),
      earliest: z.string(),
      likelihood: z.enum(['low', 'medium', 'high']),
      reasons: z.array(z.string()),
      ready: z
        .boolean()
        .openapi({ description: 'False while the decision is not final: wait before asking' }),
      screenOnly: z.boolean(),
      reasonKind: z.enum(['none', 'substantive', 'beyond-control', 'personality', 'generic']),
      score: z.number(),
    }),
    contact: z
      .object({
        name: z.string(),
        why: z.string(),
        kind: z.enum(['interviewer', 'recruiter', 'hiring-team']),
        email: z.string().optional(),
        phone: z.string().optional(),
      })
      .nullable(),
    channel: z.object({ kind: z.enum(['call', 'email']), why: z.string() }),
    inHand: z.object({ link: z.string(), text: z.string() }).nullable().openapi({
      description:
        'Feedback already received through Debrief: read it, say thanks and ask one question on its page (link)',
    }),
    draft: z.object({ subject: z.string(), body: z.string() }),
    findings: z.array(Finding),
    callSheet: z.array(z.string()),
    followUps: z.array(z.object({ kind: z.string(), when: z.string(), text: z.string() })),
  })
  .openapi('RequestPlan');
