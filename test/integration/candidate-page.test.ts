import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { portalLinks } from '../../src/db/schema';
import { addWorkingDays } from '../../src/domain/timing';
import { newOrganization } from '../support/harness';
import { drainUntil, jobWithApplication, scoreTwoRounds } from '../support/hiring';
import { withMail } from '../support/smtp';

const mail = withMail();
const inbox = mail.inbox;
const tokenIn = (text: string) => /\/f\/([A-Za-z0-9_-]+)/.exec(text)![1];

/** A candidate who received feedback: the org, the feedback id and the token from their email. */
async function sentFeedback() {
  const org = await newOrganization(mail.h, 'Kinetix');
  const { application, candidateEmail, criterion } = await jobWithApplication(org, 'Copywriter');
  await scoreTwoRounds(org, application.id, criterion);
  const r = await org.api.post(`/api/v1/applications/${application.id}/rejection`, { reason: 'skills-gap' });
  await org.api.post(`/api/v1/feedback/${r.body.feedback.id}/approve`, { send: 'now' });
  await drainUntil(mail.h, () => inbox(candidateEmail).length > 0);
  return {
    org,
    feedbackId: r.body.feedback.id as string,
    applicationId: application.id as string,
    candidateEmail,
    token: tokenIn(inbox(candidateEmail)[0].text),
    body: r.body.feedback.body as string,
  };
}

