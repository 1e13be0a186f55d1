import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, ssoConnections, users } from '../../src/db/schema';
import { createLogger } from '../../src/lib/logger';
import {
  type Harness,
  lastMessageTo,
  linkIn,
  newOrganization,
  PASSWORD,
  sessionCookie,
  startHarness,
} from '../support/harness';
import { passThroughProvider, startOidcProvider } from '../support/oidc-provider';

let h: Harness;
let idp: Awaited<ReturnType<typeof startOidcProvider>>;
const logged: string[] = [];
beforeAll(async () => {
  h = await startHarness({}, { logger: createLogger('warn', {}, (line) => logged.push(line)) });
  idp = await startOidcProvider({ redirectUri: 'http://debrief.test/api/v1/sso/callback' });
});
afterAll(async () => {
  await idp?.close();
  await h?.close();
});

const newDomain = () => `acme-${randomBytes(4).toString('hex')}.test`;

/** An organization whose admin connected the test provider, for addresses at a domain of its own. */
async function ssoOrganization(defaultRole = 'interviewer') {
  const org = await newOrganization(h);
  const domain = newDomain();
  const saved = await org.api.put('/api/v1/organization/sso', {
    issuer: idp.issuer,
    clientId: idp.client.clientId,
    clientSecret: idp.client.clientSecret,
    emailDomain: domain,
    defaultRole,
  });
  expect(saved.status).toBe(200);
  return { ...org, domain };
}

/** A person signing in with single sign-on, from Debrief's button through the provider and back. */
async function signInWithSso(email: string, login = email) {
  const start = await h.anon.get(`/api/v1/sso/start?email=${encodeURIComponent(email)}`);
  expect(start.status).toBe(302);
  const pending = /debrief_sso=([^;]+)/.exec(start.headers.get('set-cookie') ?? '')?.[1];
  expect(pending).toBeDefined();
  const back = await passThroughProvider(start.headers.get('location')!, login);
  expect(back.origin + back.pathname).toBe('http://debrief.test/api/v1/sso/callback');
  const done = await h.anon.raw('GET', back.pathname + back.search, {
    headers: { cookie: `debrief_sso=${pending}` },
  });
  expect(done.status).toBe(302);
  return { location: done.headers.get('location'), cookie: sessionCookie(done.headers) };
}

/** Why the last single sign-on was refused, as the server logged it (never shown to the person). */
function lastRefusal(): string {
  const line = logged.filter((l) => l.includes('single sign-on refused')).at(-1);
  const r = line ? (JSON.parse(line) as { reason: string; detail?: string }) : undefined;
  return r ? `${r.reason}: ${r.detail}` : '';
}

async function events(organizationId: string, action: string) {
  return h.ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, action)));
}

