import { createRoute } from '@hono/zod-openapi';
import { approveDrafts, countWaitingDrafts } from '../../app/feedback/approve-drafts';
import { approveFeedback } from '../../app/feedback/approve-feedback';
import { editFeedback } from '../../app/feedback/edit-feedback';
import { getFeedback } from '../../app/feedback/get-feedback';
import { rejectApplication } from '../../app/feedback/reject-application';
import { resendFeedback } from '../../app/feedback/resend-feedback';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { presentFeedback } from '../presenters/feedback';
import { presentOperation } from '../presenters/jobs';
import { presentCandidateResponse } from '../presenters/portal';
import { bodyErrors, errors, jsonAnswer, jsonBody, readErrors } from '../responses';
import { createRouter } from '../router';
import {
  ApproveAllBody,
  ApproveAllPreview,
  ApproveAllQuery,
  ApproveBody,
  BlockingError,
  EditFeedbackBody,
  FeedbackEnvelope,
  RejectionBody,
  ResendBody,
} from '../schemas/feedback';
import { BulkOperation } from '../schemas/jobs';
import { IdParam } from '../schemas/shared';

/**
 * Feedback: the rejection that drafts it, then review, edits (checked again), approval with its send time, and
 * sending again when its email failed.
 */
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
            ...presentFeedback(r.feedback, r.email),
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
      description:
        'A feedback whose email failed can be edited too: it goes back to being a draft, to be approved again.',
      ...secured,
      request: { params: IdParam, body: jsonBody(EditFeedbackBody) },
      responses: { 200: jsonAnswer('Edited', FeedbackEnvelope), ...bodyErrors, 409: errors[409] },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'feedback.review');
      const r = await editFeedback(c.get('ctx'), actor, {
        ...c.req.valid('json'),
        feedbackId: c.req.valid('param').id,
      });
      return c.json({ feedback: presentFeedback(r.feedback, r.email) }, 200);
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
      const r = await approveFeedback(c.get('ctx'), actor, {
        ...c.req.valid('json'),
        feedbackId: c.req.valid('param').id,
      });
      return c.json({ feedback: presentFeedback(r.feedback, r.email) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/feedback/{id}/resend',
      tags: ['Feedback'],
      summary: 'Send a feedback whose email failed again, now; optionally to a corrected address',
      description:
        "Only when the email failed (409 not-failed otherwise). A new email goes out once, with a fresh link to the candidate's page. A corrected `to` changes the candidate's address (audited; 409 email-taken when another candidate of the organization has it).",
      ...secured,
      request: { params: IdParam, body: jsonBody(ResendBody) },
      responses: {
        200: jsonAnswer('Queued for sending', FeedbackEnvelope),
        ...bodyErrors,
        409: errors[409],
        429: errors[429],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'feedback.review');
      const r = await resendFeedback(c.get('ctx'), actor, {
        ...c.req.valid('json'),
        feedbackId: c.req.valid('param').id,
      });
      return c.json({ feedback: presentFeedback(r.feedback, r.email) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/feedback-approvals/preview',
      tags: ['Feedback'],
      summary:
        'How many drafts of a job (or of the organization) the checker finds nothing in, ready to approve at once, and how many it leaves for a person',
      ...secured,
      request: { query: ApproveAllQuery },
      responses: { 200: jsonAnswer('Counts', ApproveAllPreview), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'feedback.review');
      return c.json(await countWaitingDrafts(c.get('ctx'), actor, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/feedback-approvals',
      tags: ['Feedback'],
      summary:
        'Approve and send now every draft of a job (or of the organization) that the checker finds nothing in, in the background',
      description:
        'Each draft is approved exactly as by POST /feedback/{id}/approve (checked again, audited, its one email queued with it). Drafts with findings are left for a person and listed in the operation. The hourly sending limit pauses the run; it carries on by itself.',
      ...secured,
      request: { body: jsonBody(ApproveAllBody) },
      responses: {
        202: jsonAnswer('Started; poll the operation for progress', BulkOperation),
        ...bodyErrors,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'feedback.review');
      const op = await approveDrafts(c.get('ctx'), actor, c.req.valid('json'));
      return c.json(presentOperation(op), 202);
    },
  );

  return app;
}
