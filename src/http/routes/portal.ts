import { createRoute, z } from '@hono/zod-openapi';
import { portalPage, renewPortalLink, requestFeedback, respondToFeedback } from '../../app/candidate-page';
import type { feedbackResponses } from '../../db/schema';
import type { Api } from '../env';
import { errors, jsonAnswer, jsonBody } from '../responses';
import {
  CandidateResponse,
  Finding,
  PortalPage,
  PortalRequestBody,
  PortalResponseBody,
  TokenParam,
} from '../schemas';

const linkErrors = { 400: errors[400], 404: errors[404], 410: errors[410] };

export function presentCandidateResponse(r: typeof feedbackResponses.$inferSelect | null) {
  if (!r) return null;
  return {
    useful: r.useful,
    comment: r.comment,
    thanked: Boolean(r.thankedAt),
    question: r.question,
    answer: r.answer,
    futureRoles: r.futureRoles,
  };
}

/** The candidate's side, reached by the unguessable link in an email: no account needed. */
export function portalRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/portal/{token}',
      tags: ['Candidate page'],
      summary:
        'The page behind an emailed link: the feedback, the job, the company, and what the candidate did there',
      request: { params: TokenParam },
      responses: { 200: jsonAnswer('The page', PortalPage), ...linkErrors },
    }),
    async (c) => {
      const p = await portalPage(c.get('ctx'), c.req.valid('param').token);
      return c.json(
        {
          organization: { name: p.organization.name },
          job: { title: p.job.title },
          feedback: p.feedback
            ? { body: p.feedback.body, sentAt: p.feedback.sentAt?.toISOString() ?? null }
            : null,
          response: presentCandidateResponse(p.response),
          request: p.request
            ? {
                status: p.request.status,
                dueAt: p.request.dueAt.toISOString(),
                createdAt: p.request.createdAt.toISOString(),
              }
            : null,
          canRequest: !p.feedback && !p.request && p.application.status === 'rejected',
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/portal/{token}/response',
      tags: ['Candidate page'],
      summary:
        'Rate the feedback (1-5), comment, say thanks, ask one follow-up question, opt in to future roles',
      description:
        'The question is checked in request mode; the findings come back as gentle suggestions. One question per feedback.',
      request: { params: TokenParam, body: jsonBody(PortalResponseBody) },
      responses: {
        200: jsonAnswer(
          'Recorded',
          z.object({ response: CandidateResponse, questionFindings: z.array(Finding) }),
        ),
        ...linkErrors,
        409: errors[409],
        415: errors[415],
      },
    }),
    async (c) => {
      const r = await respondToFeedback(c.get('ctx'), c.req.valid('param').token, c.req.valid('json'));
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
      tags: ['Candidate page'],
      summary: "Ask for feedback when none was sent; it lands in the hiring team's queue with a deadline",
      request: { params: TokenParam, body: jsonBody(PortalRequestBody) },
      responses: {
        201: jsonAnswer(
          'Requested',
          z.object({ request: z.object({ status: z.string(), dueAt: z.iso.datetime() }) }),
        ),
        ...linkErrors,
        409: errors[409],
        415: errors[415],
      },
    }),
    async (c) => {
      const r = await requestFeedback(c.get('ctx'), c.req.valid('param').token, c.req.valid('json'));
      return c.json({ request: { status: r.status, dueAt: r.dueAt.toISOString() } }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/portal/{token}/renew',
      tags: ['Candidate page'],
      summary: 'An expired link: email a fresh one to the address the employer has on file',
      request: { params: TokenParam },
      responses: {
        202: jsonAnswer('A fresh link is on its way', z.object({ sent: z.literal(true) })),
        400: errors[400],
        404: errors[404],
      },
    }),
    async (c) => {
      await renewPortalLink(c.get('ctx'), c.req.valid('param').token);
      return c.json({ sent: true as const }, 202);
    },
  );
}
