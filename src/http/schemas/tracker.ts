import { z } from '@hono/zod-openapi';
import { TRACKER_STATUSES } from '../../domain/vocabulary';
import { Name } from '../schemas';
import { Day } from './day';
import { LoggedFeedback } from './inbox';
import { PrepReminder } from './plan';

/** Schemas of the candidate's tracker: applications, interview rounds and reminders. */

const Person = z.object({
  name: Name,
  role: z.string().max(200).optional(),
  email: z.email().optional(),
  phone: z.string().max(40).optional(),
});

export const TrackerStatus = z.enum(TRACKER_STATUSES).openapi('TrackerStatus');
const TrackerFields = {
  company: Name,
  role: Name,
  source: z.string().max(200).nullish(),
  status: TrackerStatus.optional(),
  appliedOn: Day.nullish(),
  rejectedOn: Day.nullish(),
  decisionFinal: z.boolean().nullish(),
  roleFilled: z.boolean().nullish(),
  reason: z.string().max(5000).nullish().openapi({ description: 'What the employer said, if anything' }),
  recruiter: z
    .object({
      name: Name,
      email: z.email().optional(),
      phone: z.string().max(40).optional(),
      agency: z.string().max(200).optional(),
    })
    .nullish()
    .openapi({ description: 'A third-party recruiter, if there was one' }),
  notes: z.string().max(10_000).nullish(),
};
export const TrackerCreateBody = z.object(TrackerFields).openapi('TrackerApplicationCreate');
export const TrackerPatchBody = z
  .object(TrackerFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'send at least one field to change')
  .openapi('TrackerApplicationPatch');
export const Round = z
  .object({
    id: z.uuid(),
    stage: z.string(),
    date: z.string(),
    interviewers: z.array(Person),
    rapport: z.number().int().nullable(),
    notes: z.string().nullable(),
  })
  .openapi('Round');
export const RoundBody = z
  .object({
    stage: z.string().trim().min(1).max(100).openapi({ example: 'Technical interview' }),
    date: Day,
    interviewers: z.array(Person).max(20).default([]),
    rapport: z.number().int().min(1).max(5).nullish().openapi({ description: '1 to 5: how well you got on' }),
    notes: z.string().max(10_000).nullish(),
  })
  .openapi('RoundCreate');
/** A correction to a round: only the fields given change (no defaults, so the people met are never cleared unasked). */
export const RoundPatchBody = z
  .object({
    stage: z.string().trim().min(1).max(100),
    date: Day,
    interviewers: z.array(Person).max(20),
    rapport: z.number().int().min(1).max(5).nullable(),
    notes: z.string().max(10_000).nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'Give at least one field to change' })
  .openapi('RoundUpdate');
export const ReminderSchema = z
  .object({
    id: z.uuid(),
    applicationId: z.uuid().nullable(),
    kind: z.enum(['follow-up', 'thank-you', 'reapply', 'ask-feedback', 'action']),
    dueOn: z.string(),
    text: z.string(),
    done: z.boolean(),
  })
  .openapi('Reminder');
export const ReminderBody = z
  .object({
    applicationId: z.uuid().nullish(),
    kind: z.enum(['follow-up', 'thank-you', 'reapply', 'ask-feedback', 'action']),
    dueOn: Day,
    text: z.string().trim().min(1).max(1000),
  })
  .openapi('ReminderCreate');
export const DoneBody = z.object({ done: z.boolean() }).openapi('Done');
export const TrackerApplication = z
  .object({
    id: z.uuid(),
    company: z.string(),
    role: z.string(),
    source: z.string().nullable(),
    status: TrackerStatus,
    appliedOn: z.string().nullable(),
    rejectedOn: z.string().nullable(),
    decisionFinal: z.boolean().nullable(),
    roleFilled: z.boolean().nullable(),
    reason: z.string().nullable(),
    recruiter: z
      .object({
        name: z.string(),
        email: z.string().optional(),
        phone: z.string().optional(),
        agency: z.string().optional(),
      })
      .nullable(),
    notes: z.string().nullable(),
    feedbackId: z
      .uuid()
      .nullable()
      .openapi({ description: 'Feedback sent through Debrief for this application' }),
    rounds: z.number().int().optional(),
    createdAt: z.iso.datetime(),
  })
  .openapi('TrackerApplication');
export const TrackerApplicationDetail = TrackerApplication.extend({
  roundList: z.array(Round),
  reminders: z.array(ReminderSchema),
  loggedFeedback: z.array(LoggedFeedback),
  debriefFeedback: z
    .object({ id: z.uuid(), body: z.string(), sentAt: z.iso.datetime().nullable() })
    .nullable(),
  prep: z.array(PrepReminder),
});
export const TrackerApplicationList = z.object({ items: z.array(TrackerApplication) });
export const RemindersQuery = z.object({
  open: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name: 'open', in: 'query' } })
    .transform((v) => v === 'true'),
});
export const ReminderList = z.object({ items: z.array(ReminderSchema) });