describe('the page behind the emailed link', () => {
  it('shows the feedback, the job, the company and when it was sent, and nothing else', async () => {
    const { token, body } = await sentFeedback();
    const page = await mail.h.anon.get(`/api/v1/portal/${token}`);
    expect(page.status).toBe(200);
    expect(Object.keys(page.body).sort()).toEqual([
      'canRequest',
      'feedback',
      'job',
      'organization',
      'request',
      'response',
    ]);
    expect(page.body).toMatchObject({
      organization: { name: 'Kinetix' },
      job: { title: 'Copywriter' },
      feedback: { body },
      canRequest: false,
      response: null,
    });
    expect(JSON.stringify(page.body)).not.toMatch(/@|Priya|Tomasz|scorecard/);
  });

  it('the candidate rates it and says thanks; the hiring team sees both on the feedback, its timeline and the dashboard', async () => {
    const { org, token, feedbackId, applicationId } = await sentFeedback();
    const rated = await mail.h.anon.post(`/api/v1/portal/${token}/response`, {
      useful: 4,
      comment: 'The pointer on written work was concrete.',
      thanks: true,
    });
    expect(rated.status).toBe(200);
    expect(rated.body.response).toMatchObject({ useful: 4, thanked: true });
    const seen = await org.api.get(`/api/v1/feedback/${feedbackId}`);
    expect(seen.body.feedback.candidateResponse).toMatchObject({
      useful: 4,
      thanked: true,
      comment: 'The pointer on written work was concrete.',
    });
    const audit = await org.api.get(`/api/v1/audit?applicationId=${applicationId}`);
    const actions = audit.body.events.map((e: { action: string }) => e.action);
    expect(actions.slice(-2)).toEqual(['candidate.rated', 'candidate.thanked']);
    expect(audit.body.events.at(-1).actor).toMatchObject({ type: 'candidate', name: 'Sam Rivera' });
    const stats = await org.api.get('/api/v1/stats');
    expect(stats.body).toMatchObject({ usefulAverage: 4, thanksReceived: 1, feedbackSent: 1 });
    // Thanks twice is still one thanks.
    await mail.h.anon.post(`/api/v1/portal/${token}/response`, { thanks: true });
    expect((await org.api.get('/api/v1/stats')).body.thanksReceived).toBe(1);
  });

  it('one follow-up question, checked with gentle suggestions; the team answers it once, by email', async () => {
    const { org, token, feedbackId, candidateEmail } = await sentFeedback();
    const asked = await mail.h.anon.post(`/api/v1/portal/${token}/response`, {
      question: "Why wasn't I selected? I think you made a mistake.",
    });
    expect(asked.status).toBe(200);
    const categories = asked.body.questionFindings.map((f: { category: string }) => f.category);
    expect(categories).toContain('defensive');
    // A one-line question is its own ask and needs no thanks paragraph: only its tone is judged.
    expect(categories.filter((c: string) => c.startsWith('missing'))).toEqual([]);
    const again = await mail.h.anon.post(`/api/v1/portal/${token}/response`, { question: 'One more thing?' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('question-asked');

    const risky = await org.api.post(`/api/v1/feedback/${feedbackId}/answer`, {
      answer: 'Honestly, you seemed too old for the team.',
    });
    expect(risky.status).toBe(409);
    expect(risky.body.error.code).toBe('blocking-findings');
    const answered = await org.api.post(`/api/v1/feedback/${feedbackId}/answer`, {
      answer:
        'The decision rested on the written exercise: two of the five API examples had errors in field names.',
    });
    expect(answered.status).toBe(200);
    expect(answered.body.response.answer).toContain('written exercise');
    expect((await org.api.post(`/api/v1/feedback/${feedbackId}/answer`, { answer: 'Again' })).status).toBe(
      409,
    );
    await drainUntil(mail.h, () => inbox(candidateEmail).length > 1);
    const answerMail = inbox(candidateEmail)[1];
    expect(answerMail.subject).toContain('An answer to your question');
    expect(answerMail.text).toContain('two of the five API examples');
    // A letter, not a bare answer: a greeting and the person who wrote it, who also gets any reply.
    expect(answerMail.text).toMatch(/^Dear Sam,/);
    expect(answerMail.text).toMatch(/Kind regards,\r?\n.+, for the Kinetix hiring team/);
    expect(answerMail.fromHeader).toMatch(/Kinetix hiring team via Debrief/);
    expect(answerMail.replyTo).toContain(org.email);
    const page = await mail.h.anon.get(`/api/v1/portal/${token}`);
    expect(page.body.response).toMatchObject({
      question: expect.stringContaining('selected'),
      answer: expect.stringContaining('written exercise'),
    });
  });

  it('opts in to hearing about future roles', async () => {
    const { org, token } = await sentFeedback();
    await mail.h.anon.post(`/api/v1/portal/${token}/response`, { futureRoles: true });
    expect((await org.api.get('/api/v1/stats')).body.futureRolesOptIns).toBe(1);
  });

  it('an empty response is 400; a forged link is 404; an expired link is 410 and can send a fresh one to the address on file', async () => {
    const { token, applicationId, candidateEmail } = await sentFeedback();
    const empty = await mail.h.anon.post(`/api/v1/portal/${token}/response`, {});
    expect(empty.status).toBe(400);
    expect((await mail.h.anon.get('/api/v1/portal/not-a-real-token-at-all')).status).toBe(404);
    expect((await mail.h.anon.post('/api/v1/portal/not-a-real-token-at-all/renew')).status).toBe(404);

    await mail.h.ctx.db
      .update(portalLinks)
      .set({ expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - 3600_000) })
      .where(eq(portalLinks.applicationId, applicationId));
    const expired = await mail.h.anon.get(`/api/v1/portal/${token}`);
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('link-expired');
    // Expired, the link still says which page it was.
    expect(expired.body.error.message).toContain('the Copywriter role at Kinetix');
    expect((await mail.h.anon.post(`/api/v1/portal/${token}/response`, { thanks: true })).status).toBe(410);

    const renewed = await mail.h.anon.post(`/api/v1/portal/${token}/renew`);
    expect(renewed.status).toBe(202);
    await drainUntil(mail.h, () => inbox(candidateEmail).length > 1);
    const fresh = tokenIn(inbox(candidateEmail)[1].text);
    expect(fresh).not.toBe(token);
    expect((await mail.h.anon.get(`/api/v1/portal/${fresh}`)).status).toBe(200);
    // Asking again at once sends nothing more.
    await mail.h.anon.post(`/api/v1/portal/${token}/renew`);
    await mail.h.drainJobs();
    expect(inbox(candidateEmail)).toHaveLength(2);
  });
});

describe('rejected without feedback', () => {
  it('the notice links to a page where the candidate asks for feedback; it waits in the queue with a five-working-day deadline until sent', async () => {
    const org = await newOrganization(mail.h);
    const { application, candidateEmail } = await jobWithApplication(org, 'Analyst');
    const r = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'skills-gap',
    });
    const detail = () => org.api.get(`/api/v1/applications/${application.id}`);
    expect((await detail()).body).toMatchObject({ noticeSentAt: null, request: null });
    expect((await org.api.post(`/api/v1/applications/${application.id}/notice`)).status).toBe(202);
    expect((await org.api.post(`/api/v1/applications/${application.id}/notice`)).status).toBe(409);
    // The team's page knows a notice went out, so it no longer offers one.
    expect(Date.parse((await detail()).body.noticeSentAt)).toBeGreaterThan(Date.now() - 60_000);
    await drainUntil(mail.h, () => inbox(candidateEmail).length > 0);
    const notice = inbox(candidateEmail)[0];
    expect(notice.subject).toBe('Your application for Analyst at Acme Hiring');
    const token = tokenIn(notice.text);

    const page = await mail.h.anon.get(`/api/v1/portal/${token}`);
    expect(page.body).toMatchObject({ feedback: null, canRequest: true, request: null });
    const before = Date.now();
    const asked = await mail.h.anon.post(`/api/v1/portal/${token}/request`, {
      message: 'I would value one or two pointers.',
    });
    expect(asked.status).toBe(201);
    const due = new Date(asked.body.request.dueAt).getTime();
    expect(Math.abs(due - addWorkingDays(new Date(before), 5).getTime())).toBeLessThan(60_000);
    expect((await mail.h.anon.post(`/api/v1/portal/${token}/request`, {})).status).toBe(409);
    // The application shows the request and the day its answer is due.
    expect((await detail()).body.request).toMatchObject({ status: 'open', dueAt: asked.body.request.dueAt });

    const queue = await org.api.get('/api/v1/feedback-requests');
    expect(queue.body.items).toHaveLength(1);
    expect(queue.body.items[0]).toMatchObject({
      applicationId: application.id,
      feedbackId: r.body.feedback.id,
      message: 'I would value one or two pointers.',
      overdue: false,
      status: 'open',
      job: { title: 'Analyst' },
    });
    expect((await org.api.get('/api/v1/stats')).body.requestsOpen).toBe(1);

    await org.api.post(`/api/v1/feedback/${r.body.feedback.id}/approve`, { send: 'now' });
    await drainUntil(mail.h, () => inbox(candidateEmail).length > 1);
    expect((await org.api.get('/api/v1/feedback-requests')).body.items).toEqual([]);
    expect((await org.api.get('/api/v1/feedback-requests?status=fulfilled')).body.items).toHaveLength(1);
    expect((await detail()).body.request.status).toBe('fulfilled');
    const after = await mail.h.anon.get(`/api/v1/portal/${token}`);
    expect(after.body.feedback.body).toBe(r.body.feedback.body);
    expect(after.body.canRequest).toBe(false);
  });
});

