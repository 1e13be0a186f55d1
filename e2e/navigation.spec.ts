import { expect, test } from '@playwright/test';
import { signUpTeam, unique } from './support';

test('an unknown address shows the not-found page, not the dashboard', async ({ page }) => {
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle('Page not found · Debrief');
  await expect(page.getByRole('link', { name: 'Jobs' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Go to the dashboard' }).click();
  await expect(page).toHaveURL(/\/signin$/);

  await page.goto('/me/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to your workspace' })).toBeVisible();
});

test('public pages have their own titles', async ({ page }) => {
  await page.goto('/signin');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page).toHaveTitle('Sign in · Debrief');
  await page.goto('/f/not-a-real-feedback-link');
  await expect(page.getByRole('heading', { name: 'Link not recognised' })).toBeVisible();
  await expect(page).toHaveTitle('Your feedback · Debrief');
  await page.goto('/me/signup');
  await expect(page).toHaveTitle('Create your account · Debrief');
});

test('each page of the app sets its title and moving between pages puts focus on the heading', async ({
  page,
}) => {
  await signUpTeam(page, 'Wayfinders', 'Grace Hopper', `grace-${unique()}@example.test`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeFocused();
  await expect(page).toHaveTitle('Dashboard · Debrief');

  const nav = page.getByRole('navigation');
  for (const [link, heading] of [
    ['Jobs', 'Jobs'],
    ['Applications', 'Applications'],
    ['Members', 'Members'],
    ['Requests', 'Requests'],
    ['Dashboard', 'Dashboard'],
  ]) {
    await nav.getByRole('link', { name: link }).click();
    const h1 = page.getByRole('heading', { level: 1, name: heading });
    await expect(h1).toBeFocused();
    await expect(page).toHaveTitle(`${heading} · Debrief`);
    await expect(nav.getByRole('link', { name: link })).toHaveClass('active');
  }

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Requests' })).toBeFocused();
  await expect(page).toHaveTitle('Requests · Debrief');
});
