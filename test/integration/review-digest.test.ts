import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { scheduleReviewDigest, sendReviewDigests } from '../../src/app/feedback/send-review-digest';
import { feedback, feedbackRequests } from '../../src/db/schema';
import { newOrganization, tokenIn, uniqueEmail } from '../support/harness';
import { drainUntil, signedInMember } from '../support/hiring';
import { withMail } from '../support/smtp';

// The daily summary to the members who review feedback: drafts waiting over a day and candidates' requests near
// their deadline, each with its link; sent once a day, only when something is waiting, and never to those who
// turned it off.

const mail = withMail();
type Org = Awaited<ReturnType<typeof newOrganization>>;
const DAY = 86_400_000;
const digests = (to: string) => mail.inbox(to).filter((m) => /waiting|due soon/.test(m.subject));

const member = (org: Org, name: string, role: string) => signedInMember(mail, org, role, name);

/** A job whose candidates are each rejected, with a draft waiting; returns their applications and drafts. */
async function rejectedCandidates(org: Org, title: string, names: string[]) {
  const job = await org.api.post('/api/v1/jobs', { title, criteria: [{ name: 'SQL' }] });
  const out: { applicationId: string; feedbackId: string; email: string; name: string }[] = [];
  for (const name of names) {
    const email = uniqueEmail('candidate');
    const a = await org.api.post('/api/v1/applications', { jobId: job.body.id, candidate: { name, email } });
    const r = await org.api.post(`/api/v1/applications/${a.body.id}/rejection`, { reason: 'skills-gap' });
    expect(r.status).toBe(201);
    out.push({ applicationId: a.body.id, feedbackId: r.body.feedback.id, email, name });
  }
  return out;
}

const ageDraft = (feedbackId: string, days: number) =>
  mail.h.ctx.db
    .update(feedback)
    .set({ createdAt: sql`now() - make_interval(days => ${days})` })
    .where(sql`${feedback.id} = ${feedbackId}`);

describe('the daily summary to reviewers', () => {
  it('emails each reviewer the drafts waiting over a day and the requests due soon, with links, once a day', async () => {
    const org = await newOrganization(mail.h, 'Kinetix');
    const rita = await member(org, 'Rita Recruiter', 'recruiter');
    const ivan = await member(org, 'Ivan Interviewer', 'interviewer');
    const [old1, old2, fresh] = await rejectedCandidates(org, 'Data Analyst', [
      'Ana Old',
      'Ben Old',
      'Cy Fresh',
    ]);
    await ageDraft(old1.feedbackId, 3);
    await ageDraft(old2.feedbackId, 2);

    // Cy asks for feedback from the page the rejection notice links to; the answer is due tomorrow.
    expect((await org.api.post(`/api/v1/applications/${fresh.applicationId}/notice`)).status).toBe(202);
    await drainUntil(mail.h, () => mail.inbox(fresh.email).length > 0);
    const token = tokenIn(mail.inbox(fresh.email)[0]!.text, '/f');
    expect((await mail.h.anon.post(`/api/v1/portal/${token}/request`, {})).status).toBe(201);
    await mail.h.ctx.db
      .update(feedbackRequests)
      .set({ dueAt: sql`now() + interval '1 day'` })
      .where(sql`${feedbackRequests.applicationId} = ${fresh.applicationId}`);

    // Another organization with only a draft of today: nothing to say, nothing sent.
    const quiet = await newOrganization(mail.h, 'Quiet Co');
    await rejectedCandidates(quiet, 'Designer', ['Dee Today']);

    // Yesterday's run is due now, and it queues today's: both run, and each reviewer gets one summary.
    await scheduleReviewDigest(mail.h.ctx.db, mail.h.ctx.jobs.reviewDigest, new Date(Date.now() - DAY));
    await drainUntil(mail.h, () => digests(org.email).length > 0 && digests(rita.email).length > 0);
    for (let i = 0; i < 3; i++) await mail.h.drainJobs();

    const [toAda] = digests(org.email);
    expect(digests(org.email)).toHaveLength(1);
    expect(toAda.subject).toBe('Kinetix: 2 drafts waiting, 1 request due soon');
    expect(toAda.text).toContain('Hello Ada,');
    expect(toAda.text).toContain(
      `Ana Old, Data Analyst: waiting 3 days. http://debrief.test/feedback/${old1.feedbackId}`,
    );
    expect(toAda.text).toContain(
      `Ben Old, Data Analyst: waiting 2 days. http://debrief.test/feedback/${old2.feedbackId}`,
    );
    expect(toAda.text).not.toContain(fresh.feedbackId);
    expect(toAda.text).toMatch(
      new RegExp(
        `Cy Fresh, Data Analyst: due \\d{4}-\\d\\d-\\d\\d\\. http://debrief.test/applications/${fresh.applicationId}`,
      ),
    );
    expect(toAda.text).toContain('http://debrief.test/settings');
    expect(digests(rita.email)).toHaveLength(1);
    expect(digests(rita.email)[0]!.text).toContain('Hello Rita,');
    expect(digests(ivan.email)).toEqual([]);
    expect(digests(quiet.email)).toEqual([]);

    // Run again the same day: nobody gets a second one.
    expect(await sendReviewDigests(mail.h.ctx)).toEqual({ sent: 0 });

    // Rita turns the summary off; the next day only Ada gets one.
    expect((await rita.api.get('/api/v1/me/preferences')).body).toEqual({ reviewDigest: true });
    const off = await rita.api.put('/api/v1/me/preferences', { reviewDigest: false });
    expect(off.status).toBe(200);
    expect((await rita.api.get('/api/v1/me/preferences')).body).toEqual({ reviewDigest: false });
    expect((await rita.api.put('/api/v1/me/preferences', { reviewDigest: 'no' })).status).toBe(400);
    await sendReviewDigests(mail.h.ctx, new Date(Date.now() + DAY));
    await mail.h.drainJobs();
    expect(digests(org.email)).toHaveLength(2);
    expect(digests(rita.email)).toHaveLength(1);
  }, 120_000);
});
