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
    thread: z
      .array(
        z.object({
          kind: z.enum(['feedback', 'thanks', 'rating', 'question', 'answer']),
          at: z.iso.datetime().nullable(),
          text: z.string().nullable(),
        }),
      )
      .openapi({ description: 'The conversation on this feedback, oldest first' }),
  })
  .openapi('InboxItem');
export const InboxRequest = z
  .object({
    id: z.uuid(),
    organization: z.string(),
    job: z.string(),
    status: z.string(),
    askedAt: z.iso.datetime(),
    dueAt: z.iso.datetime().openapi({ description: 'When the team said it would answer by' }),
  })
  .openapi('InboxRequest');
export const LoggedFeedbackBody = z
  .object({
    applicationId: z.uuid().nullish(),
    channel: z.enum(['email', 'call', 'other']),
    receivedOn: Day,
    text: z.string().trim().min(1).max(20_000),
  })
  .openapi('LoggedFeedbackCreate');
export const LoggedFeedbackPatchBody = LoggedFeedbackBody.partial()
  .refine((b) => Object.keys(b).length > 0, 'send at least one field to change')
  .openapi('LoggedFeedbackUpdate');
export const LoggedFeedback = LoggedFeedbackBody.extend({
  id: z.uuid(),
  applicationId: z.uuid().nullable(),
}).openapi('LoggedFeedback');
export const Inbox = z.object({ items: z.array(InboxItem), requests: z.array(InboxRequest) });
/** The tracker application something belongs to, named as the candidate tracks it, or none. */
export const TrackerApplicationRef = z
  .object({ id: z.uuid(), company: z.string(), role: z.string() })
  .nullable();
export const LoggedFeedbackList = z.object({
  items: z.array(
    LoggedFeedback.extend({
      application: TrackerApplicationRef.openapi({ description: 'The application it is about' }),
    }).openapi('LoggedFeedbackListed'),
  ),
});
