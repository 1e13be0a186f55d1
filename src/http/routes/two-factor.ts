import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { confirmTotpEnrolment } from '../../app/identity/confirm-totp-enrolment';
import { disableTotp, regenerateRecoveryCodes } from '../../app/identity/disable-totp';
import { getTwoFactorStatus } from '../../app/identity/get-two-factor-status';
import { setTwoFactorRequirement } from '../../app/identity/set-two-factor-requirement';
import { type Enroller, startTotpEnrolment } from '../../app/identity/start-totp-enrolment';
import { verifySignInCode } from '../../app/identity/verify-sign-in-code';
import { unauthorized } from '../../lib/errors';
import { type HttpEnv, requireActor, secured } from '../env';
import { authorize } from '../policies';
import { bodyErrors, errors, jsonAnswer, jsonBody } from '../responses';
import { createRouter } from '../router';
import { Me } from '../schemas/auth';
import {
  ConfirmEnrolmentBody,
  Enrolment,
  EnrolmentBody,
  PasswordConfirmBody,
  RecoveryCodes,
  SignInCodeBody,
  TwoFactorRequirement,
  TwoFactorRequirementResult,
  TwoFactorStatus,
} from '../schemas/two-factor';
import { me, setSession } from './auth';

/** Enrolment is open to the signed-in member, or to one holding the challenge of a required enrolment. */
function enroller(c: Context<HttpEnv>, challenge: string | undefined): Enroller {
  if (challenge) return { challenge };
  const actor = c.get('actor');
  if (!actor) throw unauthorized();
  return { actor };
}

const MeWithCodes = Me.extend(RecoveryCodes.shape).openapi('MeWithRecoveryCodes');

/** Two-factor sign-in: the code step of signing in, setting it up, recovery codes, turning it off, requiring it. */
export function twoFactorRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/login/code',
      tags: ['Accounts'],
      summary: 'Finish signing in with a code from the authenticator app, or a recovery code',
      description:
        'Send `code` or `recoveryCode` with the challenge from POST /api/v1/auth/login. A code or recovery code ' +
        'works once; wrong answers count against the same limits as passwords.',
      request: { body: jsonBody(SignInCodeBody) },
      responses: {
        200: jsonAnswer('Signed in', Me),
        400: errors[400],
        401: errors[401],
        415: errors[415],
        429: errors[429],
      },
    }),
    async (c) => {
      const r = await verifySignInCode(c.get('ctx'), c.req.valid('json'));
      setSession(c, r.session);
      return c.json(me(r), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/auth/two-factor',
      tags: ['Accounts'],
      summary: 'Whether you sign in with a second factor, and how many recovery codes are left',
      ...secured,
      responses: { 200: jsonAnswer('OK', TwoFactorStatus), 401: errors[401] },
    }),
    async (c) => {
      const s = await getTwoFactorStatus(c.get('ctx'), requireActor(c));
      return c.json({ ...s, enabledAt: s.enabledAt?.toISOString() ?? null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/two-factor/enrolment',
      tags: ['Accounts'],
      summary: 'Start setting up an authenticator app: a new secret, its otpauth:// URI and a QR code',
      description:
        'Signed in, or with the challenge of a required enrolment. Nothing changes for sign-in until the first ' +
        'code is confirmed.',
      request: { body: jsonBody(EnrolmentBody) },
      responses: { 200: jsonAnswer('The secret, shown once', Enrolment), ...bodyErrors, 409: errors[409] },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await startTotpEnrolment(c.get('ctx'), enroller(c, body.challenge)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/two-factor/enrolment/confirm',
      tags: ['Accounts'],
      summary: 'Turn two-factor sign-in on with a first code; answers ten recovery codes, shown once',
      description:
        'With the challenge of a required enrolment it also finishes signing in (sets the session cookie) and ' +
        'answers who signed in.',
      request: { body: jsonBody(ConfirmEnrolmentBody) },
      responses: {
        200: jsonAnswer('On', MeWithCodes.partial({ user: true, organization: true })),
        ...bodyErrors,
        409: errors[409],
        429: errors[429],
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const r = await confirmTotpEnrolment(c.get('ctx'), enroller(c, body.challenge), body);
      if (r.session && r.organization) {
        setSession(c, r.session);
        return c.json(
          { ...me({ user: r.user, organization: r.organization }), recoveryCodes: r.recoveryCodes },
          200,
        );
      }
      return c.json({ recoveryCodes: r.recoveryCodes }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/two-factor/recovery-codes',
      tags: ['Accounts'],
      summary: 'Ten new recovery codes (give your password); the old ones stop working',
      ...secured,
      request: { body: jsonBody(PasswordConfirmBody) },
      responses: { 200: jsonAnswer('New codes, shown once', RecoveryCodes), ...bodyErrors, 409: errors[409] },
    }),
    async (c) => {
      const codes = await regenerateRecoveryCodes(c.get('ctx'), requireActor(c), c.req.valid('json'));
      return c.json({ recoveryCodes: codes }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/two-factor/disable',
      tags: ['Accounts'],
      summary: 'Turn two-factor sign-in off (give your password)',
      description: 'Refused (409) while the organization requires it.',
      ...secured,
      request: { body: jsonBody(PasswordConfirmBody) },
      responses: { 204: { description: 'Off' }, ...bodyErrors, 409: errors[409], 429: errors[429] },
    }),
    async (c) => {
      await disableTotp(c.get('ctx'), requireActor(c), c.req.valid('json'));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/organization/two-factor',
      tags: ['Accounts'],
      summary: 'Require two-factor sign-in of every member (admin)',
      description:
        "Needs the admin's own second factor first. Turning it on ends the web sessions of members without one; " +
        'their next sign-in leads them to set it up. API tokens are not affected.',
      ...secured,
      request: { body: jsonBody(TwoFactorRequirement) },
      responses: { 200: jsonAnswer('Saved', TwoFactorRequirementResult), ...bodyErrors, 409: errors[409] },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'identity.manage');
      return c.json(await setTwoFactorRequirement(c.get('ctx'), actor, c.req.valid('json')), 200);
    },
  );
  return app;
}
