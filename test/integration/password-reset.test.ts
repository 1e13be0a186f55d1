import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepExpired } from '../../src/app/housekeeping';
import { RESET_LIMITS } from '../../src/app/password-resets';
import { auditEvents, emails, outbox, passwordResets } from '../../src/db/schema';
import { OUTBOUND_EMAIL_LIMITS } from '../../src/domain/policy';
import { sha256 } from '../../src/lib/crypto';
import {
  type Harness,
  lastMessageTo,
  newCandidateAccount,
  newOrganization,
  PASSWORD,
  sessionCookie,
  startHarness,
  tokenIn,
  uniqueEmail,
} from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ TRUST_PROXY: 'true' });
});
afterAll(() => h.close());

const NEW_PASSWORD = 'a brand new long passphrase';

let nextAddress = 1;
/** A client address of its own for each caller, as a proxy would report it. */
const newAddress = () => `203.0.113.${nextAddress++}`;

function post(path: string, body: unknown, address = newAddress()) {
  return h.anon.raw('POST', path, {
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
  });
}

const STAFF = '/api/v1/auth';
const CANDIDATE = '/api/v1/candidate';

const messagesTo = async (to: string) =>
  h.ctx.db.select().from(emails).where(sql`lower(${emails.to}) = lower(${to})`);

/** Asks for a link and returns the token in the message that arrives. */
async function resetLinkFor(base: string, email: string) {
  const asked = await post(`${base}/password-reset`, { email });
  expect(asked.status).toBe(202);
  await h.drainJobs();
  const message = await lastMessageTo(h, email);
  expect(message.subject).toBe('Choose a new password for Debrief');
  return tokenIn(message.text, base === STAFF ? '/reset-password' : '/me/reset-password');
}

async function signInStaff(email: string, password = PASSWORD) {
  const res = await post(`${STAFF}/login`, { email, password });
  return { status: res.status, cookie: sessionCookie(res.headers) };
}

const auditOf = (organizationId: string, action: string) =>
  h.ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, action)));

