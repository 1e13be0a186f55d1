import { createRoute } from '@hono/zod-openapi';
import {
  cancelOrganizationDeletion,
  scheduleOrganizationDeletion,
} from '../../app/organization/schedule-organization-deletion';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { presentOrganization } from '../presenters/auth';
import { errors, jsonAnswer, jsonBody } from '../responses';
import { createRouter } from '../router';
import { Organization } from '../schemas/auth';
import { DeleteOrganizationBody } from '../schemas/organization';

/** The organization itself: deleting it, after a grace period any admin may cancel. */
export function organizationRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/organization/deletion',
      tags: ['Organization'],
      summary: 'Schedule the deletion of your organization (admins, from a signed-in session)',
      description:
        "Give your password and the organization's name. Every row of the organization is erased 7 days later; " +
        'every admin is emailed, and any admin may cancel until then.',
      ...secured,
      request: { body: jsonBody(DeleteOrganizationBody) },
      responses: {
        202: jsonAnswer('Scheduled: `deletion.dueAt` says when', Organization),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        409: errors[409],
        415: errors[415],
        429: errors[429],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'organization.delete');
      const org = await scheduleOrganizationDeletion(c.get('ctx'), actor, c.req.valid('json'));
      return c.json(presentOrganization(org), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/organization/deletion',
      tags: ['Organization'],
      summary: "Cancel the organization's scheduled deletion (any admin)",
      ...secured,
      responses: {
        200: jsonAnswer('Cancelled: nothing was removed', Organization),
        401: errors[401],
        403: errors[403],
        409: errors[409],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'organization.delete');
      const org = await cancelOrganizationDeletion(c.get('ctx'), actor);
      return c.json(presentOrganization(org), 200);
    },
  );
  return app;
}
