import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { atsEvents } from '../../src/db/schema';
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

  it('refuses a bad signature, an unknown connection and a stale event, and writes nothing', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    const payload = gh.reject(rejection(uniqueEmail('forged')));
    const wrongSecret = gh.signed(payload, 'not-the-secret');
    const path = `/api/v1/integrations/greenhouse/${conn.id}/webhook`;
    const forged = await mail.h.anon.raw('POST', path, {
      body: wrongSecret.body,
      headers: wrongSecret.headers,
    });
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('bad-signature');
    const good = gh.signed(payload, conn.webhookSecret);
    const tampered = await mail.h.anon.raw('POST', path, {
      body: good.body.replace('Hector', 'Hektor'),
      headers: good.headers,
    });
    expect(tampered.status).toBe(401);
    const unsigned = await mail.h.anon.raw('POST', path, {
      body: good.body,
      headers: { 'content-type': 'application/json' },
    });
    expect(unsigned.status).toBe(401);
    const elsewhere = await mail.h.anon.raw(
      'POST',
      `/api/v1/integrations/greenhouse/${crypto.randomUUID()}/webhook`,
      good,
    );
    expect(elsewhere.status).toBe(401);
    // From a browser on another site: still judged by its signature, not refused as cross-site.
    const crossSite = await mail.h.anon.raw('POST', path, {
      body: wrongSecret.body,
      headers: { ...wrongSecret.headers, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(401);
    const stale = await deliver(
      conn,
      gh.reject(rejection(uniqueEmail('stale')), new Date(Date.now() - 10 * 86_400_000)),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale-event');

    const [{ n }] = (
      await mail.h.ctx.db.execute(
        sql`select count(*)::int as n from ${atsEvents} where connection_id = ${conn.id}`,
      )
    ).rows as { n: number }[];
    expect(n).toBe(0);
    expect((await status(org, conn.id)).integration.counts.received).toBe(0);
  });

  it('completes the pull through a storm of 429 answers, waiting as Retry-After says', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    expect((await deliver(conn, gh.reject(rejection(uniqueEmail('storm'))))).status).toBe(202);
    const before = gh.requests.length;
    gh.switches.retryAfter = 1;
    gh.switches.throttle = 3;
    await mail.h.drainJobs();
    expect(gh.requests.slice(before).filter((r) => r.status === 429)).toHaveLength(3);
    const s = await status(org, conn.id);
    expect(s.recentEvents[0].status).toBe('imported');
    const detail = (await org.api.get(`/api/v1/applications/${s.recentEvents[0].applicationId}`)).body;
    expect(detail.scorecards).toHaveLength(3);
  });

  it('keeps the note while Greenhouse is down, shows it waiting, and writes it once Greenhouse is back', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    const email = uniqueEmail('down');
    await deliver(conn, gh.reject(rejection(email)));
    await mail.h.drainJobs();
    const applicationId = (await status(org, conn.id)).recentEvents[0].applicationId;
    const detail = (await org.api.get(`/api/v1/applications/${applicationId}`)).body;

    gh.switches.down = true;
    await org.api.post(`/api/v1/feedback/${detail.feedback.id}/approve`, { send: 'now' });
    await mail.h.drainJobs();
    expect(mail.inbox(email)).toHaveLength(1);
    const waiting = await status(org, conn.id);
    expect(waiting.waitingToRetry.notes).toBe(1);
    expect(waiting.writeBacks[0]).toMatchObject({ status: 'retrying', attempts: 1 });
    expect(waiting.writeBacks[0].lastError).toContain('503');
    expect(waiting.integration.lastError).toContain('503');

    gh.switches.down = false;
    // The minute passes: the next attempt is due.
    await mail.h.ctx.db.execute(
      sql`update outbox set run_at = now() where kind = 'ats.write-back' and status = 'queued'`,
    );
    await mail.h.drainJobs();
    const recovered = await status(org, conn.id);
    expect(recovered.waitingToRetry.notes).toBe(0);
    expect(recovered.writeBacks[0]).toMatchObject({ status: 'written', attempts: 2 });
    expect(gh.notes.filter((n) => n.body.includes(`/applications/${applicationId}`))).toHaveLength(1);
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
