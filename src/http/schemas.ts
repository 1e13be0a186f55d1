import { z } from '@hono/zod-openapi';
import { ROLES } from '../domain/vocabulary';

/** Request and response schemas: they validate requests and generate /api/openapi.json. */

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid-request' }),
      message: z.string().openapi({ example: 'body.email: Invalid email address' }),
    }),
  })
  .openapi('Error');

export const Email = z.email().max(254).openapi({ example: 'ada@example.com' });
export const Password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200)
  .openapi({ example: 'correct horse battery staple' });
export const Name = z.string().trim().min(1).max(200);
export const RoleSchema = z.enum(ROLES).openapi('Role');
export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const Organization = z.object({ id: z.uuid(), name: z.string() }).openapi('Organization');
export const User = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: RoleSchema,
    status: z.enum(['active', 'invited', 'deactivated']),
    createdAt: z.iso.datetime(),
  })
  .openapi('User');
export const ApiToken = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The first characters of the secret, to recognise it' }),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .openapi('ApiToken');

export const SignUpBody = z
  .object({
    name: Name.openapi({ example: 'Acme Ltd' }),
    admin: z.object({ name: Name.openapi({ example: 'Ada Lovelace' }), email: Email, password: Password }),
  })
  .openapi('SignUp');
export const SignUpResult = z
  .object({
    organization: Organization,
    user: z.object({ id: z.uuid(), email: z.string(), role: RoleSchema }),
    token: z.string().openapi({ description: 'A Bearer API token for the admin; shown once' }),
  })
  .openapi('SignUpResult');
export const SignInBody = z.object({ email: Email, password: z.string().min(1).max(200) }).openapi('SignIn');
export const Me = z.object({ user: User, organization: Organization }).openapi('Me');
export const InviteBody = z.object({ name: Name, email: Email, role: RoleSchema }).openapi('Invite');
export const AcceptInvitationBody = z
  .object({ token: z.string().min(10).max(200), password: Password })
  .openapi('AcceptInvitation');
export const ChangeRoleBody = z.object({ role: RoleSchema }).openapi('ChangeRole');
export const CreateTokenBody = z
  .object({ name: Name.openapi({ example: 'Greenhouse webhook' }) })
  .openapi('CreateToken');
export const CreatedToken = z
  .object({ token: ApiToken, secret: z.string().openapi({ description: 'The Bearer token; shown once' }) })
  .openapi('CreatedToken');

// ---------------------------------------------------------------------------------------------------------------
// Hiring

export const ListQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ param: { name: 'limit', in: 'query' } }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' }, description: 'nextCursor of the previous page' }),
});
export const Finding = z
  .object({
    ruleId: z.string(),
    category: z.string().openapi({ example: 'proxy' }),
    severity: z.enum(['block', 'warn']),
    start: z.number().int(),
    end: z.number().int(),
    text: z.string(),
    message: z.string(),
    suggestion: z.string(),
  })
  .openapi('Finding');
export const Criterion = z
  .object({ id: z.uuid(), name: z.string(), description: z.string().nullable() })
  .openapi('Criterion');
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
    applications: z.object({ active: z.number(), rejected: z.number(), hired: z.number() }).optional(),
    createdAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
  })
  .openapi('Job');
export const CloseJobBody = z.object({ outcome: z.enum(['filled', 'cancelled']) }).openapi('CloseJob');
export const CloseJobResult = z
  .object({
    job: Job,
    released: z.number().int().openapi({ description: 'Feedback held until filled, now queued' }),
  })
  .openapi('CloseJobResult');
