import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, errorMessage } from '../../src/lib/logger';
import { type Harness, newOrganization, PASSWORD, startHarness } from '../support/harness';

// What an operator's log collector receives: it must never hold a secret from a link, nor a failed query's values.
let h: Harness;
let lines: string[] = [];
beforeAll(async () => {
  h = await startHarness({}, { logger: createLogger('info', {}, (line) => lines.push(line)) });
});
afterAll(() => h.close());
beforeEach(() => {
  lines = [];
});

const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('request logs', () => {
  it('name the route pattern, never the secret in a candidate link, invitation or query string', async () => {
    const secret = 'Zs3cretLinkToken0123456789abcdef';
    await h.anon.get(`/api/v1/portal/${secret}`);
    await h.anon.get(`/api/v1/invitations/${secret}`);
    await h.anon.get(`/api/v1/health?token=${secret}`);
    const logged = lines.join('');
    expect(logged).not.toContain(secret);
    const routes = entries()
      .filter((e) => e.msg === 'request')
      .map((e) => e.route);
    expect(routes).toContain('/api/v1/portal/:token');
    expect(routes).toContain('/api/v1/health');
  });

  it('keep a failed query without its parameters', async () => {
    const org = await newOrganization(h);
    const marker = 'private-note-text-that-must-not-be-logged';
    // A query the database refuses: the driver's error holds the SQL and every parameter.
    const failure = await h.ctx.db
      .execute(sql`select ${marker}::text, ${org.organization.id}::uuid, ${'not a number'}::int`)
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    expect(String((failure as Error).message)).toContain(marker);
    h.ctx.logger.error('unhandled error', { err: failure });
    const errors = entries().filter((e) => e.level === 'error');
    expect(errors).toHaveLength(1);
    expect(lines.join('')).not.toContain(marker);
    expect(JSON.stringify(errors[0])).toContain('[withheld]');
    // A failing job keeps the same redacted message as its last error.
    expect(errorMessage(failure)).not.toContain(marker);
    expect(errorMessage(failure)).toContain('Failed query: select');
  });
});

describe('headers', () => {
  it('tell browsers and proxies not to store API answers', async () => {
    const org = await newOrganization(h);
    const res = await org.api.get('/api/v1/jobs');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const err = await h.anon.get('/api/v1/jobs');
    expect(err.headers.get('cache-control')).toBe('no-store');
  });

  it('do not serve source maps of the web app', async () => {
    const res = await h.anon.get('/assets/index.js.map');
    expect(res.status).toBe(404);
  });
});

describe('requests from other sites', () => {
  it('cannot change data with a signed-in team member’s cookie', async () => {
    const org = await newOrganization(h);
    const browser = h.as({ cookie: org.cookie });
    const body = JSON.stringify({ title: 'Planted job', criteria: [{ name: 'Anything' }] });
    const from = (headers: Record<string, string>) =>
      browser.raw('POST', '/api/v1/jobs', {
        body,
        headers: { 'content-type': 'application/json', ...headers },
      });
    expect((await from({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await from({ 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await from({ 'sec-fetch-site': 'cross-site', origin: 'http://debrief.test' })).status).toBe(403);
    const logout = await browser.raw('POST', '/api/v1/auth/logout', {
      headers: { origin: 'https://evil.example' },
    });
    expect(logout.status).toBe(403);
    // Nothing was planted, and the session still works.
    const jobs = await browser.get('/api/v1/jobs');
    expect(jobs.status).toBe(200);
    expect(jobs.body.items.map((j: { title: string }) => j.title)).not.toContain('Planted job');
    // Debrief's own pages may.
    const own = await from({ origin: 'http://debrief.test', 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(201);
  });

  it('cannot sign a visitor in to someone else’s account (login CSRF)', async () => {
    const org = await newOrganization(h);
    const res = await h.anon.raw('POST', '/api/v1/auth/login', {
      body: JSON.stringify({ email: org.email, password: PASSWORD }),
      headers: {
        'content-type': 'application/json',
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('leave API clients with a Bearer token alone', async () => {
    const org = await newOrganization(h);
    const res = await org.api.raw('POST', '/api/v1/jobs', {
      body: JSON.stringify({ title: 'From an integration', criteria: [{ name: 'Anything' }] }),
      headers: { 'content-type': 'application/json', origin: 'https://ats.example' },
    });
    expect(res.status).toBe(201);
  });
});
