import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { password, signUpTeam, unique } from './support';

test('an admin narrows the audit trail, keeps the filters in the address, and downloads them as CSV', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signUpTeam(page, 'Audited Ltd', 'Ada Lovelace', `ada-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Ada' })).toBeVisible();
  for (const title of ['Backend Engineer', '=Formula Engineer']) {
    const r = await page.request.post('/api/v1/jobs', { data: { title, criteria: [{ name: 'SQL' }] } });
    expect(r.status()).toBe(201);
  }
  const invited = await page.request.post('/api/v1/users', {
    data: { name: 'Rae Recruiter', email: `rae-${unique()}@example.test`, role: 'recruiter' },
  });
  expect(invited.status()).toBe(201);

  await page.getByRole('link', { name: 'Audit', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Events' }).locator('tbody tr');
  await expect(rows.first()).toContainText('user.invited');

  await page.getByLabel('Action').fill('job.');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/\/audit\?action=job\.$/);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('=Formula Engineer');
  await expect(rows.nth(1)).toContainText('Backend Engineer');
  await page.reload();
  await expect(page.getByLabel('Action')).toHaveValue('job.');
  await expect(rows).toHaveCount(2);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync((await download.path())!, 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe(
    'at,actor_type,actor_id,actor_name,action,subject_type,subject_id,application_id,data',
  );
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain('job.created');
  expect(lines[2]).toContain('=Formula Engineer');

  // The download is on the record, and a filter that matches nothing says so.
  await page.getByLabel('Action').fill('audit.exported');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(rows).toHaveCount(1);
  await page.getByLabel('From').fill('2001-01-01');
  await page.getByLabel('To').fill('2001-01-31');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('No events match these filters.')).toBeVisible();
});

test('while the organization is to be deleted every page says so, and an admin cancels it', async ({
  page,
}) => {
  await signUpTeam(page, 'Leaving Ltd', 'Ada Lovelace', `ada-${unique()}@example.test`);
  await page.getByRole('link', { name: 'Ada Lovelace · Leaving Ltd' }).click();
  await page.getByLabel('Your password').fill(password);
  await page.getByLabel("The organization's name").fill('Leaving Ltd');
  await page.getByRole('button', { name: 'Delete the organization in 7 days' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'is to be deleted on' });
  await expect(banner).toBeVisible();
  await page.getByRole('link', { name: 'Jobs' }).click();
  await expect(banner).toBeVisible();
  await banner.getByRole('link', { name: 'Cancel the deletion' }).click();
  await page.getByRole('button', { name: 'Cancel the deletion' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete the organization in 7 days' })).toBeVisible();
});
