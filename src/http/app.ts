import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import { CANDIDATE_TOKEN_PREFIX, candidateFromToken } from '../app/candidate/tokens';
import type { AppContext } from '../app/context';
import { actorFromSession, actorFromToken } from '../app/identity/sessions';
import { ping } from '../db/client';
import { AppError } from '../lib/errors';
import { projectRoot } from '../lib/project-root';
import { CANDIDATE_COOKIE, DEVICE_COOKIE, type HttpEnv, SESSION_COOKIE, setPrivateCookie } from './env';
import { renderReference } from './reference-page';
import { createRouter, errorBody } from './router';
import { applicationRoutes } from './routes/applications';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { candidateAccountRoutes } from './routes/candidate-account';
import { checkerRoutes } from './routes/checker';
import { feedbackRoutes } from './routes/feedback';
import { followUpRoutes } from './routes/follow-up';
import { inboxRoutes } from './routes/inbox';
import { jobRoutes } from './routes/jobs';
import { memberRoutes } from './routes/members';
import { planRoutes } from './routes/plan';
import { portalRoutes } from './routes/portal';
import { rejectionReasonRoutes } from './routes/rejection-reasons';
import { requestCoachRoutes } from './routes/request-coach';
import { scorecardRoutes } from './routes/scorecards';
import { statsRoutes } from './routes/stats';
import { tokenRoutes } from './routes/tokens';
import { trackerRoutes } from './routes/tracker';

const webCompression = compress();

/** The HTTP face of Debrief: the JSON API under /api, its OpenAPI description, and the web app at /. */
export function createHttpApp(ctx: AppContext, opts: { webDir?: string } = {}) {
  const app = createRouter();

  app.use('*', requestId());
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
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    }),
  );
  // API answers are personal and change; no browser or proxy keeps a copy.
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: (c) => c.json(errorBody('payload-too-large', 'The request body is larger than 1 MiB'), 413),
    }),
  );

  // PostgreSQL cannot store the NUL character in text; refuse it up front, naming the field, wherever it comes from.
  app.use('/api/*', async (c, next) => {
    const where = nulIn(c);
    const found =
      where ?? (hasJsonBody(c) ? nulPath(await c.req.json().catch(() => undefined), 'body') : undefined);
    if (found)
      return c.json(errorBody('invalid-request', `${found}: must not contain the NUL character`), 400);
    await next();
  });

  // Who is calling, for the sign-in limits: the client's address and the browser's device cookie. A correct password
  // from a browser new to the account leaves a device cookie behind (see checkCredentials).
  app.use('/api/*', async (c, next) => {
    const issued: string[] = [];
    c.set('client', {
      type: 'anonymous',
      address: clientAddress(c, ctx.config.TRUST_PROXY),
      device: getCookie(c, DEVICE_COOKIE),
      remember: (token) => issued.push(token),
    });
    await next();
    const token = issued.at(-1);
    if (token) setPrivateCookie(c, DEVICE_COOKIE, token, { maxAge: 400 * 86_400 }, '/api/');
  });

  // Cross-site request forgery: a browser attaches cookies to requests other sites start. Any request that may change
  // state and is not authenticated by a Bearer header must come from Debrief's own pages: `Sec-Fetch-Site` says
  // same-origin (or the user typed it), and `Origin`, when sent, is this server's. Clients that send neither header
  // (scripts, curl) are not browsers and carry no ambient cookies from another site.
  const ownOrigin = new URL(ctx.config.publicUrl).origin;
  app.use('/api/*', async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.req.header('authorization')) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const foreignSite = site !== undefined && site !== 'same-origin' && site !== 'none';
    const foreignOrigin =
      origin !== undefined && origin !== ownOrigin && origin !== new URL(c.req.url).origin;
    if (foreignSite || foreignOrigin)
      return c.json(
        errorBody('cross-site-request', 'Requests that change data must come from Debrief itself'),
        403,
      );
    await next();
  });

  // Who is asking: a Bearer token (a bad one is refused outright) or a session cookie. Hiring-team members and
  // candidates authenticate apart: a candidate's token (dbc_...) never opens a hiring-team route, nor the reverse.
  app.use('/api/*', async (c, next) => {
    const header = c.req.header('authorization');
    if (header) {
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      if (token?.startsWith(CANDIDATE_TOKEN_PREFIX)) {
        const candidate = await candidateFromToken(ctx, token);
        if (!candidate)
          return c.json(errorBody('unauthorized', 'Your session has ended; sign in again'), 401);
        c.set('candidate', candidate);
      } else {
        const actor = token ? await actorFromToken(ctx, token) : undefined;
        if (!actor)
          return c.json(errorBody('unauthorized', 'The API token is not valid or was revoked'), 401);
        c.set('actor', actor);
      }
    } else {
      const secret = getCookie(c, SESSION_COOKIE);
      if (secret) c.set('actor', await actorFromSession(ctx, secret));
      const candidateSecret = getCookie(c, CANDIDATE_COOKIE);
      if (candidateSecret) c.set('candidate', await candidateFromToken(ctx, candidateSecret));
    }
    await next();
  });

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
  app.route('/', memberRoutes());
  app.route('/', tokenRoutes());
  app.route('/', jobRoutes());
  app.route('/', applicationRoutes());
  app.route('/', scorecardRoutes());
  app.route('/', feedbackRoutes());
  app.route('/', auditRoutes());
  app.route('/', rejectionReasonRoutes());
  app.route('/', statsRoutes());
  app.route('/', followUpRoutes());
  app.route('/', checkerRoutes());
  app.route('/', portalRoutes());
  app.route('/', candidateAccountRoutes());
  app.route('/', inboxRoutes());
  app.route('/', trackerRoutes());
  app.route('/', requestCoachRoutes());
  app.route('/', planRoutes());

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

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function hasJsonBody(c: Context<HttpEnv>): boolean {
  return c.req.method !== 'GET' && /\bjson\b/i.test(c.req.header('content-type') ?? '');
}

function nulIn(c: Context<HttpEnv>): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(c.req.path);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return 'path';
  for (const [key, values] of Object.entries(c.req.queries())) {
    if (key.includes('\0') || values.some((v) => v.includes('\0')))
      return `query.${key.replaceAll('\0', '')}`;
  }
  return undefined;
}

/** The dotted path of the first string holding a NUL character in a parsed JSON value. */
function nulPath(value: unknown, at: string): string | undefined {
  if (typeof value === 'string') return value.includes('\0') ? at : undefined;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = nulPath(v, `${at}.${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = k.includes('\0') ? at : nulPath(v, `${at}.${k}`);
      if (found) return found;
    }
  }
  return undefined;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Files of the built web app; any other path gets index.html so the app's own router can answer. */
function serveWeb(c: Context<HttpEnv>, webDir: string) {
  const rel = normalize(decodeURIComponent(c.req.path)).replace(/^(\.\.[/\\])+/, '');
  const file = join(webDir, rel);
  // Source maps stay private: they would publish the source of the web app and the checker's rules.
  if (extname(file) === '.map') return c.json(errorBody('not-found', 'Not found'), 404);
  if (file.startsWith(webDir) && extname(file) && existsSync(file)) {
    const immutable = rel.startsWith('/assets/');
    return c.body(readFileSync(file), 200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  }
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) {
    return c.text('The web app is not built yet: run `npm run build` (npm start does this for you).', 503);
  }
  return c.body(readFileSync(index), 200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' });
}

/** The client's address: the last X-Forwarded-For hop behind a trusted proxy, else the socket's (none in-process). */
function clientAddress(c: Context<HttpEnv>, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const hop = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (hop) return hop;
  }
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}
