import { createRoute, z } from '@hono/zod-openapi';
import { createApiToken, listApiTokens, revokeApiToken } from '../../app/api-tokens';
import { inviteUser } from '../../app/invite-user';
import { changeUserRole, listUsers } from '../../app/users';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { presentApiToken, presentUser } from '../presenters';
import { errors, jsonAnswer, jsonBody } from '../responses';
import { createRouter } from '../router';
import {
  ApiToken,
  ChangeRoleBody,
  CreatedToken,
  CreateTokenBody,
  IdParam,
  InviteBody,
  User,
} from '../schemas';

/** Members of an organization and the API tokens that act for them. */
export function memberRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/users',
      tags: ['Members'],
      summary: "List your organization's members",
      ...secured,
      responses: {
        200: jsonAnswer('Members', z.object({ items: z.array(User) })),
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'users.read');
      const rows = await listUsers(c.get('ctx'), actor);
      return c.json({ items: rows.map(presentUser) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/users',
      tags: ['Members'],
      summary: 'Invite a member: they get an email with a link (expiring) to choose a password',
      ...secured,
      request: { body: jsonBody(InviteBody) },
      responses: {
        201: jsonAnswer('Invited', User),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        409: errors[409],
        415: errors[415],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'users.manage');
      const user = await inviteUser(c.get('ctx'), actor, c.req.valid('json'));
      return c.json(presentUser(user), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/users/{id}',
      tags: ['Members'],
      summary: "Change a member's role (an organization keeps at least one admin)",
      ...secured,
      request: { params: IdParam, body: jsonBody(ChangeRoleBody) },
      responses: {
        200: jsonAnswer('Changed', User),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        409: errors[409],
        415: errors[415],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'users.manage');
      const user = await changeUserRole(
        c.get('ctx'),
        actor,
        c.req.valid('param').id,
        c.req.valid('json').role,
      );
      return c.json(presentUser(user), 200);
    },
  );

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
      const { token, secret } = await createApiToken(c.get('ctx'), actor, c.req.valid('json').name);
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
      await revokeApiToken(c.get('ctx'), actor, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  return app;
}
