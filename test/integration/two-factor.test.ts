import { and, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, totpFactors } from '../../src/db/schema';
import {
  type Harness,
  lastMessageTo,
  linkIn,
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

/** What the member's authenticator app shows `steps` periods from now. */
function codeFor(secret: string, steps = 0) {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: Date.now() + steps * 30_000,
  });
}

const login = (email: string, password = PASSWORD) => h.anon.post('/api/v1/auth/login', { email, password });

/** Signs in with a password and turns two-factor sign-in on from the settings; returns the secret and codes. */
async function enrolled(email: string) {
  const signedIn = await login(email);
  expect(signedIn.status).toBe(200);
  const api = h.as({ cookie: sessionCookie(signedIn.headers) });
  const started = await api.post('/api/v1/auth/two-factor/enrolment', {});
  expect(started.status).toBe(200);
  const secret = started.body.secret as string;
  const confirmed = await api.post('/api/v1/auth/two-factor/enrolment/confirm', { code: codeFor(secret) });
  expect(confirmed.status).toBe(200);
  return { api, secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

async function events(organizationId: string, action: string) {
  return h.ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, action)));
}

/** An invited member who accepted the emailed invitation; returns their address and the answer to accepting. */
async function invitedMember(org: Awaited<ReturnType<typeof newOrganization>>, role = 'interviewer') {
  const email = uniqueEmail(role);
  expect((await org.api.post('/api/v1/users', { name: 'Mo Member', email, role })).status).toBe(201);
  const { token } = linkIn((await lastMessageTo(h, email)).text);
  const accepted = await h.anon.post('/api/v1/invitations/accept', { token, password: PASSWORD });
  expect(accepted.status).toBe(200);
  return { email, accepted };
}

