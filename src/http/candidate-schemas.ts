import { z } from '@hono/zod-openapi';
import { TRACKER_STATUSES } from '../domain/vocabulary';
import { Email, Finding, Name, Password } from './schemas';

/** Schemas of the candidate's workspace. */

const Day = z.iso.date().openapi({ example: '2026-11-20' });
const Person = z.object({
  name: Name,
  role: z.string().max(200).optional(),
  email: z.email().optional(),
  phone: z.string().max(40).optional(),
});

export const CandidateSignUpBody = z
  .object({ name: Name, email: Email, password: Password })
  .openapi('CandidateSignUp');
export const CandidateLoginBody = z
  .object({ email: Email, password: z.string().min(1).max(200) })
  .openapi('CandidateLogin');
export const VerifyBody = z.object({ token: z.string().min(10).max(200) }).openapi('VerifyEmail');
export const CandidateAccount = z
  .object({ id: z.uuid(), name: z.string(), email: z.string(), verified: z.boolean() })
  .openapi('CandidateAccount');
export const SessionToken = z.object({
  token: z.string().openapi({ description: 'A candidate session token (dbc_...)' }),
});
export const SignedUpCandidate = CandidateAccount.extend(SessionToken.shape).openapi('SignedUpCandidate');

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
    draft: z.object({ subject: z.string(), body: z.string() }),
    findings: z.array(Finding),
    callSheet: z.array(z.string()),
    followUps: z.array(z.object({ kind: z.string(), when: z.string(), text: z.string() })),
  })
  .openapi('RequestPlan');
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
