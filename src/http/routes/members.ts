import { createRoute, z } from '@hono/zod-openapi';
import { changeUserRole } from '../../app/identity/change-user-role';
import { deactivateUser, reactivateUser, removeUser } from '../../app/identity/deactivate-user';
import { inviteUser } from '../../app/identity/invite-user';
import { listUsers } from '../../app/identity/list-users';
import { resendInvitation } from '../../app/identity/resend-invitation';
import { revokeInvitation } from '../../app/identity/revoke-invitation';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { presentUser } from '../presenters/members';
import { errors, jsonAnswer, jsonBody } from '../responses';
import { createRouter } from '../router';
import { ChangeRoleBody, InviteBody, User } from '../schemas/members';
import { IdParam } from '../schemas/shared';

/** Ending or restoring a member's access: not signed in, not an admin, not ours, or the last admin or yourself. */
const memberErrors = { 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409] };

/** Members of an organization: list, invite (and send the link again, or revoke it), change a role. */
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
      return c.json({ items: rows.map((u) => presentUser(u, u.invitation)) }, 200);
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
      const user = await changeUserRole(c.get('ctx'), actor, {
        userId: c.req.valid('param').id,
        role: c.req.valid('json').role,
      });
      return c.json(presentUser(user), 200);
    },
  );

  for (const [verb, run, summary] of [
    [
      'deactivate',
      deactivateUser,
      'Deactivate a member: they can no longer sign in, and their sessions and API tokens end at once',
    ],
    ['reactivate', reactivateUser, 'Let a deactivated member sign in again'],
  ] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/v1/users/{id}/${verb}`,
        tags: ['Members'],
        summary,
        ...secured,
        request: { params: IdParam },
        responses: {
          200: jsonAnswer(verb === 'deactivate' ? 'Deactivated' : 'Reactivated', User),
          ...memberErrors,
        },
      }),
      async (c) => {
        const actor = requireActor(c);
        authorize(actor, 'users.manage');
        const user = await run(c.get('ctx'), actor, { userId: c.req.valid('param').id });
        return c.json(presentUser(user), 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/users/{id}/invitation',
      tags: ['Members'],
      summary:
        'Send an invited member a new link: the old one is replaced and stops working; the new one expires like the first',
      ...secured,
      request: { params: IdParam },
      responses: { 200: jsonAnswer('Sent again', User), ...memberErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'users.manage');
      const r = await resendInvitation(c.get('ctx'), actor, { userId: c.req.valid('param').id });
      return c.json(
        presentUser(r.member, {
          state: 'pending',
          sentAt: r.invitation.createdAt,
          expiresAt: r.invitation.expiresAt,
          invitedBy: actor.name,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/users/{id}/invitation',
      tags: ['Members'],
      summary:
        "Revoke a member's pending invitation: the link stops working and says so; the member stays listed as invited",
      ...secured,
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, ...memberErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'users.manage');
      await revokeInvitation(c.get('ctx'), actor, { userId: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/users/{id}',
      tags: ['Members'],
      summary:
        'Remove a member: their access ends at once and their name, address and password are erased; what they did stays on record',
      ...secured,
      request: { params: IdParam },
      responses: {
        204: { description: 'Removed' },
        ...memberErrors,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'users.manage');
      await removeUser(c.get('ctx'), actor, { userId: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );

  return app;
}
