import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications, feedback, feedbackRequests } from '../../src/db/schema';
import {
  type DashboardFigure,
  type DashboardRange,
  figureQuery,
  listBehind,
  listOfGap,
  listOfWeek,
  requestsBehind,
} from '../../src/domain/dashboard-lists';
import { newOrganization, uniqueEmail } from '../support/harness';
import { drainUntil } from '../support/hiring';
import { withMail } from '../support/smtp';

const mail = withMail();
type Org = Awaited<ReturnType<typeof newOrganization>>;
const tokenIn = (text: string) => /\/f\/([A-Za-z0-9_-]+)/.exec(text)![1];

/** What happened to one candidate: rejected or not, the feedback's fate, and what they did with it. */
interface Outcome {
  name: string;
  /** A scorecard rating the one criterion, 1 to 5, before any rejection. */
  score?: number;
  rejected?: boolean;
  send?: 'now' | 'when-filled';
  response?: { useful?: number; thanks?: boolean; question?: string; futureRoles?: boolean };
  answer?: boolean;
  /** Told the outcome without feedback, the candidate asks for it (on this day, if given). */
  request?: string | true;
  /** The request's deadline, moved (into the past: it is overdue). */
  requestDue?: string;
  /** Moved back in time: the day of rejection, and of sending (feedback sent). */
  rejectedAt?: string;
  sentAt?: string;
}

async function jobWith(org: Org, title: string, outcomes: Outcome[]) {
  const job = await org.api.post('/api/v1/jobs', { title, criteria: [{ name: 'Route planning' }] });
  expect(job.status).toBe(201);
  for (const o of outcomes) {
    const email = uniqueEmail('candidate');
    const app = await org.api.post('/api/v1/applications', {
      jobId: job.body.id,
      candidate: { name: o.name, email },
    });
    expect(app.status).toBe(201);
    if (o.score) {
      const card = await org.api.post(`/api/v1/applications/${app.body.id}/scorecards`, {
        stage: 'interview',
        recommendation: o.score < 3 ? 'no' : 'yes',
        ratings: [
          {
            criterionId: job.body.criteria[0].id,
            rating: o.score,
            evidence: 'The route plan for the exercise covered four of the six delivery windows.',
          },
        ],
      });
      expect(card.status, o.name).toBe(201);
    }
    if (!o.rejected) continue;
    const r = await org.api.post(`/api/v1/applications/${app.body.id}/rejection`, { reason: 'skills-gap' });
    expect(r.status).toBe(201);
    const feedbackId = r.body.feedback.id as string;
    if (o.send) {
      const approved = await org.api.post(`/api/v1/feedback/${feedbackId}/approve`, { send: o.send });
      expect(approved.status, o.name).toBe(200);
    }
    if (o.send === 'now') await drainUntil(mail.h, () => mail.inbox(email).length > 0);
    if (o.response) {
      const token = tokenIn(mail.inbox(email)[0]!.text);
      const said = await mail.h.anon.post(`/api/v1/portal/${token}/response`, o.response);
      expect(said.status, o.name).toBe(200);
    }
    if (o.answer) {
      const a = await org.api.post(`/api/v1/feedback/${feedbackId}/answer`, {
        answer: 'The written exercise had two errors in the field names.',
      });
      expect(a.status).toBe(200);
    }
    if (o.request) {
      expect((await org.api.post(`/api/v1/applications/${app.body.id}/notice`)).status).toBe(202);
      await drainUntil(mail.h, () => mail.inbox(email).length > 0);
      const token = tokenIn(mail.inbox(email)[0]!.text);
      const asked = await mail.h.anon.post(`/api/v1/portal/${token}/request`, {
        message: 'A pointer or two?',
      });
      expect(asked.status, o.name).toBe(201);
      if (o.request !== true)
        await mail.h.ctx.db
          .update(feedbackRequests)
          .set({ createdAt: new Date(o.request) })
          .where(eq(feedbackRequests.applicationId, app.body.id));
      if (o.requestDue)
        await mail.h.ctx.db
          .update(feedbackRequests)
          .set({ dueAt: new Date(o.requestDue) })
          .where(eq(feedbackRequests.applicationId, app.body.id));
    }
    if (o.rejectedAt)
      await mail.h.ctx.db
        .update(applications)
        .set({ rejectedAt: new Date(o.rejectedAt) })
        .where(eq(applications.id, app.body.id));
    if (o.sentAt)
      await mail.h.ctx.db
        .update(feedback)
        .set({ sentAt: new Date(o.sentAt) })
        .where(eq(feedback.id, feedbackId));
  }
  return job.body.id as string;
}

const FIGURES: DashboardFigure[] = [
  'rejected',
  'feedbackSent',
  'draftsWaiting',
  'scheduled',
  'usefulRatings',
  'thanksReceived',
  'questionsOpen',
  'futureRolesOptIns',
];

