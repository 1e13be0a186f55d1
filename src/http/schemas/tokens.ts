import { z } from '@hono/zod-openapi';
import { Name } from './shared';

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
export const CreateTokenBody = z
  .object({ name: Name.openapi({ example: 'Greenhouse webhook' }) })
  .openapi('CreateToken');
export const CreatedToken = z
  .object({ token: ApiToken, secret: z.string().openapi({ description: 'The Bearer token; shown once' }) })
  .openapi('CreatedToken');
