import { describe, expect, it } from 'vitest';
import { newOrganization, PASSWORD } from '../support/harness';
import { jobWithApplication, signedInMember } from '../support/hiring';
import { withMail } from '../support/smtp';

const mail = withMail();

type Org = Awaited<ReturnType<typeof newOrganization>>;

const member = (org: Org, role: string) => signedInMember(mail, org, role);

const scorecard = (criterionId: string) => ({
  stage: 'interview',
  recommendation: 'yes',
  ratings: [{ criterionId, rating: 3, evidence: 'Walked through the failover plan step by step.' }],
});

describe('what an interviewer may read', () => {
  it('only the applications they are assigned to: others are not listed, are 404, and take no scorecard', async () => {
    const org = await newOrganization(mail.h);
    const a = await jobWithApplication(org, 'Site Reliability Engineer');
    const b = await jobWithApplication(org, 'Data Engineer');
    const ivan = await member(org, 'interviewer');

    expect((await ivan.api.get('/api/v1/applications')).body.items).toEqual([]);
    expect((await ivan.api.get(`/api/v1/applications/${a.application.id}`)).status).toBe(404);
    const early = await ivan.api.post(
      `/api/v1/applications/${a.application.id}/scorecards`,
      scorecard(a.criterion.Communication!),
    );
    expect(early.status).toBe(404);

    const assigned = await org.api.post(`/api/v1/applications/${a.application.id}/interviewers`, {
      userId: ivan.id,
    });
    expect(assigned.status).toBe(200);
    const listed = (await ivan.api.get('/api/v1/applications')).body.items.map((i: { id: string }) => i.id);
    expect(listed).toEqual([a.application.id]);
    expect((await ivan.api.get(`/api/v1/applications/${a.application.id}`)).status).toBe(200);
    expect((await ivan.api.get(`/api/v1/applications/${b.application.id}`)).status).toBe(404);
    const card = await ivan.api.post(
      `/api/v1/applications/${a.application.id}/scorecards`,
      scorecard(a.criterion.Communication!),
    );
    expect(card.status).toBe(201);
    // An interviewer cannot assign themselves elsewhere.
    const self = await ivan.api.post(`/api/v1/applications/${b.application.id}/interviewers`, {
      userId: ivan.id,
    });
    expect(self.status).toBe(403);

    const off = await org.api.delete(`/api/v1/applications/${a.application.id}/interviewers/${ivan.id}`);
    expect(off.status).toBe(204);
    expect((await ivan.api.get(`/api/v1/applications/${a.application.id}`)).status).toBe(404);
    // The team still sees everything.
    expect((await org.api.get('/api/v1/applications')).body.items).toHaveLength(2);
  });

  it('once unassigned, cannot submit to nor edit their own scorecard on the application (404), and nothing changes', async () => {
    const org = await newOrganization(mail.h);
    const a = await jobWithApplication(org, 'Platform Engineer');
    const ivan = await member(org, 'interviewer');
    const path = `/api/v1/applications/${a.application.id}`;
    expect((await org.api.post(`${path}/interviewers`, { userId: ivan.id })).status).toBe(200);
    const card = await ivan.api.post(`${path}/scorecards`, scorecard(a.criterion.Communication!));
    expect(card.status).toBe(201);
    const edit = {
      recommendation: 'strong_yes',
      ratings: [
        { criterionId: a.criterion.Communication!, rating: 4, evidence: 'Named every failure mode.' },
      ],
    };

    expect((await org.api.delete(`${path}/interviewers/${ivan.id}`)).status).toBe(204);
    const submitted = await ivan.api.post(`${path}/scorecards`, scorecard(a.criterion.Communication!));
    expect(submitted.status).toBe(404);
    expect(submitted.body.error.code).toBe('not-found');
    const edited = await ivan.api.patch(`/api/v1/scorecards/${card.body.id}`, edit);
    expect(edited.status).toBe(404);
    expect(edited.body.error.code).toBe('not-found');
    const seen = (await org.api.get(path)).body;
    expect(seen.scorecards).toHaveLength(1);
    expect(seen.scorecards[0].recommendation).toBe('yes');
    expect(seen.stage).toBe('interview');

    // Assigned again, the same edit goes through: the 404 was the assignment, nothing else.
    expect((await org.api.post(`${path}/interviewers`, { userId: ivan.id })).status).toBe(200);
    expect((await ivan.api.patch(`/api/v1/scorecards/${card.body.id}`, edit)).status).toBe(200);
  });
});

describe('ending a member’s access', () => {
  it('deactivating ends their session and tokens at once and stops sign-in; reactivating lets them back in', async () => {
    const org = await newOrganization(mail.h);
    const rita = await member(org, 'recruiter');
    expect((await rita.api.get('/api/v1/jobs')).status).toBe(200);

    const off = await org.api.post(`/api/v1/users/${rita.id}/deactivate`);
    expect(off.status).toBe(200);
    expect(off.body.status).toBe('deactivated');
    expect((await rita.api.get('/api/v1/jobs')).status).toBe(401);
    expect(
      (await mail.h.anon.post('/api/v1/auth/login', { email: rita.email, password: PASSWORD })).status,
    ).toBe(401);

    expect((await org.api.post(`/api/v1/users/${rita.id}/reactivate`)).body.status).toBe('active');
    expect(
      (await mail.h.anon.post('/api/v1/auth/login', { email: rita.email, password: PASSWORD })).status,
    ).toBe(200);
  });

  it('removing erases the member and frees the address; an admin cannot remove themselves, and others need the right role', async () => {
    const org = await newOrganization(mail.h);
    const hana = await member(org, 'hiring-manager');
    expect((await hana.api.post(`/api/v1/users/${org.user.id}/deactivate`)).status).toBe(403);
    expect((await org.api.delete(`/api/v1/users/${org.user.id}`)).status).toBe(409);

    expect((await org.api.delete(`/api/v1/users/${hana.id}`)).status).toBe(204);
    expect((await hana.api.get('/api/v1/jobs')).status).toBe(401);
    const members = (await org.api.get('/api/v1/users')).body.items;
    expect(members.map((m: { email: string }) => m.email)).toEqual([org.email]);
    expect(JSON.stringify(members)).not.toContain('Iris');
    const again = await org.api.post('/api/v1/users', {
      name: 'Hana Again',
      email: hana.email,
      role: 'recruiter',
    });
    expect(again.status).toBe(201);
  });

  it('another organization cannot touch our members: 404', async () => {
    const org = await newOrganization(mail.h);
    const other = await newOrganization(mail.h);
    const rita = await member(org, 'recruiter');
    const { application } = await jobWithApplication(org);
    for (const res of [
      await other.api.post(`/api/v1/users/${rita.id}/deactivate`),
      await other.api.delete(`/api/v1/users/${rita.id}`),
      await other.api.post(`/api/v1/applications/${application.id}/interviewers`, { userId: rita.id }),
    ])
      expect(res.status).toBe(404);
    expect((await rita.api.get('/api/v1/jobs')).status).toBe(200);
  });
});
