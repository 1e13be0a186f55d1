import { z } from '@hono/zod-openapi';

/** Pieces every resource's schemas share: the error body, ids, names, addresses, pages, the checker's finding. */

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid-request' }),
      message: z.string().openapi({ example: 'body.email: Invalid email address' }),
    }),
  })
  .openapi('Error');

export const Email = z.email().max(254).openapi({ example: 'ada@example.com' });
export const Password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200)
  .openapi({ example: 'correct horse battery staple' });
export const Name = z.string().trim().min(1).max(200);
export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

/** A yes-or-no filter in a query: `true` or `false`, nothing else. */
export const QueryFlag = (name: string, description: string) =>
  z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .transform((v) => v === 'true')
    .optional()
    .openapi({ param: { name, in: 'query' }, type: 'boolean', description });

/** The `q` of a list: text searched for, as typed (trimmed), up to 200 characters. */
export const SearchText = (description: string) =>
  z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ param: { name: 'q', in: 'query' }, description });

export const ListQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ param: { name: 'limit', in: 'query' } }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' }, description: 'nextCursor of the previous page' }),
});

/** One page of a list: its items and the cursor of the next page (null on the last). */
export const page = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const Finding = z
  .object({
    ruleId: z.string(),
    category: z.string().openapi({ example: 'proxy' }),
    severity: z.enum(['block', 'warn', 'review']).openapi({
      description:
        'block stops approval; warn asks for a second look; review is the statistical second opinion',
    }),
    start: z.number().int(),
    end: z.number().int(),
    text: z.string(),
    message: z.string(),
    suggestion: z.string(),
  })
  .openapi('Finding');
