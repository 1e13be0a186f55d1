import { createRoute, z } from '@hono/zod-openapi';
import {
  createConnection,
  deleteConnection,
  describeConnection,
  getConnection,
  getConnectionStatus,
  listConnections,
  testConnection,
  updateConnection,
} from '../../integrations/connections';
import { receiveWebhook } from '../../integrations/receive-webhook';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { presentAtsEvent, presentIntegration, presentWriteBack } from '../presenters/integrations';
import { bodyErrors, errors, jsonAnswer, jsonBody, readErrors } from '../responses';
import { createRouter } from '../router';
import {
  CreateIntegrationBody,
  Integration,
  IntegrationStatus,
  IntegrationTest,
  UpdateIntegrationBody,
  WebhookAnswer,
  WebhookParams,
} from '../schemas/integrations';
import { IdParam } from '../schemas/shared';

/** The organization's ATS connections (admins), and the webhook each ATS posts its events to. */
export function integrationRoutes() {
  const app = createRouter();
  const tags = ['Integrations'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/integrations',
      tags,
      summary: "List your organization's ATS connections",
      ...secured,
      responses: {
        200: jsonAnswer('Connections', z.object({ items: z.array(Integration) })),
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'integrations.manage');
      const rows = await listConnections(c.get('ctx'), actor);
      return c.json({ items: rows.map(presentIntegration) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/integrations',
      tags,
      summary:
        'Connect an ATS: its API key is stored sealed; the answer has the webhook URL and secret to paste into it',
      ...secured,
      request: { body: jsonBody(CreateIntegrationBody) },
      responses: { 201: jsonAnswer('Connected', Integration), ...bodyErrors, 409: errors[409] },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'integrations.manage');
      const created = await createConnection(c.get('ctx'), actor, c.req.valid('json'));
      return c.json(presentIntegration(created), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/integrations/{id}',
      tags,
      summary: 'One ATS connection',
      ...secured,
      request: { params: IdParam },
      responses: { 200: jsonAnswer('Connection', Integration), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'integrations.manage');
      const found = await getConnection(c.get('ctx'), actor, { connectionId: c.req.valid('param').id });
      return c.json(presentIntegration(found), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/integrations/{id}',
      tags,
      summary:
        'Change an ATS connection: its API key, the user notes are written as, the reason mapping, a new webhook secret',
      ...secured,
      request: { params: IdParam, body: jsonBody(UpdateIntegrationBody) },
      responses: { 200: jsonAnswer('Changed', Integration), ...bodyErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'integrations.manage');
      const updated = await updateConnection(c.get('ctx'), actor, {
        connectionId: c.req.valid('param').id,
        ...c.req.valid('json'),
      });
      return c.json(presentIntegration(updated), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/integrations/{id}',
      tags,
      summary: 'Disconnect an ATS: its webhook is refused from then on',
      ...secured,
      request: { params: IdParam },
      responses: { 204: { description: 'Disconnected' }, ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'integrations.manage');
      await deleteConnection(c.get('ctx'), actor, { connectionId: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/integrations/{id}/test',
      tags,
      summary: "Test a connection: asks the ATS's API for one page of jobs with the stored key",
      ...secured,
      request: { params: IdParam },
      responses: { 200: jsonAnswer('The ATS answered (ok or not)', IntegrationTest), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'integrations.manage');
      const result = await testConnection(c.get('ctx'), actor, { connectionId: c.req.valid('param').id });
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/integrations/{id}/status',
      tags,
      summary:
        'Status: the last event and error, what waits to be retried, rejection reasons waiting for a mapping',
      ...secured,
      request: { params: IdParam },
      responses: { 200: jsonAnswer('Status', IntegrationStatus), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'integrations.manage');
      const ctx = c.get('ctx');
      const s = await getConnectionStatus(ctx, actor, { connectionId: c.req.valid('param').id });
      return c.json(
        {
          integration: presentIntegration(describeConnection(ctx, s.connection)),
          waitingToRetry: { events: s.eventsWaiting, notes: s.notesWaiting },
          reviewQueue: s.reviewQueue.map(presentAtsEvent),
          recentEvents: s.recentEvents.map(presentAtsEvent),
          writeBacks: s.writeBacks.map(presentWriteBack),
          reasonCodes: s.reasonCodes,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/integrations/{provider}/{connectionId}/webhook',
      tags,
      summary:
        "The ATS posts its events here (no session: the provider's signature, an HMAC-SHA256 under the webhook secret, is checked over the raw body)",
      description:
        "The body is the provider's webhook payload, read raw so that its signature can be checked. Greenhouse: the `Signature: sha256 <hex>` header over the body, `Greenhouse-Event-ID` makes a delivery sent twice count once. Lever: the body's `signature`, the HMAC-SHA256 of `token + triggeredAt` under the webhook's signature token; its event `id` (else its `token`) makes a repeat count once. Ashby: the `Ashby-Signature: sha256=<hex>` header over the body; its `webhookActionId` makes a repeat count once.",
      request: { params: WebhookParams },
      responses: {
        200: jsonAnswer('Already received, or not an event Debrief acts on', WebhookAnswer),
        202: jsonAnswer('Received: it will be imported', WebhookAnswer),
        400: errors[400],
        401: errors[401],
        409: jsonAnswer(
          'Refused as stale or replayed',
          z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
        ),
      },
    }),
    async (c) => {
      const { provider, connectionId } = c.req.valid('param');
      const result = await receiveWebhook(c.get('ctx'), {
        provider,
        connectionId,
        rawBody: await c.req.text(),
        header: (name) => c.req.header(name),
      });
      return c.json({ status: result.status }, result.status === 'queued' ? 202 : 200);
    },
  );
  return app;
}
