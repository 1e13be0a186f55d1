import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, emails, organizations, sessions, signUpRequests, users } from '../../src/db/schema';
import {
  type Harness,
  lastMessageTo,
  newOrganization,
  PASSWORD,
  sessionCookie,
  startHarness,
  tokenIn,
  uniqueEmail,
} from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Signs up and returns the answer and the message the address received. */
async function askToSignUp(name: string, email: string, password = PASSWORD) {
  const res = await h.anon.post('/api/v1/organizations', {
    name,
    admin: { name: 'Jude Terry', email, password },
  });
  return { res, message: await lastMessageTo(h, email) };
}

describe('sign-up', () => {
  it('creates nothing until the emailed link is opened; the link creates the organization, its admin, a working API token and a web session', async () => {
    const email = uniqueEmail();
    const { res, message } = await askToSignUp('Kinetix', email);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'confirmation-sent', email });
    expect(res.headers.get('set-cookie') ?? '').not.toMatch(/debrief_session=/);
    expect(message.organizationId).toBeNull();
    expect(message.subject).toBe('Confirm your email to finish signing up to Debrief');
    expect(
      await h.ctx.db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`),
      'no account before the link is opened',
    ).toEqual([]);
    expect((await h.anon.post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(401);

    const link = tokenIn(message.text, '/signup/confirm');
    const done = await h.anon.post('/api/v1/organizations/confirm', { token: link });
    expect(done.status).toBe(201);
    expect(done.body.organization).toMatchObject({ name: 'Kinetix', id: expect.any(String) });
    expect(done.body.user).toMatchObject({ email, role: 'admin' });
    expect(done.body.token).toMatch(/^dbf_/);
    const me = await h.as({ token: done.body.token }).get('/api/v1/me');
    expect(me.body.user).toMatchObject({ email, role: 'admin', status: 'active' });
    expect(me.body.organization.name).toBe('Kinetix');
    const set = done.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/debrief_session=/);
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(
      (await h.as({ cookie: sessionCookie(done.headers) }).get('/api/v1/me')).body.organization.name,
    ).toBe('Kinetix');

    // The link works once; an expired one is 410.
    expect((await h.anon.post('/api/v1/organizations/confirm', { token: link })).status).toBe(404);
    const late = uniqueEmail('late');
    const second = await askToSignUp('Late Co', late);
    await h.ctx.db
      .update(signUpRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(signUpRequests.email, late));
    const expired = await h.anon.post('/api/v1/organizations/confirm', {
      token: tokenIn(second.message.text, '/signup/confirm'),
    });
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('link-expired');
  });

  it('answers a taken address exactly as a new one; only the address is told, and nothing is created', async () => {
    const { email } = await newOrganization(h);
    const fresh = await askToSignUp('Fresh', uniqueEmail('fresh'));
    const taken = await askToSignUp('Again', email.toUpperCase());
    expect(taken.res.status).toBe(fresh.res.status);
    expect(Object.keys(taken.res.body)).toEqual(Object.keys(fresh.res.body));
    expect(taken.message.text).toContain('already has a Debrief account');
    expect(taken.message.text).not.toMatch(/signup\/confirm/);
    const [{ n }] = await h.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${email})`);
    expect(n).toBe(1);
  });

  it('an organization sends nothing to anyone until its admin has opened the link sent to their own address', async () => {
    const victim = uniqueEmail('victim');
    const before = await h.ctx.db.select({ to: emails.to }).from(emails);
    // A sign-up in someone else's name, never confirmed: the only message goes to the address given, and no
    // organization exists to invite, notify or email anyone.
    const { res } = await askToSignUp('Totally Real Bank', victim);
    expect(res.status).toBe(202);
    const after = await h.ctx.db.select({ to: emails.to }).from(emails);
    expect(after.length - before.length).toBe(1);
    expect(
      await h.ctx.db.select().from(organizations).where(eq(organizations.name, 'Totally Real Bank')),
    ).toEqual([]);
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
    const requests = await h.ctx.db.select().from(signUpRequests).where(eq(signUpRequests.email, org.email));
    expect(requests[0]?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(requests[0]?.usedAt).not.toBeNull();
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
