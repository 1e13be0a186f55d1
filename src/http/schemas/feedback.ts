import { z } from '@hono/zod-openapi';
import type { SendWhen } from '../../app/feedback/approve-feedback';
import { Email, Finding } from './shared';

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
export const FeedbackOutline = z
  .object({
    greeting: z.string(),
    opening: z.string().openapi({ description: 'Thanks, the outcome and the reason' }),
    intro: z.string().nullable(),
    strength: z
      .object({
        criterionId: z.string(),
        criterion: z.string(),
        text: z.string(),
        evidence: z.array(EvidenceLink),
      })
      .nullable(),
    gaps: z.array(
      z.object({
        criterionId: z.string(),
        criterion: z.string().openapi({ description: 'The heading: the criterion as named in the letter' }),
        needs: z.string(),
        saw: z.array(z.string()),
        practise: z.string(),
        pointer: z.string().openapi({
          description: "The skill family the pointer came from, or 'organization' for the organization's own",
        }),
        evidence: z.array(EvidenceLink),
      }),
    ),
    closing: z.string(),
    standardClosing: z.string().nullable(),
    signOff: z.array(z.string()),
  })
  .openapi('FeedbackOutline', {
    description:
      "The composer's sections of the draft as first written; the text may have been edited since (the body is what is sent)",
  });
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
export const Delivery = z
  .object({
    status: z.enum(['queued', 'retrying', 'sent', 'failed']).openapi({
      description:
        'queued: not tried yet; retrying: a temporary failure, tried again later; sent: the mail server accepted it; failed: refused for good (a 5xx answer, an address rejected) or every attempt failed',
    }),
    to: z.string(),
    attempts: z.number().int(),
    lastAnswer: z.string().nullable().openapi({
      description: "The mail server's last refusal, or why it could not be reached",
      example: '550 5.1.1 mailbox unavailable',
    }),
    lastCode: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The SMTP reply code of that refusal', example: 550 }),
    lastAttemptAt: z.iso.datetime().nullable(),
    sentAt: z.iso.datetime().nullable(),
  })
  .openapi('Delivery');
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
    outline: FeedbackOutline.nullable().openapi({
      description:
        'The sections the composer wrote, with the evidence and pointer of each; null for older drafts',
    }),
    sendMode: z.enum(['now', 'at', 'when-filled']).nullable(),
    sendAt: z.iso.datetime().nullable(),
    sentAt: z.iso.datetime().nullable(),
    approvedAt: z.iso.datetime().nullable(),
    overrideJustification: z.string().nullable(),
    delivery: Delivery.nullable().openapi({
      description: 'The email carrying it to the candidate, once queued',
    }),
    candidateResponse: CandidateResponse.nullable()
      .optional()
      .openapi({ description: 'What the candidate did on their page' }),
  })
  .openapi('Feedback');
export const FeedbackEnvelope = z.object({ feedback: Feedback }).openapi('FeedbackEnvelope');
export const EditFeedbackBody = z
  .object({ body: z.string().trim().min(1).max(20_000) })
  .openapi('EditFeedback');
export const ResendBody = z
  .object({
    to: Email.optional().openapi({
      description:
        'A corrected address for the candidate, when the one on file was wrong; the change is audited',
    }),
  })
  .openapi('Resend');
/** A scheduled send lies within a year: a later date is a typo, and a message that far out is no longer timely. */
const MAX_SEND_AHEAD_MS = 366 * 86_400_000;

export const ApproveBody = z
  .object({
    send: z
      .string()
      .refine(
        (s) => s === 'now' || s === 'when-filled' || !Number.isNaN(Date.parse(s)),
        'must be "now", "when-filled" or an ISO 8601 time',
      )
      .refine(
        (s) => s === 'now' || s === 'when-filled' || Date.parse(s) <= Date.now() + MAX_SEND_AHEAD_MS,
        'must be within a year from now',
      )
      .openapi({ example: 'now' })
      .transform(
        (s): SendWhen => (s === 'now' || s === 'when-filled' ? { mode: s } : { mode: 'at', at: new Date(s) }),
      ),
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

export const ApproveAllBody = z
  .object({
    jobId: z.uuid().optional().openapi({ description: "One job's drafts; without it, every job's" }),
  })
  .openapi('ApproveAll');
export const ApproveAllQuery = z.object({
  jobId: z
    .uuid()
    .optional()
    .openapi({ param: { name: 'jobId', in: 'query' } }),
});
export const ApproveAllPreview = z
  .object({
    ready: z.number().int().openapi({ description: 'Drafts the checker finds nothing in' }),
    withFindings: z.number().int().openapi({ description: 'Drafts left for a person to review' }),
  })
  .openapi('ApproveAllPreview');
