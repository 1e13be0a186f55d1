import { createRoute } from '@hono/zod-openapi';
import { hiringStats } from '../../app/hiring/hiring-stats';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { jsonAnswer, readErrors } from '../responses';
import { createRouter } from '../router';
import { Stats } from '../schemas/stats';

/** The hiring team's dashboard figures. */
export function statsRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/stats',
      tags: ['Feedback'],
      summary: 'Dashboard figures: feedback share, median time to send, drafts waiting, common gaps',
      ...secured,
      responses: { 200: jsonAnswer('Figures', Stats), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'stats.read');
      return c.json(await hiringStats(c.get('ctx'), actor), 200);
    },
  );
  return app;
}
