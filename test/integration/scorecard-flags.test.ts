import { describe, expect, it } from 'vitest';
import { newOrganization } from '../support/harness';
import { jobWithApplication, signedInMember } from '../support/hiring';
import { withMail } from '../support/smtp';

const mail = withMail();

type Org = Awaited<ReturnType<typeof newOrganization>>;

const RISKY = 'She is a digital native, so she rushed through the stakeholder role-play.';
const REASON = 'The panel needs to see what was said in the room';

const member = async (org: Org, role: string) => (await signedInMember(mail, org, role, `Rui ${role}`)).api;

/** An interview scorecard: clean evidence for detail (2, below) and communication (3, meets). */
async function cleanCard(org: Org, applicationId: string, criterion: Record<string, string>) {
  const res = await org.api.post(`/api/v1/applications/${applicationId}/scorecards`, {
    stage: 'interview',
    recommendation: 'no',
    ratings: [
      {
        criterionId: criterion['Attention to detail'],
        rating: 2,
        evidence: 'The written exercise had three typos in the API field names.',
      },
      {
        criterionId: criterion.Communication,
        rating: 3,
        evidence: 'Summarised the project in two minutes and took questions well.',
      },
    ],
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** A scorecard whose communication evidence has a blocking finding (rated 1, well below). */
const riskyCard = (criterion: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  stage: 'interview',
  recommendation: 'strong_no',
  notes: 'Compare with the other finalists.',
  ratings: [
    { criterionId: criterion.Communication, rating: 1, evidence: RISKY },
    {
      criterionId: criterion['System design'],
      rating: 3,
      evidence: 'Planned retries with backoff for the payment provider.',
    },
  ],
  ...extra,
});

const audit = async (org: Org, applicationId: string) =>
  (await org.api.get(`/api/v1/audit?applicationId=${applicationId}`)).body.events as {
    action: string;
    actor: { name: string };
    data: Record<string, unknown>;
  }[];

describe('evidence with a blocking finding', () => {
  it('is refused without a confirmation (422 naming the criterion and the finding) and nothing is written', async () => {
    const org = await newOrganization(mail.h);
    const { application, criterion } = await jobWithApplication(org);
    const refused = await org.api.post(
      `/api/v1/applications/${application.id}/scorecards`,
      riskyCard(criterion),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('blocking-findings');
    expect(refused.body.error.message).toContain('Communication');
    expect(refused.body.error.message).toContain('digital native');
    expect(refused.body.error.message).toContain('submit anyway');
    const detail = await org.api.get(`/api/v1/applications/${application.id}`);
    expect(detail.body.scorecards).toEqual([]);
    expect(detail.body.stage).toBe('applied');
    expect((await audit(org, application.id)).map((e) => e.action)).not.toContain('scorecard.submitted');

    // A confirmation must carry a reason.
    for (const submitAnyway of [{ reason: '   ' }, { reason: 'x'.repeat(1001) }, true, {}]) {
      const bad = await org.api.post(
        `/api/v1/applications/${application.id}/scorecards`,
        riskyCard(criterion, { submitAnyway }),
      );
      expect(bad.status, JSON.stringify(submitAnyway).slice(0, 40)).toBe(400);
      expect(bad.body.error.message).toContain('submitAnyway');
    }
    expect((await org.api.get(`/api/v1/applications/${application.id}`)).body.scorecards).toEqual([]);
  });

  it('private notes are checked but do not block: they never reach a candidate', async () => {
    const org = await newOrganization(mail.h);
    const { application, criterion } = await jobWithApplication(org);
    const res = await org.api.post(`/api/v1/applications/${application.id}/scorecards`, {
      stage: 'screen',
      recommendation: 'no',
      notes: 'Seems too old for a fast-moving startup team.',
      ratings: [{ criterionId: criterion.Communication, rating: 2, evidence: 'Answers wandered off topic.' }],
    });
    expect(res.status).toBe(201);
    expect(res.body.findings.some((f: { field: string }) => f.field === 'notes')).toBe(true);
    const detail = await org.api.get(`/api/v1/applications/${application.id}`);
    expect(detail.body.scorecards[0].ratings[0].flag).toBeNull();
  });

  it('submitted anyway with a reason: marked, audited without the text, left out of the draft and the statistics', async () => {
    const org = await newOrganization(mail.h);
    const { application, criterion } = await jobWithApplication(org);
    await cleanCard(org, application.id, criterion);
    const res = await org.api.post(
      `/api/v1/applications/${application.id}/scorecards`,
      riskyCard(criterion, { submitAnyway: { reason: `  ${REASON}  ` } }),
    );
    expect(res.status).toBe(201);
    expect(res.body.findings.some((f: { severity: string }) => f.severity === 'block')).toBe(true);

    const detail = await org.api.get(`/api/v1/applications/${application.id}`);
    const card = detail.body.scorecards[1];
    const comms = card.ratings.find(
      (r: { criterionId: string }) => r.criterionId === criterion.Communication,
    );
    const design = card.ratings.find(
      (r: { criterionId: string }) => r.criterionId === criterion['System design'],
    );
    expect(comms.evidence).toBe(RISKY);
    expect(comms.flag).toMatchObject({
      reason: REASON,
      by: { name: 'Ada Admin' },
      rules: expect.arrayContaining([expect.objectContaining({ category: 'proxy' })]),
    });
    expect(comms.redaction).toBeNull();
    expect(design.flag).toBeNull();

    const events = await audit(org, application.id);
    const confirmed = events.find((e) => e.action === 'scorecard.submitted-anyway');
    expect(confirmed).toMatchObject({ actor: { name: 'Ada Admin' }, data: { reason: REASON } });
    expect(JSON.stringify(events)).not.toContain('digital native');

    // The draft: the flagged rating of 1 does not drag communication (3 on the clean scorecard) into a gap.
    const rejected = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'skills-gap',
    });
    expect(rejected.status).toBe(201);
    const draft = rejected.body.feedback;
    expect(draft.body).not.toContain('digital native');
    expect(draft.body).not.toContain('role-play');
    expect(draft.body.toLowerCase()).not.toContain('communication');
    expect(draft.body).toContain('Attention to detail');
    // The same scorecard's other, clean evidence is used as usual.
    const links = draft.evidence.map(
      (e: { scorecardId: string; criterionId: string }) => `${e.scorecardId}:${e.criterionId}`,
    );
    expect(links).not.toContain(`${card.id}:${criterion.Communication}`);
    expect(links).toContain(`${card.id}:${criterion['System design']}`);
    const drafted = (await audit(org, application.id)).find((e) => e.action === 'feedback.drafted');
    expect(drafted?.data.flaggedLeftOut).toBe(1);

    // The dashboard: communication is no common gap, and it says one rating was left out.
    const stats = (await org.api.get('/api/v1/stats')).body;
    expect(stats.commonGaps).toEqual([{ criterion: 'Attention to detail', count: 1 }]);
    expect(stats.ratingsLeftOut).toBe(1);
  });

  it('with no blocking finding, a confirmation changes nothing', async () => {
    const org = await newOrganization(mail.h);
    const { application, criterion } = await jobWithApplication(org);
    const res = await org.api.post(`/api/v1/applications/${application.id}/scorecards`, {
      stage: 'screen',
      recommendation: 'yes',
      submitAnyway: { reason: 'Just in case' },
      ratings: [{ criterionId: criterion.Communication, rating: 3, evidence: 'Clear, direct answers.' }],
    });
    expect(res.status).toBe(201);
    const detail = await org.api.get(`/api/v1/applications/${application.id}`);
    expect(detail.body.scorecards[0].ratings[0].flag).toBeNull();
    expect((await audit(org, application.id)).map((e) => e.action)).not.toContain(
      'scorecard.submitted-anyway',
    );
  });
});

describe('redacting evidence', () => {
  it('an admin removes the text for good: gone from the API, the feedback and the audit trail, which keeps who and why', async () => {
    const org = await newOrganization(mail.h);
    const { application, criterion } = await jobWithApplication(org);
    const cardId = await cleanCard(org, application.id, criterion);
    await org.api.post(
      `/api/v1/applications/${application.id}/scorecards`,
      riskyCard(criterion, { submitAnyway: { reason: REASON } }),
    );
    const before = await org.api.get(`/api/v1/applications/${application.id}`);
    const risky = before.body.scorecards[1];
    const flagged = risky.ratings.find((r: { flag: unknown }) => r.flag);

    const url = `/api/v1/scorecards/${risky.id}/ratings/${flagged.id}/redact`;
    expect((await org.api.post(url, { reason: '' })).status).toBe(400);
    const res = await org.api.post(url, { reason: 'Describes the candidate by age, not by the work' });
    expect(res.status).toBe(200);
    expect(res.body.quotedBy).toBeNull();
    expect(res.body.rating).toMatchObject({
      id: flagged.id,
      evidence: '',
      redaction: { reason: 'Describes the candidate by age, not by the work', by: { name: 'Ada Admin' } },
    });
    expect((await org.api.post(url, { reason: 'Again' })).status).toBe(409);

    const after = await org.api.get(`/api/v1/applications/${application.id}`);
    expect(JSON.stringify(after.body)).not.toContain('digital native');
    const events = await audit(org, application.id);
    const redacted = events.find((e) => e.action === 'scorecard.evidence-redacted');
    expect(redacted).toMatchObject({
      actor: { name: 'Ada Admin' },
      data: { reason: 'Describes the candidate by age, not by the work', ratingId: flagged.id },
    });
    expect(JSON.stringify(events)).not.toContain('digital native');

    // Evidence a draft already quoted: the draft's link to it goes too, and the rating counts no more.
    const rejected = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'skills-gap',
    });
    const quoted = rejected.body.feedback.evidence.find(
      (e: { scorecardId: string }) => e.scorecardId === cardId,
    );
    expect(quoted.excerpt).toContain('typos');
    const clean = after.body.scorecards[0].ratings.find(
      (r: { criterionId: string }) => r.criterionId === criterion['Attention to detail'],
    );
    const again = await org.api.post(`/api/v1/scorecards/${cardId}/ratings/${clean.id}/redact`, {
      reason: 'The interviewer asked for it to be removed',
    });
    expect(again.status).toBe(200);
    expect(again.body.quotedBy).toEqual({ id: rejected.body.feedback.id, status: 'draft' });
    const fb = await org.api.get(`/api/v1/feedback/${rejected.body.feedback.id}`);
    expect(JSON.stringify(fb.body.feedback.evidence)).not.toContain('typos');
    // The draft's outline loses the link too; its sections keep their wording.
    expect(
      JSON.stringify(fb.body.feedback.outline.gaps.flatMap((g: { evidence: unknown }) => g.evidence)),
    ).not.toContain('typos');
    expect(fb.body.feedback.outline.gaps.length).toBeGreaterThan(0);
    expect((await org.api.get('/api/v1/stats')).body.ratingsLeftOut).toBe(2);
  });

  it('redacted evidence never reaches a draft', async () => {
    const org = await newOrganization(mail.h);
    const { application, criterion } = await jobWithApplication(org);
    const cardId = await cleanCard(org, application.id, criterion);
    const detail = await org.api.get(`/api/v1/applications/${application.id}`);
    for (const r of detail.body.scorecards[0].ratings) {
      const res = await org.api.post(`/api/v1/scorecards/${cardId}/ratings/${r.id}/redact`, {
        reason: 'Written about the wrong candidate',
      });
      expect(res.status).toBe(200);
    }
    const rejected = await org.api.post(`/api/v1/applications/${application.id}/rejection`, {
      reason: 'skills-gap',
    });
    expect(rejected.status).toBe(201);
    const draft = rejected.body.feedback;
    expect(draft.body).not.toContain('typos');
    expect(draft.body).not.toContain('two minutes');
    expect(draft.evidence).toEqual([]);
  });

  it('is refused to a member who is not an admin (403) and to another organization (404); nothing changes', async () => {
    const org = await newOrganization(mail.h);
    const { application, criterion } = await jobWithApplication(org);
    const cardId = await cleanCard(org, application.id, criterion);
    const detail = await org.api.get(`/api/v1/applications/${application.id}`);
    const rating = detail.body.scorecards[0].ratings[0];
    const url = `/api/v1/scorecards/${cardId}/ratings/${rating.id}/redact`;

    for (const role of ['recruiter', 'hiring-manager']) {
      const res = await (await member(org, role)).post(url, { reason: 'Not mine to remove' });
      expect(res.status, role).toBe(403);
    }
    const other = await newOrganization(mail.h, 'Elsewhere');
    expect((await other.api.post(url, { reason: 'Not ours' })).status).toBe(404);
    // A rating of another scorecard, or no such rating, is not found either.
    const second = await cleanCard(org, application.id, criterion);
    expect(
      (await org.api.post(`/api/v1/scorecards/${second}/ratings/${rating.id}/redact`, { reason: 'x' }))
        .status,
    ).toBe(404);

    const after = await org.api.get(`/api/v1/applications/${application.id}`);
    expect(after.body.scorecards[0].ratings[0]).toMatchObject({ evidence: rating.evidence, redaction: null });
    expect((await audit(org, application.id)).map((e) => e.action)).not.toContain(
      'scorecard.evidence-redacted',
    );
  });
});
