import { createRoute } from '@hono/zod-openapi';
import { getPreferences } from '../../app/identity/get-preferences';
import { updatePreferences } from '../../app/identity/update-preferences';
import { requireActor, secured } from '../env';
import { bodyErrors, jsonAnswer, jsonBody, readErrors } from '../responses';
import { createRouter } from '../router';
import { PreferencesSchema } from '../schemas/preferences';

/** The signed-in member's own settings: what Debrief emails them. Every member may read and change their own. */
export function preferenceRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/me/preferences',
      tags: ['Accounts'],
      summary: 'Your own settings: whether you get the daily summary',
      ...secured,
      responses: { 200: jsonAnswer('Your settings', PreferencesSchema), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      return c.json(await getPreferences(c.get('ctx'), actor), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/me/preferences',
      tags: ['Accounts'],
      summary: 'Change your own settings: turn the daily summary on or off',
      ...secured,
      request: { body: jsonBody(PreferencesSchema) },
      responses: { 200: jsonAnswer('Saved', PreferencesSchema), ...bodyErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      return c.json(await updatePreferences(c.get('ctx'), actor, c.req.valid('json')), 200);
    },
  );
  return app;
}
