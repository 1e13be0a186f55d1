import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  applications,
  candidateAccounts,
  candidateTokens,
  signUpRequests,
  trackerApplications,
} from '../../src/db/schema';
import { hashPassword } from '../../src/lib/crypto';
import { newOrganization, PASSWORD, uniqueEmail } from '../support/harness';
import { drainUntil, jobWithApplication } from '../support/hiring';
import { withMail } from '../support/smtp';

const mail = withMail();
const inbox = mail.inbox;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** Signs a candidate up through the real email: the sign-up, the link from the message, the confirmation. */
async function signUpCandidate(email = uniqueEmail('cand'), password = PASSWORD) {
  const before = inbox(email).length;
  const res = await mail.h.anon.post('/api/v1/candidate/signup', { name: 'Sam Rivera', email, password });
  expect(res.status).toBe(202);
  expect(res.body).toEqual({ status: 'confirmation-sent', email });
  await drainUntil(mail.h, () => inbox(email).length > before);
  const message = inbox(email)[before];
  expect(message.subject).toBe('Confirm your email to finish signing up to Debrief');
  const link = /\/me\/confirm\/([A-Za-z0-9_-]+)/.exec(message.text)![1];
  const confirmed = await mail.h.anon.post('/api/v1/candidate/signup/confirm', { token: link });
  expect(confirmed.status).toBe(200);
  expect(confirmed.body.token).toMatch(/^dbc_/);
  return { email, link, message, api: mail.h.as({ token: confirmed.body.token }) };
}

