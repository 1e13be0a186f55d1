import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { changeCandidatePassword } from '../../app/candidate/change-candidate-password';
import { confirmCandidateSignUp } from '../../app/candidate/confirm-candidate-sign-up';
import { deleteCandidateAccount } from '../../app/candidate/delete-candidate-account';
import { exportCandidateData } from '../../app/candidate/export-candidate-data';
import { requestCandidatePasswordReset } from '../../app/candidate/request-candidate-password-reset';
import { resendVerification } from '../../app/candidate/resend-verification';
import {
  checkCandidatePasswordReset,
  resetCandidatePassword,
} from '../../app/candidate/reset-candidate-password';
import { signInCandidate } from '../../app/candidate/sign-in-candidate';
import { signOutCandidate } from '../../app/candidate/sign-out-candidate';
import { signUpCandidate } from '../../app/candidate/sign-up-candidate';
import { verifyCandidateEmail } from '../../app/candidate/verify-candidate-email';
import { anonymous } from '../../app/context';
import { CANDIDATE_COOKIE, candidateSecured, type HttpEnv, requireCandidate, setPrivateCookie } from '../env';
import { presentCandidateAccount } from '../presenters/candidate-account';
import { errors, jsonAnswer, jsonBody } from '../responses';
import { createRouter } from '../router';
import { SignUpSent } from '../schemas/auth';
import {
  CandidateAccount,
  CandidateExport,
  CandidateLoginBody,
  CandidateSignUpBody,
  ConfirmPasswordBody,
  Sent,
  SessionToken,
  VerifyBody,
} from '../schemas/candidate-account';
import {
  ChangePasswordBody,
  PasswordResetBody,
  PasswordResetRequested,
  ResetLinkBody,
  ResetLinkStatus,
  ResetPasswordBody,
} from '../schemas/passwords';

const tags = ['Candidate workspace'];

function setCandidateCookie(c: Context<HttpEnv>, token: string) {
  setPrivateCookie(c, CANDIDATE_COOKIE, token, { maxAge: c.get('ctx').config.SESSION_DAYS * 86_400 });
}

/** The session tokens a request carries: its Bearer header's and its cookie's. */
function sessionTokensOf(c: Context<HttpEnv>) {
  const bearer = c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
  const cookie = c.req.header('cookie')?.match(new RegExp(`${CANDIDATE_COOKIE}=([^;]+)`))?.[1];
  return [bearer, cookie].filter((t): t is string => Boolean(t));
}

/**
 * The candidate's own account: sign-up, the emailed confirmation, sign-in and out, the password (forgotten or
 * changed), the export of everything in it, and deletion.
 */
