import { afterAll, describe, expect, it } from 'vitest';
import { startFakeGreenhouse } from '../support/fake-greenhouse';
import { newOrganization, uniqueEmail } from '../support/harness';
import { withMail } from '../support/smtp';

const API_KEY = 'harvest-backfill-5d1e2f';
const gh = await startFakeGreenhouse({ apiKey: API_KEY, maxPerPage: 2 });
const mail = withMail({ GREENHOUSE_API_URL: gh.url, JOB_RETRY_BASE_MS: '60000' });
afterAll(() => gh.close());

type Org = Awaited<ReturnType<typeof newOrganization>>;
const DAY = 86_400_000;

async function connect(org: Org) {
  const res = await org.api.post('/api/v1/integrations', {
    provider: 'greenhouse',
    apiKey: API_KEY,
    noteUserId: '7',
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; webhookSecret: string };
}

const rejection = (name: string) => ({
  candidate: { firstName: name, lastName: 'Okafor', email: uniqueEmail(name.toLowerCase()) },
  job: { name: 'Account Executive' },
  reason: 'Lacking skill(s)/qualification(s)',
  stage: 'Technical Interview',
  scorecards: [
    {
      interview: 'Technical Interview',
      interviewer: 'Dana Reyes',
      recommendation: 'no',
      attributes: [
        {
          name: 'Discovery',
          rating: 'no',
          note: 'Asked two questions before pitching the product in the role-play.',
        },
      ],
    },
  ],
});

/** The rejections the fake holds with activity since a time: what a backfill over that period must find. */
const rejectedSince = (since: Date) =>
  [...gh.applications.values()].filter(
    (a) => a.status === 'rejected' && new Date(a.last_activity_at) >= since,
  );

describe('Backfill: the rejections made before connecting become drafts, once each', () => {
  it('imports the last N days in the background, shows progress, and a second run imports nothing twice', async () => {
    const org = await newOrganization(mail.h, 'Harbor Sales');
    const conn = await connect(org);
    const now = Date.now();
    gh.reject(rejection('Amara'), new Date(now - 2 * DAY));
    gh.reject(rejection('Bayo'), new Date(now - 5 * DAY));
    gh.reject(rejection('Chidi'), new Date(now - 6 * DAY));
    gh.reject(rejection('Old'), new Date(now - 40 * DAY));
    // One rejection already arrived by webhook: the backfill finds it again but drafts nothing more for it.
    const live = gh.reject(rejection('Dele'), new Date(now - DAY));
    const d = gh.signed(live, conn.webhookSecret);
    expect(
      (await mail.h.anon.raw('POST', `/api/v1/integrations/greenhouse/${conn.id}/webhook`, d)).status,
    ).toBe(202);
    await mail.h.drainJobs();

    const started = await org.api.post(`/api/v1/integrations/${conn.id}/backfills`, { days: 7 });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', days: 7, found: 0 });
    // One at a time per connection.
    const again = await org.api.post(`/api/v1/integrations/${conn.id}/backfills`, { days: 7 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('backfill-running');

    await mail.h.drainJobs();
    await mail.h.drainJobs();
    const expected = rejectedSince(new Date(now - 7 * DAY)).length;
    const [done] = (await org.api.get(`/api/v1/integrations/${conn.id}/backfills`)).body.items;
    // Found: every rejection of the week; queued: all but the one the webhook brought.
    expect(done).toMatchObject({ status: 'done', found: expected, queued: expected - 1 });
    expect(done.progress.waiting).toBe(0);
    expect(done.progress.imported).toBe(expected - 1);

    const rejected = (await org.api.get('/api/v1/applications?status=rejected')).body.items as {
      candidate: { name: string };
      feedback: { status: string } | null;
    }[];
    const names = rejected.map((a) => a.candidate.name).sort();
    expect(names).toEqual(['Amara Okafor', 'Bayo Okafor', 'Chidi Okafor', 'Dele Okafor']);
    expect(names).not.toContain('Old Okafor');
    expect(rejected.every((a) => a.feedback?.status === 'draft')).toBe(true);

    // A second run over the same days finds the same rejections and queues none of them again.
    expect((await org.api.post(`/api/v1/integrations/${conn.id}/backfills`, { days: 7 })).status).toBe(202);
    await mail.h.drainJobs();
    const [second] = (await org.api.get(`/api/v1/integrations/${conn.id}/backfills`)).body.items;
    expect(second).toMatchObject({ status: 'done', found: expected, queued: 0 });
    expect((await org.api.get('/api/v1/applications?status=rejected')).body.items).toHaveLength(4);
  });

  it("imports only one job's rejections when given its ATS job id, and shows which job it was for", async () => {
    const org = await newOrganization(mail.h, 'Harbor Sales');
    const conn = await connect(org);
    const now = Date.now();
    const forJob = (name: string, job: { id: number; name: string }) => ({ ...rejection(name), job });
    const ae = { id: 880_101, name: 'Account Executive' };
    const sdr = { id: 880_202, name: 'Sales Development Rep' };
    gh.reject(forJob('Efe', ae), new Date(now - 2 * DAY));
    gh.reject(forJob('Funmi', ae), new Date(now - 3 * DAY));
    gh.reject(forJob('Gbenga', sdr), new Date(now - 2 * DAY));

    const started = await org.api.post(`/api/v1/integrations/${conn.id}/backfills`, {
      days: 7,
      jobId: String(ae.id),
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', days: 7, jobId: String(ae.id) });
    await mail.h.drainJobs();
    await mail.h.drainJobs();

    const [done] = (await org.api.get(`/api/v1/integrations/${conn.id}/backfills`)).body.items;
    expect(done).toMatchObject({ status: 'done', jobId: String(ae.id), found: 2, queued: 2 });
    expect(done.progress.imported).toBe(2);
    const rejected = (await org.api.get('/api/v1/applications?status=rejected')).body.items as {
      candidate: { name: string };
    }[];
    expect(rejected.map((a) => a.candidate.name).sort()).toEqual(['Efe Okafor', 'Funmi Okafor']);

    // Without a job id, the next run picks up the other job's rejection (and every other job's in the period).
    expect((await org.api.post(`/api/v1/integrations/${conn.id}/backfills`, { days: 7 })).status).toBe(202);
    await mail.h.drainJobs();
    await mail.h.drainJobs();
    const [all] = (await org.api.get(`/api/v1/integrations/${conn.id}/backfills`)).body.items;
    expect(all).toMatchObject({ status: 'done', jobId: null });
    const names = (
      (await org.api.get('/api/v1/applications?status=rejected')).body.items as {
        candidate: { name: string };
      }[]
    ).map((a) => a.candidate.name);
    expect(names).toContain('Gbenga Okafor');
  });

  it('refuses a job id that is not one', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    for (const jobId of ['', 'job 12', 'x'.repeat(65), 'jobs/12', 12]) {
      const res = await org.api.post(`/api/v1/integrations/${conn.id}/backfills`, { days: 7, jobId });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid-request');
    }
    expect((await org.api.get(`/api/v1/integrations/${conn.id}/backfills`)).body.items).toEqual([]);
  });

  it('refuses a period out of range, and another organization sees no backfill of this connection', async () => {
    const org = await newOrganization(mail.h);
    const conn = await connect(org);
    const tooLong = await org.api.post(`/api/v1/integrations/${conn.id}/backfills`, { days: 365 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('invalid-request');
    const other = await newOrganization(mail.h);
    expect((await other.api.post(`/api/v1/integrations/${conn.id}/backfills`, { days: 7 })).status).toBe(404);
    expect((await other.api.get(`/api/v1/integrations/${conn.id}/backfills`)).status).toBe(404);
  });
});
