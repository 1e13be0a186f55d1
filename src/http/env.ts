import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { setCookie } from 'hono/cookie';
import type { RequestIdVariables } from 'hono/request-id';
import type { Actor, AppContext, CandidateActor, SignInClient } from '../app/context';
import { unauthorized } from '../lib/errors';

export type HttpEnv = {
  Variables: RequestIdVariables & {
    actor?: Actor;
    candidate?: CandidateActor;
    ctx: AppContext;
    /** Who is calling, for sign-in limits; set on every API request. */
    client: SignInClient;
  };
};
export type Api = OpenAPIHono<HttpEnv>;

export function requireActor(c: { get(key: 'actor'): Actor | undefined }): Actor {
  const actor = c.get('actor');
  if (!actor) throw unauthorized();
  return actor;
}

export const SESSION_COOKIE = 'debrief_session';

export const authed: Array<Record<string, string[]>> = [{ bearer: [] }, { session: [] }];

/** Route middleware: refuses an anonymous caller with 401 before the request is validated. */
export const mustSignIn: MiddlewareHandler<HttpEnv> = async (c, next) => {
  if (!c.get('actor')) throw unauthorized();
  await next();
};

/** Spread into a route: documents the security schemes and enforces sign-in. */
export const secured = { security: authed, middleware: [mustSignIn] };

export const CANDIDATE_COOKIE = 'debrief_candidate';

/** A browser that signed in before: its own attempt budget (see checkCredentials). Only the hash is stored. */
export const DEVICE_COOKIE = 'debrief_device';

/** Route middleware for the candidate's workspace: a signed-in candidate, or 401 before validation. */
export const mustBeCandidate: MiddlewareHandler<HttpEnv> = async (c, next) => {
  if (!c.get('candidate')) throw unauthorized('Sign in to your Debrief candidate account');
  await next();
};

export const candidateSecured = {
  security: [{ candidateBearer: [] }, { candidateSession: [] }] as Array<Record<string, string[]>>,
  middleware: [mustBeCandidate],
};

export function requireCandidate(c: { get(key: 'candidate'): CandidateActor | undefined }): CandidateActor {
  const who = c.get('candidate');
  if (!who) throw unauthorized('Sign in to your Debrief candidate account');
  return who;
}

/**
 * Sets one of Debrief's cookies: never readable by scripts, not sent on cross-site requests, Secure whenever
 * PUBLIC_URL is https. Only how long it lives and where it is sent differ.
 */
export function setPrivateCookie(
  c: Context<HttpEnv>,
  name: string,
  value: string,
  lifetime: { expires: Date } | { maxAge: number },
  path = '/',
) {
  setCookie(c, name, value, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('ctx').config.secureCookies,
    path,
    ...lifetime,
  });
}