export function candidateAccountRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/candidate/signup',
      tags,
      summary: 'Sign up for a candidate account: a link that finishes it is emailed to the address',
      description:
        'The answer is the same whether or not the address already has an account. The account is made (or, for an ' +
        'address that has one, taken by its owner with the new password) when the link is opened: ' +
        'POST /api/v1/candidate/signup/confirm.',
      request: { body: jsonBody(CandidateSignUpBody) },
      responses: {
        202: jsonAnswer('A link was sent to the address', SignUpSent),
        400: errors[400],
        415: errors[415],
        429: errors[429],
      },
    }),
    async (c) => {
      const { email } = await signUpCandidate(c.get('ctx'), anonymous, c.req.valid('json'));
      return c.json({ status: 'confirmation-sent' as const, email }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/candidate/signup/confirm',
      tags,
      summary: 'Finish signing up with the token from the emailed link; signs in',
      request: { body: jsonBody(VerifyBody) },
      responses: {
        200: jsonAnswer('Signed up and signed in', SessionToken),
        400: errors[400],
        404: errors[404],
        410: errors[410],
        415: errors[415],
      },
    }),
    async (c) => {
      const { token } = await confirmCandidateSignUp(c.get('ctx'), anonymous, c.req.valid('json'));
      setCandidateCookie(c, token);
      return c.json({ token }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/candidate/verify',
      tags,
      summary: 'Confirm the email address with the token from the emailed link; signs in',
      request: { body: jsonBody(VerifyBody) },
      responses: {
        200: jsonAnswer('Confirmed and signed in', SessionToken),
        400: errors[400],
        404: errors[404],
        410: errors[410],
        415: errors[415],
      },
    }),
    async (c) => {
      const { token } = await verifyCandidateEmail(c.get('ctx'), anonymous, c.req.valid('json'));
      setCandidateCookie(c, token);
      return c.json({ token }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/candidate/login',
      tags,
      summary: 'Sign in to a candidate account',
      request: { body: jsonBody(CandidateLoginBody) },
      responses: {
        200: jsonAnswer('Signed in', SessionToken),
        400: errors[400],
        401: errors[401],
        429: errors[429],
        415: errors[415],
      },
    }),
    async (c) => {
      const { token } = await signInCandidate(c.get('ctx'), c.get('client'), c.req.valid('json'));
      setCandidateCookie(c, token);
      return c.json({ token }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/candidate/logout',
      tags,
      summary: 'Sign out of the candidate account',
      ...candidateSecured,
      responses: { 204: { description: 'Signed out' }, 401: errors[401] },
    }),
    async (c) => {
      await signOutCandidate(c.get('ctx'), requireCandidate(c), { tokens: sessionTokensOf(c) });
      deleteCookie(c, CANDIDATE_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/candidate/me',
      tags,
      summary: 'The signed-in candidate',
      ...candidateSecured,
      responses: { 200: jsonAnswer('Account', CandidateAccount), 401: errors[401] },
    }),
    (c) => c.json(presentCandidateAccount(requireCandidate(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/candidate/me',
      tags,
      summary: 'Delete your account and everything in your workspace (confirm with your password)',
      description: 'A message confirming the deletion is emailed to the address.',
      ...candidateSecured,
      request: { body: jsonBody(ConfirmPasswordBody) },
      responses: {
        204: { description: 'Deleted' },
        400: errors[400],
        401: errors[401],
        403: errors[403],
        415: errors[415],
      },
    }),
    async (c) => {
      await deleteCandidateAccount(c.get('ctx'), requireCandidate(c), c.req.valid('json'));
      deleteCookie(c, CANDIDATE_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/candidate/password-reset',
      tags,
      summary: 'Forgot your password: email the address a link to choose a new one',
      description:
        'The answer is the same whether or not the address has an account; only an address that has one gets a ' +
        'message. The link works once, for an hour: POST /api/v1/candidate/password-reset/confirm. Limited per ' +
        'address and per client (429 with Retry-After).',
      request: { body: jsonBody(PasswordResetBody) },
      responses: {
        202: jsonAnswer('Accepted; a link was sent if the address has an account', PasswordResetRequested),
        400: errors[400],
        415: errors[415],
        429: errors[429],
      },
    }),
    async (c) =>
      c.json(await requestCandidatePasswordReset(c.get('ctx'), c.get('client'), c.req.valid('json')), 202),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/candidate/password-reset/check',
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
      const { expiresAt } = await checkCandidatePasswordReset(c.get('ctx'), anonymous, c.req.valid('json'));
      return c.json({ expiresAt: expiresAt.toISOString() }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/candidate/password-reset/confirm',
      tags,
      summary: 'Choose a new password with the token from the emailed link; ends every session and signs in',
      request: { body: jsonBody(ResetPasswordBody) },
      responses: {
        200: jsonAnswer('Password set and signed in', SessionToken),
        400: errors[400],
        404: errors[404],
        410: errors[410],
        415: errors[415],
      },
    }),
    async (c) => {
      const { token } = await resetCandidatePassword(c.get('ctx'), anonymous, c.req.valid('json'));
      setCandidateCookie(c, token);
      return c.json({ token }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/candidate/password',
      tags,
      summary: 'Change your password (give the current one); ends your other sessions',
      ...candidateSecured,
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
      const who = requireCandidate(c);
      // The session this request came with stays signed in (a Bearer token when one is sent, else the cookie).
      const keep = sessionTokensOf(c)[0];
      await changeCandidatePassword(c.get('ctx'), who, { ...c.req.valid('json'), keep });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/candidate/export',
      tags,
      summary: 'Download everything in your account as one JSON document',
      description:
        'The account, tracked applications, rounds, reminders, logged feedback, plan actions, open sessions (when, ' +
        'not their secrets) and, for a confirmed address, the feedback employers sent it through Debrief with your ' +
        'responses and your requests for feedback.',
      ...candidateSecured,
      responses: { 200: jsonAnswer('The export, as an attachment', CandidateExport), 401: errors[401] },
    }),
    async (c) => {
      const data = await exportCandidateData(c.get('ctx'), requireCandidate(c));
      const day = data.exportedAt.toISOString().slice(0, 10);
      c.header('content-disposition', `attachment; filename="debrief-export-${day}.json"`);
      return c.json(JSON.parse(JSON.stringify(data)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/candidate/verify/resend',
      tags,
      summary: 'Send a new link to confirm the email address',
      ...candidateSecured,
      responses: {
        202: jsonAnswer('Sent', Sent),
        401: errors[401],
        409: errors[409],
      },
    }),
    async (c) => {
      await resendVerification(c.get('ctx'), requireCandidate(c));
      return c.json({ sent: true as const }, 202);
    },
  );
  return app;
}
