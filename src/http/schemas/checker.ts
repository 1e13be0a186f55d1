import { z } from '@hono/zod-openapi';
import { MODES } from '../../checker/vocabulary';

export const CheckBody = z
  .object({ text: z.string().max(200_000), mode: z.enum(MODES).default('feedback') })
  .openapi('CheckText');
