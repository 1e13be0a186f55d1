import { createRoute, z } from '@hono/zod-openapi';
import { improvementPlan, interviewPrep, requestPlan } from '../../app/candidate-plan';
import {
  addPlanAction,
  addReminder,
  addRound,
  createTrackerApplication,
  deleteReminder,
  listReminders,
  listTrackerApplications,
  setReminderDone,
  trackerDetail,
  updatePlanAction,
  updateTrackerApplication,
} from '../../app/candidate-workspace';
import type {
  loggedFeedback,
  planActions,
  reminders,
  trackerApplications,
  trackerRounds,
} from '../../db/schema';
import { type Api, candidateSecured, requireCandidate } from '../env';
import { errors, jsonAnswer, jsonBody } from '../responses';
import { IdParam } from '../schemas';
import { LoggedFeedback } from '../schemas/inbox';
import { Plan, PlanAction, PlanActionBody, PlanActionPatch, PrepReminder } from '../schemas/plan';
import { RequestPlanSchema } from '../schemas/request-coach';
import {
  DoneBody,
  ReminderBody,
  ReminderSchema,
  Round,
  RoundBody,
  TrackerApplication,
  TrackerCreateBody,
  TrackerPatchBody,
} from '../schemas/tracker';

const common = { 400: errors[400], 401: errors[401], 404: errors[404] };
const withBody = { ...common, 415: errors[415] };
const tags = ['Candidate workspace'];

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const presentTracker = (a: typeof trackerApplications.$inferSelect & { rounds?: number }) => ({
  id: a.id,
  company: a.company,
  role: a.role,
  source: a.source,
  status: a.status,
  appliedOn: a.appliedOn,
  rejectedOn: a.rejectedOn,
  decisionFinal: a.decisionFinal,
  roleFilled: a.roleFilled,
  reason: a.reason,
  recruiter: a.recruiter ?? null,
  notes: a.notes,
  feedbackId: a.feedbackId,
  ...(a.rounds !== undefined ? { rounds: a.rounds } : {}),
  createdAt: a.createdAt.toISOString(),
});
const presentRound = (r: typeof trackerRounds.$inferSelect) => ({
  id: r.id,
  stage: r.stage,
  date: r.date,
  interviewers: r.interviewers,
  rapport: r.rapport,
  notes: r.notes,
});
const presentReminder = (r: typeof reminders.$inferSelect) => ({
  id: r.id,
  applicationId: r.applicationId,
  kind: r.kind,
  dueOn: r.dueOn,
  text: r.text,
  done: Boolean(r.doneAt),
});
const presentAction = (a: typeof planActions.$inferSelect) => ({
  id: a.id,
  theme: a.theme,
  title: a.title,
  dueOn: a.dueOn,
  done: Boolean(a.doneAt),
});
const presentLogged = (l: typeof loggedFeedback.$inferSelect) => ({
  id: l.id,
  applicationId: l.applicationId,
  channel: l.channel,
  receivedOn: l.receivedOn,
  text: l.text,
});

