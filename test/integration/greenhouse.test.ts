import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { atsEvents } from '../../src/db/schema';
import { atsJourneys } from '../support/ats-journeys';
import { startFakeGreenhouse } from '../support/fake-greenhouse';
import { newOrganization, uniqueEmail } from '../support/harness';
import { withMail } from '../support/smtp';

const API_KEY = 'harvest-3f9a1c0b7e2d4a55';
const gh = await startFakeGreenhouse({ apiKey: API_KEY, maxPerPage: 2 });
// A failed job waits a minute before its next attempt, so a test sees what waits to be retried.
const mail = withMail({ GREENHOUSE_API_URL: gh.url, JOB_RETRY_BASE_MS: '60000' });
afterAll(() => gh.close());

type Org = Awaited<ReturnType<typeof newOrganization>>;
const RISKY = 'She is a digital native, so she rushed through the stakeholder role-play.';

async function connect(org: Org) {
  const res = await org.api.post('/api/v1/integrations', {
    provider: 'greenhouse',
    apiKey: API_KEY,
    noteUserId: '4080',
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; webhookUrl: string; webhookSecret: string };
}

function deliver(conn: { id: string; webhookSecret: string }, payload: unknown, eventId?: string) {
  const d = gh.signed(payload, conn.webhookSecret, eventId);
  return mail.h.anon.raw('POST', `/api/v1/integrations/greenhouse/${conn.id}/webhook`, {
    body: d.body,
    headers: d.headers,
  });
}

const status = async (org: Org, id: string) => (await org.api.get(`/api/v1/integrations/${id}/status`)).body;

/** A rejection in Greenhouse after three interviews (three scorecards: two pages of Harvest's answer). */
const rejection = (email: string, reason = 'Lacking skill(s)/qualification(s)') => ({
  candidate: { firstName: 'Hector', lastName: 'Porter', email },
  job: { name: 'Product Designer' },
  reason,
  stage: 'Face to Face',
  scorecards: [
    {
      interview: 'Preliminary Phone Screen',
      interviewer: 'Kate Austen',
      recommendation: 'yes',
      attributes: [
        {
          name: 'Communication',
          rating: 'yes',
          note: 'Walked us through the checkout redesign step by step.',
        },
      ],
    },
    {
      interview: 'Technical Interview',
      interviewer: 'Robert Robertson',
      recommendation: 'no',
      attributes: [
        {
          name: 'Visual design',
          rating: 'no',
          note: 'The mock-ups used three different button styles on one screen.',
        },
        { name: 'Collaboration', rating: 'mixed', note: RISKY },
      ],
    },
    {
      interview: 'Face to Face',
      interviewer: 'Jane Smith',
      recommendation: 'definitely_not',
      attributes: [
        {
          name: 'Prototyping',
          rating: 'definitely_not',
          note: 'The prototype did not load on a phone during the exercise.',
        },
        { name: 'Research', rating: 'no_decision', note: null },
      ],
    },
  ],
});

describe('Greenhouse: a rejection becomes checked feedback, and the note goes back', () => {
  it('imports a rejection as a draft; approved and sent, the note is written on the candidate in Greenhouse', async () => {
    const org = await newOrganization(mail.h, 'Kinetix');
    const conn = await connect(org);
    expect(conn.webhookUrl).toBe(`http://debrief.test/api/v1/integrations/greenhouse/${conn.id}/webhook`);
    expect((await org.api.post(`/api/v1/integrations/${conn.id}/test`)).body).toEqual({
      ok: true,
      message: 'Greenhouse accepted the API key',
    });

    const email = uniqueEmail('hector');
    const received = await deliver(conn, gh.reject(rejection(email)));
    expect(received.status).toBe(202);
    await mail.h.drainJobs();

    const s = await status(org, conn.id);
    expect(s.recentEvents[0]).toMatchObject({
      action: 'reject_candidate',
      status: 'imported',
      candidateName: 'Hector Porter',
    });
    const applicationId = s.recentEvents[0].applicationId;
    const detail = (await org.api.get(`/api/v1/applications/${applicationId}`)).body;
    expect(detail.stage).toBe('rejected');
    expect(detail.candidate.email).toBe(email);
    expect(detail.job.title).toBe('Product Designer');
    expect(detail.scorecards).toHaveLength(3);
    // Greenhouse's ratings on Debrief's scale: no → 2, mixed → 2, definitely_not → 1; no_decision is not a rating.
    const ratings = detail.scorecards.flatMap((c: { ratings: { rating: number }[] }) =>
      c.ratings.map((r) => r.rating),
    );
    expect(ratings.sort()).toEqual([1, 2, 2, 3]);

    const draft = (await org.api.get(`/api/v1/feedback/${detail.feedback.id}`)).body.feedback;
    expect(draft.status).toBe('draft');
    expect(draft.body).toContain('button styles');
    // The checker read the imported notes as it reads native ones: the risky one stays out of the draft.
    expect(draft.body).not.toContain('digital native');

    const approved = await org.api.post(`/api/v1/feedback/${draft.id}/approve`, { send: 'now' });
    expect(approved.status).toBe(200);
    await mail.h.drainJobs();
    expect(mail.inbox(email)).toHaveLength(1);
    await mail.h.drainJobs();

    const note = gh.notes.find((n) => n.body.includes(`/applications/${applicationId}`));
    expect(note).toMatchObject({ onBehalfOf: '4080', userId: '4080', visibility: 'admin_only' });
    expect(note!.body).toContain(draft.body);
    const after = await status(org, conn.id);
    expect(after.integration.counts).toMatchObject({ received: 1, imported: 1, failed: 0, notesWritten: 1 });
    expect(after.writeBacks[0].status).toBe('written');

    const trail = (await org.api.get(`/api/v1/audit?applicationId=${applicationId}`)).body.events as {
      action: string;
      actor: { name: string };
    }[];
    expect(trail.find((e) => e.action === 'application.rejected')?.actor.name).toBe('Greenhouse');
    expect(trail.map((e) => e.action)).toContain('integration.rejection-imported');
  });

  it('imports the same event delivered twice (even at once) as one draft', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    const payload = gh.reject(rejection(uniqueEmail('twice')));
    const answers = await Promise.all([deliver(conn, payload, 'evt-1'), deliver(conn, payload, 'evt-1')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 202]);
    expect((await deliver(conn, payload, 'evt-1')).body).toEqual({ status: 'duplicate' });
    await mail.h.drainJobs();
    const s = await status(org, conn.id);
    expect(s.recentEvents).toHaveLength(1);
    expect(s.integration.counts).toMatchObject({ received: 1, imported: 1 });
    const list = (await org.api.get('/api/v1/applications?status=rejected')).body;
    expect(list.items ?? list).toHaveLength(1);
    // The inbox keeps what the import needs, not the candidate's phone number or addresses.
    const stored = await mail.h.ctx.db.select().from(atsEvents).where(eq(atsEvents.connectionId, conn.id));
    expect(JSON.stringify(stored[0].payload)).toContain('"first_name":"Hector"');
    expect(JSON.stringify(stored[0].payload)).not.toContain('330-281-8004');
  });

  it('ignores an older event that arrives after a newer one', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    const rejectedAt = new Date(Date.now() - 60_000);
    const payload = gh.reject(rejection(uniqueEmail('late')), rejectedAt);
    const earlier = gh.stageChange(payload.payload.application.id, new Date(rejectedAt.getTime() - 3600_000));
    expect((await deliver(conn, payload)).status).toBe(202);
    await mail.h.drainJobs();
    expect((await deliver(conn, earlier)).status).toBe(202);
    await mail.h.drainJobs();
    const s = await status(org, conn.id);
    expect(
      s.recentEvents.map((e: { action: string; status: string }) => [e.action, e.status]).sort(),
    ).toEqual([
      ['candidate_stage_change', 'superseded'],
      ['reject_candidate', 'imported'],
    ]);
    const detail = (await org.api.get(`/api/v1/applications/${s.recentEvents[0].applicationId}`)).body;
    expect(detail.stage).toBe('rejected');
    expect(detail.feedback.status).toBe('draft');
  });

  it('reads a scorecard edited in Greenhouse after it was imported, before the rejection is drafted', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    const rejectedAt = new Date(Date.now() - 60_000);
    const payload = gh.reject(rejection(uniqueEmail('edited')), rejectedAt);
    const id = payload.payload.application.id;
    // The interviews so far arrive with a stage change: the scorecards are imported, the application stays open.
    expect((await deliver(conn, gh.stageChange(id, new Date(rejectedAt.getTime() - 3600_000)))).status).toBe(
      202,
    );
    await mail.h.drainJobs();
    const applicationId = (await status(org, conn.id)).recentEvents[0].applicationId;
    const before = (await org.api.get(`/api/v1/applications/${applicationId}`)).body;
    expect(before.stage).not.toBe('rejected');
    expect(JSON.stringify(before.scorecards)).toContain('did not load on a phone');

    // The interviewer corrects the note in Greenhouse; then the rejection arrives.
    gh.editScorecard(id, 2, 'Prototyping', {
      rating: 'definitely_not',
      note: 'The prototype had no error states for a declined card.',
    });
    expect((await deliver(conn, payload)).status).toBe(202);
    await mail.h.drainJobs();
    const after = (await org.api.get(`/api/v1/applications/${applicationId}`)).body;
    expect(after.stage).toBe('rejected');
    expect(after.scorecards).toHaveLength(3);
    const text = JSON.stringify(after.scorecards);
    expect(text).toContain('no error states');
    expect(text).not.toContain('did not load on a phone');
    const draft = (await org.api.get(`/api/v1/feedback/${after.feedback.id}`)).body.feedback;
    expect(draft.body).toContain('error states');
    const trail = (await org.api.get(`/api/v1/audit?applicationId=${applicationId}`)).body.events as {
      action: string;
    }[];
    expect(trail.map((e) => e.action)).toContain('scorecard.updated');
  });

  atsJourneys({
    label: 'Greenhouse',
    provider: 'greenhouse',
    mail,
    connect,
    deliver: (conn, payload) => deliver(conn, payload),
    rejection: (email, at) => gh.reject(rejection(email), at),
    signed: (conn, payload) => gh.signed(payload, conn.webhookSecret),
    forged: (payload) => gh.signed(payload, 'not-the-secret'),
    tampered: (good, wrongSecret) => [
      {
        why: 'a changed body',
        delivery: { body: good.body.replace('Hector', 'Hektor'), headers: good.headers },
      },
      { why: 'no signature', delivery: { body: good.body, headers: { 'content-type': 'application/json' } } },
      {
        // From a browser on another site: still judged by its signature, not refused as cross-site.
        why: 'a bad signature from another site',
        delivery: {
          body: wrongSecret.body,
          headers: { ...wrongSecret.headers, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
        },
      },
    ],
    fake: gh,
    throttle: 3,
    notesAbout: (applicationId) => gh.notes.filter((n) => n.body.includes(`/applications/${applicationId}`)),
  });

  it('holds a rejection whose reason maps onto none of Debrief’s until an admin maps it', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    await deliver(conn, gh.reject(rejection(uniqueEmail('reason'), 'Portfolio not strong enough')));
    await mail.h.drainJobs();
    const held = await status(org, conn.id);
    expect(held.reviewQueue).toHaveLength(1);
    expect(held.reviewQueue[0]).toMatchObject({
      status: 'needs-reason',
      unmappedReason: 'Portfolio not strong enough',
    });
    const detail = (await org.api.get(`/api/v1/applications/${held.reviewQueue[0].applicationId}`)).body;
    expect(detail.stage).not.toBe('rejected');
    expect(detail.feedback).toBeNull();

    const bad = await org.api.patch(`/api/v1/integrations/${conn.id}`, {
      reasonMap: { 'Portfolio not strong enough': 'nope' },
    });
    expect(bad.status).toBe(400);
    const mapped = await org.api.patch(`/api/v1/integrations/${conn.id}`, {
      reasonMap: { 'Portfolio not strong enough': 'skills-gap' },
    });
    expect(mapped.status).toBe(200);
    await mail.h.drainJobs();
    const after = await status(org, conn.id);
    expect(after.reviewQueue).toHaveLength(0);
    const rejected = (await org.api.get(`/api/v1/applications/${held.reviewQueue[0].applicationId}`)).body;
    expect(rejected.stage).toBe('rejected');
    expect(rejected.feedback.status).toBe('draft');
  });

  it('keeps each organization to its own connection, and the key never leaves Debrief', async () => {
    const org = await newOrganization(mail.h);
    const other = await newOrganization(mail.h);
    const conn = await connect(org);
    expect((await other.api.get(`/api/v1/integrations/${conn.id}`)).status).toBe(404);
    expect((await other.api.get(`/api/v1/integrations/${conn.id}/status`)).status).toBe(404);
    expect((await other.api.delete(`/api/v1/integrations/${conn.id}`)).status).toBe(404);
    const mine = await org.api.get(`/api/v1/integrations/${conn.id}`);
    expect(JSON.stringify(mine.body)).not.toContain(API_KEY);
    expect(mine.body.apiKeyHint).toBe(`…${API_KEY.slice(-4)}`);
    expect(
      (await org.api.post('/api/v1/integrations', { provider: 'greenhouse', apiKey: API_KEY })).status,
    ).toBe(409);
    const wrongKey = await org.api.patch(`/api/v1/integrations/${conn.id}`, { apiKey: 'harvest-wrong-key' });
    expect(wrongKey.status).toBe(200);
    const tested = await org.api.post(`/api/v1/integrations/${conn.id}/test`);
    expect(tested.body).toMatchObject({ ok: false });
    expect(tested.body.message).toContain('401');
    expect((await org.api.delete(`/api/v1/integrations/${conn.id}`)).status).toBe(204);
    const gone = await deliver(conn, gh.reject(rejection(uniqueEmail('gone'))));
    expect(gone.status).toBe(401);
  });
});
