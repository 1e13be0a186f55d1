import { describe, expect, it } from 'vitest';
import { newOrganization, uniqueEmail } from '../support/harness';
import { drainUntil, jobWithApplication, scoreTwoRounds } from '../support/hiring';
import { withMail } from '../support/smtp';

const mail = withMail({ JOB_RETRY_BASE_MS: '50', JOB_MAX_ATTEMPTS: '6' });
const inbox = mail.inbox;

describe('the hiring journey through the API', () => {
  it('job, scorecards, rejection, a checked draft, an edit, approval, exactly one email, the candidate page, the audit trail', async () => {
    const org = await newOrganization(mail.h, 'Kinetix');
    const { job, application, candidateEmail, criterion } = await jobWithApplication(
      org,
      'Senior Backend Engineer',
    );
    expect(job).toMatchObject({ title: 'Senior Backend Engineer', status: 'open' });
    expect(job.criteria.map((c: { name: string }) => c.name)).toEqual([
      'Attention to detail',
      'System design',
      'Communication',
    ]);
    expect(application).toMatchObject({
      jobId: job.id,
      candidate: { name: 'Sam Rivera', email: candidateEmail },
      stage: 'applied',
    });

    await scoreTwoRounds(org, application.id, criterion);
    const listed = await org.api.get(`/api/v1/applications?jobId=${job.id}`);
    expect(listed.body.items[0]).toMatchObject({ id: application.id, stage: 'final', status: 'active' });

    const rejected = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'skills-gap',
      note: 'Internal: strong team player',
    });
    expect(rejected.status).toBe(201);
    const draft = rejected.body.feedback;
    expect(draft.status).toBe('draft');
    // Composed from the evidence: the weakest criterion first, the strength named, every sentence located in the body.
    expect(draft.body).toContain('Attention to detail');
    expect(draft.body.indexOf('Attention to detail')).toBeLessThan(draft.body.indexOf('System design'));
    expect(draft.body.toLowerCase()).toContain('your strongest area was communication');
    for (const s of draft.sentences) expect(draft.body.slice(s.start, s.end)).toBe(s.text);
    expect(draft.evidence.length).toBeGreaterThan(0);
    expect(draft.evidence[0]).toMatchObject({
      scorecardId: expect.any(String),
      criterionId: expect.any(String),
      excerpt: expect.any(String),
    });
    // Never an interviewer's name, private notes or the internal rejection note.
    for (const secret of ['Priya', 'Natarajan', 'Tomasz', 'Wójcik', 'finalists', 'team player'])
      expect(draft.body).not.toContain(secret);
    expect(draft.findings.filter((f: { severity: string }) => f.severity === 'block')).toEqual([]);

    // The reviewer adds a risky sentence: the edit is checked and approval is refused with the findings.
    const risky = `${draft.body}\n\nHonestly, you seemed too old for this team.`;
    const edited = await org.api.put(`/api/v1/feedback/${draft.id}`, { body: risky });
    expect(edited.status).toBe(200);
    const blocks = edited.body.feedback.findings.filter((f: { severity: string }) => f.severity === 'block');
    expect(blocks.length).toBeGreaterThan(0);
    const refused = await org.api.post(`/api/v1/feedback/${draft.id}/approve`, { send: 'now' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('blocking-findings');
    expect(refused.body.error.findings.length).toBe(blocks.length);
    await drainUntil(mail.h, () => true, 2);
    expect(inbox(candidateEmail)).toHaveLength(0);

    // Fixed: back to the composed text; sentences kept keep their evidence.
    const fixed = await org.api.put(`/api/v1/feedback/${draft.id}`, { body: draft.body });
    expect(fixed.body.feedback.findings.filter((f: { severity: string }) => f.severity === 'block')).toEqual(
      [],
    );
    expect(fixed.body.feedback.evidence.length).toBe(draft.evidence.length);
    const approved = await org.api.post(`/api/v1/feedback/${draft.id}/approve`, { send: 'now' });
    expect(approved.status).toBe(200);
    expect(approved.body.feedback.status).toBe('approved');

    await drainUntil(mail.h, () => inbox(candidateEmail).length > 0);
    await mail.h.drainJobs();
    const delivered = inbox(candidateEmail);
    expect(delivered).toHaveLength(1);
    expect(delivered[0].subject).toContain('Senior Backend Engineer');
    expect(delivered[0].subject).toContain('Kinetix');
    // From the hiring team by name, through Debrief's address; a reply reaches the person who approved it.
    expect(delivered[0].fromHeader).toMatch(/^"?Kinetix hiring team via Debrief"? </);
    expect(delivered[0].replyTo).toContain(org.email);
    expect(delivered[0].text).toContain('Attention to detail');
    // Text and HTML: the letter's headings as headings, the reason it comes through Debrief at the end of both.
    expect(delivered[0].html).toContain('<h2>Attention to detail</h2>');
    expect(delivered[0].html).toContain('<a href="http://debrief.test/f/');
    expect(delivered[0].html).not.toMatch(/<img|<script/i);
    expect(delivered[0].text).toContain('Kinetix uses Debrief to send every candidate honest feedback');
    expect(delivered[0].html).toContain('Kinetix uses Debrief to send every candidate honest feedback');
    const link = /(http:\/\/debrief\.test\/f\/([A-Za-z0-9_-]+))/.exec(delivered[0].text);
    expect(link).not.toBeNull();

    const sent = await org.api.get(`/api/v1/feedback/${draft.id}`);
    expect(sent.body.feedback.status).toBe('sent');
    expect(sent.body.feedback.sentAt).not.toBeNull();

    const page = await mail.h.anon.get(`/api/v1/portal/${link![2]}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      organization: { name: 'Kinetix' },
      job: { title: 'Senior Backend Engineer' },
      feedback: { body: draft.body, sentAt: sent.body.feedback.sentAt },
    });

    const audit = await org.api.get(`/api/v1/audit?applicationId=${application.id}`);
    const actions = audit.body.events.map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      'application.created',
      'scorecard.submitted',
      'scorecard.submitted',
      'application.rejected',
      'feedback.drafted',
      'feedback.edited',
      'feedback.edited',
      'feedback.approved',
      'feedback.sent',
    ]);
    const sentEvent = audit.body.events.at(-1);
    expect(sentEvent.data.text).toBe(delivered[0].text.replace(/\r\n/g, '\n').trim());
    expect(sentEvent.data.to).toBe(candidateEmail);
    expect(audit.body.events[3].actor).toMatchObject({ type: 'token', name: 'Ada Admin' });
  });

  it('checks scorecard notes on submission and returns the findings with their field', async () => {
    const org = await newOrganization(mail.h);
    const { application, criterion } = await jobWithApplication(org);
    // The evidence has a blocking finding: kept only when the interviewer submits anyway, with a reason.
    const res = await org.api.post(`/api/v1/applications/${application.id}/scorecards`, {
      submitAnyway: { reason: 'Recorded as said, for the panel to discuss' },
      stage: 'screen',
      recommendation: 'no',
      notes: 'Seems too old for a fast-moving startup team.',
      ratings: [
        {
          criterionId: criterion['Attention to detail'],
          rating: 2,
          evidence: 'She is a digital native and very abrasive.',
        },
        {
          criterionId: criterion.Communication,
          rating: 3,
          evidence: 'Summarised the project in two minutes.',
        },
      ],
    });
    expect(res.status).toBe(201);
    const fields = res.body.findings.map(
      (f: { field: string; criterionId?: string; category: string }) => `${f.field}:${f.category}`,
    );
    expect(fields).toEqual(
      expect.arrayContaining(['evidence:proxy', 'evidence:personality', 'notes:protected']),
    );
    const onCommunication = res.body.findings.filter(
      (f: { criterionId?: string }) => f.criterionId === criterion.Communication,
    );
    expect(onCommunication).toEqual([]);
  });

  it('refuses a job whose criteria would put the organization at legal risk, naming the criterion; nothing is created', async () => {
    const org = await newOrganization(mail.h);
    const refused = await org.api.post('/api/v1/jobs', {
      title: 'Sales Associate',
      criteria: [
        { name: 'Product knowledge', description: 'Knows the catalogue' },
        { name: 'Young and energetic', description: 'Keeps up with the team' },
      ],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('blocking-findings');
    expect(refused.body.error.message).toContain('body.criteria.1.name');
    expect(refused.body.error.findings[0]).toMatchObject({
      category: 'proxy',
      field: 'body.criteria.1.name',
    });
    expect((await org.api.get('/api/v1/jobs')).body.items).toEqual([]);
    const fixed = await org.api.post('/api/v1/jobs', {
      title: 'Sales Associate',
      criteria: [{ name: 'Product knowledge', description: 'Knows the catalogue' }],
    });
    expect(fixed.status).toBe(201);
  });

  it('refuses a rejection whose internal note would put the organization at legal risk; the application stays open', async () => {
    const org = await newOrganization(mail.h);
    const { application } = await jobWithApplication(org);
    const refused = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'skills-gap',
      note: 'Internal: she is probably planning a family soon.',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('blocking-findings');
    expect(refused.body.error.findings[0]).toMatchObject({ field: 'note' });
    const detail = await org.api.get(`/api/v1/applications/${application.id}`);
    expect(detail.body.status).toBe('active');
    const rejected = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'skills-gap',
      note: 'Internal: the design exercise had no plan for retries.',
    });
    expect(rejected.status).toBe(201);
  });

  it('refuses a rating for a criterion of another job, and a scorecard on a rejected application', async () => {
    const org = await newOrganization(mail.h);
    const a = await jobWithApplication(org, 'Job A');
    const b = await jobWithApplication(org, 'Job B');
    const res = await org.api.post(`/api/v1/applications/${a.application.id}/scorecards`, {
      stage: 'screen',
      recommendation: 'yes',
      ratings: [{ criterionId: b.criterion.Communication, rating: 3, evidence: 'Clear answers.' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('body.ratings.0.criterionId');
    await org.api.post(`/api/v1/applications/${a.application.id}/rejection`, { reason: 'role-filled' });
    const late = await org.api.post(`/api/v1/applications/${a.application.id}/scorecards`, {
      stage: 'screen',
      recommendation: 'yes',
      ratings: [{ criterionId: a.criterion.Communication, rating: 3, evidence: 'Clear answers.' }],
    });
    expect(late.status).toBe(409);
  });

  it('an unknown rejection reason is 400; an organization may add its own', async () => {
    const org = await newOrganization(mail.h);
    const { application } = await jobWithApplication(org);
    const bad = await org.api.post(`/api/v1/applications/${application.id}/rejection`, { reason: 'vibes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('body.reason');
    const reasons = await org.api.get('/api/v1/rejection-reasons');
    expect(reasons.body.items.map((r: { code: string }) => r.code)).toEqual([
      'skills-gap',
      'experience-gap',
      'qualification-missing',
      'interview-performance',
      'role-filled',
      'internal-candidate',
      'role-changed',
      'role-cancelled',
    ]);
    const added = await org.api.post('/api/v1/rejection-reasons', {
      code: 'right-to-work',
      label: 'No right to work in the country',
      beyondControl: false,
      candidateText:
        'The role requires the right to work in the UK without sponsorship, which we cannot offer for this position.',
    });
    expect(added.status).toBe(201);
    const ok = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'right-to-work',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.feedback.body).toContain('right to work');

    // A reason's sentence reaches every candidate rejected with it: it is checked like a draft.
    const risky = await org.api.post('/api/v1/rejection-reasons', {
      code: 'team-fit',
      label: 'Team fit',
      beyondControl: false,
      candidateText: 'We were looking for someone younger to fit the team.',
    });
    expect(risky.status).toBe(409);
    expect(risky.body.error.message).toContain('body.candidateText');
    const codes = (await org.api.get('/api/v1/rejection-reasons')).body.items.map(
      (r: { code: string }) => r.code,
    );
    expect(codes).not.toContain('team-fit');
  });

  it('paginates jobs and applications with a cursor', async () => {
    const org = await newOrganization(mail.h);
    const job = await org.api.post('/api/v1/jobs', { title: 'Paged', criteria: [{ name: 'Skill' }] });
    for (let i = 0; i < 5; i++) {
      await org.api.post('/api/v1/applications', {
        jobId: job.body.id,
        candidate: { name: `C${i}`, email: uniqueEmail() },
      });
    }
    const first = await org.api.get(`/api/v1/applications?jobId=${job.body.id}&limit=2`);
    expect(first.body.items.map((a: { candidate: { name: string } }) => a.candidate.name)).toEqual([
      'C4',
      'C3',
    ]);
    const second = await org.api.get(
      `/api/v1/applications?jobId=${job.body.id}&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((a: { candidate: { name: string } }) => a.candidate.name)).toEqual([
      'C2',
      'C1',
    ]);
    const third = await org.api.get(
      `/api/v1/applications?jobId=${job.body.id}&limit=2&cursor=${second.body.nextCursor}`,
    );
    expect(third.body.items).toHaveLength(1);
    expect(third.body.nextCursor).toBeNull();
    expect((await org.api.get('/api/v1/applications?cursor=garbage')).status).toBe(400);
    const [newest] = (await org.api.get(`/api/v1/applications?jobId=${job.body.id}&limit=1`)).body.items;
    await org.api.post(`/api/v1/applications/${newest.id}/rejection`, { reason: 'skills-gap' });
    const drafts = await org.api.get('/api/v1/applications?feedbackStatus=draft');
    expect(drafts.body.items.map((a: { id: string }) => a.id)).toEqual([newest.id]);
    const jobs = await org.api.get('/api/v1/jobs?limit=1');
    expect(jobs.body.items[0]).toMatchObject({
      title: 'Paged',
      applications: { active: 4, rejected: 1, hired: 0 },
    });
  });
});

