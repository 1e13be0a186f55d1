import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emails, invitations, outbox } from '../../src/db/schema';
import { linkIn, newOrganization, PASSWORD, uniqueEmail } from '../support/harness';
import { drainUntil } from '../support/hiring';
import { withMail } from '../support/smtp';

const mail = withMail({ JOB_MAX_ATTEMPTS: '4', JOB_RETRY_BASE_MS: '100' });
const messagesTo = mail.inbox;

describe('inviting a member', () => {
  it('delivers a real email over SMTP whose link lets the member choose a password and sign in', async () => {
    const org = await newOrganization(mail.h, 'Kinetix');
    const email = uniqueEmail('ivan');
    const res = await org.api.post('/api/v1/users', { name: 'Ivan Interviewer', email, role: 'interviewer' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email, role: 'interviewer', status: 'invited' });

    await mail.h.drainJobs();
    const [msg] = messagesTo(email);
    expect(msg.subject).toBe('Ada Admin invited you to Kinetix on Debrief');
    const { link, token } = linkIn(msg.text);
    expect(link.startsWith('http://debrief.test/invitations/')).toBe(true);

    const accepted = await mail.h.anon.post('/api/v1/invitations/accept', { token, password: PASSWORD });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ email, status: 'active' });
    const signIn = await mail.h.anon.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(signIn.status).toBe(200);

    // The link works once.
    const again = await mail.h.anon.post('/api/v1/invitations/accept', { token, password: PASSWORD });
    expect(again.status).toBe(404);
    // Only the hash of the link's token is stored.
    const stored = await mail.h.ctx.db
      .select()
      .from(invitations)
      .where(sql`${invitations.tokenHash} = ${token}`);
    expect(stored).toHaveLength(0);
  });

  it('an expired link answers 410 and changes nothing', async () => {
    const org = await newOrganization(mail.h);
    const email = uniqueEmail();
    const res = await org.api.post('/api/v1/users', { name: 'Late', email, role: 'recruiter' });
    await mail.h.drainJobs();
    const { token } = linkIn(messagesTo(email)[0].text);
    await mail.h.ctx.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.userId, res.body.id));
    const accepted = await mail.h.anon.post('/api/v1/invitations/accept', { token, password: PASSWORD });
    expect(accepted.status).toBe(410);
    expect(accepted.body.error.code).toBe('invitation-expired');
    expect((await mail.h.anon.post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(401);
  });

  it("inviting one of the organization's own members is a 409 that writes nothing: no user, no email, no job", async () => {
    const org = await newOrganization(mail.h);
    const before = await mail.h.ctx.db.select({ n: sql<number>`count(*)::int` }).from(outbox);
    const beforeEmails = await mail.h.ctx.db.select({ n: sql<number>`count(*)::int` }).from(emails);
    const res = await org.api.post('/api/v1/users', {
      name: 'Dup',
      email: org.email.toUpperCase(),
      role: 'recruiter',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('already-member');
    const after = await mail.h.ctx.db.select({ n: sql<number>`count(*)::int` }).from(outbox);
    const afterEmails = await mail.h.ctx.db.select({ n: sql<number>`count(*)::int` }).from(emails);
    expect(after[0].n).toBe(before[0].n);
    expect(afterEmails[0].n).toBe(beforeEmails[0].n);
  });

  it('inviting an address that has an account in another organization answers as for any address; only its owner learns, on opening the link', async () => {
    const elsewhere = await newOrganization(mail.h, 'Elsewhere Ltd');
    const org = await newOrganization(mail.h, 'Kinetix');
    const fresh = await org.api.post('/api/v1/users', {
      name: 'New',
      email: uniqueEmail('new'),
      role: 'recruiter',
    });
    const taken = await org.api.post('/api/v1/users', {
      name: 'Taken',
      email: elsewhere.email,
      role: 'recruiter',
    });
    expect(taken.status).toBe(fresh.status);
    expect(Object.keys(taken.body).sort()).toEqual(Object.keys(fresh.body).sort());
    expect(taken.body.status).toBe('invited');

    const invitation = () => messagesTo(elsewhere.email).find((m) => m.text.includes('/invitations/'));
    await drainUntil(mail.h, () => invitation() !== undefined);
    const { token } = linkIn(invitation()!.text);
    const accepted = await mail.h.anon.post('/api/v1/invitations/accept', {
      token,
      password: 'another passphrase',
    });
    expect(accepted.status).toBe(409);
    expect(accepted.body.error.code).toBe('email-taken');
    // The owner's account is untouched: same organization, same password.
    const signIn = await mail.h.anon.post('/api/v1/auth/login', {
      email: elsewhere.email,
      password: PASSWORD,
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body.organization.name).toBe('Elsewhere Ltd');
  });

  it('an admin changes a role, but an organization keeps at least one admin', async () => {
    const org = await newOrganization(mail.h);
    const member = await org.api.post('/api/v1/users', {
      name: 'Rita',
      email: uniqueEmail(),
      role: 'interviewer',
    });
    const changed = await org.api.patch(`/api/v1/users/${member.body.id}`, { role: 'hiring-manager' });
    expect(changed.status).toBe(200);
    expect(changed.body.role).toBe('hiring-manager');
    const demoteSelf = await org.api.patch(`/api/v1/users/${org.user.id}`, { role: 'recruiter' });
    expect(demoteSelf.status).toBe(409);
    expect(demoteSelf.body.error.code).toBe('last-admin');
    const list = await org.api.get('/api/v1/users');
    expect(list.body.items).toHaveLength(2);
  });
});

describe('delivery through the job runner', () => {
  it('retries with backoff while SMTP refuses, then delivers exactly once', async () => {
    const org = await newOrganization(mail.h);
    const email = uniqueEmail('retry');
    await mail.h.drainJobs(); // earlier tests' messages are out of the way
    mail.smtp.refuseNext(2);
    await org.api.post('/api/v1/users', { name: 'Patient', email, role: 'interviewer' });

    // Attempt 1 is refused; the job goes back to the queue with a later run_at.
    await mail.h.drainJobs();
    const [row1] = await mail.h.ctx.db.select().from(emails).where(eq(emails.to, email));
    expect(row1.status).toBe('retrying');
    expect(row1.lastError).toMatch(/451|unavailable/i);
    const [job1] = await mail.h.ctx.db
      .select()
      .from(outbox)
      .where(sql`${outbox.payload}->>'emailId' = ${row1.id}`);
    expect(job1.status).toBe('queued');
    expect(job1.runAt.getTime() - job1.createdAt.getTime()).toBeGreaterThanOrEqual(100);

    for (let i = 0; i < 100 && messagesTo(email).length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      await mail.h.drainJobs();
    }
    // Run the queue again: nothing is sent twice.
    await mail.h.drainJobs();
    await mail.h.drainJobs();
    expect(messagesTo(email)).toHaveLength(1);
    const [row] = await mail.h.ctx.db.select().from(emails).where(eq(emails.to, email));
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(3);
    expect(messagesTo(email)[0].messageId).toBe(row.messageId);
  });

  it('gives up after the last attempt and marks the email failed', async () => {
    const org = await newOrganization(mail.h);
    const email = uniqueEmail('never');
    await mail.h.drainJobs();
    mail.smtp.refuseNext(100);
    await org.api.post('/api/v1/users', { name: 'Unlucky', email, role: 'interviewer' });
    for (let i = 0; i < 150; i++) {
      const [current] = await mail.h.ctx.db.select().from(emails).where(eq(emails.to, email));
      if (current?.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 20));
      await mail.h.drainJobs();
    }
    mail.smtp.refuseNext(0);
    const [row] = await mail.h.ctx.db.select().from(emails).where(eq(emails.to, email));
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(4);
    const [job] = await mail.h.ctx.db
      .select()
      .from(outbox)
      .where(sql`${outbox.payload}->>'emailId' = ${row.id}`);
    expect(job.status).toBe('failed');
    expect(messagesTo(email)).toHaveLength(0);
  });

  it('two runners working the same queue at once deliver each message once', async () => {
    const org = await newOrganization(mail.h);
    const addresses = Array.from({ length: 6 }, () => uniqueEmail('batch'));
    for (const email of addresses)
      await org.api.post('/api/v1/users', { name: 'Batch', email, role: 'interviewer' });
    const { JobRunner } = await import('../../src/jobs/runner');
    const { createLogger } = await import('../../src/lib/logger');
    const second = new JobRunner(mail.h.ctx.db, [mail.h.ctx.jobs.deliverEmail], {
      pollMs: 1000,
      retryBaseMs: 1,
      logger: createLogger('silent'),
    });
    await Promise.all([mail.h.drainJobs(), second.runDue()]);
    for (const email of addresses) expect(messagesTo(email)).toHaveLength(1);
  });
});
