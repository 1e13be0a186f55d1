import { z } from '@hono/zod-openapi';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar day (no 31 April, no 29 February outside leap years). */
function realDay(y: string, m: string, d: string): boolean {
  const at = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return (
    at.getUTCFullYear() === Number(y) && at.getUTCMonth() === Number(m) - 1 && at.getUTCDate() === Number(d)
  );
}

/**
 * A moment in a query: an ISO date (`2026-03-01`, midnight UTC) or date and time with its offset. `end: true` makes
 * a bound that includes it: a date alone counts its whole day.
 */
const Instant = (name: string, end: boolean) =>
  z
    .string()
    .max(40)
    .transform((v, c) => {
      const day = DATE.exec(v);
      const full = DATE_TIME.exec(v);
      const parts = day ?? full;
      const at =
        parts && realDay(parts[1]!, parts[2]!, parts[3]!) ? new Date(day ? `${v}T00:00:00Z` : v) : null;
      if (!at || Number.isNaN(at.getTime()) || at.getUTCFullYear() < 1970) {
        c.addIssue({
          code: 'custom',
          message: 'must be an ISO date (2026-03-01) or date and time (2026-03-01T09:00:00Z)',
        });
        return z.NEVER;
      }
      return end ? new Date(at.getTime() + (day ? 86_400_000 : 1)) : at;
    })
    .optional()
    .openapi({ param: { name, in: 'query' }, type: 'string', example: end ? '2026-03-31' : '2026-03-01' });

/** The filters shared by the search and the export. */
export const AuditFilterQuery = z.object({
  actorId: z
    .uuid()
    .optional()
    .openapi({ param: { name: 'actorId', in: 'query' }, description: 'The member who acted' }),
  action: z
    .string()
    .max(100)
    .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/, 'an action such as feedback.sent, or a prefix such as feedback.')
    .optional()
    .openapi({
      param: { name: 'action', in: 'query' },
      description:
        'An exact action (`feedback.sent`) or, ending in a dot, every action under it (`feedback.`)',
    }),
  from: Instant('from', false),
  to: Instant('to', true),
  applicationId: z
    .uuid()
    .optional()
    .openapi({ param: { name: 'applicationId', in: 'query' } }),
});

export const AuditQuery = AuditFilterQuery.extend({
  order: z
    .enum(['asc', 'desc'])
    .default('asc')
    .openapi({
      param: { name: 'order', in: 'query' },
      description: 'asc: oldest first (the default); desc: newest first',
    }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(200)
    .openapi({ param: { name: 'limit', in: 'query' } }),
  cursor: z
    .string()
    .max(500)
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' }, description: 'nextCursor of the previous page' }),
});

export const AuditExportQuery = AuditFilterQuery.extend({
  format: z
    .enum(['csv', 'json'])
    .default('csv')
    .openapi({ param: { name: 'format', in: 'query' } }),
});

export const AuditEvent = z
  .object({
    id: z.number().int().openapi({ description: 'The event number: later events have higher numbers' }),
    at: z.iso.datetime(),
    actor: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
    action: z.string(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    applicationId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEvent');
