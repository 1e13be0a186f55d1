import { createRoute, z } from '@hono/zod-openapi';
import { listBackfills, startBackfill } from '../../integrations/backfill';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { presentBackfill } from '../presenters/integration-backfills';
import { bodyErrors, errors, jsonAnswer, jsonBody, readErrors } from '../responses';
import { createRouter } from '../router';
import { Backfill, StartBackfillBody } from '../schemas/integration-backfills';
import { IdParam } from '../schemas/shared';

/** Imports of past rejections from a connected ATS (admins), with their progress. */
export function integrationBackfillRoutes() {
  const app = createRouter();
  const tags = ['Integrations'];

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/integrations/{id}/backfills',
      tags,
      summary: 'Import the rejections of the last N days from the ATS, in the background',
      ...secured,
      request: { params: IdParam, body: jsonBody(StartBackfillBody) },
      responses: {
        202: jsonAnswer('Started: progress shows on the list of imports', Backfill),
        ...bodyErrors,
        409: errors[409],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'integrations.manage');
      const ctx = c.get('ctx');
      const row = await startBackfill(ctx, actor, {
        connectionId: c.req.valid('param').id,
        ...c.req.valid('json'),
      });
      const [listed] = await listBackfills(ctx, actor, { connectionId: row.connectionId });
      return c.json(presentBackfill(listed), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/integrations/{id}/backfills',
      tags,
      summary: 'The latest imports of past rejections and their progress',
      ...secured,
      request: { params: IdParam },
      responses: {
        200: jsonAnswer('Imports, newest first', z.object({ items: z.array(Backfill) })),
        ...readErrors,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'integrations.manage');
      const rows = await listBackfills(c.get('ctx'), actor, { connectionId: c.req.valid('param').id });
      return c.json({ items: rows.map(presentBackfill) }, 200);
    },
  );
  return app;
}
