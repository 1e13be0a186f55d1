import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emails, outbox } from '../../src/db/schema';
import { JobRunner } from '../../src/jobs/runner';
import { createLogger } from '../../src/lib/logger';
import { newOrganization, uniqueEmail } from '../support/harness';
import { jobWithApplication } from '../support/hiring';
import { withMail } from '../support/smtp';

// What the hiring team sees of an email's delivery, and what they can do when it fails. A retry waits a minute here,
// so that a test sees the email between attempts; a test that wants the retry makes it due.
const mail = withMail({ JOB_RETRY_BASE_MS: '60000', JOB_MAX_ATTEMPTS: '5' });

type Org = Awaited<ReturnType<typeof newOrganization>>;

/** A rejected application with its draft feedback; the sign-up's and earlier tests' messages are out of the way. */
async function draftFor(org: Org) {
  const { application, candidateEmail } = await jobWithApplication(org);
  const rejected = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
    reason: 'skills-gap',
  });
  expect(rejected.status).toBe(201);
  await mail.h.drainJobs();
  return {
    applicationId: application.id as string,
    feedbackId: rejected.body.feedback.id as string,
    candidateEmail,
  };
}

async function feedbackOf(org: Org, id: string) {
  const res = await org.api.get(`/api/v1/feedback/${id}`);
  expect(res.status).toBe(200);
  return res.body.feedback;
}

/** Makes a waiting retry due now, as if its backoff had passed. */
async function retryNow(emailId: string) {
  await mail.h.ctx.db
    .update(outbox)
    .set({ runAt: new Date() })
    .where(eq(outbox.dedupeKey, `email:${emailId}`));
}

async function auditActions(org: Org, applicationId: string) {
  const res = await org.api.get(`/api/v1/audit?applicationId=${applicationId}&limit=100`);
  return res.body.events as { action: string; data: Record<string, unknown> }[];
}

describe('the delivery of a feedback email', () => {
  it('a mailbox the server refuses for good (550) fails at once, with its answer in the API, and is not retried', async () => {
    const org = await newOrganization(mail.h);
    const { feedbackId, candidateEmail, applicationId } = await draftFor(org);
    mail.smtp.refuseAddress(candidateEmail, 550, '5.1.1 mailbox unavailable');

    const approved = await org.api.post(`/api/v1/feedback/${feedbackId}/approve`, { send: 'now' });
    expect(approved.status).toBe(200);
    expect(approved.body.feedback.delivery).toMatchObject({
      status: 'queued',
      to: candidateEmail,
      attempts: 0,
    });
    await mail.h.drainJobs();

    const fb = await feedbackOf(org, feedbackId);
    expect(fb.status).toBe('failed');
    expect(fb.delivery).toMatchObject({
      status: 'failed',
      to: candidateEmail,
      attempts: 1,
      lastCode: 550,
      lastAnswer: expect.stringContaining('550 5.1.1 mailbox unavailable'),
      sentAt: null,
    });
    expect(fb.delivery.lastAttemptAt).toEqual(expect.any(String));
    // No retry is waiting: the job is finished, failed, after its one attempt.
    const [job] = await mail.h.ctx.db
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, `email:${await emailIdOf(feedbackId)}`));
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
    expect(mail.inbox(candidateEmail)).toHaveLength(0);
    const failed = (await auditActions(org, applicationId)).find((e) => e.action === 'feedback.failed');
    expect(failed?.data.error).toContain('550 5.1.1 mailbox unavailable');
  });

  it('a temporary refusal (451) shows as retrying with its answer, then the retry is sent once', async () => {
    const org = await newOrganization(mail.h);
    const { feedbackId, candidateEmail } = await draftFor(org);
    mail.smtp.refuseNext(1);
    await org.api.post(`/api/v1/feedback/${feedbackId}/approve`, { send: 'now' });
    await mail.h.drainJobs();

    const waiting = await feedbackOf(org, feedbackId);
    expect(waiting.status).toBe('approved');
    expect(waiting.delivery).toMatchObject({
      status: 'retrying',
      attempts: 1,
      lastCode: 451,
      lastAnswer: expect.stringMatching(/^451 .*temporarily unavailable/i),
    });
    expect(mail.inbox(candidateEmail)).toHaveLength(0);

    await retryNow(await emailIdOf(feedbackId));
    await mail.h.drainJobs();
    await mail.h.drainJobs();
    const sent = await feedbackOf(org, feedbackId);
    expect(sent.status).toBe('sent');
    expect(sent.delivery).toMatchObject({ status: 'sent', attempts: 2, lastCode: null, lastAnswer: null });
    expect(sent.delivery.sentAt).toEqual(expect.any(String));
    expect(mail.inbox(candidateEmail)).toHaveLength(1);
  });
});

