import { createRoute } from '@hono/zod-openapi';
import { hiringStats } from '../../app/hiring/hiring-stats';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { jsonAnswer, readErrors } from '../responses';
import { createRouter } from '../router';
import { Stats, StatsQuery } from '../schemas/stats';

/** The hiring team's dashboard figures. */
export function statsRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/stats',
      tags: ['Feedback'],
      summary:
        'Dashboard figures: feedback share, median time to send, drafts waiting, common gaps; for one job and the candidates rejected between two days if asked',
      ...secured,
      request: { query: StatsQuery },
      responses: { 200: jsonAnswer('Figures', Stats), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'stats.read');
      return c.json(await hiringStats(c.get('ctx'), actor, c.req.valid('query')), 200);
    },
  );
  return app;
}
