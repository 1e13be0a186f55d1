import { describe, expect, it } from 'vitest';
import { newOrganization, uniqueEmail } from '../support/harness';
import { jobWithApplication, signedInMember } from '../support/hiring';
import { withMail } from '../support/smtp';

// The applications list keeps its query ready between requests (one per kind of list). These ask for the same kind of
// list again and again with other values, other filters of the same kind and another organization, and check that
// each answer is the one its own request asks for.

const mail = withMail();
type Org = Awaited<ReturnType<typeof newOrganization>>;

async function addCandidate(org: Org, jobId: string, name: string) {
  const r = await org.api.post('/api/v1/applications', {
    jobId,
    candidate: { name, email: uniqueEmail('candidate') },
  });
  expect(r.status).toBe(201);
  return r.body.id as string;
}

const names = async (org: Pick<Org, 'api'>, query: string) => {
  const r = await org.api.get(`/api/v1/applications?${query}`);
  expect(r.status).toBe(200);
  return {
    names: (r.body.items as { candidate: { name: string } }[]).map((i) => i.candidate.name).sort(),
    total: r.body.total as number,
  };
};

describe('the applications list, asked again with other values', () => {
  it('answers each search, stage, status, job and cursor with its own rows', async () => {
    const org = await newOrganization(mail.h);
    const { job, application } = await jobWithApplication(org, 'Platform Engineer');
    const ada = await addCandidate(org, job.id, 'Ada Byron');
    await addCandidate(org, job.id, 'Grace Hopper');
    const other = await org.api.post('/api/v1/jobs', {
      title: 'Data Analyst',
      criteria: [{ name: 'SQL', description: 'Writes correct queries' }],
    });
    await addCandidate(org, other.body.id, 'Alan Turing');

    // The same search, other words.
    // A word no generated address can hold (they carry hex digits).
    expect(await names(org, 'q=byron')).toEqual({ names: ['Ada Byron'], total: 1 });
    expect(await names(org, 'q=hopper')).toEqual({ names: ['Grace Hopper'], total: 1 });
    expect(await names(org, 'q=nobody')).toEqual({ names: [], total: 0 });

    // The same job filter, another job.
    expect((await names(org, `jobId=${job.id}`)).total).toBe(3);
    expect(await names(org, `jobId=${other.body.id}`)).toEqual({ names: ['Alan Turing'], total: 1 });

    // A stage, another stage; a status, another status (a status is a list of stages).
    expect((await org.api.post(`/api/v1/applications/${ada}/stage`, { stage: 'screen' })).status).toBe(200);
    expect(
      (await org.api.post(`/api/v1/applications/${application.id}/stage`, { stage: 'withdrawn' })).status,
    ).toBe(200);
    expect(await names(org, 'stage=screen')).toEqual({ names: ['Ada Byron'], total: 1 });
    expect((await names(org, 'stage=applied')).names).toEqual(['Alan Turing', 'Grace Hopper']);
    expect((await names(org, 'status=active')).names).toEqual(['Ada Byron', 'Alan Turing', 'Grace Hopper']);
    expect(await names(org, 'status=withdrawn')).toEqual({ names: ['Sam Rivera'], total: 1 });

    // The first page, then pages after a cursor, then the first page again.
    const first = await org.api.get('/api/v1/applications?sort=name&limit=1');
    expect(first.body.items[0].candidate.name).toBe('Ada Byron');
    const second = await org.api.get(
      `/api/v1/applications?sort=name&limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items[0].candidate.name).toBe('Alan Turing');
    const third = await org.api.get(
      `/api/v1/applications?sort=name&limit=1&cursor=${second.body.nextCursor}`,
    );
    expect(third.body.items[0].candidate.name).toBe('Grace Hopper');
    expect((await org.api.get('/api/v1/applications?sort=name&limit=2')).body.items).toHaveLength(2);
    // A page past the last row still counts the whole list.
    const last = await org.api.get('/api/v1/applications?sort=name&limit=4');
    expect(last.body).toMatchObject({ total: 4, nextCursor: null });
  });

  it('lists each organization and each member only what is theirs, one after the other', async () => {
    const ours = await newOrganization(mail.h);
    const theirs = await newOrganization(mail.h);
    const a = await jobWithApplication(ours, 'Site Reliability Engineer');
    await jobWithApplication(theirs, 'Site Reliability Engineer');
    await addCandidate(theirs, (await theirs.api.get('/api/v1/jobs')).body.items[0].id, 'Ada Byron');

    expect((await names(ours, 'q=sam')).total).toBe(1);
    expect((await names(theirs, 'q=sam')).total).toBe(1);
    expect((await names(ours, '')).total).toBe(1);
    expect((await names(theirs, '')).total).toBe(2);

    // Two interviewers of one organization, asked in turn: each sees what they are assigned to.
    const ivan = await signedInMember(mail, ours, 'interviewer');
    const iris = await signedInMember(mail, ours, 'interviewer');
    const b = await addCandidate(ours, a.job.id, 'Grace Hopper');
    await ours.api.post(`/api/v1/applications/${a.application.id}/interviewers`, { userId: ivan.id });
    await ours.api.post(`/api/v1/applications/${b}/interviewers`, { userId: iris.id });
    for (let round = 0; round < 2; round++) {
      expect(await names(ivan, '')).toEqual({ names: ['Sam Rivera'], total: 1 });
      expect(await names(iris, '')).toEqual({ names: ['Grace Hopper'], total: 1 });
      expect((await names(ours, '')).total).toBe(2);
    }
  });
});
