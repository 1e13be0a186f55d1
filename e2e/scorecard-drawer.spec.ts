import { expect, test } from '@playwright/test';
import { apiPost, shot, signUpTeam, unique } from './support';

// The scorecard form opens in a drawer that holds focus until it is closed; the author edits their scorecard in the
// same drawer until the application is decided, and the ratings grid at the top of the page follows.

test('the scorecard drawer traps focus, closes on Escape, and the author edits their scorecard until the rejection', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUpTeam(page, `Driftwood ${unique()}`, 'Mina Osei', `mina-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Mina' })).toBeVisible();
  const post = apiPost(page);
  const job = await post('/jobs', {
    title: 'Site Reliability Engineer',
    criteria: [{ name: 'Incident response' }, { name: 'Automation' }],
  });
  const app = await post('/applications', {
    jobId: job.id,
    candidate: { name: 'Ola Berg', email: `ola-${unique()}@example.test` },
  });
  const [incidents, automation] = job.criteria as { id: string }[];
  await post(`/applications/${app.id}/scorecards`, {
    stage: 'interview',
    recommendation: 'no',
    ratings: [
      { criterionId: incidents!.id, rating: 2, evidence: 'Restarted the service before reading the logs.' },
      { criterionId: automation!.id, rating: 3, evidence: 'Scripted the rollback with a dry-run flag.' },
    ],
  });

  await page.goto(`/applications/${app.id}`);
  await expect(page.getByRole('heading', { name: 'Ola Berg', level: 1 })).toBeVisible();
  const grid = page.getByRole('table', { name: 'Ratings by criterion and interviewer' });
  await expect(grid.getByRole('row', { name: /Incident response/ })).toContainText('2 · below');
  await expect(grid.getByRole('row', { name: /Recommendation/ })).toContainText('No');

  // The drawer: modal, named, focus on its first field, kept inside by Tab and Shift+Tab; Escape closes it.
  const add = page.getByRole('button', { name: 'Add a scorecard' });
  await add.click();
  const drawer = page.getByRole('dialog', { name: 'Scorecard for Ola Berg' });
  await expect(drawer).toBeVisible();
  await expect(drawer).toHaveAttribute('aria-modal', 'true');
  await expect(page.getByLabel('Stage', { exact: true })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(drawer.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(drawer.getByRole('button', { name: 'Submit scorecard' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(drawer.getByRole('button', { name: 'Close' })).toBeFocused();
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    expect(await drawer.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await shot(page, 'scorecard-drawer');
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
  await expect(add).toBeFocused();

  // The author edits their scorecard in the drawer: filled in, saved, marked edited; the grid follows.
  await page.getByRole('button', { name: "Edit Mina Osei's interview scorecard" }).click();
  const edit = page.getByRole('dialog', { name: 'Edit your scorecard for Ola Berg' });
  await expect(edit).toBeVisible();
  await expect(edit.getByLabel('Evidence for Incident response')).toHaveValue(
    'Restarted the service before reading the logs.',
  );
  await edit.getByRole('group', { name: 'Incident response' }).getByLabel('3 meets').check();
  await edit
    .getByLabel('Evidence for Incident response')
    .fill('Read the logs first, then restarted the one failing worker.');
  await edit.getByLabel('Recommendation').selectOption('yes');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Scorecard saved' })).toBeVisible();
  await expect(grid.getByRole('row', { name: /Incident response/ })).toContainText('3 · meets');
  await expect(grid.getByRole('row', { name: /Recommendation/ })).toContainText('Yes');
  const card = page.locator('.scorecard');
  await expect(card).toContainText('Read the logs first');
  await expect(card).toContainText('edited');

  // Rejected: the scorecard is locked, and neither the scorecard nor the reject button is offered.
  await page.getByRole('button', { name: 'Reject…' }).click();
  const reject = page.getByRole('dialog', { name: 'Reject Ola Berg' });
  await reject.getByLabel('Reason').selectOption('skills-gap');
  await reject.getByRole('button', { name: 'Reject and draft feedback' }).click();
  await expect(page.getByRole('heading', { name: 'Feedback for Ola Berg' })).toBeVisible();
  await page.goto(`/applications/${app.id}`);
  await expect(page.getByRole('heading', { name: 'Ola Berg', level: 1 })).toBeVisible();
  await expect(page.locator('.scorecard')).toContainText('Read the logs first');
  await expect(page.getByRole('button', { name: /^Edit / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add a scorecard' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reject…' })).toHaveCount(0);
});
