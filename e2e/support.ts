import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

export const password = 'correct horse battery staple';
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
