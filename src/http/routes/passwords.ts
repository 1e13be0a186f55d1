import { createRoute } from '@hono/zod-openapi';
import { anonymous } from '../../app/context';
import { changePassword } from '../../app/identity/change-password';
import { requestPasswordReset } from '../../app/identity/request-password-reset';
import { checkPasswordReset, resetPassword } from '../../app/identity/reset-password';
import { requireActor, SESSION_COOKIE, secured, setPrivateCookie } from '../env';
import { presentOrganization } from '../presenters/auth';
import { presentUser } from '../presenters/members';
import { errors, jsonAnswer, jsonBody } from '../responses';
import { createRouter } from '../router';
import { Me } from '../schemas/auth';
import {
  ChangePasswordBody,
  PasswordResetBody,
  PasswordResetRequested,
  ResetLinkBody,
  ResetLinkStatus,
  ResetPasswordBody,
} from '../schemas/passwords';

const tags = ['Accounts'];

/** A team member's password: the emailed link for a forgotten one, and changing it while signed in. */
export function passwordRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/password-reset',
      tags,
      summary: 'Forgot your password: email the address a link to choose a new one',
      description:
        'The answer is the same whether or not the address has an account; only an address that has one gets a ' +
        'message. The link works once, for an hour: POST /api/v1/auth/password-reset/confirm. Limited per address ' +
        'and per client (429 with Retry-After).',
      request: { body: jsonBody(PasswordResetBody) },
      responses: {
        202: jsonAnswer('Accepted; a link was sent if the address has an account', PasswordResetRequested),
        400: errors[400],
        415: errors[415],
        429: errors[429],
      },
    }),
    async (c) => c.json(await requestPasswordReset(c.get('ctx'), c.get('client'), c.req.valid('json')), 202),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/password-reset/check',
      tags,
      summary: 'Whether a password reset link can still be used (changes nothing)',
      request: { body: jsonBody(ResetLinkBody) },
      responses: {
        200: jsonAnswer('The link works', ResetLinkStatus),
        400: errors[400],
        404: errors[404],
        410: errors[410],
        415: errors[415],
      },
    }),
    async (c) => {
      const { expiresAt } = await checkPasswordReset(c.get('ctx'), anonymous, c.req.valid('json'));
      return c.json({ expiresAt: expiresAt.toISOString() }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/password-reset/confirm',
      tags,
      summary: 'Choose a new password with the token from the emailed link; signs in',
      description:
        'Uses the link up and ends every other web session of the member. API tokens are separate credentials and ' +
        'keep working; revoke them under /api/v1/tokens.',
      request: { body: jsonBody(ResetPasswordBody) },
      responses: {
        200: jsonAnswer('Password set and signed in', Me),
        400: errors[400],
        404: errors[404],
        410: errors[410],
        415: errors[415],
      },
    }),
    async (c) => {
      const r = await resetPassword(c.get('ctx'), anonymous, c.req.valid('json'));
      if (r.session) setPrivateCookie(c, SESSION_COOKIE, r.session.secret, { expires: r.session.expiresAt });
      return c.json({ user: presentUser(r.user), organization: presentOrganization(r.organization) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/password',
      tags,
      summary: 'Change your password (give the current one); ends your other web sessions',
      description: 'Only from a signed-in web session, not with an API token.',
      ...secured,
      request: { body: jsonBody(ChangePasswordBody) },
      responses: {
        204: { description: 'Changed' },
        400: errors[400],
        401: errors[401],
        403: errors[403],
        415: errors[415],
        429: errors[429],
      },
    }),
    async (c) => {
      await changePassword(c.get('ctx'), requireActor(c), c.req.valid('json'));
      return c.body(null, 204);
    },
  );
  return app;
}
