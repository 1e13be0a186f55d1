import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, sessions, users } from '../../src/db/schema';
import {
  type Harness,
  newOrganization,
  PASSWORD,
  sessionCookie,
  startHarness,
  uniqueEmail,
} from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('sign-up', () => {
  it('creates an organization, its admin and a working API token', async () => {
    const email = uniqueEmail();
    const res = await h.anon.post('/api/v1/organizations', {
      name: 'Kinetix',
      admin: { name: 'Jude Terry', email, password: PASSWORD },
    });
    expect(res.status).toBe(201);
    expect(res.body.organization).toMatchObject({ name: 'Kinetix', id: expect.any(String) });
    expect(res.body.user).toMatchObject({ email, role: 'admin' });
    expect(res.body.token).toMatch(/^dbf_/);

    const me = await h.as({ token: res.body.token }).get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email, role: 'admin', status: 'active' });
    expect(me.body.organization.name).toBe('Kinetix');
  });

  it('also opens a web session in an HttpOnly, SameSite cookie', async () => {
    const res = await h.anon.post('/api/v1/organizations', {
      name: 'Cookie Co',
      admin: { name: 'C', email: uniqueEmail(), password: PASSWORD },
    });
    const set = res.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/debrief_session=/);
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    const me = await h.as({ cookie: sessionCookie(res.headers) }).get('/api/v1/me');
    expect(me.body.organization.name).toBe('Cookie Co');
  });

  it('refuses an email that already has an account, whatever its case', async () => {
    const { email } = await newOrganization(h);
    const res = await h.anon.post('/api/v1/organizations', {
      name: 'Again',
      admin: { name: 'X', email: email.toUpperCase(), password: PASSWORD },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('email-taken');
  });

  it('refuses a short password and names the field', async () => {
    const res = await h.anon.post('/api/v1/organizations', {
      name: 'Short',
      admin: { name: 'X', email: uniqueEmail(), password: 'short' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('body.admin.password');
  });

  it('stores passwords as argon2id and secrets only as hashes', async () => {
    const org = await newOrganization(h);
    const [u] = await h.ctx.db.select().from(users).where(sql`${users.id} = ${org.user.id}`);
    expect(u.passwordHash).toMatch(/^\$argon2id\$/);
    const tokens = await h.ctx.db.select().from(apiTokens).where(sql`${apiTokens.userId} = ${org.user.id}`);
    expect(tokens).toHaveLength(1);
    expect(tokens[0].tokenHash).not.toContain(org.token);
    expect(tokens[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const cookieValue = org.cookie.split('=')[1];
    const rows = await h.ctx.db.select().from(sessions).where(sql`${sessions.userId} = ${org.user.id}`);
    expect(rows.map((r) => r.tokenHash)).not.toContain(cookieValue);
  });
});

describe('closed sign-up', () => {
  it('answers 403 when SIGNUP=closed', async () => {
    const closed = await startHarness({ SIGNUP: 'closed' });
    try {
      const res = await closed.anon.post('/api/v1/organizations', {
        name: 'Nope',
        admin: { name: 'N', email: uniqueEmail(), password: PASSWORD },
      });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('signup-closed');
    } finally {
      await closed.close();
    }
  });
});

describe('sign-in and sign-out', () => {
  it('signs in with the right password and gives the same answer for a wrong password or an unknown email', async () => {
    const org = await newOrganization(h);
    const ok = await h.anon.post('/api/v1/auth/login', { email: org.email, password: PASSWORD });
    expect(ok.status).toBe(200);
    expect(ok.body.user.email).toBe(org.email);
    const cookie = sessionCookie(ok.headers);
    expect((await h.as({ cookie }).get('/api/v1/me')).status).toBe(200);

    const wrong = await h.anon.post('/api/v1/auth/login', { email: org.email, password: 'not the password' });
    const unknown = await h.anon.post('/api/v1/auth/login', { email: uniqueEmail(), password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('after ten failed sign-ins an account refuses attempts for a while, even with the right password; others are unaffected', async () => {
    const org = await newOrganization(h);
    const other = await newOrganization(h);
    for (let i = 0; i < 10; i++) {
      expect(
        (await h.anon.post('/api/v1/auth/login', { email: org.email, password: `guess ${i}` })).status,
      ).toBe(401);
    }
    const locked = await h.anon.post('/api/v1/auth/login', {
      email: org.email.toUpperCase(),
      password: PASSWORD,
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('too-many-attempts');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await h.anon.post('/api/v1/auth/login', { email: other.email, password: PASSWORD })).status).toBe(
      200,
    );
  });

  it('sign-out ends the session: the cookie no longer works', async () => {
    const org = await newOrganization(h);
    const me = h.as({ cookie: org.cookie });
    expect((await me.get('/api/v1/me')).status).toBe(200);
    const out = await me.post('/api/v1/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/debrief_session=;/);
    const after = await me.get('/api/v1/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
  });
});

describe('API tokens', () => {
  it('no token and a bad token answer 401 in the error shape', async () => {
    const none = await h.anon.get('/api/v1/me');
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    const bad = await h.as({ token: 'dbf_not-a-real-token' }).get('/api/v1/me');
    expect(bad.status).toBe(401);
  });

  it('an admin creates a token, sees it listed without its secret, and a revoked token stops working', async () => {
    const org = await newOrganization(h);
    const created = await org.api.post('/api/v1/tokens', { name: 'Greenhouse webhook' });
    expect(created.status).toBe(201);
    const secret = created.body.secret as string;
    expect((await h.as({ token: secret }).get('/api/v1/me')).status).toBe(200);

    const list = await org.api.get('/api/v1/tokens');
    expect(list.body.items.map((t: { name: string }) => t.name)).toContain('Greenhouse webhook');
    expect(JSON.stringify(list.body)).not.toContain(secret);

    const revoked = await org.api.delete(`/api/v1/tokens/${created.body.token.id}`);
    expect(revoked.status).toBe(204);
    expect((await h.as({ token: secret }).get('/api/v1/me')).status).toBe(401);
    expect((await org.api.delete(`/api/v1/tokens/${created.body.token.id}`)).status).toBe(404);
  });
});