describe('candidate account', () => {
  it('nothing exists until the emailed link is opened; then feedback sent earlier to the address appears, linked to its application', async () => {
    const email = uniqueEmail('sam');
    // An employer sends feedback to this address before the candidate has an account.
    const org = await newOrganization(mail.h, 'Kinetix');
    const job = await org.api.post('/api/v1/jobs', {
      title: 'Copywriter',
      criteria: [{ name: 'Attention to detail', description: 'Accurate written work' }],
    });
    const app = await org.api.post('/api/v1/applications', {
      jobId: job.body.id,
      candidate: { name: 'Sam Rivera', email },
    });
    // The candidate reached the final round.
    await mail.h.ctx.db.update(applications).set({ stage: 'final' }).where(eq(applications.id, app.body.id));
    const r = await org.api.post(`/api/v1/applications/${app.body.id}/rejection`, { reason: 'skills-gap' });
    await org.api.post(`/api/v1/feedback/${r.body.feedback.id}/approve`, { send: 'now' });
    await drainUntil(mail.h, () => inbox(email).length > 0);

    const asked = await mail.h.anon.post('/api/v1/candidate/signup', {
      name: 'Sam Rivera',
      email,
      password: PASSWORD,
    });
    expect(asked.status).toBe(202);
    // Until the link is opened there is no account to sign in to.
    expect((await mail.h.anon.post('/api/v1/candidate/login', { email, password: PASSWORD })).status).toBe(
      401,
    );
    await drainUntil(mail.h, () => inbox(email).length > 1);
    const link = /\/me\/confirm\/([A-Za-z0-9_-]+)/.exec(inbox(email)[1].text)![1];

    const confirmed = await mail.h.anon.post('/api/v1/candidate/signup/confirm', { token: link });
    expect(confirmed.status).toBe(200);
    const me = mail.h.as({ token: confirmed.body.token });
    expect((await me.get('/api/v1/candidate/me')).body).toMatchObject({ email, verified: true });
    const items = (await me.get('/api/v1/candidate/feedback')).body.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      organization: 'Kinetix',
      job: 'Copywriter',
      body: r.body.feedback.body,
    });
    const tracked = await me.get(`/api/v1/candidate/applications/${items[0].applicationId}`);
    expect(tracked.body).toMatchObject({
      company: 'Kinetix',
      role: 'Copywriter',
      status: 'rejected',
      source: 'Debrief',
    });
    expect(tracked.body.debriefFeedback.body).toBe(r.body.feedback.body);
    // The inbox keeps the whole conversation on the feedback: thanks, rating, the question and the team's answer.
    const portal = /\/f\/([A-Za-z0-9_-]+)/.exec(inbox(email)[0].text)![1];
    await mail.h.anon.post(`/api/v1/portal/${portal}/response`, { thanks: true });
    await mail.h.anon.post(`/api/v1/portal/${portal}/response`, { useful: 4 });
    await mail.h.anon.post(`/api/v1/portal/${portal}/response`, {
      question: 'What is one thing I could do to come across more effectively?',
    });
    const answered = await org.api.post(`/api/v1/feedback/${r.body.feedback.id}/answer`, {
      answer: 'Check each sentence against the style guide before you send it.',
    });
    expect(answered.status).toBe(200);
    const thread = (await me.get('/api/v1/candidate/feedback')).body.items[0].thread;
    expect(thread.map((e: { kind: string }) => e.kind)).toEqual([
      'feedback',
      'thanks',
      'rating',
      'question',
      'answer',
    ]);
    expect(thread[2].text).toBe('4 of 5');
    expect(thread[4].text).toBe('Check each sentence against the style guide before you send it.');
    // The request coach knows the feedback is in hand and how far the application got, and never suggests
    // writing to Debrief's own address.
    const coach = (await me.get(`/api/v1/candidate/applications/${items[0].applicationId}/request-plan`))
      .body;
    expect(coach.inHand).toMatchObject({ link: `/me/applications/${items[0].applicationId}` });
    expect(coach.ask.screenOnly).toBe(false);
    expect(coach.contact.kind).toBe('hiring-team');
    expect(coach.contact.why).toMatch(/reaches no one at the company/);
    expect(coach.contact.email).toBeUndefined();
    // An application holding Debrief feedback stays while the feedback does.
    const kept = await me.delete(`/api/v1/candidate/applications/${items[0].applicationId}`);
    expect(kept.status).toBe(409);
    expect(kept.body.error.code).toBe('holds-debrief-feedback');
    // Seen twice, linked once.
    await me.get('/api/v1/candidate/feedback');
    expect((await me.get('/api/v1/candidate/applications')).body.items).toHaveLength(1);

    // The link works once.
    expect((await mail.h.anon.post('/api/v1/candidate/signup/confirm', { token: link })).status).toBe(404);
  });

  it('an account made before links were required, never confirmed, sees no feedback until its address is confirmed', async () => {
    const email = uniqueEmail('legacy');
    const [account] = await mail.h.ctx.db
      .insert(candidateAccounts)
      .values({ name: 'Lee', email, passwordHash: await hashPassword(PASSWORD) })
      .returning();
    const login = await mail.h.anon.post('/api/v1/candidate/login', { email, password: PASSWORD });
    const unverified = mail.h.as({ token: login.body.token });
    const hidden = await unverified.get('/api/v1/candidate/feedback');
    expect(hidden.status).toBe(403);
    expect(hidden.body.error.code).toBe('email-not-verified');
    expect((await unverified.post('/api/v1/candidate/verify/resend')).status).toBe(202);
    await drainUntil(mail.h, () => inbox(email).length > 0);
    const verifyToken = /\/me\/verify\/([A-Za-z0-9_-]+)/.exec(inbox(email)[0].text)![1];
    await mail.h.ctx.db
      .update(candidateTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(candidateTokens.accountId, account!.id));
    expect((await mail.h.anon.post('/api/v1/candidate/verify', { token: verifyToken })).status).toBe(410);
  });

  it("the answer to a sign-up never says whether the address has an account; the address's owner takes it by the link", async () => {
    const owner = await signUpCandidate();
    await owner.api.post('/api/v1/candidate/applications', { company: 'Northwind', role: 'Analyst' });
    expect(
      (await mail.h.anon.post('/api/v1/candidate/login', { email: owner.email, password: 'wrong password' }))
        .status,
    ).toBe(401);

    // Someone else tries the owner's address: the same answer as for a new address, and nothing changes.
    const other = await mail.h.anon.post('/api/v1/candidate/signup', {
      name: 'Mallory',
      email: owner.email.toUpperCase(),
      password: 'another long passphrase',
    });
    expect(other.status).toBe(202);
    expect(Object.keys(other.body)).toEqual(['status', 'email']);
    expect((await owner.api.get('/api/v1/candidate/me')).status).toBe(200);
    expect(
      (
        await mail.h.anon.post('/api/v1/candidate/login', {
          email: owner.email,
          password: 'another long passphrase',
        })
      ).status,
    ).toBe(401);

    // The message goes to the owner, says the address has an account, and its link signs the owner in with the new
    // password, keeping their applications and ending other sessions.
    const again = await signUpCandidate(owner.email, 'a new passphrase I chose');
    expect(again.message.text).toContain('already has one');
    expect((await owner.api.get('/api/v1/candidate/me')).status).toBe(401);
    expect((await again.api.get('/api/v1/candidate/applications')).body.items).toHaveLength(1);
    expect(
      (
        await mail.h.anon.post('/api/v1/candidate/login', {
          email: owner.email,
          password: 'a new passphrase I chose',
        })
      ).status,
    ).toBe(200);
  });

  it('an address someone else registered but never confirmed is taken back by its owner; an expired link is 410', async () => {
    const email = uniqueEmail('victim');
    await mail.h.ctx.db
      .insert(candidateAccounts)
      .values({ name: 'Squatter', email, passwordHash: await hashPassword('squatters password') });
    const owner = await signUpCandidate(email);
    expect((await owner.api.get('/api/v1/candidate/me')).body).toMatchObject({
      name: 'Sam Rivera',
      verified: true,
    });
    expect(
      (await mail.h.anon.post('/api/v1/candidate/login', { email, password: 'squatters password' })).status,
    ).toBe(401);

    const late = uniqueEmail('late');
    await mail.h.anon.post('/api/v1/candidate/signup', { name: 'Late', email: late, password: PASSWORD });
    await drainUntil(mail.h, () => inbox(late).length > 0);
    const link = /\/me\/confirm\/([A-Za-z0-9_-]+)/.exec(inbox(late)[0].text)![1];
    await mail.h.ctx.db
      .update(signUpRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(signUpRequests.email, late));
    const expired = await mail.h.anon.post('/api/v1/candidate/signup/confirm', { token: link });
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('link-expired');
  });

  it('a request for feedback made from a notice waits in the inbox with its deadline until feedback is sent', async () => {
    const org = await newOrganization(mail.h, 'Fabrikam');
    const { application, candidateEmail } = await jobWithApplication(org, 'Analyst');
    await org.api.post(`/api/v1/applications/${application.id}/rejection`, { reason: 'skills-gap' });
    expect((await org.api.post(`/api/v1/applications/${application.id}/notice`)).status).toBe(202);
    await drainUntil(mail.h, () => inbox(candidateEmail).length > 0);
    const token = /\/f\/([A-Za-z0-9_-]+)/.exec(inbox(candidateEmail)[0].text)![1];
    const asked = await mail.h.anon.post(`/api/v1/portal/${token}/request`, {});
    expect(asked.status).toBe(201);

    const { api } = await signUpCandidate(candidateEmail);
    const box = (await api.get('/api/v1/candidate/feedback')).body;
    expect(box.items).toEqual([]);
    expect(box.requests).toEqual([
      expect.objectContaining({
        organization: 'Fabrikam',
        job: 'Analyst',
        status: 'open',
        dueAt: asked.body.request.dueAt,
      }),
    ]);
  });

  it("a candidate's token opens no hiring-team route, and a hiring-team token no candidate route", async () => {
    const { api } = await signUpCandidate();
    expect((await api.get('/api/v1/me')).status).toBe(401);
    expect((await api.get('/api/v1/jobs')).status).toBe(401);
    const org = await newOrganization(mail.h);
    expect((await org.api.get('/api/v1/candidate/applications')).status).toBe(401);
  });
});

