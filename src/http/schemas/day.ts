import { z } from '@hono/zod-openapi';

/** A calendar day, as the candidate's workspace stores dates. */
export const Day = z.iso.date().openapi({ example: '2026-11-20' });

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day in a query (no 31 April), between 2000 and 2100: midnight UTC. */
export const QueryDay = (name: string, example = '2026-03-01') =>
  z
    .string()
    .max(10)
    .transform((v, c) => {
      const p = DATE.exec(v);
      const at = p ? new Date(Date.UTC(Number(p[1]), Number(p[2]) - 1, Number(p[3]))) : null;
      const real =
        p && at && at.getUTCMonth() === Number(p[2]) - 1 && at.getUTCDate() === Number(p[3]) ? at : null;
      if (!real || real.getUTCFullYear() < 2000 || real.getUTCFullYear() > 2100) {
        c.addIssue({
          code: 'custom',
          message: 'must be a calendar day between 2000 and 2100, such as 2026-03-01',
        });
        return z.NEVER;
      }
      return real;
    })
    .optional()
    .openapi({ param: { name, in: 'query' }, type: 'string', example });
