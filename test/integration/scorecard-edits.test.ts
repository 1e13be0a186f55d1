import { describe, expect, it } from 'vitest';
import { newOrganization } from '../support/harness';
import { jobWithApplication, signedInMember } from '../support/hiring';
import { withMail } from '../support/smtp';

const mail = withMail();

type Org = Awaited<ReturnType<typeof newOrganization>>;

const RISKY = 'She is a digital native, so she rushed through the stakeholder role-play.';

const member = (org: Org, role: string) => signedInMember(mail, org, role, `Rui ${role}`);

const card = (
  criterion: Record<string, string>,
  rating = 2,
  evidence = 'Had two typos in the field names.',
) => ({
  stage: 'interview',
  recommendation: 'no',
  notes: 'First impressions.',
  ratings: [
    { criterionId: criterion['Attention to detail'], rating, evidence },
    {
      criterionId: criterion.Communication,
      rating: 3,
      evidence: 'Summarised the project in two minutes and took questions well.',
    },
  ],
});

const edit = (criterion: Record<string, string>, evidence: string, extra: Record<string, unknown> = {}) => ({
  recommendation: 'yes',
  notes: null,
  ratings: [
    { criterionId: criterion['Attention to detail'], rating: 3, evidence },
    {
      criterionId: criterion.Communication,
      rating: 4,
      evidence: 'Summarised the project in two minutes and took questions well.',
    },
  ],
  ...extra,
});

async function interviewerWithCard(org: Org) {
  const { application, criterion } = await jobWithApplication(org);
  const ines = await member(org, 'interviewer');
  await org.api.post(`/api/v1/applications/${application.id}/interviewers`, { userId: ines.id });
  const submitted = await ines.api.post(`/api/v1/applications/${application.id}/scorecards`, card(criterion));
  expect(submitted.status).toBe(201);
  return { application, criterion, ines, cardId: submitted.body.id as string };
}

const audit = async (org: Org, applicationId: string) =>
  (await org.api.get(`/api/v1/audit?applicationId=${applicationId}`)).body.events as {
    action: string;
    actor: { name: string };
    data: Record<string, any>;
  }[];