describe('writes through the link', () => {
  it('a hundred ratings through one link change one record, add an event only on a change, stop at the hourly limit, and the timeline comes in pages', async () => {
    const { org, token, feedbackId, applicationId } = await sentFeedback();
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      const r = await mail.h.anon.post(`/api/v1/portal/${token}/response`, {
        useful: i < 5 ? 4 : (i % 2) + 4,
      });
      statuses.push(r.status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(80);
    const seen = await org.api.get(`/api/v1/feedback/${feedbackId}`);
    expect(seen.body.feedback.candidateResponse).toMatchObject({ useful: 5 });

    const rated = async () => {
      const events: { action: string }[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const q: string = `/api/v1/audit?applicationId=${applicationId}&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await org.api.get(q);
        expect(res.status).toBe(200);
        expect(res.body.events.length).toBeLessThanOrEqual(5);
        events.push(...res.body.events);
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor);
      return { events, pages };
    };
    const { events, pages } = await rated();
    // Five identical ratings are one change; the next fifteen each change it.
    expect(events.filter((e) => e.action === 'candidate.rated')).toHaveLength(16);
    expect(pages).toBeGreaterThan(4);
    const all = (await org.api.get(`/api/v1/audit?applicationId=${applicationId}&limit=500`)).body.events;
    expect(events).toEqual(all);
    expect((await org.api.get(`/api/v1/audit?applicationId=${applicationId}&cursor=abc`)).status).toBe(400);
  });
});
