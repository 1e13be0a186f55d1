import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Harness,
  lastMessageTo,
  linkIn,
  newOrganization,
  PASSWORD,
  sessionCookie,
  startHarness,
  uniqueEmail,
} from '../support/harness';
import { jobWithApplication, scoreTwoRounds } from '../support/hiring';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const OWN = 'Work through the capacity planning chapter of our engineering handbook, then size one service.';

describe("an organization's own pointer per criterion", () => {
  it('is set on a criterion, shown with the job, and used in drafts for a gap in it instead of the library', async () => {
    const org = await newOrganization(h, 'Northwind');
    const { job, application, criterion } = await jobWithApplication(org);
    const design = criterion['System design'];
    const set = await org.api.patch(`/api/v1/jobs/${job.id}/criteria/${design}`, { practise: `  ${OWN} ` });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({
      criterion: { id: design, name: 'System design', description: expect.any(String), practise: OWN },
      findings: [],
    });
    const read = await org.api.get(`/api/v1/jobs/${job.id}`);
    expect(read.body.criteria.find((c: { id: string }) => c.id === design).practise).toBe(OWN);
    expect(read.body.criteria.find((c: { id: string }) => c.id !== design).practise).toBeNull();

    await scoreTwoRounds(org, application.id, criterion);
    const r = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'skills-gap',
    });
    expect(r.status).toBe(201);
    const fb = (await org.api.get(`/api/v1/feedback/${r.body.feedback.id}`)).body.feedback;
    expect(fb.body).toContain(`To practise, ${OWN.charAt(0).toLowerCase()}${OWN.slice(1)}`);
    // The outline names the gap, the evidence it used and where its pointer came from.
    const gaps = fb.outline.gaps as { criterionId: string; pointer: string; evidence: unknown[] }[];
    expect(gaps.find((g) => g.criterionId === design)?.pointer).toBe('organization');
    const detail = gaps.find((g) => g.criterionId === criterion['Attention to detail']);
    expect(detail?.pointer).not.toBe('organization');
    expect(detail?.evidence.length).toBeGreaterThan(0);
    expect(fb.outline.strength.criterionId).toBe(criterion.Communication);

    const audit = await org.api.get('/api/v1/audit?action=job.criterion-pointer-changed');
    expect(audit.body.events[0]).toMatchObject({
      action: 'job.criterion-pointer-changed',
      data: { criterion: 'System design', before: null, after: OWN },
    });
  });

  it('is checked like a draft: a blocking finding refuses it, naming the field, and nothing changes', async () => {
    const org = await newOrganization(h, 'Checked Co');
    const { job, criterion } = await jobWithApplication(org);
    const id = criterion.Communication;
    const refused = await org.api.patch(`/api/v1/jobs/${job.id}/criteria/${id}`, {
      practise: 'Practise with younger colleagues, who are more energetic.',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('blocking-findings');
    expect(refused.body.error.findings[0].field).toBe('body.practise');
    const read = await org.api.get(`/api/v1/jobs/${job.id}`);
    expect(read.body.criteria.find((c: { id: string }) => c.id === id).practise).toBeNull();
  });

  it('null or blank gives the library back', async () => {
    const org = await newOrganization(h, 'Back Again');
    const { job, criterion } = await jobWithApplication(org);
    const url = `/api/v1/jobs/${job.id}/criteria/${criterion.Communication}`;
    expect((await org.api.patch(url, { practise: OWN })).body.criterion.practise).toBe(OWN);
    expect((await org.api.patch(url, { practise: '   ' })).body.criterion.practise).toBeNull();
    expect((await org.api.patch(url, { practise: OWN })).status).toBe(200);
    expect((await org.api.patch(url, { practise: null })).body.criterion.practise).toBeNull();
  });

  it('bad input is a 400 naming the field; a criterion of another job, or of another organization, is 404', async () => {
    const org = await newOrganization(h, 'Strict');
    const { job, criterion } = await jobWithApplication(org);
    const other = await jobWithApplication(org, 'Other job');
    const url = `/api/v1/jobs/${job.id}/criteria/${criterion.Communication}`;
    const tooLong = await org.api.patch(url, { practise: 'x'.repeat(1001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toContain('practise');
    const missing = await org.api.patch(url, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('practise');
    expect((await org.api.patch(url, { practise: 42 })).status).toBe(400);
    expect(
      (await org.api.patch(`/api/v1/jobs/${job.id}/criteria/not-a-uuid`, { practise: OWN })).status,
    ).toBe(400);
    const mismatched = await org.api.patch(
      `/api/v1/jobs/${job.id}/criteria/${other.criterion.Communication}`,
      { practise: OWN },
    );
    expect(mismatched.status).toBe(404);

    const intruder = await newOrganization(h, 'Intruder');
    const foreign = await intruder.api.patch(url, { practise: OWN });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('not-found');
    expect((await org.api.get(`/api/v1/jobs/${job.id}`)).body.criteria[2].practise).toBeNull();
  });

  it('an interviewer may read it but not set it', async () => {
    const org = await newOrganization(h, 'Roles');
    const { job, criterion } = await jobWithApplication(org);
    const email = uniqueEmail('interviewer');
    expect(
      (await org.api.post('/api/v1/users', { name: 'Ivy Park', email, role: 'interviewer' })).status,
    ).toBe(201);
    const { token } = linkIn((await lastMessageTo(h, email)).text);
    expect((await h.anon.post('/api/v1/invitations/accept', { token, password: PASSWORD })).status).toBe(200);
    const signIn = await h.anon.post('/api/v1/auth/login', { email, password: PASSWORD });
    const ivy = h.as({ cookie: sessionCookie(signIn.headers) });
    const res = await ivy.patch(`/api/v1/jobs/${job.id}/criteria/${criterion.Communication}`, {
      practise: OWN,
    });
    expect(res.status).toBe(403);
    expect((await ivy.get(`/api/v1/jobs/${job.id}`)).body.criteria[2].practise).toBeNull();
  });
});