describe('the list behind each dashboard figure', () => {
  it('holds as many applications as the figure says, for every job or one, with and without days', async () => {
    const org = await newOrganization(mail.h);
    const planner = await jobWith(org, 'Warehouse Planner', [
      { name: 'Ana Lopes', score: 2, rejected: true, request: true },
      {
        name: 'Ben Okafor',
        score: 4,
        rejected: true,
        send: 'now',
        response: { useful: 5, thanks: true, question: 'Which exercise would help most?', futureRoles: true },
      },
      {
        name: 'Chloe Martin',
        score: 2,
        rejected: true,
        send: 'now',
        response: { useful: 2, question: 'Could you say more about the planning task?' },
        answer: true,
      },
      { name: 'Dev Patel', rejected: true, send: 'when-filled' },
      { name: 'Eli Novak' },
    ]);
    const driver = await jobWith(org, 'Delivery Driver', [
      {
        name: 'Farah Said',
        rejected: true,
        send: 'now',
        response: { thanks: true },
        rejectedAt: '2025-03-10T12:00:00Z',
        sentAt: '2025-03-12T09:00:00Z',
      },
      {
        name: 'Gus Lind',
        score: 1,
        rejected: true,
        rejectedAt: '2025-03-20T16:00:00Z',
        request: '2025-03-21T10:00:00Z',
        requestDue: '2025-03-28T10:00:00Z',
      },
      { name: 'Hana Ito', score: 1 },
      // Asked today, and already past a deadline moved back: overdue, and within the dashboard's day of today.
      {
        name: 'Ida Berg',
        rejected: true,
        request: true,
        requestDue: new Date(Date.now() - 3_600_000).toISOString(),
      },
    ]);

    const total = async (query: URLSearchParams) => {
      const r = await org.api.get(`/api/v1/applications?${query}&limit=200`);
      expect(r.status, String(query)).toBe(200);
      expect(r.body.items.length).toBe(r.body.total);
      return r.body.total as number;
    };
    const day = new Date().toISOString().slice(0, 10);
    const ranges: DashboardRange[] = [
      {},
      { jobId: planner },
      { jobId: driver },
      { from: '2025-03-01', to: '2025-03-31' },
      { jobId: driver, from: '2025-03-15' },
      { from: day },
      { jobId: planner, to: '2025-12-31' },
    ];
    for (const range of ranges) {
      const q = new URLSearchParams();
      if (range.jobId) q.set('jobId', range.jobId);
      if (range.from) q.set('from', range.from);
      if (range.to) q.set('to', range.to);
      const stats = await org.api.get(`/api/v1/stats?${q}`);
      expect(stats.status).toBe(200);
      const where = JSON.stringify(range);
      for (const figure of FIGURES)
        expect(await total(figureQuery(listBehind(figure, range))), `${figure} ${where}`).toBe(
          stats.body[figure],
        );
      const requests = await org.api.get(`/api/v1/feedback-requests?${requestsBehind(range)}`);
      expect(requests.status).toBe(200);
      expect(requests.body.items.length, `requestsOpen ${where}`).toBe(stats.body.requestsOpen);
      const late = await org.api.get(`/api/v1/feedback-requests?${requestsBehind(range, 'requestsOverdue')}`);
      expect(late.status).toBe(200);
      expect(late.body.items.length, `requestsOverdue ${where}`).toBe(stats.body.requestsOverdue);
      expect(late.body.items.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
      for (const g of stats.body.commonGaps as { criterion: string; count: number }[])
        expect(await total(figureQuery(listOfGap(g.criterion, range))), `gap ${g.criterion} ${where}`).toBe(
          g.count,
        );
      for (const w of stats.body.sentByWeek as { week: string; sent: number }[])
        expect(await total(figureQuery(listOfWeek(w.week, range))), `week ${w.week} ${where}`).toBe(w.sent);
    }

    // The figures are the ones this organization's outcomes make.
    const all = (await org.api.get('/api/v1/stats')).body;
    expect(all).toMatchObject({
      rejected: 7,
      feedbackSent: 3,
      draftsWaiting: 3,
      scheduled: 1,
      usefulRatings: 2,
      thanksReceived: 2,
      questionsOpen: 1,
      futureRolesOptIns: 1,
      requestsOpen: 3,
      requestsOverdue: 2,
    });
    // The late requests are Gus's and Ida's, soonest deadline first; Ana's is open and not yet due.
    const late = await org.api.get(`/api/v1/feedback-requests?${requestsBehind({}, 'requestsOverdue')}`);
    expect(late.body.items.map((r: { candidate: { name: string } }) => r.candidate.name)).toEqual([
      'Gus Lind',
      'Ida Berg',
    ]);
    const notLate = await org.api.get('/api/v1/feedback-requests?overdue=false');
    expect(notLate.body.items.map((r: { candidate: { name: string } }) => r.candidate.name)).toEqual([
      'Ana Lopes',
    ]);
    // Ana, Chloe and Gus fell short on route planning, at either job; Hana is still in the running.
    expect(all.commonGaps).toEqual([{ criterion: 'Route planning', count: 3 }]);
    expect(all.sentByWeek[0]).toEqual({ week: '2025-03-10', sent: 1 });
    const march = await org.api.get(`/api/v1/applications?${figureQuery(listOfWeek('2025-03-10', {}))}`);
    expect(march.body.items.map((a: { candidate: { name: string } }) => a.candidate.name)).toEqual([
      'Farah Said',
    ]);
    expect(march.body.items[0].job).toEqual({ id: driver, title: 'Delivery Driver' });
    const open = await org.api.get(`/api/v1/applications?${figureQuery(listBehind('questionsOpen', {}))}`);
    expect(open.body.items.map((a: { candidate: { name: string } }) => a.candidate.name)).toEqual([
      'Ben Okafor',
    ]);
    // Every job's list carries each application's job.
    const every = await org.api.get('/api/v1/applications?limit=200');
    expect(new Set(every.body.items.map((a: { job: { title: string } }) => a.job.title))).toEqual(
      new Set(['Warehouse Planner', 'Delivery Driver']),
    );

    // Gus's rating is redacted: it counts in no gap, on the dashboard or in its list.
    const gapList = () => org.api.get(`/api/v1/applications?${figureQuery(listOfGap('Route planning', {}))}`);
    const gus = (await gapList()).body.items.find(
      (a: { candidate: { name: string } }) => a.candidate.name === 'Gus Lind',
    );
    const card = (await org.api.get(`/api/v1/applications/${gus.id}`)).body.scorecards[0];
    const redacted = await org.api.post(
      `/api/v1/scorecards/${card.id}/ratings/${card.ratings[0].id}/redact`,
      {
        reason: 'Written about the wrong candidate',
      },
    );
    expect(redacted.status).toBe(200);
    expect((await org.api.get('/api/v1/stats')).body.commonGaps).toEqual([
      { criterion: 'Route planning', count: 2 },
    ]);
    expect(
      (await gapList()).body.items.map((a: { candidate: { name: string } }) => a.candidate.name).sort(),
    ).toEqual(['Ana Lopes', 'Chloe Martin']);
  });

  it('pages through every job with the cursor', async () => {
    const org = await newOrganization(mail.h);
    await jobWith(org, 'Warehouse Planner', [
      { name: 'Ana Lopes', rejected: true },
      { name: 'Ben Okafor', rejected: true },
    ]);
    await jobWith(org, 'Delivery Driver', [{ name: 'Chloe Martin', rejected: true }]);
    const names: string[] = [];
    let cursor = '';
    for (let i = 0; i < 5; i++) {
      const r = await org.api.get(`/api/v1/applications?status=rejected&sort=name&limit=2${cursor}`);
      expect(r.body.total).toBe(3);
      names.push(...r.body.items.map((a: { candidate: { name: string } }) => a.candidate.name));
      if (!r.body.nextCursor) break;
      cursor = `&cursor=${encodeURIComponent(r.body.nextCursor)}`;
    }
    expect(names).toEqual(['Ana Lopes', 'Ben Okafor', 'Chloe Martin']);
  });

  it('refuses filters that are not what they say, naming the field, and another organization’s job', async () => {
    const org = await newOrganization(mail.h);
    const other = await newOrganization(mail.h, 'Other Hiring');
    const theirs = await jobWith(other, 'Night Auditor', [{ name: 'Dana Kim', rejected: true }]);
    for (const [query, field] of [
      ['rated=yes', 'rated'],
      ['thanked=1', 'thanked'],
      ['asked=maybe', 'asked'],
      ['answered=', 'answered'],
      ['futureRoles=TRUE', 'futureRoles'],
      ['sentFrom=2026-02-30', 'sentFrom'],
      ['sentTo=last-week', 'sentTo'],
      ['sentFrom=2026-03-02&sentTo=2026-03-01', 'sentFrom'],
      ['rejectedFrom=2026-03-02&rejectedTo=2026-03-01', 'rejectedFrom'],
      ['status=lost', 'status'],
      ['feedbackStatus=read', 'feedbackStatus'],
      ['jobId=not-a-job', 'jobId'],
    ] as const) {
      const r = await org.api.get(`/api/v1/applications?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.body.error.code).toBe('invalid-request');
      expect(r.body.error.message, query).toContain(field);
    }
    const r = await org.api.get(`/api/v1/applications?jobId=${theirs}&status=rejected`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not-found');
    expect((await org.api.get(`/api/v1/feedback-requests?jobId=${theirs}`)).status).toBe(404);
    for (const [query, field] of [
      ['from=2026-02-30', 'from'],
      ['to=soon', 'to'],
      ['from=2026-03-02&to=2026-03-01', 'from'],
      ['jobId=not-a-job', 'jobId'],
      ['overdue=yes', 'overdue'],
    ] as const) {
      const bad = await org.api.get(`/api/v1/feedback-requests?${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.body.error.message, query).toContain(field);
    }
    // Their own list has it; every job of ours has nothing of theirs.
    expect((await other.api.get(`/api/v1/applications?jobId=${theirs}`)).body.total).toBe(1);
    expect((await org.api.get('/api/v1/applications?status=rejected')).body.total).toBe(0);
    expect((await org.api.get('/api/v1/applications?asked=false')).body.total).toBe(0);
  });
});
