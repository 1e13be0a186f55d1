import { z } from '@hono/zod-openapi';
import { Email, Name, Password } from '../schemas';

/** Schemas of the candidate's own account. */

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
export const ConfirmPasswordBody = z
  .object({ password: z.string().min(1).max(200) })
  .openapi('ConfirmPassword');
export const Sent = z.object({ sent: z.literal(true) });

const Rows = z.array(z.record(z.string(), z.unknown()));
export const CandidateExport = z
  .object({
    format: z.literal('debrief-candidate-export/1'),
    exportedAt: z.iso.datetime(),
    account: z.object({
      id: z.uuid(),
      name: z.string(),
      email: z.string(),
      emailVerifiedAt: z.iso.datetime().nullable(),
      createdAt: z.iso.datetime(),
    }),
    applications: Rows,
    rounds: Rows,
    reminders: Rows,
    loggedFeedback: Rows,
    planActions: Rows,
    sessions: z.array(z.object({ createdAt: z.iso.datetime(), expiresAt: z.iso.datetime() })),
    feedbackReceived: Rows.openapi({
      description: 'Sent through Debrief to the confirmed address, with your response',
    }),
    feedbackRequests: Rows.openapi({ description: 'Your requests for feedback to employers' }),
  })
  .openapi('CandidateExport');
