import { z } from '@hono/zod-openapi';
import { CandidateResponse, Finding } from '../schemas';

/** Answers of the candidate page behind an emailed link. Its page, bodies and token live in ../schemas. */

export const PortalResponseAnswer = z.object({
  response: CandidateResponse,
  questionFindings: z.array(Finding),
});
export const PortalRequestAnswer = z.object({
  request: z.object({ status: z.string(), dueAt: z.iso.datetime() }),
});
