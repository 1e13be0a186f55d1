import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { atsEvents } from '../../src/db/schema';
import { atsJourneys } from '../support/ats-journeys';
import { type LeverRejection, startFakeLever } from '../support/fake-lever';
import { newOrganization, uniqueEmail } from '../support/harness';
import { withMail } from '../support/smtp';

const API_KEY = 'lever-key-8c1d5e7f9a2b';
const lv = await startFakeLever({ apiKey: API_KEY, maxPerPage: 2 });
// A failed job waits a minute before its next attempt, so a test sees what waits to be retried.
const mail = withMail({ LEVER_API_URL: lv.url, JOB_RETRY_BASE_MS: '60000' });
afterAll(() => lv.close());

type Org = Awaited<ReturnType<typeof newOrganization>>;
type Conn = { id: string; webhookUrl: string; webhookSecret: string; webhookSecretFrom: string };
const RISKY = 'She is a digital native, so she rushed through the stakeholder role-play.';
const DAY = 86_400_000;
const NOTE_USER = lv.addUser('Nora Quinn');
/** The signature tokens Lever issued for the two webhooks an admin sets up (archive change, stage change). */
const ARCHIVE_TOKEN = 'lever-archive-signature-token-3f9a1c0b7e2d4a55';
const STAGE_TOKEN = 'lever-stage-signature-token-9e8d7c6b5a4f3e2d';

async function connect(org: Org) {
  const res = await org.api.post('/api/v1/integrations', {
    provider: 'lever',
    apiKey: API_KEY,
    noteUserId: NOTE_USER,
    webhookSecret: `${ARCHIVE_TOKEN}\n${STAGE_TOKEN}`,
  });
  expect(res.status).toBe(201);
  return { ...res.body, token: ARCHIVE_TOKEN } as Conn & { token: string };
}

function deliver(conn: { id: string }, payload: Record<string, any>, token = ARCHIVE_TOKEN) {
  const d = lv.signed(payload, token);
  return mail.h.anon.raw('POST', `/api/v1/integrations/lever/${conn.id}/webhook`, {
    body: d.body,
    headers: d.headers,
  });
}

const status = async (org: Org, id: string) => (await org.api.get(`/api/v1/integrations/${id}/status`)).body;

/** A rejection in Lever after three interviews (three feedback forms: two pages of Lever's answer). */
const rejection = (email: string, reason = 'Underqualified'): LeverRejection => ({
  candidate: { name: 'Hector Porter', email },
  posting: { text: 'Product Designer' },
  reason,
  stage: 'On-site interview',
  feedback: [
    {
      form: 'Phone interview',
      interviewer: 'Kate Austen',
      rating: '3 - Hire',
      skills: [
        { name: 'Communication', score: 3, comment: 'Walked us through the checkout redesign step by step.' },
      ],
    },
    {
      form: 'Technical interview',
      interviewer: 'Robert Robertson',
      rating: '2 - No Hire',
      skills: [
        {
          name: 'Visual design',
          score: 2,
          comment: 'The mock-ups used three different button styles on one screen.',
        },
        { name: 'Collaboration', score: 2, comment: RISKY },
      ],
    },
    {
      form: 'On-site interview',
      interviewer: 'Jane Smith',
      rating: '1 - Strong No Hire',
      skills: [
        {
          name: 'Prototyping',
          score: 1,
          comment: 'The prototype did not load on a phone during the exercise.',
        },
        { name: 'Research', score: null, comment: '' },
      ],
    },
  ],
});