describe('single sign-on with OpenID Connect', () => {
  it('an admin connects a provider: checked by discovery, the secret sealed and never shown', async () => {
    const org = await newOrganization(h);
    const unreachable = await org.api.put('/api/v1/organization/sso', {
      issuer: 'http://127.0.0.1:9/nothing-here',
      clientId: 'x',
      clientSecret: 'y',
      defaultRole: 'interviewer',
    });
    expect(unreachable.status).toBe(422);
    expect(unreachable.body.error.code).toBe('issuer-unreachable');
    const plain = await org.api.put('/api/v1/organization/sso', {
      issuer: 'http://idp.example.com',
      clientId: 'x',
      clientSecret: 'y',
      defaultRole: 'interviewer',
    });
    expect(plain.status).toBe(400);

    const saved = await org.api.put('/api/v1/organization/sso', {
      issuer: `${idp.issuer}/`,
      clientId: idp.client.clientId,
      clientSecret: idp.client.clientSecret,
      emailDomain: '@Example-Corp.test',
      defaultRole: 'recruiter',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      configured: true,
      issuer: idp.issuer,
      clientId: 'debrief',
      emailDomain: 'example-corp.test',
      defaultRole: 'recruiter',
      redirectUri: 'http://debrief.test/api/v1/sso/callback',
    });
    expect(JSON.stringify(saved.body)).not.toContain(idp.client.clientSecret);
    const [row] = await h.ctx.db
      .select()
      .from(ssoConnections)
      .where(eq(ssoConnections.organizationId, org.organization.id));
    expect(row?.clientSecret).not.toContain(idp.client.clientSecret);
    expect(h.ctx.secrets.open(row!.clientSecret, `oidc:${org.organization.id}`)).toBe(
      idp.client.clientSecret,
    );

    // Changing a setting keeps the stored secret.
    const again = await org.api.put('/api/v1/organization/sso', {
      issuer: idp.issuer,
      clientId: idp.client.clientId,
      emailDomain: null,
      defaultRole: 'interviewer',
    });
    expect(again.status).toBe(200);
    const configured = await events(org.organization.id, 'auth.sso-configured');
    expect(configured).toHaveLength(2);
    expect(JSON.stringify(configured)).not.toContain(idp.client.clientSecret);
    await org.api.delete('/api/v1/organization/sso');
  });

  it('a new member signs in through the provider and joins with the default role; next time they are the same member', async () => {
    const org = await ssoOrganization('interviewer');
    const email = `sam.rivera@${org.domain}`;
    idp.accounts.set(email, { email, email_verified: true, name: 'Sam Rivera' });

    const first = await signInWithSso(email);
    expect(first.location).toBe('/');
    const me = await h.as({ cookie: first.cookie }).get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email, name: 'Sam Rivera', role: 'interviewer', status: 'active' });
    expect(me.body.organization.id).toBe(org.organization.id);
    const listed = await org.api.get('/api/v1/users');
    expect(listed.body.items.map((u: { email: string }) => u.email)).toContain(email);

    const second = await signInWithSso(email);
    expect(second.location).toBe('/');
    const members = await h.ctx.db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
    expect(members).toHaveLength(1);
    expect(members[0]!.ssoSubject).toBe(email);

    expect((await events(org.organization.id, 'user.joined')).map((e) => e.data)).toContainEqual({
      via: 'oidc',
      role: 'interviewer',
    });
    const signedIn = await events(org.organization.id, 'auth.signed-in');
    expect(signedIn.filter((e) => e.data.method === 'oidc')).toHaveLength(2);
  });

  it('an ID token for another client is refused', async () => {
    const org = await ssoOrganization();
    const email = `wrong.audience@${org.domain}`;
    idp.misissue('other-audience');
    try {
      const r = await signInWithSso(email);
      expect(r.location).toBe('/signin?sso-error=sso-failed');
      expect(r.cookie).toBe('');
      expect(lastRefusal()).toMatch(/"aud" \(audience\)/);
    } finally {
      idp.misissue(undefined);
    }
    expect(await h.ctx.db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`)).toEqual(
      [],
    );
  });

  it('an expired ID token is refused', async () => {
    const org = await ssoOrganization();
    const email = `too.late@${org.domain}`;
    idp.misissue('expired');
    try {
      const r = await signInWithSso(email);
      expect(r.location).toBe('/signin?sso-error=sso-failed');
      expect(r.cookie).toBe('');
      expect(lastRefusal()).toMatch(/"exp" \(expiration time\)/);
    } finally {
      idp.misissue(undefined);
    }
    // The same person, with a fresh token, gets in.
    expect((await signInWithSso(email)).location).toBe('/');
  });

  it('an address outside the configured domain is refused', async () => {
    const org = await ssoOrganization();
    // Found by organization: the provider vouches for an address at another domain.
    const start = await h.anon.get(`/api/v1/sso/start?organization=${org.organization.id}`);
    expect(start.status).toBe(302);
    const pending = /debrief_sso=([^;]+)/.exec(start.headers.get('set-cookie') ?? '')?.[1];
    const outsider = `mallory@${newDomain()}`;
    const back = await passThroughProvider(start.headers.get('location')!, outsider);
    const done = await h.anon.raw('GET', back.pathname + back.search, {
      headers: { cookie: `debrief_sso=${pending}` },
    });
    expect(done.headers.get('location')).toBe('/signin?sso-error=sso-domain');
    expect(sessionCookie(done.headers)).toBe('');
    expect(
      await h.ctx.db.select().from(users).where(sql`lower(${users.email}) = lower(${outsider})`),
    ).toEqual([]);
  });

  it('a member deactivated in Debrief stays out, and the failure is recorded', async () => {
    const org = await ssoOrganization();
    const email = `dee.activated@${org.domain}`;
    expect((await signInWithSso(email)).location).toBe('/');
    const [member] = await h.ctx.db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
    expect((await org.api.post(`/api/v1/users/${member!.id}/deactivate`)).status).toBe(200);

    const r = await signInWithSso(email);
    expect(r.location).toBe('/signin?sso-error=account-deactivated');
    expect(r.cookie).toBe('');
    const failed = await events(org.organization.id, 'auth.sign-in-failed');
    expect(failed.map((e) => e.data)).toContainEqual({ method: 'oidc', reason: 'account-deactivated' });
  });

  it('a callback this browser did not start is refused, and members without a password are not invited ones', async () => {
    const org = await ssoOrganization();
    const email = `no.cookie@${org.domain}`;
    const start = await h.anon.get(`/api/v1/sso/start?email=${encodeURIComponent(email)}`);
    const back = await passThroughProvider(start.headers.get('location')!, email);
    const done = await h.anon.get(back.pathname + back.search);
    expect(done.headers.get('location')).toBe('/signin?sso-error=sso-expired');

    // An invited member (no password yet) signs in through the provider and is linked, not duplicated.
    const invited = `invited.person@${org.domain}`;
    expect(
      (await org.api.post('/api/v1/users', { name: 'Ivy Invited', email: invited, role: 'recruiter' }))
        .status,
    ).toBe(201);
    const r = await signInWithSso(invited);
    expect(r.location).toBe('/');
    const me = await h.as({ cookie: r.cookie }).get('/api/v1/me');
    expect(me.body.user).toMatchObject({ email: invited, role: 'recruiter', status: 'active' });
    // The invitation link still lets them choose a password, if they want one.
    const { token } = linkIn((await lastMessageTo(h, invited)).text);
    expect((await h.anon.post('/api/v1/invitations/accept', { token, password: PASSWORD })).status).toBe(200);
  });
});
