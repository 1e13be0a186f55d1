import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { atsEvents } from '../../src/db/schema';
import { atsJourneys } from '../support/ats-journeys';
import { type AshbyScenario, fixture, startFakeAshby } from '../support/fake-ashby';
import { newOrganization, uniqueEmail } from '../support/harness';
import { withMail } from '../support/smtp';

const API_KEY = 'ashby-key-8c41d2e7f05b';
const ab = await startFakeAshby({ apiKey: API_KEY, maxPerPage: 2 });
// A failed job waits a minute before its next attempt, so a test sees what waits to be retried.
const mail = withMail({ ASHBY_API_URL: ab.url, JOB_RETRY_BASE_MS: '60000' });
afterAll(() => ab.close());

type Org = Awaited<ReturnType<typeof newOrganization>>;
const RISKY = 'She is a digital native, so she rushed through the stakeholder role-play.';
const DAY = 86_400_000;

async function connect(org: Org) {
  const res = await org.api.post('/api/v1/integrations', { provider: 'ashby', apiKey: API_KEY });
  expect(res.status).toBe(201);
  return res.body as { id: string; webhookUrl: string; webhookSecret: string };
}

function deliver(conn: { id: string; webhookSecret: string }, payload: unknown) {
  const d = ab.signed(payload, conn.webhookSecret);
  return mail.h.anon.raw('POST', `/api/v1/integrations/ashby/${conn.id}/webhook`, d);
}

const status = async (org: Org, id: string) => (await org.api.get(`/api/v1/integrations/${id}/status`)).body;

/** A rejection in Ashby after three interviews (three feedback forms: two pages of Ashby's answer). */
const rejection = (email: string, reason = 'Too inexperienced'): AshbyScenario => ({
  candidate: { name: 'Adam Hart', email },
  job: { title: 'Product Designer' },
  reason,
  stage: 'Onsite',
  feedback: [
    {
      stage: 'Recruiter Screen',
      interviewer: 'Kate Austen',
      recommendation: 3,
      scores: [
        { title: 'Communication', score: 3, note: 'Walked us through the checkout redesign step by step.' },
      ],
    },
    {
      stage: 'Technical Interview',
      interviewer: 'Robert Robertson',
      recommendation: 'no_hire',
      scores: [
        {
          title: 'Visual design',
          score: 2,
          note: 'The mock-ups used three different button styles on one screen.',
        },
        { title: 'Collaboration', score: 2, note: RISKY },
      ],
    },
    {
      stage: 'Onsite',
      interviewer: 'Jane Smith',
      recommendation: 1,
      scores: [
        {
          title: 'Prototyping',
          score: 1,
          note: 'The prototype did not load on a phone during the exercise.',
        },
      ],
    },
  ],
});