describe('Lever: a rejection becomes checked feedback, and the note goes back', () => {
  it('imports an archived opportunity as a draft; approved and sent, the note is written on it in Lever', async () => {
    const org = await newOrganization(mail.h, 'Kinetix');
    const conn = await connect(org);
    expect(conn.webhookUrl).toBe(`http://debrief.test/api/v1/integrations/lever/${conn.id}/webhook`);
    // The signature tokens came from Lever: only their last characters are shown again.
    expect(conn.webhookSecretFrom).toBe('provider');
    expect(conn.webhookSecret).toBe(`…${STAGE_TOKEN.slice(-4)}`);
    expect((await org.api.post(`/api/v1/integrations/${conn.id}/test`)).body).toEqual({
      ok: true,
      message: 'Lever accepted the API key',
    });

    const email = uniqueEmail('hector');
    const received = await deliver(conn, lv.reject(rejection(email)));
    expect(received.status).toBe(202);
    await mail.h.drainJobs();

    const s = await status(org, conn.id);
    expect(s.recentEvents[0]).toMatchObject({
      action: 'candidateArchiveChange',
      status: 'imported',
      candidateName: 'Hector Porter',
    });
    const applicationId = s.recentEvents[0].applicationId;
    const detail = (await org.api.get(`/api/v1/applications/${applicationId}`)).body;
    expect(detail.stage).toBe('rejected');
    expect(detail.candidate.email).toBe(email);
    expect(detail.job.title).toBe('Product Designer');
    expect(detail.scorecards).toHaveLength(3);
    // Lever's scores on Debrief's scale as they are; a skill left unscored is not a rating.
    const ratings = detail.scorecards.flatMap((c: { ratings: { rating: number }[] }) =>
      c.ratings.map((r) => r.rating),
    );
    expect(ratings.sort()).toEqual([1, 2, 2, 3]);
    // The overall rating is the recommendation: "1 - Strong No Hire" → strong no.
    const byInterviewer = Object.fromEntries(
      detail.scorecards.map((c: { interviewer: { name: string }; recommendation: string }) => [
        c.interviewer.name,
        c.recommendation,
      ]),
    );
    expect(byInterviewer).toEqual({
      'Kate Austen': 'yes',
      'Robert Robertson': 'no',
      'Jane Smith': 'strong_no',
    });

    const draft = (await org.api.get(`/api/v1/feedback/${detail.feedback.id}`)).body.feedback;
    expect(draft.status).toBe('draft');
    expect(draft.body).toContain('button styles');
    // The checker read the imported comments as it reads native ones: the risky one stays out of the draft.
    expect(draft.body).not.toContain('digital native');

    const approved = await org.api.post(`/api/v1/feedback/${draft.id}/approve`, { send: 'now' });
    expect(approved.status).toBe(200);
    await mail.h.drainJobs();
    expect(mail.inbox(email)).toHaveLength(1);
    await mail.h.drainJobs();

    const note = lv.notes.find((n) => n.value.includes(`/applications/${applicationId}`));
    expect(note).toMatchObject({ performAs: NOTE_USER, secret: false });
    expect(note!.value).toContain(draft.body);
    expect(lv.opportunities.has(note!.opportunityId)).toBe(true);
    const after = await status(org, conn.id);
    expect(after.integration.counts).toMatchObject({ received: 1, imported: 1, failed: 0, notesWritten: 1 });
    expect(after.writeBacks[0].status).toBe('written');

    const trail = (await org.api.get(`/api/v1/audit?applicationId=${applicationId}`)).body.events as {
      action: string;
      actor: { name: string };
    }[];
    expect(trail.find((e) => e.action === 'application.rejected')?.actor.name).toBe('Lever');
    expect(trail.map((e) => e.action)).toContain('integration.rejection-imported');
  });

  it('imports the same event delivered twice (even at once) as one draft, and answers Lever’s test request', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    const payload = lv.reject(rejection(uniqueEmail('twice')));
    const answers = await Promise.all([deliver(conn, payload), deliver(conn, payload)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 202]);
    expect((await deliver(conn, payload)).body).toEqual({ status: 'duplicate' });
    await mail.h.drainJobs();
    const s = await status(org, conn.id);
    expect(s.recentEvents).toHaveLength(1);
    expect(s.integration.counts).toMatchObject({ received: 1, imported: 1 });
    const list = (await org.api.get('/api/v1/applications?status=rejected')).body;
    expect(list.items ?? list).toHaveLength(1);
    // The inbox keeps the ids the import pulls by, nothing about the candidate.
    const stored = await mail.h.ctx.db.select().from(atsEvents).where(eq(atsEvents.connectionId, conn.id));
    expect(stored[0].payload).toMatchObject({ opportunityId: payload.data.opportunityId });
    expect(JSON.stringify(stored[0].payload)).not.toContain('Hector');

    // Lever's "test webhook" button: an event with empty data, signed like any other.
    const test = { triggeredAt: Date.now(), event: 'candidateHired', data: {}, token: 'a'.repeat(48) };
    const pinged = await deliver(conn, test, STAGE_TOKEN);
    expect(pinged.status).toBe(200);
    expect(pinged.body).toEqual({ status: 'ping' });
  });

  it('ignores an older stage change that arrives after the rejection', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    const archivedAt = new Date(Date.now() - 60_000);
    const payload = lv.reject(rejection(uniqueEmail('late')), archivedAt);
    const earlier = lv.stageChange(
      payload.data.opportunityId as string,
      new Date(archivedAt.getTime() - 3600_000),
    );
    expect((await deliver(conn, payload)).status).toBe(202);
    await mail.h.drainJobs();
    // The stage change comes through its own webhook, signed with its own token.
    expect((await deliver(conn, earlier, STAGE_TOKEN)).status).toBe(202);
    await mail.h.drainJobs();
    const s = await status(org, conn.id);
    expect(
      s.recentEvents.map((e: { action: string; status: string }) => [e.action, e.status]).sort(),
    ).toEqual([
      ['candidateArchiveChange', 'imported'],
      ['candidateStageChange', 'superseded'],
    ]);
    const detail = (await org.api.get(`/api/v1/applications/${s.recentEvents[0].applicationId}`)).body;
    expect(detail.stage).toBe('rejected');
    expect(detail.feedback.status).toBe('draft');
  });

  it('reads a feedback form edited in Lever after it was imported, before the rejection is drafted', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    const archivedAt = new Date(Date.now() - 60_000);
    const payload = lv.reject(rejection(uniqueEmail('edited')), archivedAt);
    const id = payload.data.opportunityId as string;
    const before = lv.stageChange(id, new Date(archivedAt.getTime() - 3600_000));
    expect((await deliver(conn, before, STAGE_TOKEN)).status).toBe(202);
    await mail.h.drainJobs();
    const applicationId = (await status(org, conn.id)).recentEvents[0].applicationId;
    expect(
      JSON.stringify((await org.api.get(`/api/v1/applications/${applicationId}`)).body.scorecards),
    ).toContain('did not load on a phone');
    lv.editFeedback(id, 2, 'Prototyping', {
      score: 1,
      comment: 'The prototype had no error states for a declined card.',
    });
    expect((await deliver(conn, payload)).status).toBe(202);
    await mail.h.drainJobs();
    const after = (await org.api.get(`/api/v1/applications/${applicationId}`)).body;
    expect(after.stage).toBe('rejected');
    const text = JSON.stringify(after.scorecards);
    expect(text).toContain('no error states');
    expect(text).not.toContain('did not load on a phone');
  });

  atsJourneys({
    label: 'Lever',
    provider: 'lever',
    mail,
    connect,
    deliver: (conn, payload) => deliver(conn, payload),
    rejection: (email, at) => lv.reject(rejection(email), at),
    signed: (_conn, payload) => lv.signed(payload as Record<string, any>, ARCHIVE_TOKEN),
    forged: (payload) =>
      lv.signed(payload as Record<string, any>, 'not-a-signature-token-of-this-connection'),
    tampered: (good) => {
      const { signature: _s, ...unsigned } = JSON.parse(good.body);
      return [
        // The signature covers token + triggeredAt: a delivery replayed with a fresh time no longer matches.
        {
          why: 'replayed with a fresh time',
          delivery: {
            body: JSON.stringify({ ...JSON.parse(good.body), triggeredAt: Date.now() + 1 }),
            headers: good.headers,
          },
        },
        { why: 'no signature', delivery: { body: JSON.stringify(unsigned), headers: good.headers } },
        { why: 'not JSON', delivery: { body: 'not json', headers: good.headers } },
      ];
    },
    fake: lv,
    throttle: 4,
    notesAbout: (applicationId) => lv.notes.filter((n) => n.value.includes(`/applications/${applicationId}`)),
  });

  it('maps archive reasons: unknown ones wait for an admin, a withdrawal drafts nothing', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    await deliver(conn, lv.reject(rejection(uniqueEmail('reason'), 'Portfolio not strong enough')));
    const withdrew = lv.reject({ ...rejection(uniqueEmail('withdrew'), 'Withdrew'), feedback: [] });
    await deliver(conn, withdrew);
    await mail.h.drainJobs();
    const held = await status(org, conn.id);
    expect(held.reviewQueue).toHaveLength(1);
    expect(held.reviewQueue[0]).toMatchObject({
      status: 'needs-reason',
      unmappedReason: 'Portfolio not strong enough',
    });
    const left = held.recentEvents.find(
      (e: { applicationId: string; status: string }) => e.status === 'imported',
    );
    const leftDetail = (await org.api.get(`/api/v1/applications/${left.applicationId}`)).body;
    expect(leftDetail.stage).not.toBe('rejected');
    expect(leftDetail.feedback).toBeNull();

    const mapped = await org.api.patch(`/api/v1/integrations/${conn.id}`, {
      reasonMap: { 'Portfolio not strong enough': 'skills-gap' },
    });
    expect(mapped.status).toBe(200);
    await mail.h.drainJobs();
    const rejected = (await org.api.get(`/api/v1/applications/${held.reviewQueue[0].applicationId}`)).body;
    expect(rejected.stage).toBe('rejected');
    expect(rejected.feedback.status).toBe('draft');
  });

  it('imports the last days of rejections from Lever on request, skipping what arrived by webhook', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    const now = Date.now();
    const since = now - 7 * DAY;
    const live = lv.reject(rejection(uniqueEmail('live')), new Date(now - DAY));
    expect((await deliver(conn, live)).status).toBe(202);
    await mail.h.drainJobs();
    lv.reject(rejection(uniqueEmail('past')), new Date(now - 3 * DAY));
    lv.reject({ ...rejection(uniqueEmail('hired'), 'Hired') }, new Date(now - 2 * DAY));
    // What the fake holds archived as a rejection in the week (earlier tests added some): each one is found; a hire
    // and a withdrawal are not rejections.
    const notRejections = new Set(
      lv.reasons.filter((r) => ['Hired', 'Withdrew'].includes(r.text)).map((r) => r.id),
    );
    const expected = [...lv.opportunities.values()].filter(
      (o) => o.archived && o.archived.archivedAt >= since && !notRejections.has(o.archived.reason),
    ).length;

    const started = await org.api.post(`/api/v1/integrations/${conn.id}/backfills`, { days: 7 });
    expect(started.status).toBe(202);
    await mail.h.drainJobs();
    await mail.h.drainJobs();
    const [done] = (await org.api.get(`/api/v1/integrations/${conn.id}/backfills`)).body.items;
    expect(done).toMatchObject({ status: 'done', found: expected, queued: expected - 1 });
    const s = await status(org, conn.id);
    const applications = new Set(s.recentEvents.map((e: { applicationId: string }) => e.applicationId));
    expect(applications.size).toBe(s.recentEvents.length);
    expect(s.integration.counts.failed).toBe(0);
  });

  it("imports only one posting's rejections when the backfill names its id", async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    const now = Date.now();
    const posting = { id: '3f9c2a71-5b8e-4d0c-9a6f-1e2b7c4d8a05', text: 'Brand Designer' };
    lv.reject({ ...rejection(uniqueEmail('one')), posting }, new Date(now - 2 * DAY));
    lv.reject({ ...rejection(uniqueEmail('two')), posting }, new Date(now - 3 * DAY));
    lv.reject(rejection(uniqueEmail('elsewhere')), new Date(now - 2 * DAY));

    const started = await org.api.post(`/api/v1/integrations/${conn.id}/backfills`, {
      days: 7,
      jobId: posting.id,
    });
    expect(started.status).toBe(202);
    await mail.h.drainJobs();
    await mail.h.drainJobs();
    const [done] = (await org.api.get(`/api/v1/integrations/${conn.id}/backfills`)).body.items;
    expect(done).toMatchObject({ status: 'done', jobId: posting.id, found: 2, queued: 2 });
    expect(done.progress.imported).toBe(2);
  });

  it('takes the signature token from the admin, checks the note user, and keeps each organization to its own', async () => {
    const org = await newOrganization(mail.h);
    const other = await newOrganization(mail.h);
    const badUser = await org.api.post('/api/v1/integrations', {
      provider: 'lever',
      apiKey: API_KEY,
      webhookSecret: ARCHIVE_TOKEN,
      noteUserId: '4080',
    });
    expect(badUser.status).toBe(400);
    const conn = await connect(org);
    expect((await other.api.get(`/api/v1/integrations/${conn.id}`)).status).toBe(404);
    expect(JSON.stringify((await org.api.get(`/api/v1/integrations/${conn.id}`)).body)).not.toContain(
      ARCHIVE_TOKEN,
    );
    const rotate = await org.api.patch(`/api/v1/integrations/${conn.id}`, { rotateWebhookSecret: true });
    expect(rotate.status).toBe(400);
    // Lever regenerated the token: the new one is given, the old one no longer signs.
    const fresh = 'lever-regenerated-signature-token-0a1b2c3d4e5f';
    const replaced = await org.api.patch(`/api/v1/integrations/${conn.id}`, { webhookSecret: fresh });
    expect(replaced.status).toBe(200);
    const payload = lv.reject(rejection(uniqueEmail('rotated')));
    expect((await deliver(conn, payload, ARCHIVE_TOKEN)).status).toBe(401);
    expect((await deliver(conn, payload, fresh)).status).toBe(202);
    // Connected before the webhooks exist in Lever: every delivery is refused until the token is given.
    const later = await newOrganization(mail.h);
    const early = await later.api.post('/api/v1/integrations', { provider: 'lever', apiKey: API_KEY });
    expect(early.status).toBe(201);
    expect(early.body).toMatchObject({ webhookSecretFrom: 'provider', webhookSecret: '' });
    const first = lv.reject(rejection(uniqueEmail('early')));
    expect((await deliver(early.body, first, ARCHIVE_TOKEN)).status).toBe(401);
    expect(
      (await later.api.patch(`/api/v1/integrations/${early.body.id}`, { webhookSecret: ARCHIVE_TOKEN }))
        .status,
    ).toBe(200);
    expect((await deliver(early.body, first, ARCHIVE_TOKEN)).status).toBe(202);
    // A note user is optional for Lever: without one the note is written as the API key's own.
    expect((await org.api.patch(`/api/v1/integrations/${conn.id}`, { noteUserId: null })).status).toBe(200);
  });
});
