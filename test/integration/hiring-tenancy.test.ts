import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, newOrganization, startHarness, uniqueEmail } from '../support/harness';
import { jobWithApplication, scoreTwoRounds } from '../support/hiring';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A valid body for each route that takes one, so that only ownership can make the answer 404. */
function bodyFor(method: string, path: string, ids: Record<string, string>): unknown {
  const key = `${method} ${path}`;
  const bodies: Record<string, unknown> = {
    'POST /api/v1/jobs/{id}/close': { outcome: 'filled', filledElsewhere: true },
    'POST /api/v1/applications/{id}/stage': { stage: 'hired' },
    'POST /api/v1/applications/{id}/scorecards': {
      stage: 'interview',
      recommendation: 'yes',
      ratings: [{ criterionId: ids.criterion, rating: 3, evidence: 'Clear.' }],
    },
    'POST /api/v1/applications/{id}/rejection': { reason: 'skills-gap' },
    'POST /api/v1/jobs/{id}/reject-remaining': { reason: 'skills-gap' },
    'PUT /api/v1/feedback/{id}': { body: 'Taken over.' },
    'POST /api/v1/feedback/{id}/approve': { send: 'now' },
    'POST /api/v1/feedback/{id}/answer': { answer: 'An answer.' },
    'PATCH /api/v1/users/{id}': { role: 'admin' },
    'POST /api/v1/scorecards/{id}/ratings/{ratingId}/redact': { reason: 'Taken over.' },
    'PATCH /api/v1/scorecards/{id}': {
      recommendation: 'strong_yes',
      ratings: [{ criterionId: ids.criterion, rating: 4, evidence: 'Taken over.' }],
    },
    'POST /api/v1/applications/{id}/interviewers': { userId: ids.users },
    'POST /api/v1/integrations/{id}/backfills': { days: 30 },
    'PATCH /api/v1/jobs/{id}/criteria/{criterionId}': { practise: 'Work through one worked example.' },
  };
  return bodies[key];
}

describe('another organization', () => {
  it('gets 404 on every route that names one of our resources, and nothing changes', async () => {
    const a = await newOrganization(h, 'Owner');
    const b = await newOrganization(h, 'Intruder');
    const { job, application, criterion } = await jobWithApplication(a);
    const cards = await scoreTwoRounds(a, application.id, criterion);
    const detail = await a.api.get(`/api/v1/applications/${application.id}`);
    const rating = detail.body.scorecards[0].ratings[0];
    const rejected = await a.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'skills-gap',
    });
    const member = await a.api.post('/api/v1/users', {
      name: 'Member',
      email: uniqueEmail(),
      role: 'interviewer',
    });
    const token = await a.api.post('/api/v1/tokens', { name: 'A token' });
    const closedJob = await jobWithApplication(a, 'Closed job');
    await a.api.post(`/api/v1/jobs/${closedJob.job.id}/close`, { outcome: 'cancelled' });
    const bulk = await a.api.post(`/api/v1/jobs/${closedJob.job.id}/reject-remaining`, {
      reason: 'role-cancelled',
    });
    expect(bulk.status).toBe(202);
    const imported = await a.api.post('/api/v1/imports', {
      fileName: 'a.csv',
      content: 'job,candidate_name,candidate_email\nQA,Al B,al@example.com\n',
    });
    const hook = await a.api.post('/api/v1/webhooks', {
      url: 'http://127.0.0.1:9/hook',
      events: ['feedback.sent'],
    });
    const connection = await a.api.post('/api/v1/integrations', {
      provider: 'greenhouse',
      apiKey: 'gh-key-1234567890',
    });
    expect(connection.status).toBe(201);
    const ids: Record<string, string> = {
      integrations: connection.body.id,
      imports: imported.body.import.id,
      webhooks: hook.body.endpoint.id,
      jobs: job.id,
      applications: application.id,
      feedback: rejected.body.feedback.id,
      users: member.body.id,
      tokens: token.body.token.id,
      criterion: criterion.Communication,
      'bulk-operations': bulk.body.id,
      scorecards: cards.interview.id,
      ratings: rating.id,
    };

    const doc = (await h.anon.get('/api/openapi.json')).body;
    let checked = 0;
    for (const [path, methods] of Object.entries<any>(doc.paths)) {
      if (!path.includes('{id}') || path.startsWith('/api/v1/candidate/')) continue; // candidates: candidate-workspace.test.ts
      const resource = path.split('/')[3];
      expect(ids[resource], `an id of ours for ${path}`).toBeDefined();
      for (const method of Object.keys(methods)) {
        const m = method.toUpperCase();
        const url = path
          .replace('{id}', ids[resource])
          .replace('{userId}', ids.users)
          .replace('{ratingId}', ids.ratings)
          .replace('{criterionId}', ids.criterion);
        const body = bodyFor(m, path, ids);
        const res =
          m === 'GET' || m === 'DELETE'
            ? await b.api.raw(m, url)
            : await b.api.raw(m, url, {
                body: JSON.stringify(body ?? {}),
                headers: { 'content-type': 'application/json' },
              });
        expect(res.status, `${m} ${path}`).toBe(404);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);

    // Query and body references to our resources are not found either.
    expect((await b.api.get(`/api/v1/audit?applicationId=${application.id}`)).status).toBe(404);
    const apply = await b.api.post('/api/v1/applications', {
      jobId: job.id,
      candidate: { name: 'X', email: uniqueEmail() },
    });
    expect(apply.status).toBe(404);
    const listed = await b.api.get(`/api/v1/applications?jobId=${job.id}`);
    expect(listed.status).toBe(404);
    expect((await b.api.get(`/api/v1/stats?jobId=${job.id}`)).status).toBe(404);
    expect((await b.api.get('/api/v1/applications?status=rejected')).body.items).toEqual([]);
    expect((await b.api.get('/api/v1/jobs')).body.items).toEqual([]);
    expect((await b.api.get('/api/v1/stats')).body.rejected).toBe(0);

    // Nothing of A's changed.
    const fb = await a.api.get(`/api/v1/feedback/${rejected.body.feedback.id}`);
    expect(fb.body.feedback).toMatchObject({ status: 'draft', body: rejected.body.feedback.body });
    expect((await a.api.get(`/api/v1/jobs/${job.id}`)).body.status).toBe('open');
    const after = await a.api.get(`/api/v1/applications/${application.id}`);
    expect(after.body.scorecards[0].ratings[0]).toMatchObject({ evidence: rating.evidence, redaction: null });
  });
});
