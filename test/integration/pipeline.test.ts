import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema';
import { newOrganization, uniqueEmail } from '../support/harness';
import { drainUntil, jobWithApplication, signedInMember } from '../support/hiring';
import { withMail } from '../support/smtp';

const mail = withMail();

type Org = Awaited<ReturnType<typeof newOrganization>>;

const member = (org: Org, role: string, name?: string) => signedInMember(mail, org, role, name);

/** Another candidate on the same job. */
async function addCandidate(org: Org, jobId: string, name: string) {
  const email = uniqueEmail('candidate');
  const r = await org.api.post('/api/v1/applications', { jobId, candidate: { name, email } });
  expect(r.status).toBe(201);
  return { id: r.body.id as string, email };
}

const move = (org: { api: Org['api'] }, id: string, body: Record<string, unknown>) =>
  org.api.post(`/api/v1/applications/${id}/stage`, body);

async function auditOf(org: Org, action: string) {
  return mail.h.ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, org.organization.id), eq(auditEvents.action, action)));
}

const card = (criterionId: string, extra: Record<string, unknown> = {}) => ({
  stage: 'interview',
  recommendation: 'yes',
  ratings: [{ criterionId, rating: 3, evidence: 'Walked through the failover plan step by step.' }],
  ...extra,
});

describe('the pipeline of an application', () => {
  it('moves through offer to hired, each move audited, and the list shows and filters by stage', async () => {
    const org = await newOrganization(mail.h);
    const { job, application } = await jobWithApplication(org);
    const other = await addCandidate(org, job.id, 'Robin Vale');

    const offered = await move(org, application.id, { stage: 'offer' });
    expect(offered.status).toBe(200);
    expect(offered.body).toMatchObject({ stage: 'offer', status: 'active' });
    const hired = await move(org, application.id, { stage: 'hired' });
    expect(hired.body).toMatchObject({ stage: 'hired', status: 'hired' });

    const moves = await auditOf(org, 'application.moved');
    expect(moves.map((e) => e.data)).toEqual([
      expect.objectContaining({ from: 'applied', to: 'offer' }),
      expect.objectContaining({ from: 'offer', to: 'hired' }),
    ]);
    expect(moves.every((e) => e.actorName === 'Ada Admin' && e.applicationId === application.id)).toBe(true);

    const byStage = await org.api.get(`/api/v1/applications?jobId=${job.id}&stage=hired`);
    expect(byStage.body.items.map((a: { id: string }) => a.id)).toEqual([application.id]);
    const applied = await org.api.get(`/api/v1/applications?jobId=${job.id}&stage=applied`);
    expect(applied.body.items.map((a: { id: string }) => a.id)).toEqual([other.id]);
    const jobNow = await org.api.get(`/api/v1/jobs/${job.id}`);
    expect(jobNow.body.applications).toMatchObject({ active: 1, hired: 1, offer: 0, rejected: 0 });
  });

  it('refuses moves the pipeline does not allow', async () => {
    const org = await newOrganization(mail.h);
    const { job, application } = await jobWithApplication(org);

    const toRejected = await move(org, application.id, { stage: 'rejected' });
    expect(toRejected.status).toBe(400);
    expect(toRejected.body.error.code).toBe('use-rejection');

    await move(org, application.id, { stage: 'hired' });
    const backToInterview = await move(org, application.id, { stage: 'interview' });
    expect(backToInterview.status).toBe(409);
    expect(backToInterview.body.error.code).toBe('application-hired');

    const quitter = await addCandidate(org, job.id, 'Kim Lowe');
    expect((await move(org, quitter.id, { stage: 'withdrawn' })).status).toBe(200);
    const stuck = await move(org, quitter.id, { stage: 'interview' });
    expect(stuck.status).toBe(409);
    expect(stuck.body.error.code).toBe('application-withdrawn');
    const reopened = await move(org, quitter.id, { stage: 'interview', reopen: true });
    expect(reopened.status).toBe(200);
    expect(reopened.body.stage).toBe('interview');
    expect(await auditOf(org, 'application.reopened')).toHaveLength(1);

    const rejected = await addCandidate(org, job.id, 'Lou Marsh');
    await org.api.post(`/api/v1/applications/${rejected.id}/rejection`, { reason: 'skills-gap' });
    const out = await move(org, rejected.id, { stage: 'interview', reopen: true });
    expect(out.status).toBe(409);
    expect(out.body.error.code).toBe('application-rejected');
  });

  it('lets only roles that decide hires move an application', async () => {
    const org = await newOrganization(mail.h);
    const { application } = await jobWithApplication(org);
    const ivan = await member(org, 'interviewer');
    await org.api.post(`/api/v1/applications/${application.id}/interviewers`, { userId: ivan.id });
    expect((await move(ivan, application.id, { stage: 'hired' })).status).toBe(403);
    const manager = await member(org, 'hiring-manager');
    expect((await move(manager, application.id, { stage: 'offer' })).status).toBe(200);
  });
});

