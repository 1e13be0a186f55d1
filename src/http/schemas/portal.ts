import { z } from '@hono/zod-openapi';
import { CandidateResponse, Finding } from '../schemas';
import { Name, Password } from './shared';

/** Answers of the candidate page behind an emailed link. Its page, bodies and token live in ../schemas. */

export const PortalResponseAnswer = z.object({
  response: CandidateResponse,
  questionFindings: z.array(Finding),
});
export const PortalRequestAnswer = z.object({
  request: z.object({ status: z.string(), dueAt: z.iso.datetime() }),
});

export const KeepFeedbackSignUp = z
  .object({
    email: z.string().openapi({
      description: 'The address the feedback was sent to, masked: the sign-up uses it as it is on file',
      example: 'a***@example.com',
    }),
    name: z.string().openapi({ description: "The candidate's name as the employer has it, to fill in" }),
    organization: z.string(),
    job: z.string(),
  })
  .openapi('KeepFeedbackSignUp');
export const KeepFeedbackSignUpBody = z
  .object({ name: Name, password: Password })
  .openapi('KeepFeedbackSignUpBody');
