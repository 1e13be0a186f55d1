import { join } from 'node:path';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import type { AppContext } from '../app/context';
import { ping } from '../db/client';
import { AppError } from '../lib/errors';
import { projectRoot } from '../lib/project-root';
import { CANDIDATE_COOKIE, type HttpEnv, SESSION_COOKIE } from './env';
import { authenticate, identifyClient, refuseNul, sameOriginChanges } from './guards';
import { renderReference } from './reference-page';
import { createRouter, errorBody } from './router';
import { applicationRoutes } from './routes/applications';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { candidateAccountRoutes } from './routes/candidate-account';
import { checkerRoutes } from './routes/checker';
import { feedbackRoutes } from './routes/feedback';
import { feedbackVoiceRoutes } from './routes/feedback-voice';
import { followUpRoutes } from './routes/follow-up';
import { importRoutes } from './routes/imports';
import { inboxRoutes } from './routes/inbox';
import { integrationBackfillRoutes } from './routes/integration-backfills';
import { integrationRoutes } from './routes/integrations';
import { jobRoutes } from './routes/jobs';
import { memberRoutes } from './routes/members';
import { organizationRoutes } from './routes/organization';
import { passwordRoutes } from './routes/passwords';
import { planRoutes } from './routes/plan';
import { portalRoutes } from './routes/portal';
import { preferenceRoutes } from './routes/preferences';
import { privacyRoutes } from './routes/privacy';
import { rejectionReasonRoutes } from './routes/rejection-reasons';
import { requestCoachRoutes } from './routes/request-coach';
import { scorecardRoutes } from './routes/scorecards';
import { ssoRoutes } from './routes/sso';
import { statsRoutes } from './routes/stats';
import { tokenRoutes } from './routes/tokens';
import { trackerRoutes } from './routes/tracker';
import { twoFactorRoutes } from './routes/two-factor';
import { webhookRoutes } from './routes/webhooks';
import { serveWeb } from './web-files';

const webCompression = compress();

/** The security headers of every answer (Hono's `secureHeaders` with this policy). */
export const SECURE_HEADERS = {
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    frameAncestors: ["'none'"],
  },
};

/**
 * What every API answer carries besides its own headers, as names and values: what `secureHeaders(SECURE_HEADERS)`
 * sets (test/integration/http-headers.test.ts compares the two), and `no-store`: API answers are personal and change,
 * so no browser or proxy keeps a copy.
 */
export const API_HEADERS: Readonly<Record<string, string>> = {
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
  'content-security-policy':
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
  'cache-control': 'no-store',
};
const API_HEADER_ENTRIES = Object.entries(API_HEADERS);

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

/** A request id the client sent is kept when it is short and plain (as Hono's `requestId` judges it). */
const PLAIN_ID = /[^\w\-=]/;

/**
 * Every API answer's request id, security headers and `no-store`. A JSON answer (`c.json`) with nothing else set on
 * it is made with all its headers in one plain object: @hono/node-server then writes them as they are, with no
 * `Headers` to fill one by one and copy out again (the security headers set one at a time after each answer were
 * about 5% of the server's CPU under load). Any other answer (a file, a cookie, a header of its own, one wrapped by
 * another middleware) gets the same headers set one by one after it is made, as Hono's `requestId` and
 * `secureHeaders` set them.
 */
