import { z } from '@hono/zod-openapi';
import type { CandidateRef } from '../../app/privacy/candidate-records';
import { MAX_RETENTION_MONTHS } from '../../app/privacy/retention';

const Who = {
  email: z.email().max(320).optional().openapi({ description: "The candidate's email address" }),
  candidateId: z.uuid().optional().openapi({ description: "Or the candidate's id" }),
};
const oneOf = (v: { email?: string; candidateId?: string }) =>
  (v.email === undefined) !== (v.candidateId === undefined);
const ONE_OF = { message: 'give either email or candidateId', path: ['email'] };
const toRef = <T extends { email?: string; candidateId?: string }>({ email, candidateId, ...rest }: T) =>
  ({
    ...(email !== undefined ? { email } : { candidateId: candidateId as string }),
    ...rest,
  }) as CandidateRef & Omit<T, 'email' | 'candidateId'>;

export const ExportBody = z
  .object(Who)
  .refine(oneOf, ONE_OF)
  .transform(toRef)
  .openapi('PrivacyExportRequest');

export const ExportResult = z
  .object({
    export: z.record(z.string(), z.unknown()).openapi({
      description:
        'Everything the organization holds about the candidate: applications, scorecards (ratings, evidence, private notes), feedback (drafts and sent) with the responses, requests, emails and audit events',
    }),
    html: z.string().openapi({ description: 'The same, as one self-contained HTML document' }),
  })
  .openapi('PrivacyExport');

export const ErasureBody = z
  .object({
    ...Who,
    confirm: z
      .string()
      .max(320)
      .openapi({ description: "The candidate's email address typed again, to confirm" }),
  })
  .refine(oneOf, ONE_OF)
  .transform(toRef)
  .openapi('ErasureRequest');

export const ErasureResult = z
  .object({
    candidateId: z.uuid(),
    erasedAt: z.iso.datetime(),
    applications: z.number().int(),
    scorecards: z.number().int(),
    feedback: z.number().int(),
    emails: z.number().int(),
    jobsRemoved: z.number().int(),
    auditEventsRedacted: z.number().int(),
  })
  .openapi('Erasure');

export const RetentionSettings = z
  .object({
    retentionMonths: z.number().int().openapi({
      description: "Months after the final decision that a rejected candidate's personal data is kept",
    }),
    warningDays: z.number().int().openapi({ description: 'Admins are emailed this many days before, once' }),
  })
  .openapi('RetentionSettings');

export const RetentionBody = z
  .object({ retentionMonths: z.number().int().min(1).max(MAX_RETENTION_MONTHS) })
  .openapi('RetentionChange');
