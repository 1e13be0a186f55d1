import { z } from '@hono/zod-openapi';

export const AuditQuery = z.object({
  applicationId: z.uuid().openapi({ param: { name: 'applicationId', in: 'query' } }),
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