describe('approval', () => {
  async function blockedDraft(org: Awaited<ReturnType<typeof newOrganization>>) {
    const { application, candidateEmail } = await jobWithApplication(org);
    const r = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'experience-gap',
    });
    const body = `${r.body.feedback.body}\n\nYou seemed overqualified and might not stay long.`;
    const e = await org.api.put(`/api/v1/feedback/${r.body.feedback.id}`, { body });
    expect(e.body.feedback.findings.some((f: { severity: string }) => f.severity === 'block')).toBe(true);
    return { id: r.body.feedback.id as string, candidateEmail, applicationId: application.id as string };
  }

  it('only an admin may override a blocking finding, and only with a written justification that is audited', async () => {
    const org = await newOrganization(mail.h);
    const { id, applicationId } = await blockedDraft(org);
    // A recruiter may approve feedback but may not override.
    const invited = await org.api.post('/api/v1/users', {
      name: 'Rae Recruiter',
      email: uniqueEmail(),
      role: 'recruiter',
    });
    const { mintApiToken } = await import('../../src/app/identity/mint-api-token');
    const { secret } = await mintApiToken(
      mail.h.ctx.db,
      { id: invited.body.id, organizationId: org.organization.id },
      'test',
    );
    const recruiter = mail.h.as({ token: secret });
    const justification = 'Candidate asked directly; legal reviewed this wording on 2026-11-20.';
    const denied = await recruiter.post(`/api/v1/feedback/${id}/approve`, {
      send: 'now',
      override: { justification },
    });
    expect(denied.status).toBe(403);
    const tooShort = await org.api.post(`/api/v1/feedback/${id}/approve`, {
      send: 'now',
      override: { justification: 'ok' },
    });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.message).toContain('body.override.justification');

    const ok = await org.api.post(`/api/v1/feedback/${id}/approve`, {
      send: 'now',
      override: { justification },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.feedback.overrideJustification).toBe(justification);
    const audit = await org.api.get(`/api/v1/audit?applicationId=${applicationId}`);
    const event = audit.body.events.find(
      (e: { action: string }) => e.action === 'feedback.approved-with-override',
    );
    expect(event.data.justification).toBe(justification);
    expect(event.actor.name).toBe('Ada Admin');
    expect(event.data.overridden.length).toBeGreaterThan(0);
  });

  it('holds feedback until the job is filled, then sends it', async () => {
    const org = await newOrganization(mail.h);
    const { job, application, candidateEmail } = await jobWithApplication(org);
    const r = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'skills-gap',
    });
    const held = await org.api.post(`/api/v1/feedback/${r.body.feedback.id}/approve`, {
      send: 'when-filled',
    });
    expect(held.body.feedback).toMatchObject({ status: 'scheduled', sendMode: 'when-filled' });
    await drainUntil(mail.h, () => false, 3);
    expect(inbox(candidateEmail)).toHaveLength(0);

    const closed = await org.api.post(`/api/v1/jobs/${job.id}/close`, {
      outcome: 'filled',
      filledElsewhere: true,
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ job: { status: 'filled' }, released: 1 });
    await drainUntil(mail.h, () => inbox(candidateEmail).length > 0);
    expect(inbox(candidateEmail)).toHaveLength(1);
    expect((await org.api.get(`/api/v1/feedback/${r.body.feedback.id}`)).body.feedback.status).toBe('sent');
    expect((await org.api.post(`/api/v1/jobs/${job.id}/close`, { outcome: 'filled' })).status).toBe(409);
  });

  it('sends at a set time, not before', async () => {
    const org = await newOrganization(mail.h);
    const { application, candidateEmail } = await jobWithApplication(org);
    const r = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'skills-gap',
    });
    const at = new Date(Date.now() + 1500).toISOString();
    const scheduled = await org.api.post(`/api/v1/feedback/${r.body.feedback.id}/approve`, { send: at });
    expect(scheduled.body.feedback).toMatchObject({ status: 'scheduled', sendAt: at });
    await mail.h.drainJobs();
    expect(inbox(candidateEmail)).toHaveLength(0);
    await new Promise((res) => setTimeout(res, 1600));
    await drainUntil(mail.h, () => inbox(candidateEmail).length > 0);
    expect(inbox(candidateEmail)).toHaveLength(1);
    const past = await org.api.post(`/api/v1/feedback/${r.body.feedback.id}/approve`, { send: 'now' });
    expect(past.status).toBe(409);
  });

  it('keeps retrying while SMTP fails and sends exactly one email when it recovers', async () => {
    const org = await newOrganization(mail.h);
    const { application, candidateEmail } = await jobWithApplication(org);
    const r = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'skills-gap',
    });
    await mail.h.drainJobs();
    mail.smtp.refuseNext(3);
    await org.api.post(`/api/v1/feedback/${r.body.feedback.id}/approve`, { send: 'now' });
    await mail.h.drainJobs();
    expect((await org.api.get(`/api/v1/feedback/${r.body.feedback.id}`)).body.feedback.status).toBe(
      'approved',
    );
    await drainUntil(mail.h, () => inbox(candidateEmail).length > 0, 200);
    await mail.h.drainJobs();
    await new Promise((res) => setTimeout(res, 100));
    await mail.h.drainJobs();
    expect(inbox(candidateEmail)).toHaveLength(1);
    expect((await org.api.get(`/api/v1/feedback/${r.body.feedback.id}`)).body.feedback.status).toBe('sent');
  });

  it('an edit after approval is refused', async () => {
    const org = await newOrganization(mail.h);
    const { application } = await jobWithApplication(org);
    const r = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'skills-gap',
    });
    await org.api.post(`/api/v1/feedback/${r.body.feedback.id}/approve`, { send: 'when-filled' });
    const e = await org.api.put(`/api/v1/feedback/${r.body.feedback.id}`, {
      body: 'Changed after approval.',
    });
    expect(e.status).toBe(409);
    expect(e.body.error.code).toBe('feedback-locked');
  });
});

describe('the candidate page link', () => {
  it('a forged token is 404 and an expired one is 410', async () => {
    expect((await mail.h.anon.get('/api/v1/portal/forged-token-that-does-not-exist')).status).toBe(404);
    const org = await newOrganization(mail.h);
    const { application, candidateEmail } = await jobWithApplication(org);
    const r = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'role-cancelled',
    });
    await org.api.post(`/api/v1/feedback/${r.body.feedback.id}/approve`, { send: 'now' });
    await drainUntil(mail.h, () => inbox(candidateEmail).length > 0);
    const token = /\/f\/([A-Za-z0-9_-]+)/.exec(inbox(candidateEmail)[0].text)![1];
    expect((await mail.h.anon.get(`/api/v1/portal/${token}`)).status).toBe(200);
    const { portalLinks } = await import('../../src/db/schema');
    const { eq } = await import('drizzle-orm');
    await mail.h.ctx.db
      .update(portalLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(portalLinks.applicationId, application.id));
    const expired = await mail.h.anon.get(`/api/v1/portal/${token}`);
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('link-expired');
  });
});
