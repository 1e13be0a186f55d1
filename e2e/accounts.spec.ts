import { expect, test } from '@playwright/test';
import { finishTeamSignUp, linkIn, password, unique } from './support';

async function signUp(page: import('@playwright/test').Page, org: string, email: string) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin$/);
  await page.getByRole('link', { name: 'Create an organization' }).click();
  await page.getByLabel('Organization name').fill(org);
  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await finishTeamSignUp(page, email);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Ada' })).toBeVisible();
}

test('sign up, sign out, a wrong password is refused, sign in again', async ({ page }) => {
  const email = `ada-${unique()}@example.test`;
  await signUp(page, 'Kinetix', email);
  await expect(page.getByText('Ada Lovelace · Kinetix')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin$/);

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not my password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The email or password is not right');

  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
});

test('an admin invites a member, who joins through the emailed link', async ({ page, browser }) => {
  await signUp(page, 'Inviters', `admin-${unique()}@example.test`);
  await page.getByRole('link', { name: 'Members' }).click();
  const email = `ivan-${unique()}@example.test`;
  await page.getByLabel('Name', { exact: true }).fill('Ivan Interviewer');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role').selectOption('interviewer');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('row', { name: /Ivan Interviewer/ })).toContainText('invited');

  const link = await linkIn(email, /(http:\/\/\S+\/invitations\/[A-Za-z0-9_-]+)/);

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await invitee.getByLabel('Choose a password').fill(password);
  await invitee.getByRole('button', { name: 'Choose password and sign in' }).click();
  await expect(invitee.getByRole('heading', { name: 'Welcome to Debrief, Ivan' })).toBeVisible();
  await expect(invitee.getByText('Ivan Interviewer · Inviters')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('row', { name: /Ivan Interviewer/ })).toContainText('active');

  // The admin deactivates Ivan: his open session ends at once.
  await page.getByRole('button', { name: 'Deactivate Ivan Interviewer' }).click();
  await expect(page.getByRole('row', { name: /Ivan Interviewer/ })).toContainText('deactivated');
  await invitee.reload();
  await expect(invitee.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  // Removing asks first, then Ivan is gone from the list.
  await page.getByRole('button', { name: 'Remove Ivan Interviewer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Ivan Interviewer?' });
  await dialog.getByRole('button', { name: 'Remove member' }).click();
  await expect(page.getByRole('row', { name: /Ivan Interviewer/ })).toHaveCount(0);
});