const apiAnswers: MiddlewareHandler<HttpEnv> = async (c, next) => {
  let id = c.req.header('x-request-id');
  if (!id || id.length > 255 || PLAIN_ID.test(id)) id = crypto.randomUUID();
  c.set('requestId', id);
  let plain = true;
  /** The answer made whole here: every header in one plain object, which the server writes as it is. */
  let whole: Response | undefined;
  const { header, status, json } = c;
  c.header = ((...args: Parameters<typeof header>) => {
    plain = false;
    return header(...args);
  }) as typeof header;
  c.status = ((code: Parameters<typeof status>[0]) => {
    plain = false;
    return status(code);
  }) as typeof status;
  c.json = ((object: unknown, arg?: unknown, headers?: unknown) => {
    if (!plain || headers !== undefined || (arg !== undefined && typeof arg !== 'number'))
      return (json as (...a: unknown[]) => Response)(object, arg, headers);
    whole = new Response(JSON.stringify(object), {
      status: (arg as number | undefined) ?? 200,
      headers: { 'content-type': 'application/json', 'x-request-id': id, ...API_HEADERS },
    });
    return whole;
  }) as typeof json;
  await next();
  if (whole !== undefined && c.res === whole) return;
  const headers = c.res.headers;
  if (!headers.has('x-request-id')) headers.set('x-request-id', id);
  for (const [name, value] of API_HEADER_ENTRIES) headers.set(name, value);
  headers.delete('x-powered-by');
};

/**
 * Hono's `bodyLimit`, but a body whose Content-Length is declared (and no Transfer-Encoding) is judged by it from the
 * request's headers alone, as `bodyLimit` judges it: `bodyLimit` first asks for the body's stream, which makes the
 * server build a whole Request and stream for every change, and then reads the body through them. A body of unknown
 * length (chunked) goes to `bodyLimit`, which counts it as it arrives.
 */
function limitBody(maxSize: number, message: string): MiddlewareHandler<HttpEnv> {
  const limit = bodyLimit({
    maxSize,
    onError: (c) => c.json(errorBody('payload-too-large', message), 413),
  });
  return (c: Context<HttpEnv>, next: Next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return limit(c, next);
    return Number.parseInt(length || '0', 10) > maxSize ? limit(c, next) : next();
  };
}

