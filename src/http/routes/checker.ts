import { createRoute, z } from '@hono/zod-openapi';
import { check } from '../../checker';
import { requireActor, secured } from '../env';
import { bodyErrors, jsonAnswer, jsonBody } from '../responses';
import { createRouter } from '../router';
import { CheckBody } from '../schemas/checker';
import { Finding } from '../schemas/shared';

/** The checker, for any text: the same one the web app runs as you type. */
export function checkerRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/check',
      tags: ['Checker'],
      summary: 'Check any text for legal and tone risk (the same checker the web app runs as you type)',
      ...secured,
      request: { body: jsonBody(CheckBody) },
      responses: { 200: jsonAnswer('Findings', z.object({ findings: z.array(Finding) })), ...bodyErrors },
    }),
    async (c) => {
      requireActor(c);
      const { text, mode } = c.req.valid('json');
      return c.json({ findings: check(text, { mode }) }, 200);
    },
  );
  return app;
}
