import { createRoute } from '@hono/zod-openapi';
import { getKeepFeedbackSignUp, signUpToKeepFeedback } from '../../app/candidate/keep-feedback';
import { renewPortalLink } from '../../app/candidate/renew-portal-link';
import { requestFeedback } from '../../app/candidate/request-feedback';
import { respondToFeedback } from '../../app/candidate/respond-to-feedback';
import { viewPortalPage } from '../../app/candidate/view-portal-page';
import { presentCandidateResponse, presentPortalPage } from '../presenters/portal';
import { errors, jsonAnswer, jsonBody } from '../responses';
import { createRouter } from '../router';
import { PortalPage, PortalRequestBody, PortalResponseBody, TokenParam } from '../schemas';
import { SignUpSent } from '../schemas/auth';
import { Sent } from '../schemas/candidate-account';
import {
  KeepFeedbackSignUp,
  KeepFeedbackSignUpBody,
  PortalRequestAnswer,
  PortalResponseAnswer,
} from '../schemas/portal';

const linkErrors = { 400: errors[400], 404: errors[404], 410: errors[410] };
const tags = ['Candidate page'];

/** The candidate's side, reached by the unguessable link in an email: no account needed. */
export function portalRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/portal/{token}',
      tags,
      summary:
        'The page behind an emailed link: the feedback, the job, the company, and what the candidate did there',
      request: { params: TokenParam },
      responses: { 200: jsonAnswer('The page', PortalPage), ...linkErrors },
    }),
    async (c) => {
      const page = await viewPortalPage(c.get('ctx'), c.req.valid('param'));
      return c.json(presentPortalPage(page), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/portal/{token}/response',
      tags,
      summary:
        'Rate the feedback (1-5), comment, say thanks, ask one follow-up question, opt in to future roles',
      description:
        'The question is checked in request mode; the findings come back as gentle suggestions. One question per feedback.',
      request: { params: TokenParam, body: jsonBody(PortalResponseBody) },
      responses: {
        200: jsonAnswer('Recorded', PortalResponseAnswer),
        ...linkErrors,
        409: errors[409],
        415: errors[415],
      },
    }),
    async (c) => {
      const r = await respondToFeedback(c.get('ctx'), c.req.valid('param'), c.req.valid('json'));
      return c.json(
        { response: presentCandidateResponse(r.response)!, questionFindings: r.questionFindings },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/portal/{token}/request',
      tags,
      summary: "Ask for feedback when none was sent; it lands in the hiring team's queue with a deadline",
      request: { params: TokenParam, body: jsonBody(PortalRequestBody) },
      responses: {
        201: jsonAnswer('Requested', PortalRequestAnswer),
        ...linkErrors,
        409: errors[409],
        415: errors[415],
      },
    }),
    async (c) => {
      const r = await requestFeedback(c.get('ctx'), c.req.valid('param'), c.req.valid('json'));
      return c.json({ request: { status: r.status, dueAt: r.dueAt.toISOString() } }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/portal/{token}/renew',
      tags,
      summary: 'An expired link: email a fresh one to the address the employer has on file',
      request: { params: TokenParam },
      responses: {
        202: jsonAnswer('A fresh link is on its way', Sent),
        400: errors[400],
        404: errors[404],
      },
    }),
    async (c) => {
      await renewPortalLink(c.get('ctx'), c.req.valid('param'));
      return c.json({ sent: true as const }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/portal/{token}/sign-up',
      tags,
      summary: "Keep this feedback: the candidate sign-up's address, filled in from the page (masked)",
      request: { params: TokenParam },
      responses: {
        200: jsonAnswer('The sign-up, filled in', KeepFeedbackSignUp),
        ...linkErrors,
        409: errors[409],
      },
    }),
    async (c) => c.json(await getKeepFeedbackSignUp(c.get('ctx'), c.req.valid('param')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/portal/{token}/sign-up',
      tags,
      summary:
        'Keep this feedback: sign up with the address the feedback was sent to; a link that finishes it is emailed there',
      description:
        'The same as POST /api/v1/candidate/signup with the address on file. Once the emailed link is opened, the ' +
        'feedback sent to the address is in the workspace (GET /api/v1/candidate/feedback).',
      request: { params: TokenParam, body: jsonBody(KeepFeedbackSignUpBody) },
      responses: {
        202: jsonAnswer('A link was sent to the address', SignUpSent),
        ...linkErrors,
        409: errors[409],
        415: errors[415],
        429: errors[429],
      },
    }),
    async (c) => {
      const r = await signUpToKeepFeedback(c.get('ctx'), c.req.valid('param'), c.req.valid('json'));
      return c.json({ status: 'confirmation-sent' as const, email: r.email }, 202);
    },
  );
  return app;
}