/** The HTTP face of Debrief: the JSON API under /api, its OpenAPI description, and the web app at /. */
export function createHttpApp(ctx: AppContext, opts: { webDir?: string } = {}) {
  const app = createRouter();

  const webRequestId = requestId();
  const webSecureHeaders = secureHeaders(SECURE_HEADERS);
  // An API request is answered with every header set at once (apiAnswers); the web app's files as before.
  app.use('*', (c, next) => (isApi(c.req.path) ? apiAnswers(c, next) : webRequestId(c, next)));
  app.use('*', async (c, next) => {
    c.set('ctx', ctx);
    const started = performance.now();
    await next();
    // The route's pattern, never the raw path: candidate links, invitations and verifications carry their secret in
    // the path. Query strings are never logged.
    ctx.logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      route: routePath(c),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      ...(c.get('actor') ? { userId: c.get('actor')!.userId } : {}),
    });
  });
  // The web app's files and the API description are large and cached; gzip sends about a quarter of them. API
  // answers are small and per-request: compressing them cost more CPU than any other step under load (a proxy in
  // front may compress them if it wants).
  app.use('*', async (c, next) => (c.req.path.startsWith('/api/v1/') ? next() : webCompression(c, next)));
  app.use('*', (c, next) => (isApi(c.req.path) ? next() : webSecureHeaders(c, next)));
  const apiBodyLimit = limitBody(1024 * 1024, 'The request body is larger than 1 MiB');
  // A CSV import carries a whole file: up to 16 MiB (as JSON, a little more).
  const importBodyLimit = limitBody(17 * 1024 * 1024, 'The file is larger than 16 MiB');
  // GET and HEAD requests have no body (the server never reads one): asking for it would build a whole Request
  // and its stream on every read.
  app.use('/api/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD'
      ? next()
      : c.req.method === 'POST' && c.req.path === '/api/v1/imports'
        ? importBodyLimit(c, next)
        : apiBodyLimit(c, next),
  );
  // Before any route (guards.ts): no NUL characters, who the client is, no cross-site changes, who is asking.
  app.use('/api/*', refuseNul);
  app.use('/api/*', identifyClient(ctx));
  app.use('/api/*', sameOriginChanges(ctx));
  app.use('/api/*', authenticate(ctx));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/live',
      tags: ['Service'],
      summary: 'Alive: the process answers (no database query; for a liveness probe)',
      responses: {
        200: {
          description: 'Alive',
          content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
        },
      },
    }),
    (c) => c.json({ status: 'ok' as const }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/health',
      tags: ['Service'],
      summary: 'Ready: migrations have run and the database answers',
      responses: {
        200: {
          description: 'Ready',
          content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
        },
      },
    }),
    async (c) => {
      await ping(ctx.db);
      return c.json({ status: 'ok' as const }, 200);
    },
  );
  app.route('/', authRoutes());
  app.route('/', preferenceRoutes());
  app.route('/', twoFactorRoutes());
  app.route('/', ssoRoutes());
  app.route('/', passwordRoutes());
  app.route('/', memberRoutes());
  app.route('/', tokenRoutes());
  app.route('/', jobRoutes());
  app.route('/', applicationRoutes());
  app.route('/', scorecardRoutes());
  app.route('/', feedbackRoutes());
  app.route('/', auditRoutes());
  app.route('/', organizationRoutes());
  app.route('/', rejectionReasonRoutes());
  app.route('/', feedbackVoiceRoutes());
  app.route('/', statsRoutes());
  app.route('/', privacyRoutes());
  app.route('/', followUpRoutes());
  app.route('/', checkerRoutes());
  app.route('/', portalRoutes());
  app.route('/', candidateAccountRoutes());
  app.route('/', inboxRoutes());
  app.route('/', trackerRoutes());
  app.route('/', requestCoachRoutes());
  app.route('/', planRoutes());
  app.route('/', importRoutes());
  app.route('/', webhookRoutes());
  app.route('/', integrationRoutes());
  app.route('/', integrationBackfillRoutes());

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (dbf_...) created at sign-up or under API tokens',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'candidateBearer', {
    type: 'http',
    scheme: 'bearer',
    description: "A candidate's session token (dbc_...) from /api/v1/candidate/login or /verify",
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'candidateSession', {
    type: 'apiKey',
    in: 'cookie',
    name: CANDIDATE_COOKIE,
    description: "The candidate's web session",
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The web session set by sign-in',
  });
  const docConfig = {
    openapi: '3.1.0',
    info: {
      title: 'Debrief API',
      version: '1',
      description:
        'Structured interview feedback that is checked for legal risk before it is sent. Every error answer is `{"error":{"code","message"}}`.',
    },
  };
  app.doc31('/api/openapi.json', docConfig);
  let referenceHtml: string | undefined;
  app.get('/api/docs', (c) => {
    referenceHtml ??= renderReference(
      app.getOpenAPI31Document(docConfig) as unknown as Record<string, unknown>,
    );
    return c.html(referenceHtml);
  });

  app.all('/api/*', (c) => c.json(errorBody('not-found', `No route for ${c.req.method} ${c.req.path}`), 404));

  const webDir = opts.webDir ?? join(projectRoot(), 'dist/web');
  app.get('*', (c) => serveWeb(c, webDir));
  app.notFound((c) => c.json(errorBody('not-found', `No route for ${c.req.method} ${c.req.path}`), 404));

  app.onError((err, c) => {
    if (err instanceof AppError) {
      const retry = err.details?.retryAfterSeconds;
      if (typeof retry === 'number') c.header('retry-after', String(retry));
      return c.json(errorBody(err.code, err.message, err.details), err.status);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      if (status === 400)
        return c.json(errorBody('invalid-json', `The request body is not valid JSON: ${err.message}`), 400);
      if (status === 415)
        return c.json(errorBody('unsupported-media-type', 'Send the body as application/json'), 415);
      return c.json(errorBody(`http-${status}`, err.message || 'Request failed'), status);
    }
    const pgCode =
      (err as { code?: string; cause?: { code?: string } }).code ??
      (err as { cause?: { code?: string } }).cause?.code;
    if (pgCode === '23505') return c.json(errorBody('conflict', 'That already exists'), 409);
    ctx.logger.error('unhandled error', { requestId: c.get('requestId'), err });
    return c.json(
      errorBody('internal', 'Something went wrong on our side; the request id is in the logs'),
      500,
    );
  });

  return app;
}
