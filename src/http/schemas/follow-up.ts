import { z } from '@hono/zod-openapi';
import { QueryDay } from './day';
import { QueryFlag } from './shared';

export const AnswerBody = z.object({ answer: z.string().trim().min(1).max(5000) }).openapi('AnswerQuestion');
export const FeedbackRequestItem = z
  .object({
    id: z.uuid(),
    applicationId: z.uuid(),
    feedbackId: z.uuid().nullable().openapi({ description: 'The draft to review and send, if there is one' }),
    candidate: z.object({ name: z.string(), email: z.string() }),
    job: z.object({ id: z.uuid(), title: z.string() }),
    message: z.string().nullable(),
    status: z.enum(['open', 'fulfilled', 'declined']),
    dueAt: z.iso.datetime(),
    overdue: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .openapi('FeedbackRequest');
export const FeedbackRequestsQuery = z.object({
  status: z
    .enum(['open', 'fulfilled', 'declined'])
    .default('open')
    .openapi({ param: { name: 'status', in: 'query' } }),
  jobId: z
    .uuid()
    .optional()
    .openapi({ param: { name: 'jobId', in: 'query' }, description: 'Only this job' }),
  from: QueryDay('from').openapi({ description: 'Asked on this day (UTC) or after' }),
  to: QueryDay('to', '2026-03-31').openapi({ description: 'Asked on this day (UTC) or before' }),
  overdue: QueryFlag(
    'overdue',
    'Past the deadline without an answer (true: open and due before now, as the dashboard counts them) or not (false)',
  ),
});
