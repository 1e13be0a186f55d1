import { expect, test } from '@playwright/test';
import { apiPost, linkIn, shot, signUpTeam, unique } from './support';

// What the team is offered follows what has happened: a notice is offered until one has gone out, then the page
// says when; once the candidate asks, the day the answer is due stands above the draft. "Send when the job is
// filled" is offered only while the job is open.

test('the notice is offered once, the request shows its deadline, and a closed job does not offer to wait for a hire', async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  await signUpTeam(page, `Harbour ${unique()}`, 'Ines Duarte', `ines-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Ines' })).toBeVisible();
  const post = apiPost(page);
  const job = await post('/jobs', { title: 'Harbour Pilot', criteria: [{ name: 'Chart reading' }] });
  const email = `kai-${unique()}@example.test`;
  const application = await post('/applications', {
    jobId: job.id,
    candidate: { name: 'Kai Moreno', email },
  });
  const { feedback } = await post(`/applications/${application.id}/rejection`, { reason: 'skills-gap' });

  // The job is open: the draft may wait for a hire.
  await page.goto(`/feedback/${feedback.id}`);
  await expect(page.getByRole('button', { name: 'Send when the job is filled' })).toBeVisible();

  // The notice, from the application's page, once.
  await page.goto(`/applications/${application.id}`);
  await page.getByRole('button', { name: 'Send a rejection notice without feedback' }).click();
  await expect(page.getByTestId('notice-sent')).toContainText('Rejection notice sent');
  await expect(page.getByTestId('notice-sent')).toContainText('Kai has not asked for feedback');
  await page.reload();
  await expect(page.getByTestId('notice-sent')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send a rejection notice without feedback' })).toHaveCount(0);

  // The candidate asks from the link in the notice.
  const portal = await linkIn(email, /(https?:\/\/\S+\/f\/[A-Za-z0-9_-]+)/);
  const token = portal.split('/f/')[1];
  const candidate = await browser.newContext();
  const asked = await candidate.request.post(`/api/v1/portal/${token}/request`, {
    data: { message: 'Could you share what I could improve?' },
  });
  expect(asked.ok()).toBeTruthy();
  await candidate.close();

  await page.reload();
  // The navigation counts what waits: one request to answer, one draft to review.
  await expect(
    page.getByRole('link', { name: /^Requests\W*1 request for feedback to answer$/ }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: /^Jobs\W*1 draft waiting for review$/ })).toBeVisible();
  await expect(page.getByTestId('request-deadline')).toContainText('Kai asked for feedback');
  await expect(page.getByTestId('request-deadline')).toContainText('5 working days left');
  await page.getByRole('link', { name: 'Review the draft' }).click();
  await expect(page.getByTestId('request-deadline')).toContainText(/Answer by .*: 5 working days left/);
  await shot(page, 'review-deadline');

  // Once the job is closed, approving sends at once, so waiting for a hire is no longer offered.
  await post(`/jobs/${job.id}/close`, { outcome: 'filled', filledElsewhere: true });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Send now' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send when the job is filled' })).toHaveCount(0);
});
