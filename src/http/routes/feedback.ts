import { createRoute } from '@hono/zod-openapi';
import { approveFeedback } from '../../app/feedback/approve-feedback';
import { editFeedback } from '../../app/feedback/edit-feedback';
import { getFeedback } from '../../app/feedback/get-feedback';
import { rejectApplication } from '../../app/feedback/reject-application';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { presentFeedback } from '../presenters/feedback';
import { presentCandidateResponse } from '../presenters/portal';
import { bodyErrors, errors, jsonAnswer, jsonBody, readErrors } from '../responses';
import { createRouter } from '../router';
import {
  ApproveBody,
  BlockingError,
  EditFeedbackBody,
  FeedbackEnvelope,
  RejectionBody,
} from '../schemas/feedback';
import { IdParam } from '../schemas/shared';

/** Feedback: the rejection that drafts it, then review, edits (checked again) and approval with its send time. */
export function feedbackRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/applications/{id}/rejection',
      tags: ['Applications'],
      summary: 'Reject for a documented reason; drafts checked feedback from the scorecards',
      ...secured,
      request: { params: IdParam, body: jsonBody(RejectionBody) },
      responses: {
        201: jsonAnswer('Rejected; the draft waits for review', FeedbackEnvelope),
        ...bodyErrors,
        409: errors[409],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'applications.reject');
      const draft = await rejectApplication(c.get('ctx'), actor, {
        ...c.req.valid('json'),
        applicationId: c.req.valid('param').id,
      });
      return c.json({ feedback: presentFeedback(draft) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/feedback/{id}',
      tags: ['Feedback'],
      summary: 'A feedback with its findings and the evidence behind each sentence',
      ...secured,
      request: { params: IdParam },
      responses: { 200: jsonAnswer('Feedback', FeedbackEnvelope), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'feedback.review');
      const r = await getFeedback(c.get('ctx'), actor, { feedbackId: c.req.valid('param').id });
      return c.json(
        {
          feedback: {
            ...presentFeedback(r.feedback),
            candidateResponse: presentCandidateResponse(r.response),
          },
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/feedback/{id}',
      tags: ['Feedback'],
      summary: 'Edit a draft; the new text is checked again',
      ...secured,
      request: { params: IdParam, body: jsonBody(EditFeedbackBody) },
      responses: { 200: jsonAnswer('Edited', FeedbackEnvelope), ...bodyErrors, 409: errors[409] },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'feedback.review');
      const f = await editFeedback(c.get('ctx'), actor, {
        ...c.req.valid('json'),
        feedbackId: c.req.valid('param').id,
      });
      return c.json({ feedback: presentFeedback(f) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/feedback/{id}/approve',
      tags: ['Feedback'],
      summary: 'Approve and send now, at a time, or when the job is filled',
      description:
        'A blocking finding stops approval (409 blocking-findings, with the findings) unless an admin overrides it with a written justification, which goes into the audit trail.',
      ...secured,
      request: { params: IdParam, body: jsonBody(ApproveBody) },
      responses: {
        200: jsonAnswer('Approved', FeedbackEnvelope),
        ...bodyErrors,
        409: {
          description: 'Blocking findings, or not a draft',
          content: { 'application/json': { schema: BlockingError } },
        },
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'feedback.review');
      const f = await approveFeedback(c.get('ctx'), actor, {
        ...c.req.valid('json'),
        feedbackId: c.req.valid('param').id,
      });
      return c.json({ feedback: presentFeedback(f) }, 200);
    },
  );

  return app;
}
