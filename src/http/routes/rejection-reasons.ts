import { createRoute, z } from '@hono/zod-openapi';
import { addRejectionReason } from '../../app/hiring/add-rejection-reason';
import { listRejectionReasons } from '../../app/hiring/list-rejection-reasons';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { presentRejectionReason } from '../presenters/rejection-reasons';
import { bodyErrors, errors, jsonAnswer, jsonBody, readErrors } from '../responses';
import { createRouter } from '../router';
import { RejectionReasonSchema } from '../schemas/rejection-reasons';

/** Rejection reasons: the defaults and an organization's own. */
export function rejectionReasonRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/rejection-reasons',
      tags: ['Feedback'],
      summary: "The default rejection reasons and your organization's own",
      ...secured,
      responses: {
        200: jsonAnswer('Reasons', z.object({ items: z.array(RejectionReasonSchema) })),
        ...readErrors,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const reasons = await listRejectionReasons(c.get('ctx'), actor);
      return c.json({ items: reasons.map(presentRejectionReason) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/rejection-reasons',
      tags: ['Feedback'],
      summary: 'Extend the default list with a reason of your own',
      ...secured,
      request: { body: jsonBody(RejectionReasonSchema) },
      responses: { 201: jsonAnswer('Added', RejectionReasonSchema), ...bodyErrors, 409: errors[409] },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'reasons.manage');
      const r = await addRejectionReason(c.get('ctx'), actor, c.req.valid('json'));
      return c.json(presentRejectionReason(r), 201);
    },
  );
  return app;
}
