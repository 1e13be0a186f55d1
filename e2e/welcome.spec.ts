import { expect, test } from '@playwright/test';
import { apiPost, linkIn, password, signUpTeam, unique } from './support';

// The dashboard's welcome card fits the member: an admin's setup steps, ticked as they are done; an interviewer's
// assigned scorecards.

test('an admin sees the setup steps; an interviewer sees the applications assigned to them', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signUpTeam(page, `Lantern ${unique()}`, 'Hana Reyes', `hana-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Hana' })).toBeVisible();
  const steps = page.getByRole('list', { name: 'Setting up' });
  await expect(steps.getByRole('link', { name: 'Create a job with the criteria it requires' })).toBeVisible();
  await expect(steps.getByRole('listitem').first()).not.toContainText('done');

  const post = apiPost(page);
  const job = await post('/jobs', { title: 'Line Cook', criteria: [{ name: 'Knife work' }] });
  const app = await post('/applications', {
    jobId: job.id,
    candidate: { name: 'Rae Lund', email: `rae-${unique()}@example.test` },
  });
  await page.reload();
  await expect(steps.getByRole('listitem').first()).toContainText('done');
  await expect(steps.getByRole('listitem').nth(1)).not.toContainText('done');
  // With a job and a team, the organization is set up: the card gives way.
  const email = `ivo-${unique()}@example.test`;
  const ivo = await post('/users', { name: 'Ivo Tan', email, role: 'interviewer' });
  await page.reload();
  await expect(page.getByText('Welcome back, Hana.')).toBeVisible();
  await expect(steps).toHaveCount(0);

  const interviewer = await (await browser.newContext()).newPage();
  await interviewer.goto(await linkIn(email, /(http:\/\/\S+\/invitations\/[A-Za-z0-9_-]+)/));
  await interviewer.getByLabel('Choose a password').fill(password);
  await interviewer.getByRole('button', { name: 'Choose password and sign in' }).click();
  await expect(interviewer.getByRole('heading', { name: 'Welcome to Debrief, Ivo' })).toBeVisible();
  await expect(interviewer.getByText('No interviews are assigned to you yet.')).toBeVisible();
  await expect(interviewer.getByRole('list', { name: 'Setting up' })).toHaveCount(0);

  await post(`/applications/${app.id}/interviewers`, { userId: ivo.id });
  await interviewer.reload();
  const mine = interviewer.getByRole('list', { name: 'Your assigned scorecards' });
  await mine.getByRole('link', { name: 'Rae Lund' }).click();
  await expect(interviewer.getByRole('heading', { name: 'Rae Lund', level: 1 })).toBeVisible();
  await expect(interviewer.getByRole('button', { name: 'Add a scorecard' })).toBeVisible();
});

test('a reviewer sees the drafts waiting for them, each a link to its review', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signUpTeam(page, `Quay ${unique()}`, 'Hana Reyes', `hana-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Hana' })).toBeVisible();
  const post = apiPost(page);
  const job = await post('/jobs', { title: 'Barista', criteria: [{ name: 'Latte art' }] });
  const app = await post('/applications', {
    jobId: job.id,
    candidate: { name: 'Noa Berg', email: `noa-${unique()}@example.test` },
  });
  await post(`/applications/${app.id}/scorecards`, {
    stage: 'interview',
    recommendation: 'no',
    ratings: [{ criterionId: job.criteria[0].id, rating: 2, evidence: 'The rosetta lost its shape twice.' }],
  });
  await post(`/applications/${app.id}/rejection`, { reason: 'skills-gap' });
  const email = `rita-${unique()}@example.test`;
  await post('/users', { name: 'Rita Kay', email, role: 'recruiter' });

  const reviewer = await (await browser.newContext()).newPage();
  await reviewer.goto(await linkIn(email, /(http:\/\/\S+\/invitations\/[A-Za-z0-9_-]+)/));
  await reviewer.getByLabel('Choose a password').fill(password);
  await reviewer.getByRole('button', { name: 'Choose password and sign in' }).click();
  await expect(reviewer.getByRole('heading', { name: 'Welcome to Debrief, Rita' })).toBeVisible();
  await expect(reviewer.getByText('1 draft is waiting for your review')).toBeVisible();
  await reviewer.getByRole('link', { name: 'Review the feedback for Noa Berg' }).click();
  await expect(reviewer.getByRole('heading', { name: 'Feedback for Noa Berg' })).toBeVisible();
});
