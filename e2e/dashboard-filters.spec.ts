import { expect, test } from '@playwright/test';
import { apiPost, signUpTeam, unique } from './support';

// The dashboard for one job and the days candidates were rejected on: each figure opens the list behind it.

test('the dashboard filtered by job and days links each figure to the matching list', async ({ page }) => {
  test.setTimeout(60_000);
  await signUpTeam(page, `Figures ${unique()}`, 'Noor Haddad', `noor-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Noor' })).toBeVisible();

  const post = apiPost(page);
  const reject = async (jobId: string, name: string) => {
    const app = await post('/applications', {
      jobId,
      candidate: { name, email: `${unique()}@example.test` },
    });
    await post(`/applications/${app.id}/rejection`, { reason: 'skills-gap' });
  };
  const planner = await post('/jobs', { title: 'Warehouse Planner', criteria: [{ name: 'Route planning' }] });
  const driver = await post('/jobs', { title: 'Delivery Driver', criteria: [{ name: 'Safe driving' }] });
  await reject(planner.id, 'Ana Lopes');
  await reject(planner.id, 'Ben Okafor');
  await reject(driver.id, 'Chloe Martin');

  await page.goto('/');
  const drafts = page.locator('section', { has: page.getByRole('heading', { name: 'Drafts waiting' }) });
  await expect(drafts.locator('.big')).toHaveText('3');

  await page.getByLabel('Job', { exact: true }).selectOption({ label: 'Warehouse Planner' });
  await expect(page).toHaveURL(new RegExp(`job=${planner.id}`));
  await expect(drafts.getByRole('link', { name: '2 drafts waiting' })).toBeVisible();

  // Nobody was rejected from tomorrow on.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Rejected from').fill(day(1));
  await expect(drafts.getByRole('link', { name: '0 drafts waiting' })).toBeVisible();
  await page.getByLabel('Rejected from').fill(day(0));
  await expect(page).toHaveURL(new RegExp(`from=${day(0)}`));

  await drafts.getByRole('link', { name: '2 drafts waiting' }).click();
  await expect(page.getByRole('heading', { name: 'Warehouse Planner' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/jobs/${planner.id}\\?.*feedback=draft.*rejectedFrom=${day(0)}`));
  await expect(page.getByText(`Rejected from ${day(0)}`)).toBeVisible();
  await expect(page.getByRole('row', { name: /Ana Lopes|Ben Okafor|Chloe Martin/ })).toHaveCount(2);
  await expect(page.getByRole('row', { name: /Chloe Martin/ })).toHaveCount(0);
  await expect(page.getByText('2 applications')).toBeVisible();
});