describe('an author edits their scorecard', () => {
  it('replaces the ratings, recommendation and notes, says it was edited, and audits what changed', async () => {
    const org = await newOrganization(mail.h);
    const { application, criterion, ines, cardId } = await interviewerWithCard(org);
    const before = await ines.api.get(`/api/v1/applications/${application.id}`);
    expect(before.body.scorecards[0]).toMatchObject({ editable: true, editedAt: null });

    const r = await ines.api.patch(
      `/api/v1/scorecards/${cardId}`,
      edit(criterion, 'Caught her own typo in the field names before handing in.'),
    );
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id: cardId, findings: [] });

    const after = (await org.api.get(`/api/v1/applications/${application.id}`)).body;
    expect(after.scorecards).toHaveLength(1);
    const s = after.scorecards[0];
    expect(s).toMatchObject({ id: cardId, recommendation: 'yes', notes: null, stage: 'interview' });
    expect(s.interviewer).toMatchObject({ id: ines.id, name: 'Rui interviewer' });
    expect(s.editedAt).not.toBeNull();
    // The admin did not write it, so may not edit it.
    expect(s.editable).toBe(false);
    expect(s.ratings.map((x: any) => [x.criterionId, x.rating, x.evidence]).sort()).toEqual(
      [
        [criterion['Attention to detail'], 3, 'Caught her own typo in the field names before handing in.'],
        [criterion.Communication, 4, 'Summarised the project in two minutes and took questions well.'],
      ].sort(),
    );

    const edited = (await audit(org, application.id)).find((e) => e.action === 'scorecard.edited')!;
    expect(edited.actor.name).toBe('Rui interviewer');
    expect(edited.data.recommendation).toEqual({ from: 'no', to: 'yes' });
    expect(edited.data.notesChanged).toBe(true);
    expect(edited.data.ratings).toEqual(
      expect.arrayContaining([
        { criterionId: criterion['Attention to detail'], rating: { from: 2, to: 3 } },
        { criterionId: criterion.Communication, rating: { from: 3, to: 4 } },
      ]),
    );
    // Never the evidence itself.
    expect(JSON.stringify(edited.data)).not.toContain('typo');
  });

  it('is refused to anyone else: another interviewer (403), and the admin who did not record it (403)', async () => {
    const org = await newOrganization(mail.h);
    const { application, criterion, cardId } = await interviewerWithCard(org);
    const bo = await member(org, 'interviewer');
    await org.api.post(`/api/v1/applications/${application.id}/interviewers`, { userId: bo.id });
    const other = await bo.api.patch(`/api/v1/scorecards/${cardId}`, edit(criterion, 'Rewritten by Bo.'));
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('not-author');
    const admin = await org.api.patch(
      `/api/v1/scorecards/${cardId}`,
      edit(criterion, 'Rewritten by the admin.'),
    );
    expect(admin.status).toBe(403);
    // An interviewer not assigned to the application does not see it at all.
    const outsider = await member(org, 'interviewer');
    expect((await outsider.api.patch(`/api/v1/scorecards/${cardId}`, edit(criterion, 'X.'))).status).toBe(
      404,
    );
    const detail = (await org.api.get(`/api/v1/applications/${application.id}`)).body;
    expect(detail.scorecards[0].editedAt).toBeNull();
    expect(detail.scorecards[0].recommendation).toBe('no');
  });

  it('an admin may edit a scorecard they recorded on a member’s behalf, and the audit names both', async () => {
    const org = await newOrganization(mail.h);
    const { application, criterion } = await jobWithApplication(org);
    const ines = await member(org, 'interviewer');
    const recorded = await org.api.post(`/api/v1/applications/${application.id}/scorecards`, {
      ...card(criterion),
      onBehalfOf: ines.id,
    });
    expect(recorded.status).toBe(201);
    const r = await org.api.patch(
      `/api/v1/scorecards/${recorded.body.id}`,
      edit(criterion, 'Caught the typo when asked to re-read the answer.'),
    );
    expect(r.status).toBe(200);
    const edited = (await audit(org, application.id)).find((e) => e.action === 'scorecard.edited')!;
    expect(edited.data.summary).toBe('Edited by Ada Admin on behalf of Rui interviewer');
  });

  it('checks the new evidence like a new scorecard: a blocking finding is refused (422) unless a reason is given, then flagged', async () => {
    const org = await newOrganization(mail.h);
    const { application, criterion, ines, cardId } = await interviewerWithCard(org);
    const refused = await ines.api.patch(`/api/v1/scorecards/${cardId}`, edit(criterion, RISKY));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('blocking-findings');
    expect(refused.body.error.message).toContain('Attention to detail');
    const unchanged = (await org.api.get(`/api/v1/applications/${application.id}`)).body.scorecards[0];
    expect(unchanged.recommendation).toBe('no');
    expect(unchanged.editedAt).toBeNull();

    const unknown = await ines.api.patch(`/api/v1/scorecards/${cardId}`, {
      ...edit(criterion, 'Fine.'),
      ratings: [{ criterionId: crypto.randomUUID(), rating: 3, evidence: 'Fine.' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('body.ratings.0.criterionId');

    const kept = await ines.api.patch(
      `/api/v1/scorecards/${cardId}`,
      edit(criterion, RISKY, { submitAnyway: { reason: 'Recorded verbatim for the panel' } }),
    );
    expect(kept.status).toBe(200);
    expect(kept.body.findings.some((f: any) => f.severity === 'block')).toBe(true);
    const s = (await org.api.get(`/api/v1/applications/${application.id}`)).body.scorecards[0];
    const flagged = s.ratings.find((x: any) => x.criterionId === criterion['Attention to detail']);
    expect(flagged.flag).toMatchObject({
      reason: 'Recorded verbatim for the panel',
      by: { name: 'Rui interviewer' },
    });
    expect(s.ratings.find((x: any) => x.criterionId === criterion.Communication).flag).toBeNull();
    const actions = (await audit(org, application.id)).map((e) => e.action);
    expect(actions).toContain('scorecard.submitted-anyway');
  });

  it('is locked once the application is rejected (409 scorecard-locked), and says so', async () => {
    const org = await newOrganization(mail.h);
    const { application, criterion, ines, cardId } = await interviewerWithCard(org);
    const rejected = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'skills-gap',
    });
    expect(rejected.status).toBe(201);
    const detail = (await ines.api.get(`/api/v1/applications/${application.id}`)).body;
    expect(detail.scorecards[0].editable).toBe(false);
    const r = await ines.api.patch(`/api/v1/scorecards/${cardId}`, edit(criterion, 'Too late now.'));
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('scorecard-locked');
    const draft = (await org.api.get(`/api/v1/feedback/${rejected.body.feedback.id}`)).body;
    expect(JSON.stringify(draft)).not.toContain('Too late now');
  });

  it('is locked once the candidate is hired', async () => {
    const org = await newOrganization(mail.h);
    const { application, criterion, ines, cardId } = await interviewerWithCard(org);
    expect(
      (await org.api.post(`/api/v1/applications/${application.id}/stage`, { stage: 'hired' })).status,
    ).toBe(200);
    const r = await ines.api.patch(`/api/v1/scorecards/${cardId}`, edit(criterion, 'Too late now.'));
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('scorecard-locked');
  });

  it('refuses a body that is not a scorecard (400 naming the field)', async () => {
    const org = await newOrganization(mail.h);
    const { criterion, ines, cardId } = await interviewerWithCard(org);
    const r = await ines.api.patch(`/api/v1/scorecards/${cardId}`, {
      ...edit(criterion, 'Fine.'),
      stage: 'final',
    });
    expect(r.status).toBe(400);
  });
});
