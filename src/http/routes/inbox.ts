import { createRoute } from '@hono/zod-openapi';
import { deleteLoggedFeedback } from '../../app/candidate/delete-logged-feedback';
import { getInbox } from '../../app/candidate/get-inbox';
import { listLoggedFeedback } from '../../app/candidate/list-logged-feedback';
import { logFeedback } from '../../app/candidate/log-feedback';
import { updateLoggedFeedback } from '../../app/candidate/update-logged-feedback';
import { candidateSecured, requireCandidate } from '../env';
import { presentInboxItem, presentInboxRequest, presentLoggedFeedback } from '../presenters/inbox';
import { errors, jsonAnswer, jsonBody } from '../responses';
import { createRouter } from '../router';
import { IdParam } from '../schemas';
import {
  Inbox,
  LoggedFeedback,
  LoggedFeedbackBody,
  LoggedFeedbackList,
  LoggedFeedbackPatchBody,
} from '../schemas/inbox';

const tags = ['Candidate workspace'];

/** The candidate's feedback: sent through Debrief to their confirmed address, or logged by hand. */
export function inboxRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/candidate/feedback',
      tags,
      summary:
        'Feedback sent through Debrief to your confirmed address, one thread per application with your response and the answer, and requests still waiting',
      description: 'An unconfirmed address sees nothing: 403 email-not-verified.',
      ...candidateSecured,
      responses: {
        200: jsonAnswer('Inbox', Inbox),
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => {
      const inbox = await getInbox(c.get('ctx'), requireCandidate(c));
      return c.json(
        { items: inbox.items.map(presentInboxItem), requests: inbox.requests.map(presentInboxRequest) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/candidate/logged-feedback',
      tags,
      summary: 'Log feedback received elsewhere (an email, a call)',
      ...candidateSecured,
      request: { body: jsonBody(LoggedFeedbackBody) },
      responses: {
        201: jsonAnswer('Logged', LoggedFeedback),
        400: errors[400],
        401: errors[401],
        404: errors[404],
        415: errors[415],
      },
    }),
    async (c) => {
      const row = await logFeedback(c.get('ctx'), requireCandidate(c), c.req.valid('json'));
      return c.json(presentLoggedFeedback(row), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/candidate/logged-feedback',
      tags,
      summary:
        'Feedback you logged by hand, most recently received first, each with the application it is about',
      ...candidateSecured,
      responses: {
        200: jsonAnswer('Logged feedback', LoggedFeedbackList),
        401: errors[401],
      },
    }),
    async (c) => {
      const rows = await listLoggedFeedback(c.get('ctx'), requireCandidate(c));
      return c.json(
        { items: rows.map((r) => ({ ...presentLoggedFeedback(r.logged), application: r.application })) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/candidate/logged-feedback/{id}',
      tags,
      summary: 'Correct feedback you logged by hand (what they said, when, how, which application)',
      ...candidateSecured,
      request: { params: IdParam, body: jsonBody(LoggedFeedbackPatchBody) },
      responses: {
        200: jsonAnswer('Updated', LoggedFeedback),
        400: errors[400],
        401: errors[401],
        404: errors[404],
        415: errors[415],
      },
    }),
    async (c) => {
      const input = { ...c.req.valid('json'), id: c.req.valid('param').id };
      const row = await updateLoggedFeedback(c.get('ctx'), requireCandidate(c), input);
      return c.json(presentLoggedFeedback(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/candidate/logged-feedback/{id}',
      tags,
      summary: 'Delete feedback you logged by hand',
      ...candidateSecured,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      await deleteLoggedFeedback(c.get('ctx'), requireCandidate(c), c.req.valid('param'));
      return c.body(null, 204);
    },
  );
  return app;
}
