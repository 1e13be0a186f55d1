import { expect, test } from '@playwright/test';
import { apiPost, shot, signUpTeam, unique } from './support';

// The recruiter marks the person they hired, closes the job as filled (a dialog says what that does), and rejects
// everyone else at once: the hire is left alone and is never drafted a rejection.

test('the hire is marked, the job closed as filled, and rejecting the rest leaves the hire untouched', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signUpTeam(page, `Keystone ${unique()}`, 'Wren Achebe', `wren-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Wren' })).toBeVisible();
  const post = apiPost(page);
  const job = await post('/jobs', { title: 'Dispatch Lead', criteria: [{ name: 'Calm under pressure' }] });
  const hire = await post('/applications', {
    jobId: job.id,
    candidate: { name: 'Hana Petrov', email: `hana-${unique()}@example.test` },
  });
  for (const name of ['Omar Reyes', 'Tess Lindqvist']) {
    await post('/applications', { jobId: job.id, candidate: { name, email: `c-${unique()}@example.test` } });
  }

  // Mark hired, from the application's page.
  await page.goto(`/applications/${hire.id}`);
  await expect(page.getByRole('heading', { name: 'Hana Petrov' })).toBeVisible();
  await expect(page.getByTestId('stage')).toHaveText('Applied');
  await page.getByRole('button', { name: 'Mark hired' }).click();
  const markDialog = page.getByRole('dialog', { name: 'Move Hana to hired?' });
  await expect(markDialog).toContainText('A hire is never rejected');
  await markDialog.getByRole('button', { name: 'Mark hired' }).click();
  await expect(page.getByTestId('stage')).toHaveText('Hired');
  // A hire can't be rejected from here either.
  await expect(page.getByRole('button', { name: 'Reject…' })).toHaveCount(0);
  await shot(page, 'pipeline-hired');

  // Close as filled: the dialog states the consequences before anything happens.
  await page.getByRole('link', { name: 'Dispatch Lead' }).click();
  await expect(page.getByRole('heading', { name: 'Dispatch Lead' })).toBeVisible();
  await page.getByRole('button', { name: 'Close as filled…' }).click();
  const closeDialog = page.getByRole('dialog', { name: 'Close Dispatch Lead as filled?' });
  await expect(closeDialog).toContainText('1 candidate is marked hired; they are never sent a rejection.');
  await expect(closeDialog).toContainText('No feedback is waiting for the job to be filled.');
  await expect(closeDialog).toContainText('2 applications are still being assessed');
  await shot(page, 'pipeline-close-dialog');
  // Cancelling changes nothing.
  await closeDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(closeDialog).toBeHidden();
  await expect(page.getByText(/Closed as filled on/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Close as filled…' }).click();
  await closeDialog.getByRole('button', { name: 'Close as filled' }).click();
  await expect(page.getByText(/Closed as filled on/)).toBeVisible();

  // Reject the rest: two, not three.
  const panel = page.getByRole('region', { name: 'Reject the 2 remaining applications' });
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Reject 2 applications' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'applications rejected' })).toContainText(
    '2 applications rejected',
    { timeout: 20_000 },
  );
  const hireRow = page.getByRole('row', { name: /Hana Petrov/ });
  await expect(hireRow).toContainText('Hired');
  await expect(hireRow).not.toContainText('draft');
  await expect(page.getByRole('row', { name: /Omar Reyes/ })).toContainText('draft');

  // The stage filter narrows the list.
  await page.getByLabel('Stage', { exact: true }).selectOption('hired');
  await expect(page.getByRole('row', { name: /Omar Reyes|Tess Lindqvist|Hana Petrov/ })).toHaveCount(1);
  await expect(hireRow).toBeVisible();
  await shot(page, 'pipeline-after-bulk');

  // Reopening is behind a dialog too.
  await page.getByRole('button', { name: 'Reopen the job…' }).click();
  await page
    .getByRole('dialog', { name: 'Reopen Dispatch Lead?' })
    .getByRole('button', { name: 'Reopen' })
    .click();
  await expect(page.getByText('Reopened: the job takes applications again.')).toBeVisible();
});
