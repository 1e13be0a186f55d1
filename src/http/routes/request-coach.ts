import { createRoute } from '@hono/zod-openapi';
import { getRequestPlan } from '../../app/candidate/get-request-plan';
import { candidateSecured, requireCandidate } from '../env';
import { errors, jsonAnswer } from '../responses';
import { createRouter } from '../router';
import { IdParam } from '../schemas';
import { RequestPlanSchema } from '../schemas/request-coach';

/** The request coach: how to ask for feedback on one rejected application. */
export function requestCoachRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/candidate/applications/{id}/request-plan',
      tags: ['Candidate workspace'],
      summary:
        'The request coach: whether and when to ask for feedback, whom, how, a checked draft email and a call sheet',
      ...candidateSecured,
      request: { params: IdParam },
      responses: {
        200: jsonAnswer('Plan', RequestPlanSchema),
        400: errors[400],
        401: errors[401],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => c.json(await getRequestPlan(c.get('ctx'), requireCandidate(c), c.req.valid('param')), 200),
  );
  return app;
}
