import { createRoute, z } from '@hono/zod-openapi';
import { createApiToken } from '../../app/identity/create-api-token';
import { listApiTokens } from '../../app/identity/list-api-tokens';
import { revokeApiToken } from '../../app/identity/revoke-api-token';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { presentApiToken } from '../presenters/tokens';
import { errors, jsonAnswer, jsonBody } from '../responses';
import { createRouter } from '../router';
import { IdParam } from '../schemas/shared';
import { ApiToken, CreatedToken, CreateTokenBody } from '../schemas/tokens';

/** The API tokens that act for an organization's members. */
export function tokenRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/tokens',
      tags: ['API tokens'],
      summary: "List your organization's API tokens (never their secrets)",
      ...secured,
      responses: {
        200: jsonAnswer('Tokens', z.object({ items: z.array(ApiToken) })),
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'tokens.manage');
      const rows = await listApiTokens(c.get('ctx'), actor);
      return c.json({ items: rows.map(presentApiToken) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/tokens',
      tags: ['API tokens'],
      summary: 'Create an API token acting as you; the secret is shown once',
      ...secured,
      request: { body: jsonBody(CreateTokenBody) },
      responses: {
        201: jsonAnswer('Created', CreatedToken),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        415: errors[415],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'tokens.manage');
      const { token, secret } = await createApiToken(c.get('ctx'), actor, c.req.valid('json'));
      return c.json({ token: presentApiToken(token), secret }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/tokens/{id}',
      tags: ['API tokens'],
      summary: 'Revoke an API token; it answers 401 from then on',
      ...secured,
      request: { params: IdParam },
      responses: {
        204: { description: 'Revoked' },
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'tokens.manage');
      await revokeApiToken(c.get('ctx'), actor, { tokenId: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
  return app;
}
