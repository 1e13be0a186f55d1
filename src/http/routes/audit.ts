import { createRoute, z } from '@hono/zod-openapi';
import { listAudit } from '../../app/hiring/list-audit';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { presentAuditEvent } from '../presenters/audit';
import { jsonAnswer, readErrors } from '../responses';
import { createRouter } from '../router';
import { AuditEvent, AuditQuery } from '../schemas/audit';

/** The audit trail of an application: who did what, when, and the exact text sent. */
export function auditRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/audit',
      tags: ['Feedback'],
      summary: "An application's audit trail: who did what, when, and the exact text sent",
      description: 'Oldest first, up to `limit` events a page; pass `nextCursor` as `cursor` for the next.',
      ...secured,
      request: { query: AuditQuery },
      responses: {
        200: jsonAnswer(
          'Events',
          z.object({ events: z.array(AuditEvent), nextCursor: z.string().nullable() }),
        ),
        ...readErrors,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'audit.read');
      const { events, nextCursor } = await listAudit(c.get('ctx'), actor, c.req.valid('query'));
      return c.json({ events: events.map(presentAuditEvent), nextCursor }, 200);
    },
  );
  return app;
}
