import { expect, test } from '@playwright/test';
import { linkIn, password, shot, unique } from './support';

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
