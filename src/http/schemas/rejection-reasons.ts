import { z } from '@hono/zod-openapi';
import { Name } from './shared';

export const RejectionReasonSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9-]{2,64}$/, 'lowercase letters, digits and dashes'),
    label: Name,
    beyondControl: z.boolean(),
    candidateText: z.string().trim().min(1).max(1000),
    description: z.string().max(2000).default(''),
  })
  .openapi('RejectionReason');
