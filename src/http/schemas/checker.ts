import { z } from '@hono/zod-openapi';

export const CheckBody = z
  .object({ text: z.string().max(200_000), mode: z.enum(['feedback', 'request']).default('feedback') })
  .openapi('CheckText');
