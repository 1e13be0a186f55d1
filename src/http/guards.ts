import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { CANDIDATE_TOKEN_PREFIX, candidateFromToken } from '../app/candidate/tokens';
import type { AppContext } from '../app/context';
import { actorFromSession, actorFromToken } from '../app/identity/sessions';
import { CANDIDATE_COOKIE, DEVICE_COOKIE, type HttpEnv, SESSION_COOKIE, setPrivateCookie } from './env';
import { errorBody } from './router';

// What every API request passes before its route, in the order app.ts mounts them: no NUL characters, who the
// client is, no cross-site changes, and who is asking.

/** PostgreSQL cannot store the NUL character in text; refuse it up front, naming the field, wherever it comes from. */
export const refuseNul: MiddlewareHandler<HttpEnv> = async (c, next) => {
  const where = nulIn(c);
  const found =
    where ?? (hasJsonBody(c) ? nulPath(await c.req.json().catch(() => undefined), 'body') : undefined);
  if (found) return c.json(errorBody('invalid-request', `${found}: must not contain the NUL character`), 400);
  await next();
};

/**
 * Who is calling, for the sign-in limits: the client's address and the browser's device cookie. A correct password
 * from a browser new to the account leaves a device cookie behind (see checkCredentials).
 */
export function identifyClient(ctx: AppContext): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
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
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ATS_WEBHOOK = /^\/api\/v1\/integrations\/[a-z]+\/[^/]+\/webhook$/;

/**
 * Cross-site request forgery: a browser attaches cookies to requests other sites start. Any request that may change
 * state and is not authenticated by a Bearer header must come from Debrief's own pages: `Sec-Fetch-Site` says
 * same-origin (or the user typed it), and `Origin`, when sent, is this server's. Clients that send neither header
 * (scripts, curl) are not browsers and carry no ambient cookies from another site.
 */
export function sameOriginChanges(ctx: AppContext): MiddlewareHandler<HttpEnv> {
  const ownOrigin = new URL(ctx.config.publicUrl).origin;
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.req.header('authorization')) return next();
    // An ATS's webhook comes from its servers, carries no cookie and proves itself by its signature.
    if (ATS_WEBHOOK.test(c.req.path)) return next();
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
  };
}

/**
 * Who is asking: a Bearer token (a bad one is refused outright) or a session cookie. Hiring-team members and
 * candidates authenticate apart: a candidate's token (dbc_...) never opens a hiring-team route, nor the reverse.
 */
export function authenticate(ctx: AppContext): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header) {
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      if (token?.startsWith(CANDIDATE_TOKEN_PREFIX)) {
        const candidate = await candidateFromToken(ctx, token);
        if (!candidate)
          return c.json(errorBody('unauthorized', 'Your session has ended; sign in again'), 401);
        c.set('candidate', candidate);
      } else {
        const actor = token
          ? await actorFromToken(ctx, token, { method: c.req.method, path: c.req.path })
          : undefined;
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
  };
}

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
