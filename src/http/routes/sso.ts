import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { anonymous } from '../../app/context';
import { configureSso, getSsoSettings, removeSso } from '../../app/identity/sso/configure-sso';
import { finishSsoSignIn, SsoRefusal, startSsoSignIn } from '../../app/identity/sso/sign-in-with-sso';
import type { ssoConnections } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { type HttpEnv, requireActor, secured, setPrivateCookie } from '../env';
import { authorize } from '../policies';
import { bodyErrors, errors, jsonAnswer, jsonBody, readErrors } from '../responses';
import { createRouter } from '../router';
import { SsoCallbackQuery, SsoSettings, SsoSettingsBody, SsoStartQuery } from '../schemas/sso';
import { setSession } from './auth';

/** The browser's half of a sign-in in progress (sealed); sent only to the single sign-on routes. */
const SSO_COOKIE = 'debrief_sso';
const SSO_PATH = '/api/v1/sso/';

function presentSso(r: { connection?: typeof ssoConnections.$inferSelect; redirectUri: string }) {
  const c = r.connection;
  return {
    configured: !!c,
    issuer: c?.issuer ?? null,
    clientId: c?.clientId ?? null,
    emailDomain: c?.emailDomain ?? null,
    defaultRole: c?.defaultRole ?? null,
    redirectUri: r.redirectUri,
    updatedAt: c?.updatedAt.toISOString() ?? null,
  };
}

/** Back to the sign-in page, saying why (the page words it). */
const refusedTo = (c: Context<HttpEnv>, code: string) =>
  c.redirect(`/signin?sso-error=${encodeURIComponent(code)}`, 302);

const redirectAnswer = { 302: { description: 'To the provider, or back to Debrief' } };

/** Single sign-on with OpenID Connect: an admin's settings, and the two legs of signing in through the provider. */
export function ssoRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/organization/sso',
      tags: ['Accounts'],
      summary: 'Single sign-on settings (admin); never the client secret',
      ...secured,
      responses: { 200: jsonAnswer('OK', SsoSettings), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'identity.manage');
      return c.json(presentSso(await getSsoSettings(c.get('ctx'), actor)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/organization/sso',
      tags: ['Accounts'],
      summary: 'Connect an OpenID Connect provider for single sign-on (admin)',
      description:
        'The issuer is checked by reading its .well-known/openid-configuration. The client secret is stored encrypted. ' +
        'Register the answer’s redirectUri at the provider.',
      ...secured,
      request: { body: jsonBody(SsoSettingsBody) },
      responses: { 200: jsonAnswer('Saved', SsoSettings), ...bodyErrors, 409: errors[409], 422: errors[422] },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'identity.manage');
      return c.json(presentSso(await configureSso(c.get('ctx'), actor, c.req.valid('json'))), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/organization/sso',
      tags: ['Accounts'],
      summary: 'Turn single sign-on off (admin)',
      ...secured,
      responses: { 204: { description: 'Off' }, ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'identity.manage');
      await removeSso(c.get('ctx'), actor);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/sso/start',
      tags: ['Accounts'],
      summary: "Sign in with single sign-on: redirects to the organization's identity provider",
      description:
        'Found by the member’s address (their organization, or the one that claims its domain) or by organization ' +
        'id. When there is none, redirects to /signin?sso-error=sso-not-configured.',
      request: { query: SsoStartQuery },
      responses: { ...redirectAnswer, 400: errors[400] },
    }),
    async (c) => {
      const q = c.req.valid('query');
      try {
        const r = await startSsoSignIn(c.get('ctx'), anonymous, {
          email: q.email,
          organizationId: q.organization,
        });
        setPrivateCookie(c, SSO_COOKIE, r.pending, { maxAge: r.maxAgeSeconds }, SSO_PATH);
        return c.redirect(r.url, 302);
      } catch (e) {
        if (e instanceof AppError) return refusedTo(c, e.code);
        throw e;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/sso/callback',
      tags: ['Accounts'],
      summary: 'Where the identity provider sends the member back (the redirect URI)',
      description:
        'Signs the member in (session cookie) and redirects to the app, or to /signin?sso-error=<code> when refused.',
      request: { query: SsoCallbackQuery },
      responses: { ...redirectAnswer, 400: errors[400] },
    }),
    async (c) => {
      const pending = getCookie(c, SSO_COOKIE);
      deleteCookie(c, SSO_COOKIE, { path: SSO_PATH });
      if (c.req.valid('query').error) return refusedTo(c, 'sso-cancelled');
      const url = new URL(c.req.url);
      try {
        const r = await finishSsoSignIn(c.get('ctx'), anonymous, { query: url.search, pending });
        setSession(c, r.session);
        return c.redirect('/', 302);
      } catch (e) {
        if (e instanceof SsoRefusal || e instanceof AppError) return refusedTo(c, e.code);
        throw e;
      }
    },
  );
  return app;
}
