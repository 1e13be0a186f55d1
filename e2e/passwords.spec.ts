import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { linkIn, messageTo, password, shot, signUpCandidate, signUpTeam, unique } from './support';

// On a phone: the forms, the emailed link and the settings pages must work at this size.
test.use({ viewport: { width: 390, height: 844 } });
// Each journey signs up and follows one or two emailed links: more steps than most.
test.describe.configure({ timeout: 60_000 });

const NEW_PASSWORD = 'a brand new long passphrase';
const resetLink = (email: string, candidate: boolean) =>
  linkIn(
    email,
    candidate
      ? /(https?:\/\/\S+\/me\/reset-password\/[A-Za-z0-9_-]+)/
      : /(https?:\/\/\S+\/(?<!me\/)reset-password\/[A-Za-z0-9_-]+)/,
  );

async function askForLink(page: Page, email: string) {
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('If an account exists for this address');
}

async function changePassword(page: Page, current: string, next: string) {
  await page.getByLabel('Current password').fill(current);
  await page.getByLabel('New password').fill(next);
  await page.getByRole('button', { name: 'Change password' }).click();
}

test('a team member who forgot their password gets a link, chooses a new one, and other browsers are signed out', async ({
  page,
  browser,
}) => {
  const email = `forgot-${unique()}@example.test`;
  await signUpTeam(page, 'Forgetful Ltd', 'Fran Forgetful', email);
  await expect(page.getByRole('link', { name: 'Fran Forgetful · Forgetful Ltd' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  // Another browser is still signed in with the old password.
  const laptop = await (await browser.newContext()).newPage();
  await laptop.goto('/signin');
  await laptop.getByLabel('Email').fill(email);
  await laptop.getByLabel('Password').fill(password);
  await laptop.getByRole('button', { name: 'Sign in' }).click();
  await expect(laptop.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  await askForLink(page, email);
  await shot(page, 'forgot-password-sent');
  const link = await resetLink(email, false);
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Save password and sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  await laptop.reload();
  await expect(laptop.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  // The link worked once; opened again it says so, with the one next step.
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
  await expect(page.getByText(/This link is not valid or was already used/)).toBeVisible();
  await page.getByRole('link', { name: 'Ask for a new link' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
});

test('a team member changes their password on their account page', async ({ page }) => {
  const email = `change-${unique()}@example.test`;
  await signUpTeam(page, 'Changers', 'Cai Changer', email);
  await page.getByRole('link', { name: 'Cai Changer · Changers' }).click();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();

  await changePassword(page, 'not my password', NEW_PASSWORD);
  await expect(page.getByRole('alert')).toContainText('current password is not right');
  await changePassword(page, password, NEW_PASSWORD);
  await expect(page.getByRole('status')).toContainText('Password changed');
  await shot(page, 'team-settings');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
});

test('a candidate resets a forgotten password, then changes it in settings', async ({ page }) => {
  const email = `cand-forgot-${unique()}@example.test`;
  await signUpCandidate(page, 'Rae Reset', email);
  await expect(page.getByRole('heading', { name: 'Hello, Rae' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await askForLink(page, email);
  await page.goto(await resetLink(email, true));
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Save password and sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Rae' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await changePassword(page, NEW_PASSWORD, 'the third long passphrase');
  await expect(page.getByRole('status')).toContainText('Password changed');
  await shot(page, 'candidate-settings');

  const login = await page.request.post('/api/v1/candidate/login', {
    data: { email, password: 'the third long passphrase' },
  });
  expect(login.status()).toBe(200);
});

test('a candidate exports their data, then deletes the account and is told by email', async ({ page }) => {
  const email = `leaving-${unique()}@example.test`;
  await signUpCandidate(page, 'Ola Nordmann', email);
  await expect(page.getByRole('heading', { name: 'Hello, Ola' })).toBeVisible();
  // Deleting lives in settings now, not on the home page.
  await expect(page.getByRole('button', { name: /Delete my account/ })).toHaveCount(0);
  const tracked = await page.request.post('/api/v1/candidate/applications', {
    data: { company: 'Northwind', role: 'Analyst' },
  });
  expect(tracked.status()).toBe(201);

  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export my data' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^debrief-export-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(data.account.email).toBe(email);
  expect(data.applications.map((a: { company: string }) => a.company)).toEqual(['Northwind']);

  const danger = page.getByRole('region', { name: 'Delete account' });
  await danger.getByLabel('Your password, to confirm').fill('not my password');
  await danger.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(danger.getByRole('alert')).toContainText('password is not right');
  await shot(page, 'candidate-delete');

  await danger.getByLabel('Your password, to confirm').fill(password);
  await danger.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(page.getByRole('heading', { name: 'Your account is deleted' })).toBeVisible();
  await expect(page).toHaveURL(/\/me\/deleted$/);
  const message = await messageTo(email, 'Your Debrief account was deleted');
  expect(message).toContain('were deleted, as you asked');
  const login = await page.request.post('/api/v1/candidate/login', { data: { email, password } });
  expect(login.status()).toBe(401);
});
