import { createRoute } from '@hono/zod-openapi';
import { portalView } from '../../app/hiring-queries';
import type { Api } from '../env';
import { errors } from '../responses';
import { PortalView, TokenParam } from '../schemas';

/** The candidate's side, reached by the unguessable link in the feedback email: no account needed. */
export function portalRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/portal/{token}',
      tags: ['Candidate page'],
      summary: 'The feedback behind an emailed link: that feedback and nothing else',
      request: { params: TokenParam },
      responses: {
        200: { description: 'The feedback', content: { 'application/json': { schema: PortalView } } },
        400: errors[400],
        404: errors[404],
        410: errors[410],
      },
    }),
    async (c) => {
      const r = await portalView(c.get('ctx'), c.req.valid('param').token);
      return c.json(
        {
          organization: { name: r.organization.name },
          job: { title: r.job.title },
          feedback: { body: r.feedback.body, sentAt: r.feedback.sentAt?.toISOString() ?? null },
        },
        200,
      );
    },
  );
}