describe('tracker, request coach and improvement plan', () => {
  it('logs a rejection with two rounds, gets a request plan with a clean draft, and turns a theme into an action', async () => {
    const { api } = await signUpCandidate();
    const app = await api.post('/api/v1/candidate/applications', {
      company: 'Northwind',
      role: 'Backend Engineer',
      source: 'job board',
      appliedOn: daysAgo(30),
    });
    expect(app.status).toBe(201);
    expect(app.body.status).toBe('applied');
    const id = app.body.id;
    const r1 = await api.post(`/api/v1/candidate/applications/${id}/rounds`, {
      stage: 'Phone screen',
      date: daysAgo(20),
      interviewers: [{ name: 'Dana Lee', role: 'Recruiter' }],
      rapport: 3,
    });
    expect(r1.status).toBe(201);
    await api.post(`/api/v1/candidate/applications/${id}/rounds`, {
      stage: 'Technical interview',
      date: daysAgo(10),
      interviewers: [{ name: 'Omar Haddad', role: 'Engineering manager', email: 'omar@northwind.test' }],
      rapport: 5,
      notes: 'Good conversation about queues.',
    });
    const rejected = await api.patch(`/api/v1/candidate/applications/${id}`, {
      status: 'rejected',
      rejectedOn: daysAgo(2),
      decisionFinal: true,
      reason: 'They said I rushed the coding task and missed edge cases.',
    });
    expect(rejected.body.status).toBe('rejected');

    const detail = await api.get(`/api/v1/candidate/applications/${id}`);
    expect(detail.body.roundList.map((r: { stage: string }) => r.stage)).toEqual([
      'Phone screen',
      'Technical interview',
    ]);
    // An application logged a month late, with rounds logged after the fact: no follow-up or thank-you reminders in
    // the past; the rejection leaves one reminder, to ask for feedback.
    const kinds = (done: boolean) =>
      detail.body.reminders
        .filter((r: { done: boolean }) => r.done === done)
        .map((r: { kind: string }) => r.kind);
    expect(kinds(false)).toEqual(['ask-feedback']);
    expect(kinds(true)).toEqual([]);

    const plan = await api.get(`/api/v1/candidate/applications/${id}/request-plan`);
    expect(plan.status).toBe(200);
    expect(plan.body.contact).toMatchObject({ name: 'Omar Haddad', kind: 'interviewer' });
    expect(['call', 'email']).toContain(plan.body.channel.kind);
    // Rejected two days ago, decision final: the pause is over, so today is the earliest day to ask.
    expect(plan.body.ask.earliest.slice(0, 10)).toBe(daysAgo(0));
    expect(plan.body.ask.likelihood).not.toBe('low');
    expect(plan.body.draft.body).toMatch(/thank/i);
    expect(plan.body.draft.body.split(/\s+/).length).toBeLessThan(150);
    expect(plan.body.findings).toEqual([]);
    expect(plan.body.callSheet.join(' ')).toMatch(/come across more effectively/i);
    expect(plan.body.callSheet.join(' ')).toMatch(/did best/i);

    await api.post('/api/v1/candidate/logged-feedback', {
      applicationId: id,
      channel: 'call',
      receivedOn: daysAgo(1),
      text: 'Omar said my system design answer had no plan for failures, and I missed edge cases in the coding task.',
    });
    const themes = (await api.get('/api/v1/candidate/plan')).body;
    const ids = themes.themes.map((t: { theme: string }) => t.theme);
    expect(ids).toContain('attention-to-detail');
    const detailTheme = themes.themes.find((t: { theme: string }) => t.theme === 'attention-to-detail');
    // The noted reason and the call are about the same rejection: one source, quoted twice, not yet recurring.
    expect(detailTheme.count).toBe(1);
    expect(detailTheme.recurring).toBe(false);
    expect(detailTheme.summary).toBe('Came up in 1 rejection');
    expect(detailTheme.quotes.map((q: { kind: string }) => q.kind).sort()).toEqual(['logged', 'reason']);
    expect(detailTheme.quotes[0]).toMatchObject({ applicationId: id, company: 'Northwind' });
    expect(detailTheme.quotes.map((q: { evidence: string }) => q.evidence).join(' ')).toMatch(
      /missed edge cases/,
    );

    expect(ids).toContain('system-design');
    const action = await api.post('/api/v1/candidate/plan/actions', {
      theme: 'system-design',
      title: 'Design two systems out loud, failures first',
      dueOn: daysAgo(-7),
    });
    expect(action.status).toBe(201);
    const unrelated = await api.post('/api/v1/candidate/plan/actions', {
      theme: 'leadership',
      title: 'Lead a project retro',
    });
    // A new interview for a role that tests system design: that open action is recalled, the unrelated one is not.
    const next = await api.post('/api/v1/candidate/applications', {
      company: 'Contoso',
      role: 'Senior Backend Engineer',
      status: 'interviewing',
    });
    const prep = (await api.get(`/api/v1/candidate/applications/${next.body.id}`)).body.prep;
    expect(prep.map((p: { actionId: string }) => p.actionId)).toEqual([action.body.id]);
    expect(prep.map((p: { actionId: string }) => p.actionId)).not.toContain(unrelated.body.id);
    const planAfter = (await api.get('/api/v1/candidate/plan')).body;
    expect(planAfter.upcoming).toEqual([
      expect.objectContaining({ applicationId: next.body.id, company: 'Contoso' }),
    ]);
    const done = await api.patch(`/api/v1/candidate/plan/actions/${action.body.id}`, { done: true });
    expect(done.body.done).toBe(true);
    expect((await api.get(`/api/v1/candidate/applications/${next.body.id}`)).body.prep).toEqual([]);
  });

  it('a round still ahead gets a thank-you reminder for the day after it; a final outcome closes it', async () => {
    const { api } = await signUpCandidate();
    const { body: app } = await api.post('/api/v1/candidate/applications', {
      company: 'Fabrikam',
      role: 'Nurse',
    });
    await api.post(`/api/v1/candidate/applications/${app.id}/rounds`, {
      stage: 'Panel interview',
      date: daysAgo(-3),
      interviewers: [{ name: 'Ruth Okafor' }],
    });
    const open = async () =>
      (await api.get(`/api/v1/candidate/applications/${app.id}`)).body.reminders
        .filter((r: { done: boolean }) => !r.done)
        .map((r: { kind: string; dueOn: string }) => [r.kind, r.dueOn]);
    expect(await open()).toEqual([
      ['thank-you', daysAgo(-4)],
      ['follow-up', daysAgo(-7)],
    ]);
    await api.patch(`/api/v1/candidate/applications/${app.id}`, { status: 'withdrawn' });
    expect(await open()).toEqual([]);
  });

  it('rounds are corrected and deleted, applications deleted with their rounds; none of it reaches another account', async () => {
    const { api } = await signUpCandidate();
    const other = await signUpCandidate();
    const { body: app } = await api.post('/api/v1/candidate/applications', {
      company: 'Tailspin',
      role: 'Teacher',
    });
    const { body: round } = await api.post(`/api/v1/candidate/applications/${app.id}/rounds`, {
      stage: 'Teaching demo',
      date: daysAgo(1),
      interviewers: [{ name: 'Ana Costa', role: 'Head of year' }],
    });
    const fixed = await api.patch(`/api/v1/candidate/rounds/${round.id}`, {
      stage: 'Demo lesson',
      notes: 'They asked about behaviour management.',
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({
      stage: 'Demo lesson',
      notes: 'They asked about behaviour management.',
    });
    expect((await api.patch(`/api/v1/candidate/rounds/${round.id}`, {})).status).toBe(400);
    // Another account can neither change nor delete it, nor delete the application.
    expect((await other.api.patch(`/api/v1/candidate/rounds/${round.id}`, { stage: 'x' })).status).toBe(404);
    expect((await other.api.delete(`/api/v1/candidate/rounds/${round.id}`)).status).toBe(404);
    expect((await other.api.delete(`/api/v1/candidate/applications/${app.id}`)).status).toBe(404);

    expect((await api.delete(`/api/v1/candidate/rounds/${round.id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/candidate/applications/${app.id}`)).body.roundList).toEqual([]);
    await api.post(`/api/v1/candidate/applications/${app.id}/rounds`, {
      stage: 'Interview',
      date: daysAgo(-2),
      interviewers: [],
    });
    expect((await api.delete(`/api/v1/candidate/applications/${app.id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/candidate/applications/${app.id}`)).status).toBe(404);
    expect((await api.get('/api/v1/candidate/reminders')).body.items).toEqual([]);
  });

  it('merges two employers’ feedback and a logged call into the same themes; the repeated gaps come first, marked recurring', async () => {
    const email = uniqueEmail('analyst');
    const reject = async (company: string) => {
      const org = await newOrganization(mail.h, company);
      const job = await org.api.post('/api/v1/jobs', {
        title: 'Data Analyst',
        criteria: [
          { name: 'Significance testing', description: 'Chooses the right statistical test and checks it' },
          { name: 'Stakeholder communication', description: 'Keeps partner teams informed' },
        ],
      });
      const byName = Object.fromEntries(
        job.body.criteria.map((c: { name: string; id: string }) => [c.name, c.id]),
      );
      const app = await org.api.post('/api/v1/applications', {
        jobId: job.body.id,
        candidate: { name: 'Sam Rivera', email },
      });
      const card = await org.api.post(`/api/v1/applications/${app.body.id}/scorecards`, {
        stage: 'interview',
        recommendation: 'no',
        ratings: [
          {
            criterionId: byName['Significance testing'],
            rating: 1,
            evidence: 'The candidate ran an unpaired t-test on paired data without checking its assumptions.',
          },
          {
            criterionId: byName['Stakeholder communication'],
            rating: 2,
            evidence: 'The candidate’s summary for the product team was hard to follow.',
          },
        ],
      });
      expect(card.status).toBe(201);
      const r = await org.api.post(`/api/v1/applications/${app.body.id}/rejection`, { reason: 'skills-gap' });
      await org.api.post(`/api/v1/feedback/${r.body.feedback.id}/approve`, { send: 'now' });
    };
    await reject('Acme');
    await reject('Birch');
    await drainUntil(mail.h, () => inbox(email).length >= 2);
    const { api } = await signUpCandidate(email);
    expect((await api.get('/api/v1/candidate/feedback')).body.items).toHaveLength(2);
    const third = await api.post('/api/v1/candidate/applications', {
      company: 'Cobalt',
      role: 'Data Analyst',
      source: 'referral',
      appliedOn: daysAgo(20),
    });
    await api.patch(`/api/v1/candidate/applications/${third.body.id}`, {
      status: 'rejected',
      rejectedOn: daysAgo(3),
    });
    await api.post('/api/v1/candidate/logged-feedback', {
      applicationId: third.body.id,
      channel: 'call',
      receivedOn: daysAgo(1),
      text: 'They said my hypothesis testing was shaky and my stakeholder updates were hard to follow.',
    });

    const plan = (await api.get('/api/v1/candidate/plan')).body;
    expect(
      plan.themes.map((t: { theme: string; count: number; recurring: boolean }) => [
        t.theme,
        t.count,
        t.recurring,
      ]),
    ).toEqual([
      ['communication', 3, true],
      ['quantitative-analysis', 3, true],
    ]);
    const stats = plan.themes[1];
    expect(stats.summary).toBe('Came up in 3 of your 3 rejections');
    expect(stats.quotes.map((q: { company: string }) => q.company).sort()).toEqual([
      'Acme',
      'Birch',
      'Cobalt',
    ]);
    const quoted = stats.quotes.map((q: { evidence: string }) => q.evidence).join(' ');
    expect(quoted).toMatch(/t-test on paired data/);
    expect(quoted).not.toMatch(/Chooses the right statistical test/);
    expect(plan.themes.map((t: { theme: string }) => t.theme)).not.toContain('testing');
    expect(plan.themes.map((t: { theme: string }) => t.theme)).not.toContain('collaboration');
  });

  it('the request coach is for rejected applications only', async () => {
    const { api } = await signUpCandidate();
    const app = await api.post('/api/v1/candidate/applications', { company: 'A', role: 'B' });
    expect((await api.get(`/api/v1/candidate/applications/${app.body.id}/request-plan`)).status).toBe(409);
  });
});

describe('another candidate', () => {
  it('gets 404 on every route that names one of my rows, and sees none of them in lists', async () => {
    const me = await signUpCandidate();
    const other = await signUpCandidate();
    const app = await me.api.post('/api/v1/candidate/applications', {
      company: 'Mine',
      role: 'Role',
      status: 'rejected',
    });
    const reminder = await me.api.post('/api/v1/candidate/reminders', {
      applicationId: app.body.id,
      kind: 'reapply',
      dueOn: daysAgo(-30),
      text: 'Reapply',
    });
    const action = await me.api.post('/api/v1/candidate/plan/actions', {
      theme: 'communication',
      title: 'Practise',
    });
    const note = await me.api.post('/api/v1/candidate/logged-feedback', {
      applicationId: app.body.id,
      channel: 'call',
      receivedOn: daysAgo(1),
      text: 'Mine.',
    });
    const round = await me.api.post(`/api/v1/candidate/applications/${app.body.id}/rounds`, {
      stage: 'Interview',
      date: daysAgo(3),
    });
    const ids: Record<string, string> = {
      applications: app.body.id,
      rounds: round.body.id,
      reminders: reminder.body.id,
      'plan/actions': action.body.id,
      'logged-feedback': note.body.id,
    };
    const bodies: Record<string, unknown> = {
      'PATCH applications': { status: 'offer' },
      'POST applications/rounds': { stage: 'x', date: daysAgo(1) },
      'PATCH reminders': { done: true },
      'PATCH rounds': { stage: 'x' },
      'PATCH logged-feedback': { text: 'x' },
      'PATCH plan/actions': { done: true },
    };

    const doc = (await mail.h.anon.get('/api/openapi.json')).body;
    let checked = 0;
    for (const [path, methods] of Object.entries<any>(doc.paths)) {
      if (!path.startsWith('/api/v1/candidate/') || !path.includes('{id}')) continue;
      const rest = path.replace('/api/v1/candidate/', '');
      const resource = rest.startsWith('plan/actions') ? 'plan/actions' : rest.split('/')[0];
      const suffix = rest.split('{id}')[1].replace(/^\//, '');
      for (const method of Object.keys(methods)) {
        const m = method.toUpperCase();
        const url = path.replace('{id}', ids[resource]);
        const body = bodies[`${m} ${resource}${suffix ? `/${suffix}` : ''}`];
        const res =
          m === 'GET'
            ? await other.api.get(url)
            : await other.api.raw(m, url, {
                body: JSON.stringify(body ?? {}),
                headers: { 'content-type': 'application/json' },
              });
        expect(res.status, `${m} ${path}`).toBe(404);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    expect((await other.api.get('/api/v1/candidate/applications')).body.items).toEqual([]);
    expect((await other.api.get('/api/v1/candidate/reminders')).body.items).toEqual([]);
    expect((await other.api.get('/api/v1/candidate/plan')).body.actions).toEqual([]);
    const logged = await other.api.post('/api/v1/candidate/logged-feedback', {
      applicationId: app.body.id,
      channel: 'email',
      receivedOn: daysAgo(1),
      text: 'x',
    });
    expect(logged.status).toBe(404);
    // Mine is untouched.
    expect((await me.api.get(`/api/v1/candidate/applications/${app.body.id}`)).body.status).toBe('rejected');
  });
});

describe('deleting', () => {
  it('removes a reminder or a logged note, and the whole account only with the password', async () => {
    const { email, api } = await signUpCandidate();
    const app = await api.post('/api/v1/candidate/applications', { company: 'Gone Ltd', role: 'Analyst' });
    const note = await api.post('/api/v1/candidate/logged-feedback', {
      channel: 'email',
      receivedOn: daysAgo(1),
      text: 'A note.',
    });
    const reminders = (await api.get('/api/v1/candidate/reminders')).body.items;
    expect(reminders).toHaveLength(1);
    expect((await api.delete(`/api/v1/candidate/reminders/${reminders[0].id}`)).status).toBe(204);
    expect((await api.get('/api/v1/candidate/reminders')).body.items).toEqual([]);
    expect((await api.delete(`/api/v1/candidate/logged-feedback/${note.body.id}`)).status).toBe(204);
    expect((await api.get('/api/v1/candidate/logged-feedback')).body.items).toEqual([]);

    const wrong = await api.raw('DELETE', '/api/v1/candidate/me', {
      body: JSON.stringify({ password: 'not my password' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(wrong.status).toBe(403);
    expect((await api.get(`/api/v1/candidate/applications/${app.body.id}`)).status).toBe(200);

    const gone = await api.raw('DELETE', '/api/v1/candidate/me', {
      body: JSON.stringify({ password: PASSWORD }),
      headers: { 'content-type': 'application/json' },
    });
    expect(gone.status).toBe(204);
    expect((await api.get('/api/v1/candidate/me')).status).toBe(401);
    expect((await mail.h.anon.post('/api/v1/candidate/login', { email, password: PASSWORD })).status).toBe(
      401,
    );
    expect(
      await mail.h.ctx.db.select().from(trackerApplications).where(eq(trackerApplications.id, app.body.id)),
    ).toEqual([]);
    // The address is told it is done.
    await drainUntil(mail.h, () => inbox(email).length > 1);
    expect(inbox(email)[1].subject).toBe('Your Debrief account was deleted');
    // The address can sign up again from scratch.
    const back = await signUpCandidate(email);
    expect((await back.api.get('/api/v1/candidate/applications')).body.items).toEqual([]);
  });
});
