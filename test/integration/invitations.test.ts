import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { invitations } from '../../src/db/schema';
import { linkIn, newOrganization, PASSWORD, uniqueEmail } from '../support/harness';
import { jobWithApplication } from '../support/hiring';
import { withMail } from '../support/smtp';

const mail = withMail();

type Org = Awaited<ReturnType<typeof newOrganization>>;

/** Invites a member and returns their id, address and the token of the emailed link. */
async function invite(org: Org, role = 'recruiter') {
  const email = uniqueEmail('invitee');
  const res = await org.api.post('/api/v1/users', { name: 'Ines Duarte', email, role });
  expect(res.status).toBe(201);
  await mail.h.drainJobs();
  const { token } = linkIn(mail.inbox(email).at(-1)!.text);
  return { id: res.body.id as string, email, token };
}

const look = async (token: string) => {
  const r = await mail.h.anon.get(`/api/v1/invitations/${token}`);
  expect(r.status).toBe(200);
  return r.body;
};

describe('an invitation link says what it is before a password is typed', () => {
  it('pending: the organization, the role, who sent it and whom it invites', async () => {
    const org = await newOrganization(mail.h, 'Kinetix');
    const { token, email } = await invite(org, 'hiring-manager');
    const view = await look(token);
    expect(view).toMatchObject({
      state: 'pending',
      organization: 'Kinetix',
      role: 'hiring-manager',
      invitedBy: 'Ada Admin',
      invitee: { name: 'Ines Duarte', email },
    });
    expect(Date.parse(view.expiresAt)).toBeGreaterThan(Date.now());
    // Only the token's hash is stored, and the inviter is recorded.
    const [stored] = await mail.h.ctx.db
      .select()
      .from(invitations)
      .where(eq(invitations.invitedBy, org.user.id));
    expect(stored!.tokenHash).not.toBe(token);
  });

  it('used, expired and unknown links say so, without naming whom they invited', async () => {
    const org = await newOrganization(mail.h, 'Kinetix');
    const used = await invite(org);
    expect(
      (await mail.h.anon.post('/api/v1/invitations/accept', { token: used.token, password: PASSWORD }))
        .status,
    ).toBe(200);
    expect(await look(used.token)).toMatchObject({
      state: 'used',
      organization: 'Kinetix',
      invitedBy: 'Ada Admin',
      invitee: null,
    });

    const late = await invite(org);
    await mail.h.ctx.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.userId, late.id));
    expect(await look(late.token)).toMatchObject({
      state: 'expired',
      organization: 'Kinetix',
      invitee: null,
    });

    expect(await look('no-such-invitation-token')).toEqual({
      state: 'unknown',
      organization: null,
      role: null,
      invitee: null,
      invitedBy: null,
      expiresAt: null,
    });
  });
});

