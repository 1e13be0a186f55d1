import { createRoute } from '@hono/zod-openapi';
import { improvementPlan, requestPlan } from '../../app/candidate-plan';
import { addPlanAction, updatePlanAction } from '../../app/candidate-workspace';
import type { planActions } from '../../db/schema';
import { type Api, candidateSecured, requireCandidate } from '../env';
import { errors, jsonAnswer, jsonBody } from '../responses';
import { IdParam } from '../schemas';
import { Plan, PlanAction, PlanActionBody, PlanActionPatch } from '../schemas/plan';
import { RequestPlanSchema } from '../schemas/request-coach';

const common = { 400: errors[400], 401: errors[401], 404: errors[404] };
const withBody = { ...common, 415: errors[415] };
const tags = ['Candidate workspace'];

const presentAction = (a: typeof planActions.$inferSelect) => ({
  id: a.id,
  theme: a.theme,
  title: a.title,
  dueOn: a.dueOn,
  done: Boolean(a.doneAt),
});

/** The candidate's workspace: an account of their own, a tracker, a feedback inbox, a request coach, a plan. */
export function candidateRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/candidate/applications/{id}/request-plan',
      tags,
      summary:
        'The request coach: whether and when to ask for feedback, whom, how, a checked draft email and a call sheet',
      ...candidateSecured,
      request: { params: IdParam },
      responses: { 200: jsonAnswer('Plan', RequestPlanSchema), ...common, 409: errors[409] },
    }),
    async (c) =>
      c.json(await requestPlan(c.get('ctx').db, requireCandidate(c), c.req.valid('param').id), 200),
  );

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
      const p = await improvementPlan(c.get('ctx'), requireCandidate(c));
      return c.json({ ...p, actions: p.actions.map(presentAction) }, 200);
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
    async (c) =>
      c.json(
        presentAction(await addPlanAction(c.get('ctx').db, requireCandidate(c), c.req.valid('json'))),
        201,
      ),
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
    async (c) =>
      c.json(
        presentAction(
          await updatePlanAction(
            c.get('ctx').db,
            requireCandidate(c),
            c.req.valid('param').id,
            c.req.valid('json'),
          ),
        ),
        200,
      ),
  );
}
