import { createRoute } from '@hono/zod-openapi';
import { addPlanAction } from '../../app/candidate/add-plan-action';
import { getImprovementPlan } from '../../app/candidate/get-improvement-plan';
import { updatePlanAction } from '../../app/candidate/update-plan-action';
import { candidateSecured, requireCandidate } from '../env';
import { presentImprovementPlan, presentPlanAction } from '../presenters/plan';
import { errors, jsonAnswer, jsonBody } from '../responses';
import { createRouter } from '../router';
import { IdParam } from '../schemas';
import { Plan, PlanAction, PlanActionBody, PlanActionPatch } from '../schemas/plan';

const withBody = { 400: errors[400], 401: errors[401], 404: errors[404], 415: errors[415] };
const tags = ['Candidate workspace'];

/** The improvement plan: themes across all the candidate's feedback, and the actions they take on them. */
export function planRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/candidate/plan',
      tags,
      summary:
        'The improvement plan: themes across all your feedback, your actions, and what to revisit before interviews',
      ...candidateSecured,
      responses: { 200: jsonAnswer('Plan', Plan), 401: errors[401] },
    }),
    async (c) => {
      const plan = await getImprovementPlan(c.get('ctx'), requireCandidate(c));
      return c.json(presentImprovementPlan(plan), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/candidate/plan/actions',
      tags,
      summary: 'Turn a theme into an action with a due date',
      ...candidateSecured,
      request: { body: jsonBody(PlanActionBody) },
      responses: { 201: jsonAnswer('Added', PlanAction), ...withBody },
    }),
    async (c) => {
      const row = await addPlanAction(c.get('ctx'), requireCandidate(c), c.req.valid('json'));
      return c.json(presentPlanAction(row), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/candidate/plan/actions/{id}',
      tags,
      summary: 'Mark progress on an action, or change it',
      ...candidateSecured,
      request: { params: IdParam, body: jsonBody(PlanActionPatch) },
      responses: { 200: jsonAnswer('Updated', PlanAction), ...withBody },
    }),
    async (c) => {
      const input = { ...c.req.valid('json'), id: c.req.valid('param').id };
      const row = await updatePlanAction(c.get('ctx'), requireCandidate(c), input);
      return c.json(presentPlanAction(row), 200);
    },
  );
  return app;
}
