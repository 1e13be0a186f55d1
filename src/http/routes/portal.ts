import { createRoute } from '@hono/zod-openapi';
import { renewPortalLink } from '../../app/candidate/renew-portal-link';
import { requestFeedback } from '../../app/candidate/request-feedback';
import { respondToFeedback } from '../../app/candidate/respond-to-feedback';
import { viewPortalPage } from '../../app/candidate/view-portal-page';
import { presentCandidateResponse, presentPortalPage } from '../presenters/portal';
import { errors, jsonAnswer, jsonBody } from '../responses';
import { createRouter } from '../router';
import { PortalPage, PortalRequestBody, PortalResponseBody, TokenParam } from '../schemas';
import { Sent } from '../schemas/candidate-account';
import { PortalRequestAnswer, PortalResponseAnswer } from '../schemas/portal';

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
  return app;
}
