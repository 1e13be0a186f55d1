import { createRoute } from '@hono/zod-openapi';
import { addApplication } from '../../app/hiring/add-application';
import { assignInterviewer, unassignInterviewer } from '../../app/hiring/assign-interviewer';
import { getApplicationDetail } from '../../app/hiring/get-application-detail';
import { listApplications } from '../../app/hiring/list-applications';
import { moveApplication } from '../../app/hiring/move-application';
import { rejectApplications } from '../../app/hiring/reject-applications';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { presentApplication, presentApplicationDetail } from '../presenters/applications';
import { presentOperation } from '../presenters/jobs';
import { bodyErrors, errors, jsonAnswer, jsonBody, readErrors } from '../responses';
import { createRouter } from '../router';
import {
  Application,
  ApplicationDetail,
  ApplicationsPage,
  ApplicationsQuery,
  AssignInterviewerBody,
  BulkRejectionBody,
  CreateApplicationBody,
  Interviewer,
  InterviewerParams,
  MoveApplicationBody,
} from '../schemas/applications';
import { BulkOperation } from '../schemas/jobs';
import { IdParam } from '../schemas/shared';

/** Applications: add a candidate to a job, list them, the hiring team's view of one, and its place in the pipeline. */
export function applicationRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/applications',
      tags: ['Applications'],
      summary: 'Add a candidate to an open job',
      ...secured,
      request: { body: jsonBody(CreateApplicationBody) },
      responses: { 201: jsonAnswer('Created', Application), ...bodyErrors, 409: errors[409] },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'applications.create');
      const r = await addApplication(c.get('ctx'), actor, c.req.valid('json'));
      return c.json(presentApplication(r.application, r.candidate), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/applications',
      tags: ['Applications'],
      summary:
        "List applications, of one job or every job, by stage, status, feedback status and a search of the candidate's name or email; sorted by name, applied date, stage or last update (paginated, with the total)",
      description:
        "The days of rejection and of sending, and what the candidate did with the feedback (rated, thanked, asked, answered, open to future roles), narrow it as the dashboard counts them: each figure of GET /stats is the total of the list with the same filters. Another organization's job is 404.",
      ...secured,
      request: { query: ApplicationsQuery },
      responses: { 200: jsonAnswer('Applications', ApplicationsPage), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'applications.read');
      const r = await listApplications(c.get('ctx'), actor, c.req.valid('query'));
      return c.json(
        {
          items: r.items.map((i) => ({
            ...presentApplication(i.application, i.candidate, { id: i.feedbackId, status: i.feedbackStatus }),
            job: i.job,
          })),
          nextCursor: r.nextCursor,
          total: r.total,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/applications/bulk-rejection',
      tags: ['Applications'],
      summary:
        'Reject the chosen applications (by id, or every one matching a filter) for one reason, drafting feedback for each, in the background',
      description:
        'Offers, hires, withdrawals and applications already rejected are never rejected this way: the answer lists each one skipped, with the reason. Poll GET /bulk-operations/{id} for progress.',
      ...secured,
      request: { body: jsonBody(BulkRejectionBody) },
      responses: {
        202: jsonAnswer('Started; poll the operation for progress', BulkOperation),
        ...bodyErrors,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'applications.reject');
      const op = await rejectApplications(c.get('ctx'), actor, c.req.valid('json'));
      return c.json(presentOperation(op), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/applications/{id}',
      tags: ['Applications'],
      summary:
        "One application with its job, scorecards (the hiring team's private view; an interviewer sees them once they have submitted their own) and feedback status",
      ...secured,
      request: { params: IdParam },
      responses: {
        200: jsonAnswer('Application', ApplicationDetail),
        ...readErrors,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'applications.read');
      const d = await getApplicationDetail(c.get('ctx'), actor, { applicationId: c.req.valid('param').id });
      return c.json(presentApplicationDetail({ ...d, reader: actor }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/applications/{id}/stage',
      tags: ['Applications'],
      summary:
        'Move an application along the pipeline: an interview stage, an offer, hired, or withdrawn (rejecting goes through the rejection); audited',
      ...secured,
      request: { params: IdParam, body: jsonBody(MoveApplicationBody) },
      responses: { 200: jsonAnswer('Moved', Application), ...bodyErrors, 409: errors[409] },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'applications.move');
      const ctx = c.get('ctx');
      const { id } = c.req.valid('param');
      await moveApplication(ctx, actor, { ...c.req.valid('json'), applicationId: id });
      const d = await getApplicationDetail(ctx, actor, { applicationId: id });
      return c.json(presentApplication(d.application, d.candidate, d.feedback), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/applications/{id}/interviewers',
      tags: ['Applications'],
      summary:
        'Assign a member to interview for an application (an interviewer reads only the applications assigned to them)',
      ...secured,
      request: { params: IdParam, body: jsonBody(AssignInterviewerBody) },
      responses: { 200: jsonAnswer('Assigned', Interviewer), ...bodyErrors, 409: errors[409] },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'applications.assign');
      const who = await assignInterviewer(c.get('ctx'), actor, {
        ...c.req.valid('json'),
        applicationId: c.req.valid('param').id,
      });
      return c.json(who, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/applications/{id}/interviewers/{userId}',
      tags: ['Applications'],
      summary: 'Take a member off an application',
      ...secured,
      request: { params: InterviewerParams },
      responses: { 204: { description: 'Unassigned' }, ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'applications.assign');
      const { id, userId } = c.req.valid('param');
      await unassignInterviewer(c.get('ctx'), actor, { applicationId: id, userId });
      return c.body(null, 204);
    },
  );

  return app;
}
