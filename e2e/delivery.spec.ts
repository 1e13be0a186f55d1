import { expect, test } from '@playwright/test';
import { linkIn, shot, signUpTeam, unique } from './support';

// An email the mail server refuses for good: the review screen says why at once, and the team sends it again to the
// corrected address. (The test mail server refuses every address whose name starts with "nobody-".)

test('a refused address shows its reason, and the feedback is sent again to the corrected address', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const wrong = `nobody-${unique()}@example.test`;
  const corrected = `sam-${unique()}@example.test`;

  await signUpTeam(page, `Bounce ${unique()}`, 'Hana Reyes', `hana-${unique()}@example.test`);
  await page.getByRole('navigation').getByRole('link', { name: 'Jobs' }).click();
  await page.getByRole('button', { name: 'New job' }).click();
  await page.getByLabel('Job title').fill('Data Analyst');
  await page.getByLabel('Criterion 1 name').fill('SQL');
  await page.getByRole('button', { name: 'Create job' }).click();
  await expect(page.getByRole('heading', { name: 'Data Analyst' })).toBeVisible();
  await page.getByLabel('Candidate name').fill('Sam Rivera');
  await page.getByLabel('Candidate email').fill(wrong);
  await page.getByRole('button', { name: 'Add application' }).click();
  await page.getByRole('link', { name: 'Sam Rivera' }).click();
  await page.getByRole('button', { name: 'Reject…' }).click();
  await page.getByLabel('Reason').selectOption('skills-gap');
  await page.getByRole('button', { name: 'Reject and draft feedback' }).click();
  await expect(page.getByRole('heading', { name: 'Feedback for Sam Rivera' })).toBeVisible();

  await page.getByRole('button', { name: 'Send now' }).click();
  const note = page.locator('.status-note');
  await expect(note).toContainText('Failed: 550 5.1.1 mailbox unavailable', { timeout: 20_000 });
  await expect(note).toContainText(`refused ${wrong} for good`);
  await expect(page.locator('.status-line')).toContainText('failed');
  await expect(page.getByText('Sending failed')).toBeVisible();
  const address = page.getByLabel("Candidate's email address");
  await expect(address).toHaveValue(wrong);
  await shot(page, 'delivery-failed');

  await address.fill(corrected);
  await page.getByRole('button', { name: 'Send again' }).click();
  await expect(page.locator('.status-line')).toContainText('sent', { timeout: 20_000 });
  await expect(note).toContainText(`to ${corrected}`);
  await expect(page.getByText("The candidate's address corrected")).toBeVisible();
  await expect(page.getByText('Sent again', { exact: true })).toBeVisible();
  await shot(page, 'delivery-resent');
  expect(await linkIn(corrected, /(https?:\/\/\S+\/f\/[A-Za-z0-9_-]+)/)).toMatch(/^\/f\//);
});
