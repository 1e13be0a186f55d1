import { createRoute, z } from '@hono/zod-openapi';
import { answerQuestion, sendRejectionNotice } from '../../app/candidate-page';
import { listFeedbackRequests } from '../../app/feedback/list-feedback-requests';
import { addRejectionReason } from '../../app/hiring/add-rejection-reason';
import { listRejectionReasons } from '../../app/hiring/list-rejection-reasons';
import { hiringStats, listAudit } from '../../app/hiring-queries';
import { check } from '../../checker';
import { type Api, requireActor, secured } from '../env';
import { authorize } from '../policies';
import { presentAuditEvent } from '../presenters';
import { bodyErrors, errors, jsonAnswer, jsonBody, readErrors } from '../responses';
import {
  AnswerBody,
  AuditEvent,
  AuditQuery,
  CandidateResponse,
  CheckBody,
  FeedbackRequestItem,
  Finding,
  IdParam,
  RejectionReasonSchema,
  Stats,
} from '../schemas';
import { presentCandidateResponse } from './portal';

/** The hiring team's journey: jobs, applications, scorecards, rejection, feedback review and approval, audit. */
export function hiringRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/audit',
      tags: ['Feedback'],
      summary: "An application's audit trail: who did what, when, and the exact text sent",
      ...secured,
      request: { query: AuditQuery },
      responses: { 200: jsonAnswer('Events', z.object({ events: z.array(AuditEvent) })), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'audit.read');
      const events = await listAudit(c.get('ctx'), actor, c.req.valid('query').applicationId);
      return c.json({ events: events.map(presentAuditEvent) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/rejection-reasons',
      tags: ['Feedback'],
      summary: "The default rejection reasons and your organization's own",
      ...secured,
      responses: {
        200: jsonAnswer('Reasons', z.object({ items: z.array(RejectionReasonSchema) })),
        ...readErrors,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      return c.json({ items: await listRejectionReasons(c.get('ctx'), actor) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/rejection-reasons',
      tags: ['Feedback'],
      summary: 'Extend the default list with a reason of your own',
      ...secured,
      request: { body: jsonBody(RejectionReasonSchema) },
      responses: { 201: jsonAnswer('Added', RejectionReasonSchema), ...bodyErrors, 409: errors[409] },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'reasons.manage');
      const r = await addRejectionReason(c.get('ctx'), actor, c.req.valid('json'));
      return c.json(
        {
          code: r.code,
          label: r.label,
          beyondControl: r.beyondControl,
          candidateText: r.candidateText,
          description: r.description,
        },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/stats',
      tags: ['Feedback'],
      summary: 'Dashboard figures: feedback share, median time to send, drafts waiting, common gaps',
      ...secured,
      responses: { 200: jsonAnswer('Figures', Stats), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'stats.read');
      return c.json(await hiringStats(c.get('ctx'), actor), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/feedback/{id}/answer',
      tags: ['Feedback'],
      summary: "Answer the candidate's one follow-up question (checked; emailed to the candidate)",
      ...secured,
      request: { params: IdParam, body: jsonBody(AnswerBody) },
      responses: {
        200: jsonAnswer('Answered', z.object({ response: CandidateResponse })),
        ...bodyErrors,
        409: errors[409],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'feedback.review');
      const r = await answerQuestion(c.get('ctx'), actor, c.req.valid('param').id, c.req.valid('json'));
      return c.json({ response: presentCandidateResponse(r)! }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/applications/{id}/notice',
      tags: ['Applications'],
      summary:
        'Tell a rejected candidate the outcome without feedback, with a link where they may ask for it',
      ...secured,
      request: { params: IdParam },
      responses: {
        202: jsonAnswer('The notice is on its way', z.object({ sent: z.literal(true) })),
        ...readErrors,
        409: errors[409],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'applications.reject');
      await sendRejectionNotice(c.get('ctx'), actor, c.req.valid('param').id);
      return c.json({ sent: true as const }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/feedback-requests',
      tags: ['Feedback'],
      summary: 'Candidates asking for feedback, soonest deadline first',
      ...secured,
      request: {
        query: z.object({
          status: z
            .enum(['open', 'fulfilled', 'declined'])
            .default('open')
            .openapi({ param: { name: 'status', in: 'query' } }),
        }),
      },
      responses: {
        200: jsonAnswer('Requests', z.object({ items: z.array(FeedbackRequestItem) })),
        ...readErrors,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'feedback.review');
      return c.json({ items: await listFeedbackRequests(c.get('ctx'), actor, c.req.valid('query')) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/check',
      tags: ['Checker'],
      summary: 'Check any text for legal and tone risk (the same checker the web app runs as you type)',
      ...secured,
      request: { body: jsonBody(CheckBody) },
      responses: { 200: jsonAnswer('Findings', z.object({ findings: z.array(Finding) })), ...bodyErrors },
    }),
    async (c) => {
      requireActor(c);
      const { text, mode } = c.req.valid('json');
      return c.json({ findings: check(text, { mode }) }, 200);
    },
  );
}