describe('someone with an offer or hired is never rejected', () => {
  it('refuses the single rejection with 409 and drafts nothing', async () => {
    const org = await newOrganization(mail.h);
    const { job, application } = await jobWithApplication(org);
    const offered = await addCandidate(org, job.id, 'Pat Offer');
    await move(org, application.id, { stage: 'hired' });
    await move(org, offered.id, { stage: 'offer' });

    for (const [id, code] of [
      [application.id, 'application-hired'],
      [offered.id, 'application-offered'],
    ] as const) {
      const r = await org.api.post(`/api/v1/applications/${id}/rejection`, { reason: 'skills-gap' });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe(code);
      const after = await org.api.get(`/api/v1/applications/${id}`);
      expect(after.body.feedback).toBeNull();
      expect(after.body.rejectedAt).toBeNull();
    }
    expect(await auditOf(org, 'application.rejected')).toHaveLength(0);
  });

  it('refuses the rejection notice with 409 and sends nothing', async () => {
    const org = await newOrganization(mail.h);
    const { application, candidateEmail } = await jobWithApplication(org);
    await move(org, application.id, { stage: 'hired' });
    const r = await org.api.post(`/api/v1/applications/${application.id}/notice`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('application-hired');
    await drainUntil(mail.h, () => false, 3);
    expect(mail.inbox(candidateEmail)).toHaveLength(0);
  });

  it('leaves the hire and the offer untouched when the rest of a filled job are rejected', async () => {
    const org = await newOrganization(mail.h);
    const { job, application: hire, candidateEmail: hireEmail } = await jobWithApplication(org);
    const offered = await addCandidate(org, job.id, 'Pat Offer');
    const rest = [await addCandidate(org, job.id, 'Jo One'), await addCandidate(org, job.id, 'Jo Two')];
    await move(org, hire.id, { stage: 'hired' });
    await move(org, offered.id, { stage: 'offer' });

    expect((await org.api.post(`/api/v1/jobs/${job.id}/close`, { outcome: 'filled' })).status).toBe(200);
    const started = await org.api.post(`/api/v1/jobs/${job.id}/reject-remaining`, { reason: 'role-filled' });
    expect(started.status).toBe(202);
    expect(started.body.total).toBe(2);
    await drainUntil(
      mail.h,
      async () => (await org.api.get(`/api/v1/bulk-operations/${started.body.id}`)).body.status === 'done',
    );

    const list = await org.api.get(`/api/v1/applications?jobId=${job.id}&limit=100`);
    const stageOf = Object.fromEntries(
      list.body.items.map((a: { id: string; stage: string; feedback: unknown }) => [
        a.id,
        [a.stage, a.feedback],
      ]),
    );
    expect(stageOf[hire.id]).toEqual(['hired', null]);
    expect(stageOf[offered.id]).toEqual(['offer', null]);
    for (const r of rest) expect(stageOf[r.id][0]).toBe('rejected');
    expect(mail.inbox(hireEmail)).toHaveLength(0);
  });
});

describe('closing a job', () => {
  it('as filled needs a hire or filledElsewhere; it can be reopened, audited', async () => {
    const org = await newOrganization(mail.h);
    const { job, application } = await jobWithApplication(org);

    const refused = await org.api.post(`/api/v1/jobs/${job.id}/close`, { outcome: 'filled' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('no-hire');
    expect(refused.body.error.message).toMatch(/Mark the person you hired/);
    expect((await org.api.get(`/api/v1/jobs/${job.id}`)).body.status).toBe('open');

    const elsewhere = await org.api.post(`/api/v1/jobs/${job.id}/close`, {
      outcome: 'filled',
      filledElsewhere: true,
    });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.job.status).toBe('filled');

    const reopened = await org.api.post(`/api/v1/jobs/${job.id}/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', closedAt: null });
    expect((await org.api.post(`/api/v1/jobs/${job.id}/reopen`)).status).toBe(409);
    const [event] = await auditOf(org, 'job.reopened');
    expect(event).toMatchObject({ subjectId: job.id, actorName: 'Ada Admin', data: { was: 'filled' } });

    await move(org, application.id, { stage: 'hired' });
    const filled = await org.api.post(`/api/v1/jobs/${job.id}/close`, { outcome: 'filled' });
    expect(filled.status).toBe(200);
    const closes = await auditOf(org, 'job.closed');
    expect(closes.map((e) => e.data)).toEqual([
      expect.objectContaining({ outcome: 'filled', hired: 0, filledElsewhere: true }),
      expect.objectContaining({ outcome: 'filled', hired: 1, filledElsewhere: false }),
    ]);
  });

  it('tells how much feedback closing will send', async () => {
    const org = await newOrganization(mail.h);
    const { job, application } = await jobWithApplication(org);
    const r = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'skills-gap',
    });
    await org.api.post(`/api/v1/feedback/${r.body.feedback.id}/approve`, { send: 'when-filled' });
    expect((await org.api.get(`/api/v1/jobs/${job.id}`)).body.heldUntilFilled).toBe(1);
  });

  it('a recruiter may close and reopen; an interviewer may not', async () => {
    const org = await newOrganization(mail.h);
    const { job } = await jobWithApplication(org);
    const ivan = await member(org, 'interviewer');
    expect((await ivan.api.post(`/api/v1/jobs/${job.id}/close`, { outcome: 'cancelled' })).status).toBe(403);
    const rita = await member(org, 'recruiter');
    expect((await rita.api.post(`/api/v1/jobs/${job.id}/close`, { outcome: 'cancelled' })).status).toBe(200);
    expect((await ivan.api.post(`/api/v1/jobs/${job.id}/reopen`)).status).toBe(403);
    expect((await rita.api.post(`/api/v1/jobs/${job.id}/reopen`)).status).toBe(200);
  });
});

describe('scorecard authorship', () => {
  it('is the signed-in member: a free-text author is refused', async () => {
    const org = await newOrganization(mail.h);
    const { application, criterion } = await jobWithApplication(org);
    const rita = await member(org, 'recruiter', 'Rita Recruiter');
    const forged = await rita.api.post(
      `/api/v1/applications/${application.id}/scorecards`,
      card(criterion.Communication!, { interviewer: { name: 'Carol CEO', email: 'carol@acme.test' } }),
    );
    expect(forged.status).toBe(400);

    const own = await rita.api.post(
      `/api/v1/applications/${application.id}/scorecards`,
      card(criterion.Communication!),
    );
    expect(own.status).toBe(201);
    const detail = await org.api.get(`/api/v1/applications/${application.id}`);
    expect(detail.body.scorecards[0].interviewer).toEqual({
      id: rita.id,
      name: 'Rita Recruiter',
      email: rita.email,
    });
    const [event] = await auditOf(org, 'scorecard.submitted');
    expect(event!.actorName).toBe('Rita Recruiter');
    expect(event!.data).not.toHaveProperty('onBehalfOf');
  });

  it('an admin may record it on behalf of a member, and the audit names both; others may not', async () => {
    const org = await newOrganization(mail.h);
    const { application, criterion } = await jobWithApplication(org);
    const ivan = await member(org, 'interviewer', 'Ivan Interviewer');
    const rita = await member(org, 'recruiter', 'Rita Recruiter');

    const notAdmin = await rita.api.post(
      `/api/v1/applications/${application.id}/scorecards`,
      card(criterion.Communication!, { onBehalfOf: ivan.id }),
    );
    expect(notAdmin.status).toBe(403);

    const stranger = await newOrganization(mail.h, 'Elsewhere');
    const foreign = await org.api.post(
      `/api/v1/applications/${application.id}/scorecards`,
      card(criterion.Communication!, { onBehalfOf: stranger.user.id }),
    );
    expect(foreign.status).toBe(404);

    const recorded = await org.api.post(
      `/api/v1/applications/${application.id}/scorecards`,
      card(criterion.Communication!, { onBehalfOf: ivan.id }),
    );
    expect(recorded.status).toBe(201);
    const detail = await org.api.get(`/api/v1/applications/${application.id}`);
    expect(detail.body.scorecards.map((s: { interviewer: { name: string } }) => s.interviewer.name)).toEqual([
      'Ivan Interviewer',
    ]);
    const [event] = await auditOf(org, 'scorecard.submitted');
    expect(event!.actorName).toBe('Ada Admin');
    expect(event!.data).toMatchObject({
      onBehalfOf: { id: ivan.id, name: 'Ivan Interviewer' },
      summary: 'Recorded by Ada Admin on behalf of Ivan Interviewer',
    });
  });
});

describe("an interviewer and their colleagues' scorecards", () => {
  it('sees them only after submitting their own; recruiters and admins always see them', async () => {
    const org = await newOrganization(mail.h);
    const { application, criterion } = await jobWithApplication(org);
    const ivan = await member(org, 'interviewer', 'Ivan Interviewer');
    const rita = await member(org, 'recruiter', 'Rita Recruiter');
    await org.api.post(`/api/v1/applications/${application.id}/interviewers`, { userId: ivan.id });
    expect(
      (
        await org.api.post(
          `/api/v1/applications/${application.id}/scorecards`,
          card(criterion.Communication!),
        )
      ).status,
    ).toBe(201);

    const before = await ivan.api.get(`/api/v1/applications/${application.id}`);
    expect(before.status).toBe(200);
    expect(before.body.scorecards).toEqual([]);
    expect(before.body.scorecardsHidden).toBe(1);
    expect(JSON.stringify(before.body)).not.toContain('failover');

    const forRecruiter = await rita.api.get(`/api/v1/applications/${application.id}`);
    expect(forRecruiter.body.scorecards).toHaveLength(1);
    expect(forRecruiter.body.scorecardsHidden).toBe(0);

    expect(
      (
        await ivan.api.post(
          `/api/v1/applications/${application.id}/scorecards`,
          card(criterion.Communication!),
        )
      ).status,
    ).toBe(201);
    const after = await ivan.api.get(`/api/v1/applications/${application.id}`);
    expect(after.body.scorecards).toHaveLength(2);
    expect(after.body.scorecardsHidden).toBe(0);
  });

  it('an admin recording it on their behalf counts as theirs', async () => {
    const org = await newOrganization(mail.h);
    const { application, criterion } = await jobWithApplication(org);
    const ivan = await member(org, 'interviewer');
    await org.api.post(`/api/v1/applications/${application.id}/interviewers`, { userId: ivan.id });
    await org.api.post(`/api/v1/applications/${application.id}/scorecards`, card(criterion.Communication!));
    await org.api.post(
      `/api/v1/applications/${application.id}/scorecards`,
      card(criterion.Communication!, { onBehalfOf: ivan.id }),
    );
    expect((await ivan.api.get(`/api/v1/applications/${application.id}`)).body.scorecards).toHaveLength(2);
  });
});

describe('another organization', () => {
  it('gets 404 on the pipeline routes, and nothing changes', async () => {
    const a = await newOrganization(mail.h, 'Owner');
    const b = await newOrganization(mail.h, 'Intruder');
    const { job, application } = await jobWithApplication(a);
    await a.api.post(`/api/v1/jobs/${job.id}/close`, { outcome: 'cancelled' });

    const moved = await move(b, application.id, { stage: 'hired' });
    expect(moved.status).toBe(404);
    expect((await b.api.post(`/api/v1/jobs/${job.id}/reopen`)).status).toBe(404);
    expect((await a.api.get(`/api/v1/applications/${application.id}`)).body.stage).toBe('applied');
    expect((await a.api.get(`/api/v1/jobs/${job.id}`)).body.status).toBe('cancelled');
  });
});
