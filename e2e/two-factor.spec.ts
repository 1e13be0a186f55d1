import { expect, type Page, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { linkIn, password, shot, signUpTeam, unique } from './support';

// Each journey signs up, sets up an app and signs in several times.
test.describe.configure({ timeout: 120_000 });

/** What an authenticator app holding this key shows, `steps` periods from now. */
const codeFor = (key: string, steps = 0) =>
  new TOTP({ secret: Secret.fromBase32(key.replace(/\s/g, '')), digits: 6, period: 30 }).generate({
    timestamp: Date.now() + steps * 30_000,
  });

async function signInWithPassword(page: Page, email: string) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a team member sets up two-factor sign-in, then signs in with a code, and with a recovery code once', async ({
  page,
}) => {
  const email = `two-factor-${unique()}@example.test`;
  await signUpTeam(page, 'Second Factor Ltd', 'Tove Factor', email);
  await page.getByRole('link', { name: 'Tove Factor · Second Factor Ltd' }).click();
  const section = page.getByRole('region', { name: 'Two-factor sign-in' });
  await section.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  await expect(section.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const key = (await section.locator('.totp-key').textContent()) ?? '';
  expect(key.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{32}$/);
  await shot(page, 'two-factor-setup');

  await section.getByLabel('Code from your authenticator app').fill('000000');
  await section.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await expect(section.getByRole('alert')).toContainText('not right');
  await section.getByLabel('Code from your authenticator app').fill(codeFor(key));
  await section.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  const codes = section.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent()) ?? '';
  await shot(page, 'two-factor-recovery-codes');
  await section.getByRole('button', { name: 'I have saved my codes' }).click();
  await expect(section).toContainText('10 of 10 recovery codes left');

  // Signing in now asks for the code after the password.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInWithPassword(page, email);
  await expect(page.getByRole('heading', { name: 'Enter your code' })).toBeVisible();
  await page.getByLabel('Code from your authenticator app').fill(codeFor(key, 1));
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  // Without the phone: a recovery code works once.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInWithPassword(page, email);
  await page.getByRole('button', { name: 'Lost your phone? Use a recovery code' }).click();
  await page.getByLabel('Recovery code').fill(recovery);
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInWithPassword(page, email);
  await page.getByRole('button', { name: 'Lost your phone? Use a recovery code' }).click();
  await page.getByLabel('Recovery code').fill(recovery);
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('already used');
  await shot(page, 'two-factor-code-step');
});

test('when the organization requires it, a member without it sets it up right after the password', async ({
  page,
  browser,
}) => {
  const email = `required-${unique()}@example.test`;
  await signUpTeam(page, 'Strict Co', 'Sol Strict', email);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  // The admin turns it on for themselves through the API the page uses, then requires it.
  const started = await page.request.post('/api/v1/auth/two-factor/enrolment', { data: {} });
  expect(started.status()).toBe(200);
  const { secret } = await started.json();
  expect(
    (
      await page.request.post('/api/v1/auth/two-factor/enrolment/confirm', {
        data: { code: codeFor(secret) },
      })
    ).status(),
  ).toBe(200);
  await page.goto('/settings');
  const org = page.getByRole('region', { name: 'How your organization signs in' });
  await org.getByLabel('Require two-factor sign-in for every member').check();
  await org.getByRole('button', { name: 'Save requirement' }).click();
  await expect(org.getByRole('status')).toContainText('Required.');

  // The admin, in another browser, is asked for their code.
  const laptop = await (await browser.newContext()).newPage();
  await signInWithPassword(laptop, email);
  await expect(laptop.getByRole('heading', { name: 'Enter your code' })).toBeVisible();
  await laptop.close();

  // An invited member: after the password, only the setup.
  const member = `member-${unique()}@example.test`;
  expect(
    (
      await page.request.post('/api/v1/users', {
        data: { name: 'Mia Member', email: member, role: 'interviewer' },
      })
    ).status(),
  ).toBe(201);
  const other = await (await browser.newContext()).newPage();
  await other.goto(await linkIn(member, /(https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+)/));
  await other.getByLabel('Choose a password').fill(password);
  await other.getByRole('button', { name: 'Choose password and sign in' }).click();
  await expect(other.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signInWithPassword(other, member);
  await expect(other.getByRole('heading', { name: 'Set up two-factor sign-in' })).toBeVisible();
  const key = (await other.locator('.totp-key').textContent()) ?? '';
  await other.getByLabel('Code from your authenticator app').fill(codeFor(key));
  await other.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await expect(other.getByRole('heading', { name: 'Two-factor sign-in is on' })).toBeVisible();
  await other.getByRole('button', { name: 'I have saved my codes' }).click();
  await expect(other.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
});
