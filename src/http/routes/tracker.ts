import { createRoute } from '@hono/zod-openapi';
import { addReminder } from '../../app/candidate/add-reminder';
import { addRound } from '../../app/candidate/add-round';
import { deleteApplication } from '../../app/candidate/delete-application';
import { deleteReminder } from '../../app/candidate/delete-reminder';
import { deleteRound } from '../../app/candidate/delete-round';
import { getApplication } from '../../app/candidate/get-application';
import { getHome } from '../../app/candidate/get-home';
import { listApplications } from '../../app/candidate/list-applications';
import { listReminders } from '../../app/candidate/list-reminders';
import { logApplication } from '../../app/candidate/log-application';
import { updateApplication } from '../../app/candidate/update-application';
import { updateReminder } from '../../app/candidate/update-reminder';
import { updateRound } from '../../app/candidate/update-round';
import { candidateSecured, requireCandidate } from '../env';
import {
  presentApplicationDetail,
  presentHome,
  presentReminder,
  presentReminderWithApplication,
  presentRound,
  presentTrackerApplication,
} from '../presenters/tracker';
import { errors, jsonAnswer, jsonBody } from '../responses';
import { createRouter } from '../router';
import { IdParam } from '../schemas';
import {
  CandidateHome,
  ReminderBody,
  ReminderList,
  ReminderPatchBody,
  ReminderSchema,
  RemindersQuery,
  Round,
  RoundBody,
  RoundPatchBody,
  TrackerApplication,
  TrackerApplicationDetail,
  TrackerApplicationPage,
  TrackerCreateBody,
  TrackerPatchBody,
  TrackerQuery,
} from '../schemas/tracker';

const common = { 400: errors[400], 401: errors[401], 404: errors[404] };
const withBody = { ...common, 415: errors[415] };
const tags = ['Candidate workspace'];

