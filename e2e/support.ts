import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

export const password = 'correct horse battery staple';

/** POSTs to the team's API with the page's session: the answer's JSON, after checking it succeeded. */
export function apiPost(page: Page) {
  return async (path: string, data?: unknown) => {
    const r = await page.request.post(`/api/v1${path}`, { data });
    expect(r.ok(), `${path}: ${await r.text()}`).toBeTruthy();
    return r.json();
  };
}
export const unique = () => Math.random().toString(36).slice(2, 8);

export const shots = process.env.SCREENSHOT_DIR; // set it to keep screenshots of each screen
export async function shot(page: Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** Decodes quoted-printable soft line breaks and escapes enough to read a link. */
const unQuote = (eml: string) =>
  eml
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

/**
 * Waits until the test SMTP server on 127.0.0.1 (e2e/serve.mjs) has received a message to `to` with a link matching
 * `pattern` (its first group), and returns the link's path, to open against the test server.
 */
export async function linkIn(to: string, pattern: RegExp): Promise<string> {
  const inbox = join(process.env.E2E_DATA_DIR!, 'smtp-inbox');
  let link: string | undefined;
  await expect
    .poll(
      () => {
        for (const f of existsSync(inbox) ? readdirSync(inbox).sort() : []) {
          const eml = unQuote(readFileSync(join(inbox, f), 'utf8'));
          if (new RegExp(`^To: .*${to.replace(/[.+]/g, '\\$&')}`, 'm').test(eml))
            link = pattern.exec(eml)?.[1] ?? link;
        }
        return link;
      },
      { timeout: 20_000 },
    )
    .toBeTruthy();
  return new URL(link!).pathname;
}

/**
 * Signs a team up as a person does: the form, the "check your inbox" answer, the emailed link and its button. Ends
 * signed in, on the dashboard.
 */
export async function signUpTeam(page: Page, organization: string, name: string, email: string) {
  await page.goto('/signup');
  await page.getByLabel('Organization name').fill(organization);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await finishTeamSignUp(page, email);
}

/** After the sign-up form: the message's link, opened, and the organization created. */
export async function finishTeamSignUp(page: Page, email: string) {
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(email);
  await page.goto(await linkIn(email, /(https?:\/\/\S+\/signup\/confirm\/[A-Za-z0-9_-]+)/));
  await page.getByRole('button', { name: 'Create organization' }).click();
}

/** Signs a candidate up the same way; ends signed in, on the workspace's home page. */
export async function signUpCandidate(page: Page, name: string, email: string) {
  await page.goto('/me/signup');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  await page.goto(await linkIn(email, /(https?:\/\/\S+\/me\/confirm\/[A-Za-z0-9_-]+)/));
  await page.getByRole('button', { name: 'Confirm and sign in' }).click();
}

/** Waits until the test SMTP server has received a message to `to` with this subject; returns its text. */
export async function messageTo(to: string, subject: string): Promise<string> {
  const inbox = join(process.env.E2E_DATA_DIR!, 'smtp-inbox');
  let found: string | undefined;
  await expect
    .poll(
      () => {
        for (const f of existsSync(inbox) ? readdirSync(inbox).sort() : []) {
          const eml = unQuote(readFileSync(join(inbox, f), 'utf8'));
          if (
            new RegExp(`^To: .*${to.replace(/[.+]/g, '\\$&')}`, 'm').test(eml) &&
            eml.includes(`Subject: ${subject}`)
          )
            found = eml;
        }
        return found;
      },
      { timeout: 20_000 },
    )
    .toBeTruthy();
  return found!;
}
