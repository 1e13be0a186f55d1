import { z } from '@hono/zod-openapi';
import { CandidateResponse } from './schemas/feedback';

/**
 * Request and response schemas: they validate requests and generate /api/openapi.json. Each resource has its module in
 * `schemas/`; the shared pieces (errors, ids, names, pages, findings) are in `schemas/shared.ts`. This module exports
 * them all, and holds the candidate page's own.
 */

export * from './schemas/applications';
export * from './schemas/audit';
export * from './schemas/auth';
export * from './schemas/checker';
export * from './schemas/feedback';
export * from './schemas/feedback-voice';
export * from './schemas/follow-up';
export * from './schemas/jobs';
export * from './schemas/members';
export * from './schemas/passwords';
export * from './schemas/preferences';
export * from './schemas/rejection-reasons';
export * from './schemas/scorecards';
export * from './schemas/shared';
export * from './schemas/sso';
export * from './schemas/stats';
export * from './schemas/tokens';
export * from './schemas/two-factor';

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
