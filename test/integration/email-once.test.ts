import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emails, outbox } from '../../src/db/schema';
import { JobRunner } from '../../src/jobs/runner';
import { createLogger } from '../../src/lib/logger';
import { newOrganization, uniqueEmail } from '../support/harness';
import { withMail } from '../support/smtp';

// A message reaches its reader once, even when the mail server is slow or the process dies mid-send.
const LEASE_MS = 600;
const mail = withMail({ JOB_LEASE_MS: String(LEASE_MS), JOB_RETRY_BASE_MS: '1' });

const worker = () =>
  new JobRunner(mail.h.ctx.db, [mail.h.ctx.jobs.deliverEmail], {
    pollMs: 1000,
    retryBaseMs: 1,
    leaseMs: LEASE_MS,
    logger: createLogger('silent'),
  });

async function invite(to: string) {
  const org = await newOrganization(mail.h);
  // The sign-up's own message goes first, so that the workers below see only the invitation.
  await mail.h.drainJobs();
  const res = await org.api.post('/api/v1/users', { name: 'Ivan', email: to, role: 'interviewer' });
  expect(res.status).toBe(201);
  const [email] = await mail.h.ctx.db.select().from(emails).where(eq(emails.to, to));
  return email;
}

describe('delivering an email', () => {
  it('keeps its claim while a slow mail server takes longer than the lease: a second worker does not send it again', async () => {
    const to = uniqueEmail('slow');
    await invite(to);
    mail.smtp.answerAfter(LEASE_MS * 3);
    try {
      const first = worker().runDue();
      // Well past the lease: without renewal, this worker would take the job over and send a second copy.
      await new Promise((r) => setTimeout(r, LEASE_MS * 2));
      expect(await worker().runDue()).toBe(0);
      expect(await first).toBe(1);
    } finally {
      mail.smtp.answerAfter(0);
    }
    expect(mail.inbox(to)).toHaveLength(1);
  });

  it('is not started a second time by the process still sending it when its lease lapses (a renewal held up)', async () => {
    const to = uniqueEmail('held');
    const email = await invite(to);
    const runner = new JobRunner(mail.h.ctx.db, [mail.h.ctx.jobs.deliverEmail], {
      pollMs: 10,
      retryBaseMs: 1,
      leaseMs: LEASE_MS,
      concurrency: 2,
      logger: createLogger('silent'),
    });
    mail.smtp.answerAfter(LEASE_MS * 2);
    try {
      runner.start();
      // While the first send waits on the server, the claim lapses as if its renewal were stuck behind other work;
      // the runner's free slot polls every 10 ms meanwhile.
      const until = Date.now() + LEASE_MS;
      while (Date.now() < until) {
        await mail.h.ctx.db
          .update(outbox)
          .set({ lockedUntil: new Date(Date.now() - 1000) })
          .where(eq(outbox.dedupeKey, `email:${email.id}`));
        await new Promise((r) => setTimeout(r, 5));
      }
      for (
        let i = 0;
        i < 100 &&
        (await mail.h.ctx.db.select().from(emails).where(eq(emails.id, email.id)))[0].status !== 'sent';
        i++
      ) {
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await runner.stop();
      mail.smtp.answerAfter(0);
    }
    expect(mail.inbox(to)).toHaveLength(1);
  });

  it('that the mail server accepted before a crash is finished on the next attempt, not sent again', async () => {
    const to = uniqueEmail('crash');
    const email = await invite(to);
    // What a crash right after the server's 250 leaves behind: the acceptance committed, the job still claimed.
    await mail.h.ctx.db.update(emails).set({ sentAt: new Date() }).where(eq(emails.id, email.id));
    await mail.h.ctx.db
      .update(outbox)
      .set({ status: 'running', lockedUntil: new Date(Date.now() - 1) })
      .where(eq(outbox.dedupeKey, `email:${email.id}`));
    expect(await worker().runDue()).toBe(1);
    expect(mail.inbox(to)).toHaveLength(0);
    const [after] = await mail.h.ctx.db.select().from(emails).where(eq(emails.id, email.id));
    expect(after.status).toBe('sent');
  });

  it('carries a Message-ID that stays the same across attempts, so receivers can drop a duplicate', async () => {
    const to = uniqueEmail('retry');
    const email = await invite(to);
    mail.smtp.refuseNext(1);
    await mail.h.drainJobs();
    await mail.h.drainJobs();
    const [msg] = mail.inbox(to);
    expect(msg.messageId).toBe(`<${email.id}@debrief.test>`);
    const [after] = await mail.h.ctx.db.select().from(emails).where(eq(emails.id, email.id));
    expect(after).toMatchObject({ status: 'sent', messageId: msg.messageId, attempts: 2 });
  });
});
