import { expect } from 'vitest';
import type { Harness } from './harness';
import { linkIn, type newOrganization, PASSWORD, sessionCookie, uniqueEmail } from './harness';
import type { withMail } from './smtp';

type Org = Awaited<ReturnType<typeof newOrganization>>;

export const CRITERIA = [
  { name: 'Attention to detail', description: 'Careful, accurate written work' },
  { name: 'System design', description: 'Designs services that scale and fail safely' },
  { name: 'Communication', description: 'Explains technical trade-offs clearly' },
];

/** A job with three criteria and one candidate's application, through the API. */
export async function jobWithApplication(org: Org, title = 'Backend Engineer') {
  const job = await org.api.post('/api/v1/jobs', { title, criteria: CRITERIA });
  expect(job.status).toBe(201);
  const candidateEmail = uniqueEmail('candidate');
  const app = await org.api.post('/api/v1/applications', {
    jobId: job.body.id,
    candidate: { name: 'Sam Rivera', email: candidateEmail },
  });
  expect(app.status).toBe(201);
  const byName = Object.fromEntries(
    job.body.criteria.map((c: { name: string; id: string }) => [c.name, c.id]),
  );
  return {
    job: job.body,
    application: app.body,
    candidateEmail,
    criterion: byName as Record<string, string>,
  };
}

/** Invites a member with this role; they accept through the emailed link and sign in. */
export async function signedInMember(
  mail: ReturnType<typeof withMail>,
  org: Org,
  role: string,
  name = `Iris ${role}`,
) {
  const email = uniqueEmail(role);
  const invited = await org.api.post('/api/v1/users', { name, email, role });
  expect(invited.status).toBe(201);
  await mail.h.drainJobs();
  const { token } = linkIn(mail.inbox(email)[0]!.text);
  expect((await mail.h.anon.post('/api/v1/invitations/accept', { token, password: PASSWORD })).status).toBe(
    200,
  );
  const signIn = await mail.h.anon.post('/api/v1/auth/login', { email, password: PASSWORD });
  expect(signIn.status).toBe(200);
  return {
    id: invited.body.id as string,
    name,
    email,
    api: mail.h.as({ cookie: sessionCookie(signIn.headers) }),
  };
}

/** Invites a member of the hiring team (the invitation need not be accepted for them to be named). */
export async function inviteMember(org: Org, name: string, role = 'interviewer') {
  const r = await org.api.post('/api/v1/users', { name, email: uniqueEmail('member'), role });
  expect(r.status).toBe(201);
  return r.body as { id: string; name: string; email: string };
}

/**
 * Two rounds of scorecards, recorded by the admin on behalf of two interviewers (Priya Natarajan, then Tomasz
 * Wójcik): weak on detail, strong on communication.
 */
export async function scoreTwoRounds(org: Org, applicationId: string, criterion: Record<string, string>) {
  const priya = await inviteMember(org, 'Priya Natarajan');
  const tomasz = await inviteMember(org, 'Tomasz Wójcik');
  const interview = await org.api.post(`/api/v1/applications/${applicationId}/scorecards`, {
    onBehalfOf: priya.id,
    stage: 'interview',
    recommendation: 'no',
    notes: 'Private: compare with the other finalists before Friday.',
    ratings: [
      {
        criterionId: criterion['Attention to detail'],
        rating: 1,
        evidence: 'The written exercise had three typos in the API field names and a wrong status code.',
      },
      {
        criterionId: criterion['System design'],
        rating: 2,
        evidence: 'The design had no plan for retries when the payment provider times out.',
      },
      {
        criterionId: criterion.Communication,
        rating: 4,
        evidence: 'Explained the caching trade-off clearly with a diagram.',
      },
    ],
  });
  expect(interview.status).toBe(201);
  const final = await org.api.post(`/api/v1/applications/${applicationId}/scorecards`, {
    onBehalfOf: tomasz.id,
    stage: 'final',
    recommendation: 'no',
    ratings: [
      {
        criterionId: criterion['Attention to detail'],
        rating: 2,
        evidence: 'Missed two edge cases in the pagination code that Tomasz pointed out.',
      },
      { criterionId: criterion.Communication, rating: 3, evidence: 'Answered follow-up questions directly.' },
    ],
  });
  expect(final.status).toBe(201);
  return { interview: interview.body, final: final.body };
}

export async function drainUntil(h: Harness, done: () => boolean | Promise<boolean>, rounds = 100) {
  for (let i = 0; i < rounds; i++) {
    await h.drainJobs();
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}
