import { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from './env';

const TARGET_NAMES: Record<string, string> = {
  json: 'body',
  param: 'path',
  query: 'query',
  header: 'header',
};

/** The one error shape every answer uses: `{ error: { code, message, ...extra } }`. */
export function errorBody(code: string, message: string, extra?: Record<string, unknown>) {
  return { error: { code, message, ...extra } };
}

/**
 * A router for one resource. Each file in `routes/` builds one and `app.ts` mounts it; every router shares the hook
 * that turns a failed schema into a 400 naming the field (`body.email: Invalid email`).
 */
export function createRouter() {
  return new OpenAPIHono<HttpEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const where = TARGET_NAMES[result.target] ?? result.target;
      const issues = result.error.issues.map((i) => ({
        path: [where, ...i.path.map(String)].join('.'),
        message: i.message,
      }));
      const message = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      return c.json(errorBody('invalid-request', message, { issues }), 400);
    },
  });
}
