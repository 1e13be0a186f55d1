import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, newOrganization, startHarness, uniqueEmail } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('rejecting every remaining application of a closed job', () => {
  it('runs in the background with progress, drafts feedback for each, and leaves hired or rejected ones alone', async () => {
    const org = await newOrganization(h);
    const job = await org.api.post('/api/v1/jobs', { title: 'Data Analyst', criteria: [{ name: 'SQL' }] });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const a = await org.api.post('/api/v1/applications', {
        jobId: job.body.id,
        candidate: { name: `Cand ${i}`, email: uniqueEmail() },
      });
      ids.push(a.body.id);
    }
    await org.api.post(`/api/v1/applications/${ids[0]}/rejection`, { reason: 'skills-gap' });

    const early = await org.api.post(`/api/v1/jobs/${job.body.id}/reject-remaining`, {
      reason: 'role-cancelled',
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('job-open');

    await org.api.post(`/api/v1/jobs/${job.body.id}/close`, { outcome: 'cancelled' });
    const started = await org.api.post(`/api/v1/jobs/${job.body.id}/reject-remaining`, {
      reason: 'role-cancelled',
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', total: 29, done: 0 });

    await h.drainJobs();
    const op = await org.api.get(`/api/v1/bulk-operations/${started.body.id}`);
    expect(op.body).toMatchObject({ status: 'done', total: 29, done: 29 });

    const rejected = await org.api.get(`/api/v1/applications?jobId=${job.body.id}&status=rejected&limit=100`);
    expect(rejected.body.items).toHaveLength(30);
    expect(
      rejected.body.items.every(
        (a: { feedback: { status: string } | null }) => a.feedback?.status === 'draft',
      ),
    ).toBe(true);
    const one = rejected.body.items.find((a: { id: string }) => a.id === ids[5]);
    expect(one.rejectionReason).toBe('role-cancelled');
    const fb = await org.api.get(`/api/v1/feedback/${one.feedback.id}`);
    expect(fb.body.feedback.body).toContain('Data Analyst');

    const again = await org.api.post(`/api/v1/jobs/${job.body.id}/reject-remaining`, {
      reason: 'role-cancelled',
    });
    expect(again.body).toMatchObject({ status: 'done', total: 0 });
  });
});