describe('Ashby: an archived application becomes checked feedback, and the note goes back', () => {
  it('imports a rejection as a draft; approved and sent, the note is written on the candidate in Ashby', async () => {
    const org = await newOrganization(mail.h, 'Kinetix');
    const conn = await connect(org);
    expect(conn.webhookUrl).toBe(`http://debrief.test/api/v1/integrations/ashby/${conn.id}/webhook`);
    expect((await org.api.post(`/api/v1/integrations/${conn.id}/test`)).body).toEqual({
      ok: true,
      message: 'Ashby accepted the API key',
    });
    // Ashby pings the URL when the webhook is saved.
    expect((await deliver(conn, fixture('ping'))).body).toEqual({ status: 'ping' });

    const email = uniqueEmail('adam');
    const payload = ab.reject(rejection(email));
    const received = await deliver(conn, payload);
    expect(received.status).toBe(202);
    await mail.h.drainJobs();

    const s = await status(org, conn.id);
    expect(s.recentEvents[0]).toMatchObject({
      action: 'candidateStageChange',
      status: 'imported',
      candidateName: 'Adam Hart',
    });
    const applicationId = s.recentEvents[0].applicationId;
    const detail = (await org.api.get(`/api/v1/applications/${applicationId}`)).body;
    expect(detail.stage).toBe('rejected');
    expect(detail.candidate).toMatchObject({ email, name: 'Adam Hart' });
    expect(detail.job.title).toBe('Product Designer');
    expect(detail.scorecards).toHaveLength(3);
    // Ashby's scores are already on Debrief's 1–4 scale; the recommendations: 3 → yes, "No Hire" → no, 1 → strong no.
    const ratings = detail.scorecards.flatMap((c: { ratings: { rating: number }[] }) =>
      c.ratings.map((r) => r.rating),
    );
    expect(ratings.sort()).toEqual([1, 2, 2, 3]);
    const byInterviewer = Object.fromEntries(
      detail.scorecards.map((c: { interviewer: { name: string }; recommendation: string; stage: string }) => [
        c.interviewer.name,
        [c.recommendation, c.stage],
      ]),
    );
    expect(byInterviewer).toEqual({
      'Kate Austen': ['yes', 'screen'],
      'Robert Robertson': ['no', 'interview'],
      'Jane Smith': ['strong_no', 'final'],
    });

    const draft = (await org.api.get(`/api/v1/feedback/${detail.feedback.id}`)).body.feedback;
    expect(draft.status).toBe('draft');
    expect(draft.body).toContain('button styles');
    // The checker read the imported notes as it reads native ones: the risky one stays out of the draft.
    expect(draft.body).not.toContain('digital native');
    // "Too inexperienced", Ashby's archive reason, is Debrief's experience gap.
    const trail = (await org.api.get(`/api/v1/audit?applicationId=${applicationId}`)).body.events as {
      action: string;
      actor: { name: string };
      data: Record<string, unknown>;
    }[];
    expect(trail.find((e) => e.action === 'application.rejected')?.actor.name).toBe('Ashby');
    expect(trail.find((e) => e.action === 'integration.rejection-imported')?.data).toMatchObject({
      provider: 'ashby',
      atsReason: 'Too inexperienced',
      reason: 'experience-gap',
      scorecards: 3,
    });

    const approved = await org.api.post(`/api/v1/feedback/${draft.id}/approve`, { send: 'now' });
    expect(approved.status).toBe(200);
    await mail.h.drainJobs();
    expect(mail.inbox(email)).toHaveLength(1);
    await mail.h.drainJobs();

    const note = ab.notes.find((n) => n.value.includes(`/applications/${applicationId}`));
    expect(note).toMatchObject({
      candidateId: payload.data.application.candidate.id,
      type: 'text/plain',
      sendNotifications: false,
    });
    expect(note!.value).toContain(draft.body);
    const after = await status(org, conn.id);
    expect(after.integration.counts).toMatchObject({ received: 1, imported: 1, failed: 0, notesWritten: 1 });
    expect(after.writeBacks[0].status).toBe('written');
  });

  it('imports the same event delivered twice (even at once) as one draft, and keeps no contact details', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    const payload = ab.reject(rejection(uniqueEmail('twice')));
    const answers = await Promise.all([deliver(conn, payload), deliver(conn, payload)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 202]);
    expect((await deliver(conn, payload)).body).toEqual({ status: 'duplicate' });
    // Archiving also sends applicationUpdate, with its own webhookActionId: it changes nothing more.
    await deliver(conn, { ...payload, webhookActionId: crypto.randomUUID(), action: 'applicationUpdate' });
    await mail.h.drainJobs();
    const s = await status(org, conn.id);
    expect(s.recentEvents).toHaveLength(2);
    expect(s.recentEvents.every((e: { status: string }) => e.status === 'imported')).toBe(true);
    const list = (await org.api.get('/api/v1/applications?status=rejected')).body;
    expect(list.items).toHaveLength(1);
    const stored = await mail.h.ctx.db.select().from(atsEvents).where(eq(atsEvents.connectionId, conn.id));
    expect(JSON.stringify(stored[0].payload)).toContain('"name":"Adam Hart"');
    expect(JSON.stringify(stored[0].payload)).not.toContain('222-222-3344');
    expect(JSON.stringify(stored[0].payload)).not.toContain('@');
  });

  it('ignores an older stage change that arrives after the archive, and drafts nothing for a withdrawal', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    const archivedAt = new Date(Date.now() - 60_000);
    const payload = ab.reject(rejection(uniqueEmail('late')), archivedAt);
    const earlier = ab.stageChange(payload.data.application.id, new Date(archivedAt.getTime() - 3600_000));
    expect((await deliver(conn, payload)).status).toBe(202);
    await mail.h.drainJobs();
    expect((await deliver(conn, earlier)).status).toBe(202);
    await mail.h.drainJobs();
    const s = await status(org, conn.id);
    expect(s.recentEvents.map((e: { status: string }) => e.status).sort()).toEqual([
      'imported',
      'superseded',
    ]);
    const detail = (await org.api.get(`/api/v1/applications/${s.recentEvents[0].applicationId}`)).body;
    expect(detail.stage).toBe('rejected');
    expect(detail.feedback.status).toBe('draft');

    // The candidate withdrew (an archive reason of type RejectedByCandidate): the interviews are imported, no draft.
    const withdrew = ab.reject({
      ...rejection(uniqueEmail('withdrew'), 'Accepted another offer'),
      reasonType: 'RejectedByCandidate',
    });
    expect((await deliver(conn, withdrew)).status).toBe(202);
    await mail.h.drainJobs();
    const [latest] = (await status(org, conn.id)).recentEvents;
    expect(latest.status).toBe('imported');
    const open = (await org.api.get(`/api/v1/applications/${latest.applicationId}`)).body;
    expect(open.stage).toBe('final');
    expect(open.feedback).toBeNull();
    expect(open.scorecards).toHaveLength(3);
  });

  it('reads feedback submitted again in Ashby after it was imported, before the rejection is drafted', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    const archivedAt = new Date(Date.now() - 60_000);
    const payload = ab.reject(rejection(uniqueEmail('edited')), archivedAt);
    const id = payload.data.application.id;
    // The interviews so far arrive with a stage change: the feedback is imported, the application stays open.
    const earlier = ab.stageChange(id, new Date(archivedAt.getTime() - 3600_000));
    expect((await deliver(conn, earlier)).status).toBe(202);
    await mail.h.drainJobs();
    const applicationId = (await status(org, conn.id)).recentEvents[0].applicationId;
    const before = (await org.api.get(`/api/v1/applications/${applicationId}`)).body;
    expect(before.stage).toBe('final');
    expect(JSON.stringify(before.scorecards)).toContain('did not load on a phone');

    ab.editFeedback(id, 2, 'Prototyping', {
      score: 1,
      note: 'The prototype had no error states for a declined card.',
    });
    expect((await deliver(conn, payload)).status).toBe(202);
    await mail.h.drainJobs();
    const after = (await org.api.get(`/api/v1/applications/${applicationId}`)).body;
    expect(after.stage).toBe('rejected');
    expect(after.scorecards).toHaveLength(3);
    expect(JSON.stringify(after.scorecards)).toContain('no error states');
    expect(JSON.stringify(after.scorecards)).not.toContain('did not load on a phone');
    const draft = (await org.api.get(`/api/v1/feedback/${after.feedback.id}`)).body.feedback;
    expect(draft.body).toContain('error states');
  });

  atsJourneys({
    label: 'Ashby',
    provider: 'ashby',
    mail,
    connect,
    deliver: (conn, payload) => deliver(conn, payload),
    rejection: (email, at) => ab.reject(rejection(email), at),
    signed: (conn, payload) => ab.signed(payload, conn.webhookSecret),
    forged: (payload) => ab.signed(payload, 'not-the-secret'),
    tampered: (good) => [
      { why: 'a changed body', delivery: { body: good.body.replace('Adam', 'Adem'), headers: good.headers } },
      {
        // Greenhouse's form of the header (a space, not "=") is not Ashby's.
        why: "another provider's form of the header",
        delivery: {
          body: good.body,
          headers: { ...good.headers, 'ashby-signature': good.headers['ashby-signature'].replace('=', ' ') },
        },
      },
      { why: 'no signature', delivery: { body: good.body, headers: { 'content-type': 'application/json' } } },
    ],
    fake: ab,
    throttle: 4,
    notesAbout: (applicationId) => ab.notes.filter((n) => n.value.includes(`/applications/${applicationId}`)),
  });

  it('holds an archive reason that maps onto none of Debrief’s until an admin maps it', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    await deliver(conn, ab.reject(rejection(uniqueEmail('reason'), 'Portfolio not strong enough')));
    await mail.h.drainJobs();
    const held = await status(org, conn.id);
    expect(held.reviewQueue[0]).toMatchObject({
      status: 'needs-reason',
      unmappedReason: 'Portfolio not strong enough',
    });
    const mapped = await org.api.patch(`/api/v1/integrations/${conn.id}`, {
      reasonMap: { 'Portfolio not strong enough': 'skills-gap' },
    });
    expect(mapped.status).toBe(200);
    await mail.h.drainJobs();
    expect((await status(org, conn.id)).reviewQueue).toHaveLength(0);
    const rejected = (await org.api.get(`/api/v1/applications/${held.reviewQueue[0].applicationId}`)).body;
    expect(rejected.stage).toBe('rejected');
    expect(rejected.feedback.status).toBe('draft');
  });

  it('says what Ashby answered when the key is refused', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    expect(
      (await org.api.patch(`/api/v1/integrations/${conn.id}`, { apiKey: 'ashby-wrong-key' })).status,
    ).toBe(200);
    const tested = await org.api.post(`/api/v1/integrations/${conn.id}/test`);
    expect(tested.body).toMatchObject({ ok: false });
    expect(tested.body.message).toContain('Ashby answered 401');
  });
});

