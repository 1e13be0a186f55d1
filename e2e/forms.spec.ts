import { expect, test } from '@playwright/test';
import { apiPost, linkIn, password, shot, signUpTeam, unique } from './support';

// The shared form pieces: hints that describe their field, a confirmation that announces itself and goes away,
// and a dialog that asks before discarding work, keeps focus inside and hands it back.

test('a hint describes its field, "Saved" clears itself, and discarding edits asks first', async ({
  page,
}) => {
  await page.goto('/me/signup');
  const pw = page.getByLabel('Password');
  await expect(pw).toHaveAccessibleDescription('At least 10 characters');
  await shot(page, 'forms-signup');
  await page.getByLabel('Your name').fill('Kit Adeyemi');
  const email = `kit-${unique()}@example.test`;
  await page.getByLabel('Email').fill(email);
  await pw.fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  await page.goto(await linkIn(email, /(https?:\/\/\S+\/me\/confirm\/[A-Za-z0-9_-]+)/));
  await page.getByRole('button', { name: 'Confirm and sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Kit' })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Workspace' })
    .getByRole('link', { name: 'Applications' })
    .click();
  await page.getByRole('button', { name: 'Add an application' }).click();
  await page.getByLabel('Company').fill('Acme Freight');
  await page.getByLabel('Role', { exact: true }).fill('Data Engineer');
  await page.getByRole('button', { name: 'Save application' }).click();
  await expect(page.getByRole('heading', { name: /Acme Freight/ })).toBeVisible();
  await page.getByLabel('Change status').selectOption('rejected');
  await page.getByRole('button', { name: 'Save status' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Saved' });
  await expect(saved).toBeVisible();
  await expect(saved).toHaveCount(0, { timeout: 12_000 });

  await page.getByRole('link', { name: 'Ask for feedback' }).click();
  const draft = page.getByLabel('Your email');
  const suggested = await draft.inputValue();
  await draft.press('ControlOrMeta+End');
  await draft.pressSequentially(' Thanks again.');
  const again = page.getByRole('button', { name: 'Start again from the suggestion' });
  await again.click();
  const dialog = page.getByRole('dialog', { name: 'Start again from the suggestion?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await shot(page, 'forms-confirm');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog')))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(again).toBeFocused();
  await expect(draft).toHaveValue(/Thanks again\.$/);

  await again.click();
  await dialog.getByRole('button', { name: 'Discard my edits' }).click();
  await expect(dialog).toBeHidden();
  await expect(draft).toHaveValue(suggested);
  await expect(draft).toBeFocused();
});

test('the review form: a scheduled approval refused for a blocking finding goes out with an admin justification', async ({
  page,
}) => {
  await signUpTeam(page, `Larchmont ${unique()}`, 'Ada Okafor', `ada-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Ada' })).toBeVisible();

  // The new-job form closes on Cancel without creating anything.
  await page.getByRole('navigation').getByRole('link', { name: 'Jobs' }).click();
  await page.getByRole('button', { name: 'New job' }).click();
  await page.getByLabel('Job title').fill('Never created');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'New job' })).toHaveCount(0);
  await expect(page.getByText('No jobs yet')).toBeVisible();

  const post = apiPost(page);
  const job = await post('/jobs', { title: 'Field Engineer', criteria: [{ name: 'Fault finding' }] });
  const app = await post('/applications', {
    jobId: job.id,
    candidate: { name: 'Jo Lindqvist', email: `jo-${unique()}@example.test` },
  });
  await post(`/applications/${app.id}/scorecards`, {
    stage: 'interview',
    ratings: [
      {
        criterionId: job.criteria[0].id,
        rating: 2,
        evidence: 'Found the loose wire on the second board only after replacing the fuse twice.',
      },
    ],
    recommendation: 'no',
  });
  const { feedback } = await post(`/applications/${app.id}/rejection`, { reason: 'skills-gap' });

  await page.goto(`/feedback/${feedback.id}`);
  await expect(page.getByRole('heading', { name: 'Feedback for Jo Lindqvist' })).toBeVisible();
  await page.getByRole('button', { name: 'Edit the whole text' }).click();
  const editor = page.getByLabel('Feedback to the candidate');
  await expect(editor).toHaveValue(/Jo/);
  await editor.fill(`${await editor.inputValue()}\n\nWe felt he was too old for the team.`);
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Send at').fill(`${day}T09:30`);
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Approval refused' })).toContainText('too old');

  const justification = page.getByLabel('Justification for the override');
  await expect(justification).toHaveAccessibleDescription('At least 20 characters.');
  const override = page.getByRole('button', { name: 'Override and approve' });
  await justification.fill('Quoting them');
  await expect(override).toBeDisabled();
  await justification.fill('Quoting the candidate, who asked us to say it plainly');
  await override.click();
  await expect(page.locator('.status-line')).toContainText('scheduled');
  await expect(page.getByText(/Approved; scheduled for/)).toBeVisible();
  await expect(page.getByText('Approved over blocking findings', { exact: true })).toBeVisible();
});
