import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { portalLinks } from '../../src/db/schema';
import { newOrganization, PASSWORD } from '../support/harness';
import { drainUntil, jobWithApplication, scoreTwoRounds } from '../support/hiring';
import { withMail } from '../support/smtp';

const mail = withMail();
const inbox = mail.inbox;

/** A candidate who received feedback: the token of their page and the address it was sent to. */
async function sentFeedback(name = 'Kinetix') {
  const org = await newOrganization(mail.h, name);
  const { application, candidateEmail, criterion } = await jobWithApplication(org, 'Copywriter');
  await scoreTwoRounds(org, application.id, criterion);
  const r = await org.api.post(`/api/v1/applications/${application.id}/rejection`, { reason: 'skills-gap' });
  await org.api.post(`/api/v1/feedback/${r.body.feedback.id}/approve`, { send: 'now' });
  await drainUntil(mail.h, () => inbox(candidateEmail).length > 0);
  const token = /\/f\/([A-Za-z0-9_-]+)/.exec(inbox(candidateEmail)[0].text)![1];
  return { org, application, candidateEmail, token, feedbackId: r.body.feedback.id as string };
}

describe('keep this feedback', () => {
  it('fills in the sign-up from the page, the address masked', async () => {
    const { token, candidateEmail } = await sentFeedback();
    const form = await mail.h.anon.get(`/api/v1/portal/${token}/sign-up`);
    expect(form.status).toBe(200);
    expect(form.body).toEqual({
      email: `c***@${candidateEmail.split('@')[1]}`,
      name: 'Sam Rivera',
      organization: 'Kinetix',
      job: 'Copywriter',
    });
    expect(JSON.stringify(form.body)).not.toContain(candidateEmail.split('@')[0]);
  });

  it('signs up with the address on file: once its emailed link is opened, the feedback is in the workspace', async () => {
    const { token, candidateEmail, feedbackId } = await sentFeedback();
    const before = inbox(candidateEmail).length;
    const asked = await mail.h.anon.post(`/api/v1/portal/${token}/sign-up`, {
      name: 'Sam Rivera',
      password: PASSWORD,
    });
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({
      status: 'confirmation-sent',
      email: `c***@${candidateEmail.split('@')[1]}`,
    });
    // Nothing exists before the link is opened.
    const early = await mail.h.anon.post('/api/v1/candidate/login', {
      email: candidateEmail,
      password: PASSWORD,
    });
    expect(early.status).toBe(401);

    await drainUntil(mail.h, () => inbox(candidateEmail).length > before);
    const message = inbox(candidateEmail)[before];
    expect(message.subject).toBe('Confirm your email to keep your feedback from Kinetix');
    expect(message.text).toContain('Copywriter role from Kinetix');
    const link = /\/me\/keep\/([A-Za-z0-9_-]+)/.exec(message.text)![1];
    const confirmed = await mail.h.anon.post('/api/v1/candidate/signup/confirm', { token: link });
    expect(confirmed.status).toBe(200);
    const me = mail.h.as({ token: confirmed.body.token });
    expect((await me.get('/api/v1/candidate/me')).body).toMatchObject({
      email: candidateEmail,
      name: 'Sam Rivera',
      verified: true,
    });
    const kept = await me.get('/api/v1/candidate/feedback');
    expect(kept.status).toBe(200);
    expect(kept.body.items).toHaveLength(1);
    expect(kept.body.items[0]).toMatchObject({ id: feedbackId, organization: 'Kinetix', job: 'Copywriter' });
    // It is tracked as an application of the workspace, rejected, from Debrief.
    const tracked = await me.get(`/api/v1/candidate/applications/${kept.body.items[0].applicationId}`);
    expect(tracked.body).toMatchObject({ company: 'Kinetix', role: 'Copywriter', status: 'rejected' });
  });

  it('a bad body is 400, an unknown link 404, an expired one 410; a page without feedback has none to keep', async () => {
    const { token, application } = await sentFeedback('Strict Co');
    expect((await mail.h.anon.post(`/api/v1/portal/${token}/sign-up`, { name: 'Sam' })).status).toBe(400);
    const short = await mail.h.anon.post(`/api/v1/portal/${token}/sign-up`, {
      name: 'Sam',
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toContain('password');
    const unknown = await mail.h.anon.get('/api/v1/portal/not-a-real-link-at-all/sign-up');
    expect(unknown.status).toBe(404);
    expect(
      (
        await mail.h.anon.post('/api/v1/portal/not-a-real-link-at-all/sign-up', {
          name: 'S',
          password: PASSWORD,
        })
      ).status,
    ).toBe(404);

    await mail.h.ctx.db
      .update(portalLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(portalLinks.applicationId, application.id));
    expect((await mail.h.anon.get(`/api/v1/portal/${token}/sign-up`)).status).toBe(410);

    // A page reached before any feedback was sent: the rejection notice's.
    const org = await newOrganization(mail.h, 'Quiet Co');
    const quiet = await jobWithApplication(org, 'Analyst');
    await org.api.post(`/api/v1/applications/${quiet.application.id}/rejection`, { reason: 'skills-gap' });
    expect((await org.api.post(`/api/v1/applications/${quiet.application.id}/notice`)).status).toBe(202);
    await drainUntil(mail.h, () => inbox(quiet.candidateEmail).length > 0);
    const noticeToken = /\/f\/([A-Za-z0-9_-]+)/.exec(inbox(quiet.candidateEmail)[0]!.text)![1];
    const none = await mail.h.anon.get(`/api/v1/portal/${noticeToken}/sign-up`);
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('no-feedback');
  });

  it('a page sends a few sign-up links an hour at most', async () => {
    const { token } = await sentFeedback('Limits Co');
    for (let i = 0; i < 5; i++) {
      const r = await mail.h.anon.post(`/api/v1/portal/${token}/sign-up`, {
        name: 'Sam',
        password: PASSWORD,
      });
      expect(r.status).toBe(202);
    }
    const over = await mail.h.anon.post(`/api/v1/portal/${token}/sign-up`, {
      name: 'Sam',
      password: PASSWORD,
    });
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('too-many-requests');
  });
});
