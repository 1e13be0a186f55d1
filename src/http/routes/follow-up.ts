import { createRoute, z } from '@hono/zod-openapi';
import { answerQuestion } from '../../app/feedback/answer-question';
import { listFeedbackRequests } from '../../app/feedback/list-feedback-requests';
import { sendRejectionNotice } from '../../app/feedback/send-rejection-notice';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { presentCandidateResponse } from '../presenters/portal';
import { bodyErrors, errors, jsonAnswer, jsonBody, readErrors } from '../responses';
import { createRouter } from '../router';
import { CandidateResponse } from '../schemas/feedback';
import { AnswerBody, FeedbackRequestItem, FeedbackRequestsQuery } from '../schemas/follow-up';
import { IdParam } from '../schemas/shared';

/**
 * Following up with rejected candidates: answering their question, a rejection notice, and their requests for
 * feedback.
 */
export function followUpRoutes() {
  const app = createRouter();
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
      const r = await answerQuestion(c.get('ctx'), actor, {
        ...c.req.valid('json'),
        feedbackId: c.req.valid('param').id,
      });
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
      await sendRejectionNotice(c.get('ctx'), actor, { applicationId: c.req.valid('param').id });
      return c.json({ sent: true as const }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/feedback-requests',
      tags: ['Feedback'],
      summary:
        'Candidates asking for feedback, soonest deadline first; of one job, asked between two days and past the deadline if asked (the requests behind the dashboard figures)',
      ...secured,
      request: { query: FeedbackRequestsQuery },
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
  return app;
}