describe('asking for a password reset link', () => {
  it.each([
    ['staff', STAFF, async () => (await newOrganization(h)).email],
    ['candidate', CANDIDATE, async () => (await newCandidateAccount(h)).email],
  ])(
    '%s: the same answer for an address with and without an account; only the account gets mail',
    async (_w, base, make) => {
      const known = await make();
      const unknown = uniqueEmail('nobody');
      const a = await post(`${base}/password-reset`, { email: known });
      const b = await post(`${base}/password-reset`, { email: unknown });
      expect(a.status).toBe(202);
      expect(b.status).toBe(202);
      expect(a.body).toEqual(b.body);
      expect(a.body.message).toMatch(/^If an account exists/);
      await h.drainJobs();
      expect((await lastMessageTo(h, known)).subject).toBe('Choose a new password for Debrief');
      expect(await messagesTo(unknown)).toEqual([]);
    },
  );

  it('an address that already had its day of email gets no link, and the answer still does not tell', async () => {
    const org = await newOrganization(h);
    await h.ctx.db.insert(emails).values(
      Array.from({ length: OUTBOUND_EMAIL_LIMITS.perAddressPerDay }, () => ({
        organizationId: null,
        to: org.email,
        subject: 'Earlier',
        text: 'Earlier message',
        status: 'sent' as const,
      })),
    );
    const res = await post(`${STAFF}/password-reset`, { email: org.email });
    expect(res.status).toBe(202);
    expect(res.body.status).toBe('reset-requested');
    await h.drainJobs();
    expect((await lastMessageTo(h, org.email)).subject).toBe('Earlier');
  });

  it('is limited per address, the same for addresses with and without an account, and per client', async () => {
    const known = (await newCandidateAccount(h)).email;
    const unknown = uniqueEmail('nobody');
    for (const email of [known, unknown]) {
      const statuses = [];
      for (let i = 0; i <= RESET_LIMITS.address; i++)
        statuses.push((await post(`${CANDIDATE}/password-reset`, { email })).status);
      expect(statuses).toEqual([...Array(RESET_LIMITS.address).fill(202), 429]);
    }
    await h.drainJobs();
    expect((await messagesTo(known)).filter((m) => m.subject.startsWith('Choose')).length).toBe(
      RESET_LIMITS.address,
    );

    const client = newAddress();
    const statuses = [];
    for (let i = 0; i <= RESET_LIMITS.client; i++)
      statuses.push((await post(`${STAFF}/password-reset`, { email: uniqueEmail('x') }, client)).status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(RESET_LIMITS.client);
    const refused = await post(`${STAFF}/password-reset`, { email: uniqueEmail('y') }, client);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    // Another client is not held back.
    expect((await post(`${STAFF}/password-reset`, { email: uniqueEmail('z') })).status).toBe(202);
  });
});

describe('a team member resets their password', () => {
  it('the link changes nothing until the form is sent; then it sets the password, ends every other session, keeps API tokens, and works once', async () => {
    const org = await newOrganization(h);
    const elsewhere = await signInStaff(org.email);
    expect(elsewhere.status).toBe(200);
    const token = await resetLinkFor(STAFF, org.email);

    // Checking the link, twice, changes nothing.
    for (let i = 0; i < 2; i++) {
      const check = await post(`${STAFF}/password-reset/check`, { token });
      expect(check.status).toBe(200);
      expect(new Date(check.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 55 * 60_000);
    }
    expect((await h.as({ cookie: elsewhere.cookie }).get('/api/v1/me')).status).toBe(200);
    expect((await signInStaff(org.email)).status).toBe(200);

    const tooShort = await post(`${STAFF}/password-reset/confirm`, { token, password: 'short' });
    expect(tooShort.status).toBe(400);

    const done = await post(`${STAFF}/password-reset/confirm`, { token, password: NEW_PASSWORD });
    expect(done.status).toBe(200);
    expect(done.body.user.email).toBe(org.email);
    const fresh = sessionCookie(done.headers);
    expect((await h.as({ cookie: fresh }).get('/api/v1/me')).status).toBe(200);
    expect((await h.as({ cookie: elsewhere.cookie }).get('/api/v1/me')).status).toBe(401);
    expect((await h.as({ cookie: org.cookie }).get('/api/v1/me')).status).toBe(401);
    // API tokens are credentials of their own: they keep working.
    expect((await org.api.get('/api/v1/me')).status).toBe(200);

    expect((await signInStaff(org.email)).status).toBe(401);
    expect((await signInStaff(org.email, NEW_PASSWORD)).status).toBe(200);
    // The owner is told, with the way back if it was not them.
    const notice = await lastMessageTo(h, org.email);
    expect(notice.subject).toBe('Your Debrief password was changed');
    expect(notice.text).toContain('http://debrief.test/forgot-password');

    const again = await post(`${STAFF}/password-reset/confirm`, {
      token,
      password: 'yet another passphrase',
    });
    expect(again.status).toBe(404);
    expect(again.body.error.message).toMatch(/ask for a new one/);
    expect((await post(`${STAFF}/password-reset/check`, { token })).status).toBe(404);

    const [event] = await auditOf(org.organization.id, 'user.password-reset');
    expect(event).toMatchObject({ actorType: 'user', actorId: org.user.id, subjectId: org.user.id });
    expect(event!.data).toMatchObject({ sessionsEnded: 3 });
  });

  it('an expired link says so and changes nothing; a newer link replaces an older one', async () => {
    const org = await newOrganization(h);
    const first = await resetLinkFor(STAFF, org.email);
    const second = await resetLinkFor(STAFF, org.email);
    expect(
      (await post(`${STAFF}/password-reset/confirm`, { token: first, password: NEW_PASSWORD })).status,
    ).toBe(404);

    await h.ctx.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.userId, org.user.id));
    const check = await post(`${STAFF}/password-reset/check`, { token: second });
    expect(check.status).toBe(410);
    expect(check.body.error).toMatchObject({ code: 'link-expired' });
    expect(check.body.error.message).toMatch(/ask for a new one/);
    const late = await post(`${STAFF}/password-reset/confirm`, { token: second, password: NEW_PASSWORD });
    expect(late.status).toBe(410);
    expect((await signInStaff(org.email)).status).toBe(200);
    expect((await h.as({ cookie: org.cookie }).get('/api/v1/me')).status).toBe(200);
  });

  it("touches only its owner: another organization's sessions stay, and a deactivated member gets no link", async () => {
    const a = await newOrganization(h);
    const b = await newOrganization(h);
    const token = await resetLinkFor(STAFF, a.email);
    expect((await post(`${STAFF}/password-reset/confirm`, { token, password: NEW_PASSWORD })).status).toBe(
      200,
    );
    expect((await h.as({ cookie: b.cookie }).get('/api/v1/me')).status).toBe(200);
    expect((await signInStaff(b.email)).status).toBe(200);

    const member = uniqueEmail('member');
    const invited = await b.api.post('/api/v1/users', {
      name: 'Mo Member',
      email: member,
      role: 'interviewer',
    });
    const inviteToken = tokenIn((await lastMessageTo(h, member)).text, '/invitations');
    expect(
      (await post('/api/v1/invitations/accept', { token: inviteToken, password: PASSWORD })).status,
    ).toBe(200);
    await b.api.post(`/api/v1/users/${invited.body.id}/deactivate`);
    const asked = await post(`${STAFF}/password-reset`, { email: member });
    expect(asked.status).toBe(202);
    await h.drainJobs();
    expect((await lastMessageTo(h, member)).subject).not.toBe('Choose a new password for Debrief');
  });
});

