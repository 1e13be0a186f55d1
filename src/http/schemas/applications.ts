import { z } from '@hono/zod-openapi';
import { APPLICATION_SORTS } from '../../app/hiring/list-applications';
import { APPLICATION_STAGES, APPLICATION_STATUSES } from '../../domain/vocabulary';
import { QueryDay } from './day';
import { Job } from './jobs';
import { RoleSchema } from './members';
import { ScorecardRating } from './scorecards';
import { Email, ListQuery, Name, QueryFlag, SearchText } from './shared';

export const ApplicationStageSchema = z
  .enum(APPLICATION_STAGES)
  .openapi('ApplicationStage', { description: 'Where the application is in the hiring pipeline' });
export const Application = z
  .object({
    id: z.uuid(),
    jobId: z.uuid(),
    candidate: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
    stage: ApplicationStageSchema,
    status: z
      .enum(APPLICATION_STATUSES)
      .openapi({ description: 'Follows from the stage; an offer is active' }),
    rejectionReason: z.string().nullable(),
    rejectedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    feedback: z.object({ id: z.uuid(), status: z.string() }).nullable(),
  })
  .openapi('Application');
export const CreateApplicationBody = z
  .object({
    jobId: z.uuid(),
    candidate: z.object({ name: Name.openapi({ example: 'Sam Rivera' }), email: Email }),
  })
  .openapi('CreateApplication');
export const ApplicationsQuery = ListQuery.extend({
  jobId: z
    .uuid()
    .optional()
    .openapi({ param: { name: 'jobId', in: 'query' } }),
  stage: ApplicationStageSchema.optional().openapi({ param: { name: 'stage', in: 'query' } }),
  status: z
    .enum(APPLICATION_STATUSES)
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
  feedbackStatus: z
    .enum(['draft', 'approved', 'scheduled', 'sent', 'failed'])
    .optional()
    .openapi({
      param: { name: 'feedbackStatus', in: 'query' },
      description: 'e.g. draft: feedback waiting for review',
    }),
  q: SearchText("Part of the candidate's name or email address, any case"),
  rejectedFrom: QueryDay('rejectedFrom'),
  rejectedTo: QueryDay('rejectedTo', '2026-03-31'),
  sentFrom: QueryDay('sentFrom').openapi({ description: 'Feedback sent on this day (UTC) or after' }),
  sentTo: QueryDay('sentTo', '2026-03-31').openapi({
    description: 'Feedback sent on this day (UTC) or before',
  }),
  rated: QueryFlag('rated', 'The candidate rated the usefulness of the feedback (true) or not (false)'),
  thanked: QueryFlag('thanked', 'The candidate thanked the team for the feedback (true) or not (false)'),
  asked: QueryFlag('asked', 'The candidate asked a question about the feedback (true) or not (false)'),
  answered: QueryFlag(
    'answered',
    'Only applications whose candidate asked a question: answered (true) or still waiting (false)',
  ),
  futureRoles: QueryFlag('futureRoles', 'The candidate is open to future roles (true) or not (false)'),
  gap: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({
      param: { name: 'gap', in: 'query' },
      description:
        "A criterion's name: applications rated below the bar (under 3) on it, as the dashboard's common gaps count them",
    }),
  sort: z
    .enum(APPLICATION_SORTS)
    .optional()
    .openapi({
      param: { name: 'sort', in: 'query' },
      description:
        'name, applied (date), stage (pipeline order) or updated; a leading "-" sorts descending. Default -applied (newest first). A cursor belongs to its sort.',
    }),
});
/** An application in a list, with the title of its job (a list may take every job's). */
export const ApplicationListItem = Application.extend({
  job: z.object({ id: z.uuid(), title: z.string() }),
}).openapi('ApplicationListItem');
export const ApplicationsPage = z
  .object({
    items: z.array(ApplicationListItem),
    nextCursor: z.string().nullable(),
    total: z.number().int().openapi({ description: 'Applications matching the filter, on every page' }),
  })
  .openapi('ApplicationsPage');

/** Which applications a bulk rejection takes: chosen one by one, or every one matching a filter. */
export const ApplicationFilterSchema = z
  .object({
    jobId: z.uuid().optional(),
    stage: ApplicationStageSchema.optional(),
    status: z.enum(APPLICATION_STATUSES).optional(),
    feedbackStatus: z.enum(['draft', 'approved', 'scheduled', 'sent', 'failed']).optional(),
    q: z.string().trim().max(200).optional(),
  })
  .openapi('ApplicationFilter');
export const BulkRejectionBody = z
  .object({
    reason: z
      .string()
      .min(1)
      .max(64)
      .openapi({ example: 'skills-gap', description: 'A code from GET /api/v1/rejection-reasons' }),
    applicationIds: z.array(z.uuid()).min(1).max(5000).optional(),
    filter: ApplicationFilterSchema.optional().openapi({
      description: 'Every application matching it (as GET /applications would list them), instead of ids',
    }),
  })
  .refine((b) => (b.applicationIds === undefined) !== (b.filter === undefined), {
    message: 'give either applicationIds or filter',
    path: ['applicationIds'],
  })
  .openapi('BulkRejection');
/** The hiring team's private view of one application: its job and its scorecards with ratings and notes. */
/** A member assigned to interview for an application. */
export const Interviewer = z
  .object({ id: z.uuid(), name: z.string(), email: z.string(), role: RoleSchema })
  .openapi('Interviewer');

export const ApplicationDetail = Application.extend({
  job: Job,
  interviewers: z.array(Interviewer),
  scorecards: z.array(
    z.object({
      id: z.uuid(),
      stage: z.string(),
      interviewer: z.object({
        id: z.uuid().nullable().openapi({ description: 'Null once the member is removed' }),
        name: z.string(),
        email: z.string(),
      }),
      recommendation: z.string(),
      notes: z.string().nullable(),
      createdAt: z.iso.datetime(),
      editedAt: z.iso.datetime().nullable().openapi({ description: 'When its author last edited it' }),
      editable: z.boolean().openapi({
        description:
          'The reader may edit it: their own scorecard (or one an admin recorded for a member), until the application is decided',
      }),
      ratings: z.array(ScorecardRating),
    }),
  ),
  scorecardsHidden: z.number().int().openapi({
    description:
      "Scorecards left out because the reader (an interviewer) has not submitted their own yet; they see their colleagues' once they have",
  }),
  noticeSentAt: z.iso.datetime().nullable().openapi({
    description: 'When the candidate was told the outcome without feedback (a notice can be sent once)',
  }),
  request: z
    .object({
      status: z.enum(['open', 'fulfilled', 'declined']),
      askedAt: z.iso.datetime(),
      dueAt: z.iso
        .datetime()
        .openapi({ description: 'The answer is due by then (working days from the ask)' }),
    })
    .nullable()
    .openapi({ description: "The candidate's request for feedback, once they have asked" }),
});

export const MoveApplicationBody = z
  .object({
    stage: ApplicationStageSchema.openapi({
      description: 'Not rejected: a rejection goes through POST /applications/{id}/rejection',
    }),
    reopen: z.boolean().optional().openapi({ description: 'Required to move a withdrawn application again' }),
  })
  .openapi('MoveApplication');

export const AssignInterviewerBody = z.object({ userId: z.uuid() }).openapi('AssignInterviewer');
export const InterviewerParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  userId: z.uuid().openapi({ param: { name: 'userId', in: 'path' } }),
});
