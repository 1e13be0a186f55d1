import { z } from '@hono/zod-openapi';
import { Finding, ListQuery, Name } from './shared';

export const Criterion = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    practise: z.string().nullable().openapi({
      description:
        "The organization's own pointer for a gap in this criterion, used in feedback instead of the library's; null for the library's",
    }),
  })
  .openapi('Criterion');
export const CriterionParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'The job' }),
  criterionId: z.uuid().openapi({ param: { name: 'criterionId', in: 'path' } }),
});
export const CriterionPointerBody = z
  .object({
    practise: z.string().trim().max(1000).nullable().openapi({
      example:
        'Work through the capacity planning chapter of our engineering handbook, then size one service.',
      description:
        'What to practise, in one or two sentences that open with what to do; null or blank to use the library again',
    }),
  })
  .openapi('CriterionPointer');
export const CriterionPointerResult = z
  .object({
    criterion: Criterion,
    findings: z.array(Finding).openapi({
      description:
        'What the checker says about the pointer short of refusing it (a blocking finding is a 409)',
    }),
  })
  .openapi('CriterionPointerResult');
export const CreateJobBody = z
  .object({
    title: Name.openapi({ example: 'Senior Backend Engineer' }),
    criteria: z
      .array(
        z.object({
          name: Name.openapi({ example: 'Attention to detail' }),
          description: z.string().trim().max(1000).nullish(),
        }),
      )
      .min(1, 'a job needs at least one criterion')
      .max(30),
  })
  .openapi('CreateJob');
export const Job = z
  .object({
    id: z.uuid(),
    title: z.string(),
    status: z.enum(['open', 'filled', 'cancelled']),
    criteria: z.array(Criterion),
    applications: z
      .object({
        active: z.number().openapi({ description: 'Still in the process, offers included' }),
        rejected: z.number(),
        hired: z.number(),
        offer: z.number(),
        withdrawn: z.number(),
      })
      .optional(),
    heldUntilFilled: z.number().int().optional().openapi({
      description:
        'Feedback approved to be sent when the job is filled: closing the job sends it (one job only)',
    }),
    createdAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
  })
  .openapi('Job');
export const JobsQuery = ListQuery.extend({
  status: z
    .enum(['open', 'filled', 'cancelled'])
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
});
export const CloseJobBody = z
  .object({
    outcome: z.enum(['filled', 'cancelled']),
    filledElsewhere: z.boolean().optional().openapi({
      description:
        'Filled by someone not hired through Debrief. Without it, closing as filled needs an application marked hired (409 no-hire)',
    }),
  })
  .openapi('CloseJob');
export const CloseJobResult = z
  .object({
    job: Job,
    released: z.number().int().openapi({ description: 'Feedback held until filled, now queued' }),
  })
  .openapi('CloseJobResult');
export const BulkOperationItem = z
  .object({
    applicationId: z.uuid(),
    feedbackId: z.uuid().nullable(),
    candidateName: z.string(),
    code: z.string().openapi({ example: 'application-hired' }),
    message: z.string(),
  })
  .openapi('BulkOperationItem');
export const BulkOperation = z
  .object({
    id: z.uuid(),
    kind: z.enum(['reject-remaining', 'reject-selected', 'approve-drafts']),
    jobId: z.uuid().nullable(),
    status: z.enum(['running', 'done', 'failed']),
    total: z.number().int(),
    done: z.number().int(),
    skipped: z.array(BulkOperationItem).openapi({
      description:
        'Left alone, with the reason: an offer, a hire, a withdrawal, already rejected, or already approved by someone else',
    }),
    withFindings: z.array(BulkOperationItem).openapi({
      description: 'Drafts an approval left for a person to review: the checker found something in them',
    }),
    succeeded: z
      .number()
      .int()
      .openapi({ description: 'Applications rejected, or drafts approved and sent, so far' }),
    waitingUntil: z.iso.datetime().nullable().openapi({
      description: "Paused by the organization's hourly sending limit; it carries on by itself at this time",
    }),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .openapi('BulkOperation');
export const BulkOperationsQuery = z.object({
  jobId: z
    .uuid()
    .optional()
    .openapi({ param: { name: 'jobId', in: 'query' } }),
  status: z
    .enum(['running', 'done', 'failed'])
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
});
export const RejectRemainingBody = z.object({ reason: z.string().min(1).max(64) }).openapi('RejectRemaining');