/** The candidate's workspace: an account of their own, a tracker, a feedback inbox, a request coach, a plan. */
export function candidateRoutes(app: Api) {
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
      await deleteReminder(c.get('ctx').db, requireCandidate(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

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
    async (c) =>
      c.json(
        presentTracker(
          await createTrackerApplication(c.get('ctx').db, requireCandidate(c), c.req.valid('json')),
        ),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/candidate/applications',
      tags,
      summary: 'Your tracked applications, newest first',
      ...candidateSecured,
      responses: {
        200: jsonAnswer('Applications', z.object({ items: z.array(TrackerApplication) })),
        401: errors[401],
      },
    }),
    async (c) =>
      c.json(
        { items: (await listTrackerApplications(c.get('ctx').db, requireCandidate(c))).map(presentTracker) },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/candidate/applications/{id}',
      tags,
      summary: 'One application with its rounds, reminders, feedback and interview prep',
      ...candidateSecured,
      request: { params: IdParam },
      responses: {
        200: jsonAnswer(
          'Application',
          TrackerApplication.extend({
            roundList: z.array(Round),
            reminders: z.array(ReminderSchema),
            loggedFeedback: z.array(LoggedFeedback),
            debriefFeedback: z
              .object({ id: z.uuid(), body: z.string(), sentAt: z.iso.datetime().nullable() })
              .nullable(),
            prep: z.array(PrepReminder),
          }),
        ),
        ...common,
      },
    }),
    async (c) => {
      const who = requireCandidate(c);
      const db = c.get('ctx').db;
      const id = c.req.valid('param').id;
      const d = await trackerDetail(db, who, id);
      const prep =
        d.app.status === 'applied' || d.app.status === 'interviewing'
          ? await interviewPrep(db, who, d.app)
          : [];
      return c.json(
        {
          ...presentTracker(d.app),
          roundList: d.rounds.map(presentRound),
          reminders: d.reminders.map(presentReminder),
          loggedFeedback: d.logged.map(presentLogged),
          debriefFeedback: d.debriefFeedback
            ? { ...d.debriefFeedback, sentAt: iso(d.debriefFeedback.sentAt) }
            : null,
          prep,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/candidate/applications/{id}',
      tags,
      summary:
        'Update an application (status, dates, what they said); a rejection adds a reminder to ask for feedback',
      ...candidateSecured,
      request: { params: IdParam, body: jsonBody(TrackerPatchBody) },
      responses: { 200: jsonAnswer('Updated', TrackerApplication), ...withBody },
    }),
    async (c) =>
      c.json(
        presentTracker(
          await updateTrackerApplication(
            c.get('ctx').db,
            requireCandidate(c),
            c.req.valid('param').id,
            c.req.valid('json'),
          ),
        ),
        200,
      ),
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
    async (c) =>
      c.json(
        presentRound(
          await addRound(c.get('ctx').db, requireCandidate(c), c.req.valid('param').id, c.req.valid('json')),
        ),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/candidate/applications/{id}/request-plan',
      tags,
      summary:
        'The request coach: whether and when to ask for feedback, whom, how, a checked draft email and a call sheet',
      ...candidateSecured,
      request: { params: IdParam },
      responses: { 200: jsonAnswer('Plan', RequestPlanSchema), ...common, 409: errors[409] },
    }),
    async (c) =>
      c.json(await requestPlan(c.get('ctx').db, requireCandidate(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/candidate/reminders',
      tags,
      summary: 'Your reminders, soonest first',
      ...candidateSecured,
      request: {
        query: z.object({
          open: z
            .enum(['true', 'false'])
            .optional()
            .openapi({ param: { name: 'open', in: 'query' } }),
        }),
      },
      responses: { 200: jsonAnswer('Reminders', z.object({ items: z.array(ReminderSchema) })), ...common },
    }),
    async (c) => {
      const rows = await listReminders(c.get('ctx').db, requireCandidate(c), {
        open: c.req.valid('query').open === 'true',
      });
      return c.json({ items: rows.map(presentReminder) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/candidate/reminders',
      tags,
      summary: 'Add a reminder (follow up, thank-you note, reapply)',
      ...candidateSecured,
      request: { body: jsonBody(ReminderBody) },
      responses: { 201: jsonAnswer('Added', ReminderSchema), ...withBody },
    }),
    async (c) =>
      c.json(
        presentReminder(await addReminder(c.get('ctx').db, requireCandidate(c), c.req.valid('json'))),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/candidate/reminders/{id}',
      tags,
      summary: 'Mark a reminder done (or not)',
      ...candidateSecured,
      request: { params: IdParam, body: jsonBody(DoneBody) },
      responses: { 200: jsonAnswer('Updated', ReminderSchema), ...withBody },
    }),
    async (c) =>
      c.json(
        presentReminder(
          await setReminderDone(
            c.get('ctx').db,
            requireCandidate(c),
            c.req.valid('param').id,
            c.req.valid('json').done,
          ),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/candidate/plan',
      tags,
      summary:
        'The improvement plan: themes across all your feedback, your actions, and what to revisit before interviews',
      ...candidateSecured,
      responses: { 200: jsonAnswer('Plan', Plan), 401: errors[401] },
    }),
    async (c) => {
      const p = await improvementPlan(c.get('ctx'), requireCandidate(c));
      return c.json({ ...p, actions: p.actions.map(presentAction) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/candidate/plan/actions',
      tags,
      summary: 'Turn a theme into an action with a due date',
      ...candidateSecured,
      request: { body: jsonBody(PlanActionBody) },
      responses: { 201: jsonAnswer('Added', PlanAction), ...withBody },
    }),
    async (c) =>
      c.json(
        presentAction(await addPlanAction(c.get('ctx').db, requireCandidate(c), c.req.valid('json'))),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/candidate/plan/actions/{id}',
      tags,
      summary: 'Mark progress on an action, or change it',
      ...candidateSecured,
      request: { params: IdParam, body: jsonBody(PlanActionPatch) },
      responses: { 200: jsonAnswer('Updated', PlanAction), ...withBody },
    }),
    async (c) =>
      c.json(
        presentAction(
          await updatePlanAction(
            c.get('ctx').db,
            requireCandidate(c),
            c.req.valid('param').id,
            c.req.valid('json'),
          ),
        ),
        200,
      ),
  );
}
