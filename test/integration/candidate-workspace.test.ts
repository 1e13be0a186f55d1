import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { candidateTokens, trackerApplications } from '../../src/db/schema';
import { newOrganization, PASSWORD, uniqueEmail } from '../support/harness';
import { drainUntil } from '../support/hiring';
import { withMail } from '../support/smtp';

const mail = withMail();
const inbox = mail.inbox;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** Signs a candidate up and returns the verification token from the real email, and a client before verifying. */
async function signUpCandidate(email = uniqueEmail('cand')) {
  const res = await mail.h.anon.post('/api/v1/candidate/signup', {
    name: 'Sam Rivera',
    email,
    password: PASSWORD,
  });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ email, verified: false, token: expect.stringMatching(/^dbc_/) });
  await drainUntil(mail.h, () => inbox(email).length > 0);
  const verifyToken = /\/me\/verify\/([A-Za-z0-9_-]+)/.exec(inbox(email)[0].text)![1];
  const login = await mail.h.anon.post('/api/v1/candidate/login', { email, password: PASSWORD });
  expect(login.status).toBe(200);
  return { email, verifyToken, api: mail.h.as({ token: login.body.token }) };
}

describe('candidate account', () => {
  it('an unverified account never sees feedback; once verified, feedback sent earlier to the address appears, linked to its application', async () => {
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
    const r = await org.api.post(`/api/v1/applications/${app.body.id}/rejection`, { reason: 'skills-gap' });
    await org.api.post(`/api/v1/feedback/${r.body.feedback.id}/approve`, { send: 'now' });
    await drainUntil(mail.h, () => inbox(email).length > 0);

    const res = await mail.h.anon.post('/api/v1/candidate/signup', {
      name: 'Sam Rivera',
      email,
      password: PASSWORD,
    });
    expect(res.status).toBe(201);
    await drainUntil(mail.h, () => inbox(email).length > 1);
    const verifyMail = inbox(email)[1];
    expect(verifyMail.subject).toBe('Confirm your email for Debrief');
    const verifyToken = /\/me\/verify\/([A-Za-z0-9_-]+)/.exec(verifyMail.text)![1];
    const login = await mail.h.anon.post('/api/v1/candidate/login', { email, password: PASSWORD });
    const unverified = mail.h.as({ token: login.body.token });
    const hidden = await unverified.get('/api/v1/candidate/feedback');
    expect(hidden.status).toBe(403);
    expect(hidden.body.error.code).toBe('email-not-verified');
    const plan = await unverified.get('/api/v1/candidate/plan');
    expect(plan.body.themes).toEqual([]);

    const verified = await mail.h.anon.post('/api/v1/candidate/verify', { token: verifyToken });
    expect(verified.status).toBe(200);
    expect(verified.body.token).toMatch(/^dbc_/);
    const me = mail.h.as({ token: verified.body.token });
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
    // Seen twice, linked once.
    await me.get('/api/v1/candidate/feedback');
    expect((await me.get('/api/v1/candidate/applications')).body.items).toHaveLength(1);

    expect((await mail.h.anon.post('/api/v1/candidate/verify', { token: verifyToken })).status).toBe(404);
  });

  it('an expired confirmation link is 410; a wrong password is 401; the email is taken once', async () => {
    const { email, verifyToken } = await signUpCandidate();
    await mail.h.ctx.db
      .update(candidateTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(candidateTokens.kind, 'verify-email'));
    const expired = await mail.h.anon.post('/api/v1/candidate/verify', { token: verifyToken });
    expect(expired.status).toBe(410);
    expect(
      (await mail.h.anon.post('/api/v1/candidate/login', { email, password: 'wrong password' })).status,
    ).toBe(401);
    expect(
      (await mail.h.anon.post('/api/v1/candidate/signup', { name: 'Again', email, password: PASSWORD }))
        .status,
    ).toBe(409);
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
    expect(detail.body.reminders.map((r: { kind: string }) => r.kind).sort()).toEqual([
      'ask-feedback',
      'follow-up',
      'thank-you',
      'thank-you',
    ]);

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
    expect(detailTheme.count).toBe(2);

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
    const ids: Record<string, string> = {
      applications: app.body.id,
      reminders: reminder.body.id,
      'plan/actions': action.body.id,
      'logged-feedback': note.body.id,
    };
    const bodies: Record<string, unknown> = {
      'PATCH applications': { status: 'offer' },
      'POST applications/rounds': { stage: 'x', date: daysAgo(1) },
      'PATCH reminders': { done: true },
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
    // The address can sign up again from scratch.
    expect(
      (await mail.h.anon.post('/api/v1/candidate/signup', { name: 'Back', email, password: PASSWORD }))
        .status,
    ).toBe(201);
  });
});
