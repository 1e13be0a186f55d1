import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { confirmCandidateSignUp } from '../../app/candidate/confirm-candidate-sign-up';
import { deleteCandidateAccount } from '../../app/candidate/delete-candidate-account';
import { resendVerification } from '../../app/candidate/resend-verification';
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
  CandidateLoginBody,
  CandidateSignUpBody,
  ConfirmPasswordBody,
  Sent,
  SessionToken,
  VerifyBody,
} from '../schemas/candidate-account';

const tags = ['Candidate workspace'];

function setCandidateCookie(c: Context<HttpEnv>, token: string) {
  setPrivateCookie(c, CANDIDATE_COOKIE, token, { maxAge: c.get('ctx').config.SESSION_DAYS * 86_400 });
}

/** The candidate's own account: sign-up, the emailed confirmation, sign-in and out, and deletion. */
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
      const header = c.req.header('authorization');
      const bearer = header?.replace(/^Bearer\s+/i, '') ?? '';
      const cookie = c.req.header('cookie')?.match(new RegExp(`${CANDIDATE_COOKIE}=([^;]+)`))?.[1];
      const tokens = [bearer, cookie].filter((t): t is string => Boolean(t));
      await signOutCandidate(c.get('ctx'), requireCandidate(c), { tokens });
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
