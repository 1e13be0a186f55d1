import { z } from '@hono/zod-openapi';
import { Day } from './day';

/** Schemas of the candidate's feedback inbox: feedback sent through Debrief, and feedback logged by hand. */

export const InboxItem = z
  .object({
    id: z.uuid(),
    organization: z.string(),
    job: z.string(),
    body: z.string(),
    sentAt: z.iso.datetime().nullable(),
    applicationId: z.uuid().openapi({ description: 'The tracker application it belongs to' }),
  })
  .openapi('InboxItem');
export const LoggedFeedbackBody = z
  .object({
    applicationId: z.uuid().nullish(),
    channel: z.enum(['email', 'call', 'other']),
    receivedOn: Day,
    text: z.string().trim().min(1).max(20_000),
  })
  .openapi('LoggedFeedbackCreate');
export const LoggedFeedback = LoggedFeedbackBody.extend({
  id: z.uuid(),
  applicationId: z.uuid().nullable(),
}).openapi('LoggedFeedback');
export const Inbox = z.object({ items: z.array(InboxItem) });
export const LoggedFeedbackList = z.object({ items: z.array(LoggedFeedback) });
