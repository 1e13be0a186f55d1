import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, newOrganization, PASSWORD, startHarness, uniqueEmail } from '../support/harness';

// Input the database cannot store, or that only an attacker would send, is a 400 naming the field: never a 500.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('the NUL character', () => {
  it('is refused in an unauthenticated sign-up, naming the field, and nothing is created', async () => {
    const email = uniqueEmail('admin');
    const res = await h.anon.post('/api/v1/organizations', {
      name: 'Acme',
      admin: { name: 'Ada\u0000Admin', email, password: PASSWORD },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid-request');
    expect(res.body.error.message).toContain('body.admin.name');
    // The same address can still sign up: nothing was half-written.
    const again = await h.anon.post('/api/v1/organizations', {
      name: 'Acme',
      admin: { name: 'Ada Admin', email, password: PASSWORD },
    });
    expect(again.status).toBe(202);
  });

  it('is refused inside lists, in query strings and in paths', async () => {
    const org = await newOrganization(h);
    const job = await org.api.post('/api/v1/jobs', {
      title: 'Backend Engineer',
      criteria: [{ name: 'System\u0000design', description: 'Designs services' }],
    });
    expect(job.status).toBe(400);
    expect(job.body.error.message).toContain('body.criteria.0.name');
    const query = await org.api.get('/api/v1/jobs?status=open%00');
    expect(query.status).toBe(400);
    expect(query.body.error.message).toContain('query.status');
    const path = await h.anon.get('/api/v1/portal/abc%00def');
    expect(path.status).toBe(400);
  });
});

describe('paging cursors', () => {
  const cursor = (text: string) => Buffer.from(text).toString('base64url');
  it.each([
    ['a year the database cannot hold', '+275760-09-13T00:00:00.000Z|3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
    ['a negative year', '-000001-01-01T00:00:00.000Z|3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
    ['an id made of dashes', '2026-01-01T00:00:00.000Z|------------------------------------'],
    ['extra fields', '2026-01-01T00:00:00.000Z|3f2504e0-4f89-11d3-9a0c-0305e82c3301|x'],
  ])('with %s are a 400', async (_, text) => {
    const org = await newOrganization(h);
    for (const path of ['/api/v1/jobs', '/api/v1/applications']) {
      const res = await org.api.get(`${path}?cursor=${cursor(text)}`);
      expect(res.status, path).toBe(400);
      expect(res.body.error.message).toContain('cursor');
    }
  });
});

describe('send times and organization names', () => {
  it('a send time more than a year ahead is a 400 naming the field; the draft stays a draft', async () => {
    const { jobWithApplication, scoreTwoRounds } = await import('../support/hiring');
    const org = await newOrganization(h);
    const { application, criterion } = await jobWithApplication(org);
    await scoreTwoRounds(org, application.id, criterion);
    const rejected = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'skills-gap',
    });
    const id = rejected.body.feedback.id;
    for (const send of [
      '+275760-09-13T00:00:00.000Z',
      new Date(Date.now() + 400 * 86_400_000).toISOString(),
    ]) {
      const res = await org.api.post(`/api/v1/feedback/${id}/approve`, { send });
      expect(res.status, send).toBe(400);
      expect(res.body.error.message).toContain('body.send');
    }
    expect((await org.api.get(`/api/v1/feedback/${id}`)).body.feedback.status).toBe('draft');
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const ok = await org.api.post(`/api/v1/feedback/${id}/approve`, { send: inAMonth });
    expect(ok.status).toBe(200);
    expect(ok.body.feedback.status).toBe('scheduled');
  });

  it('an organization name holding a web address is refused at sign-up, so it never reaches an email subject', async () => {
    const res = await h.anon.post('/api/v1/organizations', {
      name: 'Your Bank: verify your account at http://bank-verify.example',
      admin: { name: 'Mallory', email: uniqueEmail('mallory'), password: PASSWORD },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('body.name');
    const plain = await h.anon.post('/api/v1/organizations', {
      name: 'Acme Inc.',
      admin: { name: 'Ada', email: uniqueEmail('ada'), password: PASSWORD },
    });
    expect(plain.status).toBe(202);
  });
});
