import { z } from '@hono/zod-openapi';
import { TRACKER_STATUSES } from '../../domain/vocabulary';
import { ListQuery, Name, page, SearchText } from '../schemas';
import { Day } from './day';
import { LoggedFeedback, TrackerApplicationRef } from './inbox';
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
  jobUrl: z
    .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'must be an http or https address' })
    .max(2000)
    .nullish()
    .openapi({ description: 'The job posting (http or https)', example: 'https://jobs.example.com/42' }),
  salaryMin: z.number().int().min(0).max(1_000_000_000).nullish(),
  salaryMax: z.number().int().min(0).max(1_000_000_000).nullish(),
  salaryCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code, e.g. EUR')
    .nullish()
    .openapi({ example: 'EUR' }),
};
/** A range given whole in one body must read low to high; the use case checks a half against what is stored. */
const rangeInOrder = (b: { salaryMin?: number | null; salaryMax?: number | null }) =>
  b.salaryMin == null || b.salaryMax == null || b.salaryMin <= b.salaryMax;
const rangeIssue = { message: 'must not be below salaryMin', path: ['salaryMax'] };
export const TrackerCreateBody = z
  .object(TrackerFields)
  .refine(rangeInOrder, rangeIssue)
  .openapi('TrackerApplicationCreate');
export const TrackerPatchBody = z
  .object(TrackerFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'send at least one field to change')
  .refine(rangeInOrder, rangeIssue)
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
const ReminderKind = z.enum(['follow-up', 'thank-you', 'reapply', 'ask-feedback', 'action']);
export const ReminderSchema = z
  .object({
    id: z.uuid(),
    applicationId: z.uuid().nullable(),
    kind: ReminderKind,
    dueOn: z.string(),
    text: z.string(),
    done: z.boolean(),
  })
  .openapi('Reminder');
export const ReminderBody = z
  .object({
    applicationId: z.uuid().nullish(),
    kind: ReminderKind,
    dueOn: Day,
    text: z.string().trim().min(1).max(1000),
  })
  .openapi('ReminderCreate');
export const ReminderPatchBody = z
  .object({
    kind: ReminderKind,
    dueOn: Day,
    text: z.string().trim().min(1).max(1000),
    done: z.boolean(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'send at least one field to change')
  .openapi('ReminderUpdate');
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
    jobUrl: z.string().nullable(),
    salaryMin: z.number().int().nullable(),
    salaryMax: z.number().int().nullable(),
    salaryCurrency: z.string().nullable(),
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
export const TrackerApplicationPage = page(TrackerApplication)
  .extend({
    total: z.number().int().openapi({ description: 'Applications matching the search, on every page' }),
  })
  .openapi('TrackerApplicationPage');
export const TrackerQuery = ListQuery.extend({
  q: SearchText('Words that must each appear in the company or the role, any case'),
  status: TrackerStatus.optional().openapi({ param: { name: 'status', in: 'query' } }),
});
export const RemindersQuery = z.object({
  open: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name: 'open', in: 'query' } })
    .transform((v) => v === 'true'),
});
const HomeReminder = ReminderSchema.extend({
  application: TrackerApplicationRef.openapi({ description: 'The application it is for' }),
}).openapi('HomeReminder');
export const ReminderList = z.object({ items: z.array(HomeReminder) });
export const CandidateHome = z
  .object({
    total: z.number().int().openapi({ description: 'Applications tracked' }),
    byStatus: z
      .object(
        Object.fromEntries(TRACKER_STATUSES.map((s) => [s, z.number().int()])) as {
          [S in (typeof TRACKER_STATUSES)[number]]: z.ZodNumber;
        },
      )
      .openapi({ description: 'Applications tracked, by status' }),
    newest: z.array(TrackerApplication).openapi({ description: 'The newest few applications, newest first' }),
    reminders: z.array(HomeReminder).openapi({
      description: 'The first few reminders not yet done, soonest first (late ones first of all)',
    }),
    remindersOpen: z.number().int().openapi({ description: 'Reminders not yet done, in all' }),
  })
  .openapi('CandidateHome');
