import { describe, expect, it } from 'vitest';
import { newOrganization } from '../support/harness';
import { drainUntil, inviteMember, jobWithApplication, scoreTwoRounds } from '../support/hiring';
import { withMail } from '../support/smtp';

const mail = withMail({ JOB_RETRY_BASE_MS: '50' });
const inbox = mail.inbox;

const voice = {
  greeting: 'Hi',
  intro: 'Every candidate who interviews with us gets written feedback from the people who met them.',
  closing: 'If anything in this letter is unclear, reply to this email and we will answer.',
  signOff: 'Best wishes',
  signer: { kind: 'named', name: 'Priya Shah', title: 'Head of Talent' },
  replyTo: 'talent@kinetix.example',
};

/** A final-round application rejected for a skills gap, with its draft. */
async function rejected(org: Awaited<ReturnType<typeof newOrganization>>) {
  const { application, candidateEmail, criterion } = await jobWithApplication(org, 'Data Analyst');
  await scoreTwoRounds(org, application.id, criterion);
  const r = await org.api.post(`/api/v1/applications/${application.id}/rejection`, { reason: 'skills-gap' });
  expect(r.status).toBe(201);
  return { draft: r.body.feedback as { id: string; body: string }, candidateEmail };
}

describe("the organization's voice on its letters", () => {
  it('greets, introduces, closes and signs as set; the email replies to the address set', async () => {
    const org = await newOrganization(mail.h, 'Kinetix');
    expect((await org.api.get('/api/v1/feedback-voice')).body).toMatchObject({
      greeting: 'Dear',
      signOff: 'Kind regards,',
      signer: { kind: 'team' },
      replyTo: null,
    });
    const saved = await org.api.put('/api/v1/feedback-voice', voice);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...voice, signOff: 'Best wishes,' });

    const { draft, candidateEmail } = await rejected(org);
    expect(draft.body.startsWith('Hi Sam,\n\n')).toBe(true);
    expect(draft.body).toContain(voice.intro);
    expect(draft.body).toContain(
      `${voice.closing}\n\nBest wishes,\nPriya Shah, Head of Talent\nThe Kinetix hiring team`,
    );

    await org.api.post(`/api/v1/feedback/${draft.id}/approve`, { send: 'now' });
    await drainUntil(mail.h, () => inbox(candidateEmail).length > 0);
    const [email] = inbox(candidateEmail);
    expect(email.replyTo).toContain('talent@kinetix.example');
    expect(email.text).toContain('Priya Shah, Head of Talent');
    expect(email.html?.replace(/\r\n/g, '\n')).toContain(
      'Best wishes,<br>\nPriya Shah, Head of Talent<br>\nThe Kinetix hiring team',
    );
  });

  it("signed by the reviewer: the approver's name goes under the letter, and replies go to them", async () => {
    const org = await newOrganization(mail.h, 'Larkspur');
    await org.api.put('/api/v1/feedback-voice', { ...voice, signer: { kind: 'reviewer' }, replyTo: null });
    const { draft, candidateEmail } = await rejected(org);
    expect(draft.body.endsWith('Best wishes,\nThe Larkspur hiring team')).toBe(true);
    const approved = await org.api.post(`/api/v1/feedback/${draft.id}/approve`, { send: 'now' });
    expect(approved.status).toBe(200);
    expect(approved.body.feedback.body.endsWith('Best wishes,\nAda Admin\nThe Larkspur hiring team')).toBe(
      true,
    );
    for (const s of approved.body.feedback.sentences)
      expect(approved.body.feedback.body.slice(s.start, s.end)).toBe(s.text);
    await drainUntil(mail.h, () => inbox(candidateEmail).length > 0);
    const [email] = inbox(candidateEmail);
    expect(email.text.replace(/\r\n/g, '\n')).toContain('Best wishes,\nAda Admin\nThe Larkspur hiring team');
    expect(email.replyTo).toContain(org.email);
  });

  it('refuses a risky introduction or closing, naming the field, and keeps the voice as it was', async () => {
    const org = await newOrganization(mail.h);
    const r = await org.api.put('/api/v1/feedback-voice', {
      ...voice,
      intro: 'We look for young, energetic people who fit our culture.',
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('blocking-findings');
    expect(r.body.error.message).toContain('body.intro');
    expect((await org.api.get('/api/v1/feedback-voice')).body.intro).toBeNull();
  });

  it('is set by admins only, validated, and belongs to one organization', async () => {
    const org = await newOrganization(mail.h);
    const other = await newOrganization(mail.h);
    const recruiter = await inviteMember(org, 'Rory Recruiter', 'recruiter');
    expect(recruiter.id).toBeTruthy();
    expect((await org.api.put('/api/v1/feedback-voice', { ...voice, greeting: 'Yo' })).status).toBe(400);
    expect(
      (await org.api.put('/api/v1/feedback-voice', { ...voice, replyTo: 'not an address' })).status,
    ).toBe(400);
    expect((await org.api.put('/api/v1/feedback-voice', voice)).status).toBe(200);
    // Another organization's letters keep the default voice.
    expect((await other.api.get('/api/v1/feedback-voice')).body).toMatchObject({
      greeting: 'Dear',
      intro: null,
    });
  });
});