export const StageSchema = z.enum(['screen', 'interview', 'final']).openapi('Stage');
export const Application = z
  .object({
    id: z.uuid(),
    jobId: z.uuid(),
    candidate: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
    stage: z.enum(['applied', 'screen', 'interview', 'final']),
    status: z.enum(['active', 'rejected', 'hired']),
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
  status: z
    .enum(['active', 'rejected', 'hired'])
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
  feedbackStatus: z
    .enum(['draft', 'approved', 'scheduled', 'sent', 'failed'])
    .optional()
    .openapi({
      param: { name: 'feedbackStatus', in: 'query' },
      description: 'e.g. draft: feedback waiting for review',
    }),
});
export const JobsQuery = ListQuery.extend({
  status: z
    .enum(['open', 'filled', 'cancelled'])
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
});
export const ScorecardBody = z
  .object({
    stage: StageSchema,
    interviewer: z.object({ name: Name, email: Email }),
    ratings: z
      .array(
        z.object({
          criterionId: z.uuid(),
          rating: z
            .number()
            .int()
            .min(1)
            .max(4)
            .openapi({ description: '1 well below, 2 below, 3 meets, 4 exceeds' }),
          evidence: z.string().trim().min(1, 'every rating needs evidence').max(5000),
        }),
      )
      .min(1),
    recommendation: z.enum(['strong_no', 'no', 'yes', 'strong_yes']),
    notes: z
      .string()
      .max(10_000)
      .nullish()
      .openapi({ description: 'Private to the hiring team; never in feedback' }),
  })
  .openapi('Scorecard');
export const ScorecardFinding = Finding.extend({
  field: z.enum(['evidence', 'notes']),
  criterionId: z.uuid().optional(),
}).openapi('ScorecardFinding');
export const ScorecardResult = z
  .object({ id: z.uuid(), findings: z.array(ScorecardFinding) })
  .openapi('ScorecardResult');
export const RejectionBody = z
  .object({
    reason: z
      .string()
      .min(1)
      .max(64)
      .openapi({ example: 'skills-gap', description: 'A code from GET /api/v1/rejection-reasons' }),
    note: z.string().max(5000).nullish().openapi({ description: 'Internal; never sent' }),
  })
  .openapi('Rejection');
export const EvidenceLink = z
  .object({ scorecardId: z.uuid(), criterionId: z.uuid(), excerpt: z.string() })
  .openapi('EvidenceLink');
export const CandidateResponse = z
  .object({
    useful: z.number().int().nullable(),
    comment: z.string().nullable(),
    thanked: z.boolean(),
    question: z.string().nullable(),
    answer: z.string().nullable(),
    futureRoles: z.boolean().nullable(),
  })
  .openapi('CandidateResponse');
export const Feedback = z
  .object({
    id: z.uuid(),
    applicationId: z.uuid(),
    status: z.enum(['draft', 'approved', 'scheduled', 'sent', 'failed']),
    body: z.string(),
    findings: z.array(Finding),
    evidence: z.array(EvidenceLink),
    sentences: z.array(
      z.object({ text: z.string(), start: z.number(), end: z.number(), evidence: z.array(EvidenceLink) }),
    ),
    sendMode: z.enum(['now', 'at', 'when-filled']).nullable(),
    sendAt: z.iso.datetime().nullable(),
    sentAt: z.iso.datetime().nullable(),
    approvedAt: z.iso.datetime().nullable(),
    overrideJustification: z.string().nullable(),
    candidateResponse: CandidateResponse.nullable()
      .optional()
      .openapi({ description: 'What the candidate did on their page' }),
  })
  .openapi('Feedback');
export const FeedbackEnvelope = z.object({ feedback: Feedback }).openapi('FeedbackEnvelope');
export const EditFeedbackBody = z
  .object({ body: z.string().trim().min(1).max(20_000) })
  .openapi('EditFeedback');
export const ApproveBody = z
  .object({
    send: z
      .string()
      .refine(
        (s) => s === 'now' || s === 'when-filled' || !Number.isNaN(Date.parse(s)),
        'must be "now", "when-filled" or an ISO 8601 time',
      )
      .openapi({ example: 'now' }),
    override: z
      .object({
        justification: z.string().trim().min(20, 'explain the override in at least 20 characters').max(2000),
      })
      .optional(),
  })
  .openapi('Approve');
