import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications } from '../../src/db/schema';
import { newOrganization, uniqueEmail } from '../support/harness';
import { withMail } from '../support/smtp';

const mail = withMail();

type Org = Awaited<ReturnType<typeof newOrganization>>;

/** A job with these candidates, each rejected with a feedback draft. */
async function jobWithRejections(org: Org, title: string, names: string[]) {
  const job = await org.api.post('/api/v1/jobs', { title, criteria: [{ name: 'Route planning' }] });
  expect(job.status).toBe(201);
  const ids: string[] = [];
  for (const name of names) {
    const app = await org.api.post('/api/v1/applications', {
      jobId: job.body.id,
      candidate: { name, email: uniqueEmail('candidate') },
    });
    expect(app.status).toBe(201);
    const rejected = await org.api.post(`/api/v1/applications/${app.body.id}/rejection`, {
      reason: 'skills-gap',
    });
    expect(rejected.status).toBe(201);
    ids.push(app.body.id);
  }
  return { jobId: job.body.id as string, ids };
}

const today = () => new Date().toISOString().slice(0, 10);

describe('the dashboard filtered by job and days of rejection', () => {
  it('counts only the chosen job and days, and the list behind each number shows the same applications', async () => {
    const org = await newOrganization(mail.h);
    const planner = await jobWithRejections(org, 'Warehouse Planner', ['Ana Lopes', 'Ben Okafor']);
    const driver = await jobWithRejections(org, 'Delivery Driver', ['Chloe Martin']);
    // Ben was rejected in March 2025.
    await mail.h.ctx.db
      .update(applications)
      .set({ rejectedAt: new Date('2025-03-10T12:00:00Z') })
      .where(eq(applications.id, planner.ids[1]!));

    const stats = async (query: string) => {
      const r = await org.api.get(`/api/v1/stats${query}`);
      expect(r.status).toBe(200);
      return r.body as { rejected: number; draftsWaiting: number; feedbackSent: number };
    };
    expect(await stats('')).toMatchObject({ rejected: 3, draftsWaiting: 3 });
    expect(await stats(`?jobId=${planner.jobId}`)).toMatchObject({ rejected: 2, draftsWaiting: 2 });
    expect(await stats(`?jobId=${driver.jobId}`)).toMatchObject({ rejected: 1, draftsWaiting: 1 });
    expect(await stats(`?jobId=${planner.jobId}&from=2025-03-01&to=2025-03-31`)).toMatchObject({
      rejected: 1,
      draftsWaiting: 1,
    });
    expect(await stats(`?from=${today()}`)).toMatchObject({ rejected: 2 });
    // A single day counts all of it.
    expect(await stats('?from=2025-03-10&to=2025-03-10')).toMatchObject({ rejected: 1 });
    expect(await stats('?from=2020-01-01&to=2020-12-31')).toMatchObject({ rejected: 0, draftsWaiting: 0 });

    // The applications list behind the number takes the same filters.
    const list = await org.api.get(
      `/api/v1/applications?jobId=${planner.jobId}&stage=rejected&rejectedFrom=2025-03-01&rejectedTo=2025-03-31`,
    );
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].candidate.name).toBe('Ben Okafor');
    const drafts = await org.api.get(
      `/api/v1/applications?jobId=${planner.jobId}&feedbackStatus=draft&rejectedFrom=${today()}`,
    );
    expect(drafts.body.items.map((a: { candidate: { name: string } }) => a.candidate.name)).toEqual([
      'Ana Lopes',
    ]);
  });

  it('refuses days that are not days, a range that ends before it starts, and another organization’s job', async () => {
    const org = await newOrganization(mail.h);
    const other = await newOrganization(mail.h, 'Other Hiring');
    const theirs = await jobWithRejections(other, 'Night Auditor', ['Dana Kim']);
    for (const [query, field] of [
      ['?from=2026-02-30', 'from'],
      ['?to=yesterday', 'to'],
      ['?from=1999-12-31', 'from'],
      ['?jobId=not-a-job', 'jobId'],
      ['?from=2026-03-02&to=2026-03-01', 'from'],
    ] as const) {
      const r = await org.api.get(`/api/v1/stats${query}`);
      expect(r.status, query).toBe(400);
      expect(r.body.error.code).toBe('invalid-request');
      expect(r.body.error.message).toContain(field);
    }
    const bad = await org.api.get('/api/v1/applications?rejectedTo=2026-13-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('rejectedTo');

    const r = await org.api.get(`/api/v1/stats?jobId=${theirs.jobId}`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not-found');
    // Their own dashboard sees it.
    expect((await other.api.get(`/api/v1/stats?jobId=${theirs.jobId}`)).body.rejected).toBe(1);
  });
});
