import { z } from '@hono/zod-openapi';

export const AuditQuery = z.object({
  applicationId: z.uuid().openapi({ param: { name: 'applicationId', in: 'query' } }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(200)
    .openapi({ param: { name: 'limit', in: 'query' } }),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'not a cursor this API gave out')
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' }, description: 'nextCursor of the previous page' }),
});
export const AuditEvent = z
  .object({
    at: z.iso.datetime(),
    actor: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
    action: z.string(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEvent');