/** The candidate's tracker: applications, their interview rounds, and reminders. */
export function trackerRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/candidate/applications',
      tags,
      summary: 'Track an application (company, role, source, dates, status)',
      ...candidateSecured,
      request: { body: jsonBody(TrackerCreateBody) },
      responses: { 201: jsonAnswer('Tracked', TrackerApplication), ...withBody },
    }),
    async (c) => {
      const row = await logApplication(c.get('ctx'), requireCandidate(c), c.req.valid('json'));
      return c.json(presentTrackerApplication(row), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/candidate/applications',
      tags,
      summary:
        'Your tracked applications, newest first, a page at a time: searched by company or role, filtered by status',
      ...candidateSecured,
      request: { query: TrackerQuery },
      responses: {
        200: jsonAnswer('Applications', TrackerApplicationPage),
        400: errors[400],
        401: errors[401],
      },
    }),
    async (c) => {
      const r = await listApplications(c.get('ctx'), requireCandidate(c), c.req.valid('query'));
      return c.json({ ...r, items: r.items.map(presentTrackerApplication) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/candidate/home',
      tags,
      summary:
        'Your Home: how many applications you track, by status, the newest few, and your reminders not yet done with the application each is for',
      ...candidateSecured,
      responses: { 200: jsonAnswer('Home', CandidateHome), 401: errors[401] },
    }),
    async (c) => {
      const home = await getHome(c.get('ctx'), requireCandidate(c));
      return c.json(presentHome(home), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/candidate/applications/{id}',
      tags,
      summary: 'One application with its rounds, reminders, feedback and interview prep',
      ...candidateSecured,
      request: { params: IdParam },
      responses: { 200: jsonAnswer('Application', TrackerApplicationDetail), ...common },
    }),
    async (c) => {
      const detail = await getApplication(c.get('ctx'), requireCandidate(c), c.req.valid('param'));
      return c.json(presentApplicationDetail(detail), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/candidate/applications/{id}',
      tags,
      summary:
        'Update an application (status, dates, what they said, notes, job link, salary range); a rejection adds a reminder to ask for feedback, and any final outcome closes its follow-up and thank-you reminders',
      ...candidateSecured,
      request: { params: IdParam, body: jsonBody(TrackerPatchBody) },
      responses: { 200: jsonAnswer('Updated', TrackerApplication), ...withBody },
    }),
    async (c) => {
      const input = { ...c.req.valid('json'), id: c.req.valid('param').id };
      const row = await updateApplication(c.get('ctx'), requireCandidate(c), input);
      return c.json(presentTrackerApplication(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/candidate/applications/{id}/rounds',
      tags,
      summary:
        'Add an interview round (stage, date, interviewers met, rapport 1-5, notes); adds a thank-you reminder',
      ...candidateSecured,
      request: { params: IdParam, body: jsonBody(RoundBody) },
      responses: { 201: jsonAnswer('Added', Round), ...withBody },
    }),
    async (c) => {
      const input = { ...c.req.valid('json'), applicationId: c.req.valid('param').id };
      const row = await addRound(c.get('ctx'), requireCandidate(c), input);
      return c.json(presentRound(row), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/candidate/applications/{id}',
      tags,
      summary: 'Delete an application with its rounds and reminders (logged feedback stays, unlinked)',
      description:
        'An application that holds feedback sent through Debrief stays: 409 holds-debrief-feedback.',
      ...candidateSecured,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...common, 409: errors[409] },
    }),
    async (c) => {
      await deleteApplication(c.get('ctx'), requireCandidate(c), c.req.valid('param'));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/candidate/rounds/{id}',
      tags,
      summary: 'Correct an interview round',
      description:
        "A new date moves the round's open thank-you reminder by as many days, or removes it when that day has passed; a reminder given a day of its own by hand keeps it.",
      ...candidateSecured,
      request: { params: IdParam, body: jsonBody(RoundPatchBody) },
      responses: { 200: jsonAnswer('Updated', Round), ...withBody },
    }),
    async (c) => {
      const input = { ...c.req.valid('json'), id: c.req.valid('param').id };
      const row = await updateRound(c.get('ctx'), requireCandidate(c), input);
      return c.json(presentRound(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/candidate/rounds/{id}',
      tags,
      summary: 'Delete an interview round',
      ...candidateSecured,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...common },
    }),
    async (c) => {
      await deleteRound(c.get('ctx'), requireCandidate(c), c.req.valid('param'));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/candidate/reminders',
      tags,
      summary: 'Your reminders, soonest first, each with the application it is for',
      ...candidateSecured,
      request: { query: RemindersQuery },
      responses: { 200: jsonAnswer('Reminders', ReminderList), ...common },
    }),
    async (c) => {
      const rows = await listReminders(c.get('ctx'), requireCandidate(c), c.req.valid('query'));
      return c.json({ items: rows.map(presentReminderWithApplication) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/candidate/reminders',
      tags,
      summary: 'Add a reminder (follow up, thank-you note, reapply), due today or later',
      ...candidateSecured,
      request: { body: jsonBody(ReminderBody) },
      responses: { 201: jsonAnswer('Added', ReminderSchema), ...withBody },
    }),
    async (c) => {
      const row = await addReminder(c.get('ctx'), requireCandidate(c), c.req.valid('json'));
      return c.json(presentReminder(row), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/candidate/reminders/{id}',
      tags,
      summary: 'Delete a reminder',
      ...candidateSecured,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...common },
    }),
    async (c) => {
      await deleteReminder(c.get('ctx'), requireCandidate(c), c.req.valid('param'));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/candidate/reminders/{id}',
      tags,
      summary: 'Change a reminder (what to do, when, its kind) or mark it done (or not)',
      description:
        "A due day before yesterday is refused (400): a reminder is for what is still to come. A new day chosen for a round's thank-you reminder is kept: the round's date no longer moves it.",
      ...candidateSecured,
      request: { params: IdParam, body: jsonBody(ReminderPatchBody) },
      responses: { 200: jsonAnswer('Updated', ReminderSchema), ...withBody },
    }),
    async (c) => {
      const input = { ...c.req.valid('json'), id: c.req.valid('param').id };
      const row = await updateReminder(c.get('ctx'), requireCandidate(c), input);
      return c.json(presentReminder(row), 200);
    },
  );
  return app;
}