export const BlockingError = z
  .object({
    error: z.object({
      code: z.literal('blocking-findings'),
      message: z.string(),
      findings: z.array(Finding),
    }),
  })
  .openapi('BlockingFindingsError');
export const AuditQuery = z.object({
  applicationId: z.uuid().openapi({ param: { name: 'applicationId', in: 'query' } }),
});
export const AuditEvent = z
  .object({
    at: z.iso.datetime(),
    actor: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
    action: z.string(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEvent');
export const RejectionReasonSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9-]{2,64}$/, 'lowercase letters, digits and dashes'),
    label: Name,
    beyondControl: z.boolean(),
    candidateText: z.string().trim().min(1).max(1000),
    description: z.string().max(2000).default(''),
  })
  .openapi('RejectionReason');
export const Stats = z
  .object({
    rejected: z.number(),
    feedbackSent: z.number(),
    feedbackShare: z.number().nullable(),
    medianHoursToSend: z.number().nullable(),
    draftsWaiting: z.number(),
    scheduled: z.number(),
    commonGaps: z.array(z.object({ criterion: z.string(), count: z.number() })),
    sentByWeek: z.array(z.object({ week: z.string(), sent: z.number() })),
    usefulAverage: z.number().nullable().openapi({ description: "Candidates' rating of usefulness, 1 to 5" }),
    usefulRatings: z.number(),
    thanksReceived: z.number(),
    questionsOpen: z.number(),
    futureRolesOptIns: z.number(),
    requestsOpen: z.number(),
    requestsOverdue: z.number(),
  })
  .openapi('Stats');
export const PortalView = z
  .object({
    organization: z.object({ name: z.string() }),
    job: z.object({ title: z.string() }),
    feedback: z.object({ body: z.string(), sentAt: z.iso.datetime().nullable() }),
  })
  .openapi('PortalView');
export const TokenParam = z.object({
  token: z
    .string()
    .min(10)
    .max(200)
    .openapi({ param: { name: 'token', in: 'path' } }),
});
export const CheckBody = z
  .object({ text: z.string().max(200_000), mode: z.enum(['feedback', 'request']).default('feedback') })
  .openapi('CheckText');
export const BulkOperation = z
  .object({
    id: z.uuid(),
    kind: z.literal('reject-remaining'),
    jobId: z.uuid().nullable(),
    status: z.enum(['running', 'done', 'failed']),
    total: z.number().int(),
    done: z.number().int(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .openapi('BulkOperation');
export const RejectRemainingBody = z.object({ reason: z.string().min(1).max(64) }).openapi('RejectRemaining');

// ---------------------------------------------------------------------------------------------------------------
// The candidate's page

export const PortalPage = z
  .object({
    organization: z.object({ name: z.string() }),
    job: z.object({ title: z.string() }),
    feedback: z.object({ body: z.string(), sentAt: z.iso.datetime().nullable() }).nullable(),
    response: CandidateResponse.nullable(),
    request: z
      .object({ status: z.string(), dueAt: z.iso.datetime(), createdAt: z.iso.datetime() })
      .nullable(),
    canRequest: z.boolean().openapi({ description: 'Rejected with no feedback sent and not yet requested' }),
  })
  .openapi('PortalPage');
export const PortalResponseBody = z
  .object({
    useful: z.number().int().min(1).max(5).optional(),
    comment: z.string().trim().max(2000).nullish(),
    thanks: z.boolean().optional(),
    question: z.string().trim().min(1).max(2000).nullish(),
    futureRoles: z.boolean().optional(),
  })
  .refine(
    (b) => Object.values(b).some((v) => v !== undefined && v !== null),
    'send at least one of useful, comment, thanks, question, futureRoles',
  )
  .openapi('PortalResponse');
export const PortalRequestBody = z
  .object({ message: z.string().trim().max(2000).nullish() })
  .openapi('PortalFeedbackRequest');
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