describe('sending a failed feedback again', () => {
  it('to a corrected address: the address change is audited, two clicks at once send one email, once', async () => {
    const org = await newOrganization(mail.h);
    const { feedbackId, candidateEmail, applicationId } = await draftFor(org);
    mail.smtp.refuseAddress(candidateEmail);
    await org.api.post(`/api/v1/feedback/${feedbackId}/approve`, { send: 'now' });
    await mail.h.drainJobs();
    expect((await feedbackOf(org, feedbackId)).status).toBe('failed');

    const corrected = uniqueEmail('corrected');
    const [a, b] = await Promise.all([
      org.api.post(`/api/v1/feedback/${feedbackId}/resend`, { to: corrected }),
      org.api.post(`/api/v1/feedback/${feedbackId}/resend`, { to: corrected }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const ok = a.status === 200 ? a : b;
    expect(ok.body.feedback).toMatchObject({
      status: 'approved',
      delivery: { status: 'queued', to: corrected, attempts: 0 },
    });
    expect((a.status === 409 ? a : b).body.error.code).toBe('not-failed');

    await mail.h.drainJobs();
    await mail.h.drainJobs();
    const fb = await feedbackOf(org, feedbackId);
    expect(fb.status).toBe('sent');
    expect(fb.delivery).toMatchObject({ status: 'sent', to: corrected });
    expect(mail.inbox(corrected)).toHaveLength(1);
    expect(mail.inbox(corrected)[0].text).toContain(fb.body.split('\n')[0]);
    expect(mail.inbox(candidateEmail)).toHaveLength(0);

    // The candidate's address is the corrected one now, and the trail says who changed it and why.
    const app = await org.api.get(`/api/v1/applications/${applicationId}`);
    expect(app.body.candidate.email).toBe(corrected);
    const events = await auditActions(org, applicationId);
    const change = events.find((e) => e.action === 'candidate.email-corrected');
    expect(change?.data).toMatchObject({ from: candidateEmail, to: corrected });
    expect(change?.data.error).toContain('550');
    expect(events.filter((e) => e.action === 'feedback.resent')).toHaveLength(1);
    expect(events.filter((e) => e.action === 'feedback.sent')).toHaveLength(1);

    // Sent: nothing more to send again.
    const again = await org.api.post(`/api/v1/feedback/${feedbackId}/resend`, {});
    expect(again.status).toBe(409);
  });

  it('to the same address once its mailbox works; an address another candidate has is refused', async () => {
    const org = await newOrganization(mail.h);
    const other = await jobWithApplication(org, 'Data Engineer');
    const { feedbackId, candidateEmail } = await draftFor(org);
    mail.smtp.refuseAddress(candidateEmail, 553, '5.1.3 mailbox name not allowed');
    await org.api.post(`/api/v1/feedback/${feedbackId}/approve`, { send: 'now' });
    await mail.h.drainJobs();
    expect((await feedbackOf(org, feedbackId)).delivery).toMatchObject({ status: 'failed', lastCode: 553 });

    const taken = await org.api.post(`/api/v1/feedback/${feedbackId}/resend`, { to: other.candidateEmail });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('email-taken');
    const bad = await org.api.post(`/api/v1/feedback/${feedbackId}/resend`, { to: 'not an address' });
    expect(bad.status).toBe(400);
    expect((await feedbackOf(org, feedbackId)).status).toBe('failed');

    mail.smtp.acceptAddress(candidateEmail);
    const resent = await org.api.post(`/api/v1/feedback/${feedbackId}/resend`, {});
    expect(resent.status).toBe(200);
    await mail.h.drainJobs();
    await mail.h.drainJobs();
    expect(mail.inbox(candidateEmail)).toHaveLength(1);
    expect((await feedbackOf(org, feedbackId)).status).toBe('sent');
  });

  it('is 404 for another organization, and leaves the feedback as it was', async () => {
    const org = await newOrganization(mail.h);
    const { feedbackId, candidateEmail } = await draftFor(org);
    mail.smtp.refuseAddress(candidateEmail);
    await org.api.post(`/api/v1/feedback/${feedbackId}/approve`, { send: 'now' });
    await mail.h.drainJobs();

    const stranger = await newOrganization(mail.h, 'Elsewhere Ltd');
    const res = await stranger.api.post(`/api/v1/feedback/${feedbackId}/resend`, { to: uniqueEmail('x') });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not-found');
    const fb = await feedbackOf(org, feedbackId);
    expect(fb).toMatchObject({ status: 'failed', delivery: { status: 'failed', to: candidateEmail } });
  });

  it('a draft only needs approving; a failed feedback can be edited, which makes it a draft to approve again', async () => {
    const org = await newOrganization(mail.h);
    const { feedbackId, candidateEmail } = await draftFor(org);
    const early = await org.api.post(`/api/v1/feedback/${feedbackId}/resend`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('not-failed');

    mail.smtp.refuseAddress(candidateEmail);
    await org.api.post(`/api/v1/feedback/${feedbackId}/approve`, { send: 'now' });
    await mail.h.drainJobs();
    const failed = await feedbackOf(org, feedbackId);
    expect(failed.status).toBe('failed');

    const body = `${failed.body}\n\nWe wish you the best with your search.`;
    const edited = await org.api.put(`/api/v1/feedback/${feedbackId}`, { body });
    expect(edited.status).toBe(200);
    expect(edited.body.feedback).toMatchObject({ status: 'draft', body, approvedAt: null, delivery: null });

    mail.smtp.acceptAddress(candidateEmail);
    const approved = await org.api.post(`/api/v1/feedback/${feedbackId}/approve`, { send: 'now' });
    expect(approved.status).toBe(200);
    await mail.h.drainJobs();
    await mail.h.drainJobs();
    expect(mail.inbox(candidateEmail)).toHaveLength(1);
    expect(mail.inbox(candidateEmail)[0].text).toContain('We wish you the best with your search.');
  });
});

describe('several emails at once', () => {
  it('a mail server that hangs on one message does not hold up the others; stopping waits for the one in flight', async () => {
    const org = await newOrganization(mail.h);
    await mail.h.drainJobs();
    const slow = uniqueEmail('slow');
    const quick = [uniqueEmail('quick'), uniqueEmail('quick'), uniqueEmail('quick')];
    const release = mail.smtp.hold(slow);
    const runner = new JobRunner(mail.h.ctx.db, [mail.h.ctx.jobs.deliverEmail], {
      pollMs: 50,
      retryBaseMs: 60_000,
      concurrency: 4,
      logger: createLogger('silent'),
    });
    let stopped: Promise<void> | undefined;
    try {
      // The slow address's invitation is first in the queue.
      for (const email of [slow, ...quick]) {
        const res = await org.api.post('/api/v1/users', { name: 'Ivan', email, role: 'interviewer' });
        expect(res.status).toBe(201);
      }
      runner.start();
      await expect.poll(() => quick.every((q) => mail.inbox(q).length === 1), { timeout: 15_000 }).toBe(true);
      // The others are delivered while the first still waits for its answer.
      expect(mail.inbox(slow)).toHaveLength(0);
      const [waiting] = await mail.h.ctx.db.select().from(emails).where(eq(emails.to, slow));
      expect(waiting).toMatchObject({ status: 'queued', sentAt: null });

      // A shutdown finishes the send in flight rather than abandoning it.
      let done = false;
      stopped = runner.stop().then(() => {
        done = true;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(done).toBe(false);
    } finally {
      release();
      await (stopped ?? runner.stop());
    }
    expect(mail.inbox(slow)).toHaveLength(1);
    const [sent] = await mail.h.ctx.db.select().from(emails).where(eq(emails.to, slow));
    expect(sent.status).toBe('sent');
    for (const q of quick) expect(mail.inbox(q)).toHaveLength(1);
  });
});

async function emailIdOf(feedbackId: string): Promise<string> {
  const [row] = await mail.h.ctx.db
    .select({ id: emails.id })
    .from(emails)
    .where(eq(emails.subjectId, feedbackId))
    .orderBy(sql`${emails.createdAt} desc`)
    .limit(1);
  return row.id;
}