describe('resending and revoking an invitation', () => {
  it('resending emails a new link that works; the old one says it was replaced and is refused (410)', async () => {
    const org = await newOrganization(mail.h, 'Kinetix');
    const first = await invite(org);
    const resent = await org.api.post(`/api/v1/users/${first.id}/invitation`);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ id: first.id, status: 'invited', invitation: { state: 'pending' } });
    await mail.h.drainJobs();
    const messages = mail.inbox(first.email);
    expect(messages).toHaveLength(2);
    expect(messages[1]!.text).toContain('Any link sent to you before this one no longer works.');
    const { token } = linkIn(messages[1]!.text);
    expect(token).not.toBe(first.token);

    expect((await look(first.token)).state).toBe('replaced');
    const old = await mail.h.anon.post('/api/v1/invitations/accept', {
      token: first.token,
      password: PASSWORD,
    });
    expect(old.status).toBe(410);
    expect(old.body.error.code).toBe('invitation-replaced');

    expect((await look(token)).state).toBe('pending');
    const accepted = await mail.h.anon.post('/api/v1/invitations/accept', { token, password: PASSWORD });
    expect(accepted.status).toBe(200);

    // Nothing to resend once they have joined.
    const again = await org.api.post(`/api/v1/users/${first.id}/invitation`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already-joined');

    const events = (await org.api.get('/api/v1/audit?action=user.')).body.events as { action: string }[];
    expect(events.map((e) => e.action)).toContain('user.invitation-resent');
  });

  it('an expired link can be sent again, and the members list shows each invitation’s state', async () => {
    const org = await newOrganization(mail.h);
    const late = await invite(org);
    await mail.h.ctx.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.userId, late.id));
    const listed = async () =>
      ((await org.api.get('/api/v1/users')).body.items as any[]).find((u) => u.id === late.id);
    expect((await listed()).invitation).toMatchObject({ state: 'expired', invitedBy: 'Ada Admin' });
    expect((await org.api.post(`/api/v1/users/${late.id}/invitation`)).status).toBe(200);
    expect((await listed()).invitation.state).toBe('pending');
    // The admin themself, who has joined, carries no invitation.
    const self = ((await org.api.get('/api/v1/users')).body.items as any[]).find((u) => u.id === org.user.id);
    expect(self.invitation).toBeNull();
  });

  it('revoking stops the link at once: it says revoked and is refused (410); the member stays listed as invited', async () => {
    const org = await newOrganization(mail.h, 'Kinetix');
    const m = await invite(org);
    const revoked = await org.api.delete(`/api/v1/users/${m.id}/invitation`);
    expect(revoked.status).toBe(204);
    expect(await look(m.token)).toMatchObject({ state: 'revoked', organization: 'Kinetix', invitee: null });
    const accept = await mail.h.anon.post('/api/v1/invitations/accept', {
      token: m.token,
      password: PASSWORD,
    });
    expect(accept.status).toBe(410);
    expect(accept.body.error.code).toBe('invitation-revoked');
    expect(
      (await mail.h.anon.post('/api/v1/auth/login', { email: m.email, password: PASSWORD })).status,
    ).toBe(401);
    const member = ((await org.api.get('/api/v1/users')).body.items as any[]).find((u) => u.id === m.id);
    expect(member).toMatchObject({ status: 'invited', invitation: { state: 'revoked' } });
    // Revoking again: nothing pending.
    const twice = await org.api.delete(`/api/v1/users/${m.id}/invitation`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('no-pending-invitation');
    // Nor can they be given a scorecard to write, which they could never sign in for.
    const { application } = await jobWithApplication(org);
    const assign = await org.api.post(`/api/v1/applications/${application.id}/interviewers`, {
      userId: m.id,
    });
    expect(assign.status).toBe(409);
    expect(assign.body.error.code).toBe('invitation-revoked');
    // A revoked invitation can be sent again, and then they can be assigned.
    expect((await org.api.post(`/api/v1/users/${m.id}/invitation`)).status).toBe(200);
    await mail.h.drainJobs();
    const { token } = linkIn(mail.inbox(m.email).at(-1)!.text);
    expect((await look(token)).state).toBe('pending');
    expect(
      (await org.api.post(`/api/v1/applications/${application.id}/interviewers`, { userId: m.id })).status,
    ).toBe(200);
    const events = (await org.api.get('/api/v1/audit?action=user.')).body.events as { action: string }[];
    expect(events.map((e) => e.action)).toContain('user.invitation-revoked');
  });

  it('only an admin resends or revokes', async () => {
    const org = await newOrganization(mail.h);
    const m = await invite(org);
    const recruiter = await invite(org, 'recruiter');
    const accepted = await mail.h.anon.post('/api/v1/invitations/accept', {
      token: recruiter.token,
      password: PASSWORD,
    });
    expect(accepted.status).toBe(200);
    const signIn = await mail.h.anon.post('/api/v1/auth/login', {
      email: recruiter.email,
      password: PASSWORD,
    });
    const cookie = /debrief_session=([^;]*)/.exec(signIn.headers.get('set-cookie') ?? '')![0];
    const as = mail.h.as({ cookie });
    expect((await as.post(`/api/v1/users/${m.id}/invitation`)).status).toBe(403);
    expect((await as.delete(`/api/v1/users/${m.id}/invitation`)).status).toBe(403);
    const [{ n }] = await mail.h.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(invitations)
      .where(eq(invitations.userId, m.id));
    expect(n).toBe(1);
  });
});