describe('staff and candidate passwords are apart', () => {
  it("a team member's link does not open a candidate account of the same address, nor the reverse", async () => {
    const org = await newOrganization(h);
    const candidate = await newCandidateAccount(h, 'Ada Admin', org.email);

    const staffToken = await resetLinkFor(STAFF, org.email);
    const wrongDoor = await post(`${CANDIDATE}/password-reset/confirm`, {
      token: staffToken,
      password: NEW_PASSWORD,
    });
    expect(wrongDoor.status).toBe(404);
    const candidateToken = await resetLinkFor(CANDIDATE, org.email);
    expect(
      (await post(`${STAFF}/password-reset/confirm`, { token: candidateToken, password: NEW_PASSWORD }))
        .status,
    ).toBe(404);

    expect(
      (await post(`${CANDIDATE}/password-reset/confirm`, { token: candidateToken, password: NEW_PASSWORD }))
        .status,
    ).toBe(200);
    // The candidate's new password is the candidate's alone.
    expect((await signInStaff(org.email)).status).toBe(200);
    expect((await signInStaff(org.email, NEW_PASSWORD)).status).toBe(401);
    expect((await h.as({ cookie: org.cookie }).get('/api/v1/me')).status).toBe(200);
    expect((await candidate.api.get(`${CANDIDATE}/me`)).status).toBe(401);
    // The staff link still works at its own door.
    expect(
      (await post(`${STAFF}/password-reset/confirm`, { token: staffToken, password: NEW_PASSWORD })).status,
    ).toBe(200);
  });
});

describe('a candidate resets their password', () => {
  it('ends every session of the account and signs in with the new password; the link works once and expires', async () => {
    const c = await newCandidateAccount(h);
    const other = await post(`${CANDIDATE}/login`, { email: c.email, password: PASSWORD });
    const token = await resetLinkFor(CANDIDATE, c.email);
    expect((await post(`${CANDIDATE}/password-reset/check`, { token })).status).toBe(200);

    const done = await post(`${CANDIDATE}/password-reset/confirm`, { token, password: NEW_PASSWORD });
    expect(done.status).toBe(200);
    expect(done.body.token).toMatch(/^dbc_/);
    expect(done.headers.get('set-cookie')).toMatch(/debrief_candidate=/);
    expect((await h.as({ token: done.body.token }).get(`${CANDIDATE}/me`)).status).toBe(200);
    expect((await c.api.get(`${CANDIDATE}/me`)).status).toBe(401);
    expect((await h.as({ token: other.body.token }).get(`${CANDIDATE}/me`)).status).toBe(401);
    expect((await post(`${CANDIDATE}/login`, { email: c.email, password: PASSWORD })).status).toBe(401);
    expect((await post(`${CANDIDATE}/login`, { email: c.email, password: NEW_PASSWORD })).status).toBe(200);
    expect((await post(`${CANDIDATE}/password-reset/confirm`, { token, password: PASSWORD })).status).toBe(
      404,
    );

    const later = await resetLinkFor(CANDIDATE, c.email);
    await h.ctx.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.tokenHash, sha256(later)));
    const expired = await post(`${CANDIDATE}/password-reset/confirm`, { token: later, password: PASSWORD });
    expect(expired.status).toBe(410);
  });

  it('the hourly housekeeping deletes reset links a day past their end, and keeps the rest', async () => {
    const c = await newCandidateAccount(h);
    const kept = await resetLinkFor(CANDIDATE, c.email);
    const old = await resetLinkFor(CANDIDATE, (await newCandidateAccount(h)).email);
    await h.ctx.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 2 * 86_400_000) })
      .where(eq(passwordResets.tokenHash, sha256(old)));
    // The address asked about is kept in the finished request for a day, then deleted with it.
    const [request] = await h.ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'password-reset'), sql`${outbox.payload}->>'email' = ${c.email}`));
    expect(request).toMatchObject({ status: 'done' });
    await h.ctx.db
      .update(outbox)
      .set({ finishedAt: new Date(Date.now() - 2 * 86_400_000) })
      .where(eq(outbox.id, request!.id));
    const swept = await sweepExpired(h.ctx.db);
    expect(swept.passwordResets).toBeGreaterThanOrEqual(1);
    expect(swept.passwordResetRequests).toBeGreaterThanOrEqual(1);
    expect(await h.ctx.db.select().from(outbox).where(eq(outbox.id, request!.id))).toEqual([]);
    expect((await post(`${CANDIDATE}/password-reset/check`, { token: old })).status).toBe(404);
    expect((await post(`${CANDIDATE}/password-reset/check`, { token: kept })).status).toBe(200);
  });
});

