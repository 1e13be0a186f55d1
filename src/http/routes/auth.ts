import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { anonymous } from '../../app/context';
import { acceptInvitation } from '../../app/identity/accept-invitation';
import { confirmSignUp } from '../../app/identity/confirm-sign-up';
import { getInvitation } from '../../app/identity/get-invitation';
import { signIn } from '../../app/identity/sign-in';
import { signOut } from '../../app/identity/sign-out';
import { signUp } from '../../app/identity/sign-up';
import { whoAmI } from '../../app/identity/who-am-i';
import type { Role } from '../../domain/vocabulary';
import { type HttpEnv, requireActor, SESSION_COOKIE, secured, setPrivateCookie } from '../env';
import { presentOrganization } from '../presenters/auth';
import { presentUser } from '../presenters/members';
import { errors, jsonAnswer, jsonBody } from '../responses';
import { createRouter } from '../router';
import {
  AcceptInvitationBody,
  ConfirmSignUpBody,
  Me,
  SignInBody,
  SignUpBody,
  SignUpResult,
  SignUpSent,
} from '../schemas/auth';
import { InvitationToken, InvitationView } from '../schemas/members';
import { SignInNextStep } from '../schemas/two-factor';

export function setSession(c: Context<HttpEnv>, session: { secret: string; expiresAt: Date }) {
  setPrivateCookie(c, SESSION_COOKIE, session.secret, { expires: session.expiresAt });
}

export const me = (r: {
  user: Parameters<typeof presentUser>[0];
  organization: Parameters<typeof presentOrganization>[0];
}) => ({
  user: presentUser(r.user),
  organization: presentOrganization(r.organization),
});

/** Signing up an organization, signing in and out, accepting an invitation, and who is signed in. */
export function authRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/organizations',
      tags: ['Accounts'],
      summary: "Sign up: email the admin's address a link that creates the organization",
      description:
        'Open unless the server runs with SIGNUP=closed. The answer is the same whether or not the address already ' +
        'has an account; nothing is created, and nothing is sent to anyone else, until the emailed link is opened ' +
        '(POST /api/v1/organizations/confirm).',
      request: { body: jsonBody(SignUpBody) },
      responses: {
        202: { description: 'A link was sent', content: { 'application/json': { schema: SignUpSent } } },
        400: errors[400],
        403: errors[403],
        415: errors[415],
        429: errors[429],
      },
    }),
    async (c) => {
      const { email } = await signUp(c.get('ctx'), anonymous, c.req.valid('json'));
      return c.json({ status: 'confirmation-sent' as const, email }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/organizations/confirm',
      tags: ['Accounts'],
      summary:
        'Finish signing up with the token from the emailed link: creates the organization and its admin',
      description: 'Also opens a web session (cookie) and returns an API token, shown once.',
      request: { body: jsonBody(ConfirmSignUpBody) },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: SignUpResult } } },
        400: errors[400],
        404: errors[404],
        409: errors[409],
        410: errors[410],
        415: errors[415],
      },
    }),
    async (c) => {
      const r = await confirmSignUp(c.get('ctx'), anonymous, c.req.valid('json'));
      setSession(c, r.session);
      return c.json(
        {
          organization: presentOrganization(r.organization),
          user: { id: r.user.id, email: r.user.email, role: r.user.role },
          token: r.token,
        },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/login',
      tags: ['Accounts'],
      summary: 'Sign in with email and password; sets an HttpOnly session cookie',
      description:
        'A member with two-factor sign-in, or whose organization requires it, gets 202 with a challenge for the ' +
        'next step instead of a session.',
      request: { body: jsonBody(SignInBody) },
      responses: {
        200: { description: 'Signed in', content: { 'application/json': { schema: Me } } },
        202: {
          description: 'The password is right; a second step is needed',
          content: { 'application/json': { schema: SignInNextStep } },
        },
        400: errors[400],
        401: errors[401],
        429: errors[429],
        415: errors[415],
      },
    }),
    async (c) => {
      const r = await signIn(c.get('ctx'), c.get('client'), c.req.valid('json'));
      if (r.step !== 'signed-in')
        return c.json(
          { next: r.step, challenge: r.challenge.token, expiresAt: r.challenge.expiresAt.toISOString() },
          202,
        );
      setSession(c, r.session);
      return c.json(me(r), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/logout',
      tags: ['Accounts'],
      summary: 'Sign out: ends the web session',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const secret = getCookie(c, SESSION_COOKIE);
      if (secret) await signOut(c.get('ctx'), { secret });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/invitations/accept',
      tags: ['Accounts'],
      summary: 'Accept an emailed invitation by choosing a password',
      request: { body: jsonBody(AcceptInvitationBody) },
      responses: {
        200: { description: 'Joined and signed in', content: { 'application/json': { schema: Me } } },
        400: errors[400],
        404: errors[404],
        410: errors[410],
        415: errors[415],
      },
    }),
    async (c) => {
      const r = await acceptInvitation(c.get('ctx'), c.req.valid('json'));
      if (r.session) setSession(c, r.session);
      return c.json(me(r), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/invitations/{token}',
      tags: ['Accounts'],
      summary:
        'What an emailed invitation link is, before a password is typed: the organization, role and inviter, and whether it still works',
      request: { params: InvitationToken },
      responses: { 200: jsonAnswer('The invitation', InvitationView), 400: errors[400] },
    }),
    async (c) => {
      const v = await getInvitation(c.get('ctx'), { token: c.req.valid('param').token });
      return c.json(
        { ...v, role: v.role as Role | null, expiresAt: v.expiresAt?.toISOString() ?? null },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/me',
      tags: ['Accounts'],
      summary: 'Who am I: the signed-in user or the token holder, and their organization',
      ...secured,
      responses: {
        200: { description: 'OK', content: { 'application/json': { schema: Me } } },
        401: errors[401],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      return c.json(me(await whoAmI(c.get('ctx'), actor)), 200);
    },
  );
  return app;
}