describe('two-factor sign-in', () => {
  it('is set up with a QR code and a first code; then signing in asks for a code, and a used code is refused', async () => {
    const org = await newOrganization(h);
    const signedIn = await login(org.email);
    const api = h.as({ cookie: sessionCookie(signedIn.headers) });
    const started = await api.post('/api/v1/auth/two-factor/enrolment', {});
    expect(started.status).toBe(200);
    expect(started.body.uri).toMatch(/^otpauth:\/\/totp\/Debrief:.+\?.*secret=[A-Z2-7]+/);
    expect(started.body.uri).toContain('issuer=Debrief');
    expect(started.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(started.body.qrCode.split(',')[1], 'base64').toString()).toContain('<svg');
    const secret = started.body.secret as string;

    // Stored sealed, never as the secret itself.
    const [row] = await h.ctx.db.select().from(totpFactors).where(eq(totpFactors.userId, org.user.id));
    expect(row?.secret).not.toContain(secret);
    expect(row?.confirmedAt).toBeNull();

    // Until it is confirmed, a password still signs in.
    expect((await login(org.email)).status).toBe(200);
    expect(
      (await api.post('/api/v1/auth/two-factor/enrolment/confirm', { code: '000000' })).body.error.code,
    ).toBe('invalid-code');
    const confirmed = await api.post('/api/v1/auth/two-factor/enrolment/confirm', { code: codeFor(secret) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    expect((await api.get('/api/v1/auth/two-factor')).body).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
      required: false,
    });

    // The password alone now opens no session: a challenge for the code.
    const first = await login(org.email);
    expect(first.status).toBe(202);
    expect(first.body.next).toBe('code');
    expect(sessionCookie(first.headers)).toBe('');
    expect((await h.as({ token: first.body.challenge }).get('/api/v1/me')).status).toBe(401);

    // The code the enrolment used can't be used again, even in the same period.
    const replayedEnrolmentCode = await h.anon.post('/api/v1/auth/login/code', {
      challenge: first.body.challenge,
      code: codeFor(secret),
    });
    expect(replayedEnrolmentCode.status).toBe(401);
    expect(replayedEnrolmentCode.body.error.code).toBe('invalid-code');

    const next = codeFor(secret, 1);
    const done = await h.anon.post('/api/v1/auth/login/code', {
      challenge: first.body.challenge,
      code: next,
    });
    expect(done.status).toBe(200);
    expect(done.body.user.email).toBe(org.email);
    const me = await h.as({ cookie: sessionCookie(done.headers) }).get('/api/v1/me');
    expect(me.status).toBe(200);

    // The challenge is used up, and the same code on a fresh challenge is refused too.
    expect(
      (await h.anon.post('/api/v1/auth/login/code', { challenge: first.body.challenge, code: next })).body
        .error.code,
    ).toBe('challenge-expired');
    const again = await login(org.email);
    const replay = await h.anon.post('/api/v1/auth/login/code', {
      challenge: again.body.challenge,
      code: next,
    });
    expect(replay.status).toBe(401);

    const signedInEvents = await events(org.organization.id, 'auth.signed-in');
    expect(signedInEvents.map((e) => e.data.method)).toContain('totp');
    const failed = await events(org.organization.id, 'auth.sign-in-failed');
    expect(failed.map((e) => e.data)).toContainEqual({ method: 'totp', reason: 'wrong-code' });
    expect((await events(org.organization.id, 'auth.totp-enabled')).length).toBe(1);
  });

  it('a recovery code signs in once; ten new ones replace the old; turning it off needs the password', async () => {
    const org = await newOrganization(h);
    const { api, recoveryCodes } = await enrolled(org.email);
    const [code] = recoveryCodes as [string];

    const first = await login(org.email);
    const used = await h.anon.post('/api/v1/auth/login/code', {
      challenge: first.body.challenge,
      recoveryCode: code.toUpperCase(),
    });
    expect(used.status).toBe(200);
    const second = await login(org.email);
    const reused = await h.anon.post('/api/v1/auth/login/code', {
      challenge: second.body.challenge,
      recoveryCode: code,
    });
    expect(reused.status).toBe(401);
    expect((await api.get('/api/v1/auth/two-factor')).body.recoveryCodesLeft).toBe(9);

    const fresh = await api.post('/api/v1/auth/two-factor/recovery-codes', { password: PASSWORD });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    const old = await h.anon.post('/api/v1/auth/login/code', {
      challenge: second.body.challenge,
      recoveryCode: recoveryCodes[1],
    });
    expect(old.status).toBe(401);
    const methods = (await events(org.organization.id, 'auth.signed-in')).map((e) => e.data.method);
    expect(methods).toContain('recovery-code');

    const wrong = await api.post('/api/v1/auth/two-factor/disable', { password: 'not my password' });
    expect(wrong.status).toBe(403);
    expect((await api.get('/api/v1/auth/two-factor')).body.enabled).toBe(true);
    expect((await api.post('/api/v1/auth/two-factor/disable', { password: PASSWORD })).status).toBe(204);
    expect((await login(org.email)).status).toBe(200);
    expect((await events(org.organization.id, 'auth.totp-disabled')).length).toBe(1);
  });

  it('sign-ins are recorded: failures only for a known account, and never what was typed', async () => {
    const org = await newOrganization(h);
    const everyFailure = async () =>
      h.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.sign-in-failed'));
    const before = (await everyFailure()).length;
    expect((await login(uniqueEmail('nobody'), 'a guess for nobody')).status).toBe(401);
    expect((await everyFailure()).length).toBe(before);
    expect((await login(org.email, 'a wrong guess 123')).status).toBe(401);
    expect((await login(org.email)).status).toBe(200);

    const failed = await events(org.organization.id, 'auth.sign-in-failed');
    expect(failed.map((e) => [e.subjectId, e.data])).toEqual([
      [org.user.id, { method: 'password', reason: 'wrong-password' }],
    ]);
    const signedIn = await events(org.organization.id, 'auth.signed-in');
    expect(signedIn.map((e) => [e.actorId, e.data.method])).toEqual([[org.user.id, 'password']]);
    const trail = JSON.stringify(
      await h.ctx.db.select().from(auditEvents).where(eq(auditEvents.organizationId, org.organization.id)),
    );
    expect(trail).not.toContain('a wrong guess');
    expect(trail).not.toContain(PASSWORD);
  });

  it('wrong codes are limited like passwords', async () => {
    const org = await newOrganization(h);
    await enrolled(org.email);
    const { body } = await login(org.email);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(
        (await h.anon.post('/api/v1/auth/login/code', { challenge: body.challenge, code: '000000' })).status,
      );
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('an organization that requires it: members without it are sent to set it up and can do nothing else until then', async () => {
    const org = await newOrganization(h);
    // A member signed in before the requirement.
    const early = await invitedMember(org);
    const earlySession = h.as({ cookie: sessionCookie(early.accepted.headers) });
    expect((await earlySession.get('/api/v1/me')).status).toBe(200);

    const refused = await org.api.put('/api/v1/organization/two-factor', { required: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('two-factor-off');
    const admin = await enrolled(org.email);
    const asInterviewer = await h
      .as({ cookie: sessionCookie(early.accepted.headers) })
      .put('/api/v1/organization/two-factor', { required: true });
    expect(asInterviewer.status).toBe(403);
    const on = await admin.api.put('/api/v1/organization/two-factor', { required: true });
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ required: true, sessionsEnded: 1 });
    expect((await earlySession.get('/api/v1/me')).status).toBe(401);
    expect((await admin.api.get('/api/v1/me')).status).toBe(200);

    // The admin can't turn their own off while it is required.
    const off = await admin.api.post('/api/v1/auth/two-factor/disable', { password: PASSWORD });
    expect(off.status).toBe(409);
    expect(off.body.error.code).toBe('two-factor-required');

    // A password sign-in opens no session: only the enrolment.
    const step = await login(early.email);
    expect(step.status).toBe(202);
    expect(step.body.next).toBe('enrol');
    expect(sessionCookie(step.headers)).toBe('');
    expect(
      (await h.anon.post('/api/v1/auth/login/code', { challenge: step.body.challenge, code: '123456' }))
        .status,
    ).toBe(401);
    const started = await h.anon.post('/api/v1/auth/two-factor/enrolment', {
      challenge: step.body.challenge,
    });
    expect(started.status).toBe(200);
    const done = await h.anon.post('/api/v1/auth/two-factor/enrolment/confirm', {
      challenge: step.body.challenge,
      code: codeFor(started.body.secret),
    });
    expect(done.status).toBe(200);
    expect(done.body.recoveryCodes).toHaveLength(10);
    expect(done.body.user.email).toBe(early.email);
    const member = h.as({ cookie: sessionCookie(done.headers) });
    expect((await member.get('/api/v1/auth/two-factor')).body).toMatchObject({
      enabled: true,
      required: true,
    });
    // The challenge is spent.
    expect(
      (await h.anon.post('/api/v1/auth/two-factor/enrolment', { challenge: step.body.challenge })).status,
    ).toBe(401);

    // An invitation accepted after the requirement opens no session either.
    const late = await invitedMember(org);
    expect(sessionCookie(late.accepted.headers)).toBe('');
    expect((await login(late.email)).body.next).toBe('enrol');
  });
});