describe('Ashby backfill: the applications archived before connecting become drafts, once each', () => {
  it('imports those archived in the last N days, skips withdrawals and what the webhook brought', async () => {
    const org = await newOrganization(mail.h, 'Harbor Sales');
    const conn = await connect(org);
    const now = Date.now();
    const person = (name: string, extra: Partial<AshbyScenario> = {}) => ({
      ...rejection(uniqueEmail(name.toLowerCase())),
      candidate: { name: `${name} Okafor`, email: uniqueEmail(name.toLowerCase()) },
      ...extra,
    });
    ab.reject(person('Amara'), new Date(now - 2 * DAY));
    ab.reject(person('Bayo'), new Date(now - 5 * DAY));
    ab.reject(person('Chidi', { reasonType: 'RejectedByCandidate' }), new Date(now - 3 * DAY));
    ab.reject(person('Old'), new Date(now - 40 * DAY));
    const live = ab.reject(person('Dele'), new Date(now - DAY));
    expect((await deliver(conn, live)).status).toBe(202);
    await mail.h.drainJobs();

    const started = await org.api.post(`/api/v1/integrations/${conn.id}/backfills`, { days: 7 });
    expect(started.status).toBe(202);
    await mail.h.drainJobs();
    await mail.h.drainJobs();
    // Applications other tests archived in the fake also fall in the week; they are counted the same way.
    const week = [...ab.applications.values()].filter(
      (a) =>
        a.status === 'Archived' &&
        a.archiveReason.reasonType !== 'RejectedByCandidate' &&
        new Date(a.archivedAt) >= new Date(now - 7 * DAY),
    );
    const [done] = (await org.api.get(`/api/v1/integrations/${conn.id}/backfills`)).body.items;
    expect(done).toMatchObject({ status: 'done', found: week.length, queued: week.length - 1 });
    expect(done.progress.waiting).toBe(0);

    const names = (
      (await org.api.get('/api/v1/applications?status=rejected')).body.items as {
        candidate: { name: string };
      }[]
    ).map((a) => a.candidate.name);
    expect(names).toEqual(expect.arrayContaining(['Amara Okafor', 'Bayo Okafor', 'Dele Okafor']));
    expect(names).not.toContain('Old Okafor');
    expect(names).not.toContain('Chidi Okafor');
    expect(names.filter((n) => n === 'Dele Okafor')).toHaveLength(1);

    // A second run over the same days queues nothing again.
    expect((await org.api.post(`/api/v1/integrations/${conn.id}/backfills`, { days: 7 })).status).toBe(202);
    await mail.h.drainJobs();
    const [second] = (await org.api.get(`/api/v1/integrations/${conn.id}/backfills`)).body.items;
    expect(second).toMatchObject({ status: 'done', found: week.length, queued: 0 });
  });
});
