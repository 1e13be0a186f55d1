import { createRoute } from '@hono/zod-openapi';
import {
  createWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  removeWebhookEndpoint,
  sendWebhookTest,
} from '../../integrations/webhooks/endpoints';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { presentDelivery, presentEndpoint } from '../presenters/webhooks';
import { bodyErrors, jsonAnswer, jsonBody, readErrors } from '../responses';
import { createRouter } from '../router';
import { IdParam } from '../schemas/shared';
import {
  CreatedWebhookEndpoint,
  CreateWebhookBody,
  WebhookDelivery,
  WebhookDeliveryLog,
  WebhookEndpointList,
} from '../schemas/webhooks';

/** Outbound webhooks: endpoints (admins only), their delivery logs, and a test event. */
export function webhookRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/webhooks',
      tags: ['Webhooks'],
      summary: 'Register an endpoint for chosen events; the signing secret is in the answer, once',
      ...secured,
      request: { body: jsonBody(CreateWebhookBody) },
      responses: { 201: jsonAnswer('Registered', CreatedWebhookEndpoint), ...bodyErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'webhooks.manage');
      const r = await createWebhookEndpoint(c.get('ctx'), actor, c.req.valid('json'));
      return c.json({ endpoint: presentEndpoint(r.endpoint), secret: r.secret }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/webhooks',
      tags: ['Webhooks'],
      summary: "The organization's endpoints",
      ...secured,
      responses: { 200: jsonAnswer('Endpoints', WebhookEndpointList), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'webhooks.manage');
      const items = await listWebhookEndpoints(c.get('ctx'), actor);
      return c.json({ items: items.map(presentEndpoint) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/webhooks/{id}',
      tags: ['Webhooks'],
      summary: 'Remove an endpoint: nothing more is sent to it',
      ...secured,
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'webhooks.manage');
      await removeWebhookEndpoint(c.get('ctx'), actor, { endpointId: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/webhooks/{id}/deliveries',
      tags: ['Webhooks'],
      summary: "An endpoint's delivery log, newest first: status, attempts, last answer, next retry",
      ...secured,
      request: { params: IdParam },
      responses: { 200: jsonAnswer('Deliveries', WebhookDeliveryLog), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'webhooks.manage');
      const r = await listWebhookDeliveries(c.get('ctx'), actor, { endpointId: c.req.valid('param').id });
      return c.json(
        { endpoint: presentEndpoint(r.endpoint), deliveries: r.deliveries.map(presentDelivery) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/webhooks/{id}/test',
      tags: ['Webhooks'],
      summary: 'Send a webhook.test event to the endpoint',
      ...secured,
      request: { params: IdParam },
      responses: { 202: jsonAnswer('Queued', WebhookDelivery), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'webhooks.manage');
      const d = await sendWebhookTest(c.get('ctx'), actor, { endpointId: c.req.valid('param').id });
      return c.json(presentDelivery(d), 202);
    },
  );
  return app;
}