describe('changing the password while signed in', () => {
  it('staff: needs the current password, keeps this session, ends the others, and is audited', async () => {
    const org = await newOrganization(h);
    const here = await signInStaff(org.email);
    const there = await signInStaff(org.email);
    const me = h.as({ cookie: here.cookie });

    const wrong = await me.post(`${STAFF}/password`, {
      currentPassword: 'not it',
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('wrong-password');
    const weak = await me.post(`${STAFF}/password`, { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    // An integration's token cannot change the password.
    const byToken = await org.api.post(`${STAFF}/password`, {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(byToken.status).toBe(403);

    const ok = await me.post(`${STAFF}/password`, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(ok.status).toBe(204);
    expect((await me.get('/api/v1/me')).status).toBe(200);
    expect((await h.as({ cookie: there.cookie }).get('/api/v1/me')).status).toBe(401);
    expect((await signInStaff(org.email, NEW_PASSWORD)).status).toBe(200);
    expect((await lastMessageTo(h, org.email)).subject).toBe('Your Debrief password was changed');
    const [event] = await auditOf(org.organization.id, 'user.password-changed');
    expect(event).toMatchObject({ actorId: org.user.id, subjectId: org.user.id });
    expect(event!.data).toMatchObject({ sessionsEnded: 2 });
  });

  it('candidate: needs the current password, keeps this session, ends the others', async () => {
    const c = await newCandidateAccount(h);
    const other = await post(`${CANDIDATE}/login`, { email: c.email, password: PASSWORD });
    const wrong = await c.api.post(`${CANDIDATE}/password`, {
      currentPassword: 'nope',
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(403);
    expect(
      (await c.api.post(`${CANDIDATE}/password`, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }))
        .status,
    ).toBe(204);
    expect((await c.api.get(`${CANDIDATE}/me`)).status).toBe(200);
    expect((await h.as({ token: other.body.token }).get(`${CANDIDATE}/me`)).status).toBe(401);
    expect((await post(`${CANDIDATE}/login`, { email: c.email, password: NEW_PASSWORD })).status).toBe(200);
    const notice = await lastMessageTo(h, c.email);
    expect(notice.subject).toBe('Your Debrief password was changed');
    expect(notice.text).toContain('http://debrief.test/me/forgot-password');
  });
});

describe('the message that says a password was changed', () => {
  it('never holds the change back: an address over its day of email still gets its new password', async () => {
    const c = await newCandidateAccount(h);
    await h.ctx.db.insert(emails).values(
      Array.from({ length: OUTBOUND_EMAIL_LIMITS.perAddressPerDay }, () => ({
        organizationId: null,
        to: c.email,
        subject: 'Earlier',
        text: 'Earlier message',
        status: 'sent' as const,
      })),
    );
    const changed = await c.api.post(`${CANDIDATE}/password`, {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(204);
    expect((await post(`${CANDIDATE}/login`, { email: c.email, password: NEW_PASSWORD })).status).toBe(200);
    expect((await lastMessageTo(h, c.email)).subject).toBe('Earlier');
  });
});

describe("the candidate's data", () => {
  it('the export holds everything in the account and what employers sent the address, and nothing of anyone else', async () => {
    const c = await newCandidateAccount(h, 'Sam Rivera');
    const stranger = await newCandidateAccount(h, 'Other Person');
    await stranger.api.post(`${CANDIDATE}/applications`, { company: 'Secret Corp', role: 'Spy' });

    // An employer sends feedback to the address; the candidate rates it through the emailed link.
    const org = await newOrganization(h, 'Kinetix');
    const job = await org.api.post('/api/v1/jobs', {
      title: 'Copywriter',
      criteria: [{ name: 'Attention to detail', description: 'Accurate written work' }],
    });
    const app = await org.api.post('/api/v1/applications', {
      jobId: job.body.id,
      candidate: { name: 'Sam Rivera', email: c.email },
    });
    const rejected = await org.api.post(`/api/v1/applications/${app.body.id}/rejection`, {
      reason: 'skills-gap',
    });
    await org.api.post(`/api/v1/feedback/${rejected.body.feedback.id}/approve`, { send: 'now' });
    await h.drainJobs();
    const portal = tokenIn((await lastMessageTo(h, c.email)).text, '/f');
    expect(
      (await h.anon.post(`/api/v1/portal/${portal}/response`, { useful: 4, comment: 'Helpful' })).status,
    ).toBe(200);
    // A second application is rejected without feedback; the candidate asks for it.
    const job2 = await org.api.post('/api/v1/jobs', {
      title: 'Editor',
      criteria: [{ name: 'Attention to detail', description: 'Accurate written work' }],
    });
    const app2 = await org.api.post('/api/v1/applications', {
      jobId: job2.body.id,
      candidate: { name: 'Sam Rivera', email: c.email },
    });
    await org.api.post(`/api/v1/applications/${app2.body.id}/rejection`, { reason: 'skills-gap' });
    await org.api.post(`/api/v1/applications/${app2.body.id}/notice`);
    const notice = tokenIn((await lastMessageTo(h, c.email)).text, '/f');
    expect((await h.anon.post(`/api/v1/portal/${notice}/request`, { message: 'Any pointers?' })).status).toBe(
      201,
    );

    const tracked = await c.api.post(`${CANDIDATE}/applications`, { company: 'Northwind', role: 'Analyst' });
    await c.api.post(`${CANDIDATE}/applications/${tracked.body.id}/rounds`, {
      stage: 'Phone screen',
      date: '2026-11-02',
      interviewers: [{ name: 'Pat Lee' }],
    });
    await c.api.post(`${CANDIDATE}/reminders`, {
      kind: 'follow-up',
      // A reminder is for a day still ahead.
      dueOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      text: 'Write to Pat',
    });
    await c.api.post(`${CANDIDATE}/logged-feedback`, {
      channel: 'call',
      receivedOn: '2026-11-05',
      text: 'Be more concrete about results.',
      applicationId: tracked.body.id,
    });
    await c.api.post(`${CANDIDATE}/plan/actions`, {
      theme: 'communication',
      title: 'Practise the results story',
    });

    const res = await c.api.get(`${CANDIDATE}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="debrief-export-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = res.body;
    expect(data.format).toBe('debrief-candidate-export/1');
    expect(data.account).toMatchObject({ name: 'Sam Rivera', email: c.email });
    expect(data.applications.map((a: { company: string }) => a.company)).toContain('Northwind');
    expect(data.rounds).toEqual([expect.objectContaining({ stage: 'Phone screen', date: '2026-11-02' })]);
    expect(data.reminders.map((r: { text: string }) => r.text)).toContain('Write to Pat');
    expect(data.loggedFeedback).toEqual([
      expect.objectContaining({ channel: 'call', text: 'Be more concrete about results.' }),
    ]);
    expect(data.planActions).toEqual([expect.objectContaining({ title: 'Practise the results story' })]);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.feedbackReceived).toEqual([
      expect.objectContaining({
        organization: 'Kinetix',
        job: 'Copywriter',
        body: rejected.body.feedback.body,
        response: expect.objectContaining({ useful: 4, comment: 'Helpful' }),
      }),
    ]);
    expect(data.feedbackRequests).toEqual([
      expect.objectContaining({
        organization: 'Kinetix',
        job: 'Editor',
        message: 'Any pointers?',
        status: 'open',
      }),
    ]);
    const text = JSON.stringify(data);
    expect(text).not.toContain('Secret Corp');
    expect(text).not.toMatch(/passwordHash|tokenHash|argon2/);
    expect((await h.anon.get(`${CANDIDATE}/export`)).status).toBe(401);
  });

  it('deleting the account removes the workspace and emails the address that it is done', async () => {
    const c = await newCandidateAccount(h);
    await c.api.post(`${CANDIDATE}/applications`, { company: 'Gone Ltd', role: 'Analyst' });
    const gone = await c.api.raw('DELETE', `${CANDIDATE}/me`, {
      body: JSON.stringify({ password: PASSWORD }),
      headers: { 'content-type': 'application/json' },
    });
    expect(gone.status).toBe(204);
    const message = await lastMessageTo(h, c.email);
    expect(message.subject).toBe('Your Debrief account was deleted');
    expect(message.text).toMatch(/were deleted, as you asked/);
    expect((await c.api.get(`${CANDIDATE}/export`)).status).toBe(401);
    await h.drainJobs();
    expect((await lastMessageTo(h, c.email)).status).toBe('sent');
  });
});
