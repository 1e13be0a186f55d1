import { expect, test } from '@playwright/test';
import { startFakeGreenhouse } from '../test/support/fake-greenhouse';
import { shot, signUpTeam, unique } from './support';

// Greenhouse on top: an admin connects it, pastes nothing but reads the webhook URL and secret, a rejection made in
// Greenhouse arrives as a checked draft, is reviewed and sent, and the note appears on the candidate in Greenhouse.
// The local Greenhouse (test/support/fake-greenhouse.ts) listens where the server's GREENHOUSE_API_URL points.
const GREENHOUSE_PORT = Number(process.env.E2E_GREENHOUSE_PORT ?? 3218);
const KEY = 'harvest-e2e-5b7c9d1e3f';

test('connect Greenhouse, a rejection arrives, is reviewed and sent, and the note appears in Greenhouse', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const gh = await startFakeGreenhouse({ apiKey: KEY, port: GREENHOUSE_PORT });
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signUpTeam(page, `Greenhouse ${unique()}`, 'Hana Reyes', `hana-${unique()}@example.test`);
    await page.getByRole('navigation').getByRole('link', { name: 'Integrations' }).click();
    await page.getByLabel('Harvest API key').fill(KEY);
    await page.getByLabel('Greenhouse user id to write notes as').fill('4080');
    await page.getByRole('button', { name: 'Connect Greenhouse' }).click();
    await expect(page.getByRole('heading', { name: 'Greenhouse', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByText('Greenhouse accepted the API key')).toBeVisible();
    const webhook = new URL(await page.getByLabel('Endpoint URL').inputValue());
    const secret = await page.getByLabel('Secret key').inputValue();
    await shot(page, 'integrations-connected');

    // Greenhouse: the candidate is rejected after a technical interview.
    const email = `hector-${unique()}@example.test`;
    const payload = gh.reject({
      candidate: { firstName: 'Hector', lastName: 'Porter', email },
      job: { name: 'Product Designer' },
      reason: 'Lacking skill(s)/qualification(s)',
      stage: 'Technical Interview',
      scorecards: [
        {
          interview: 'Technical Interview',
          interviewer: 'Robert Robertson',
          recommendation: 'no',
          attributes: [
            {
              name: 'Visual design',
              rating: 'no',
              note: 'The mock-ups used three different button styles on one screen.',
            },
            {
              name: 'Communication',
              rating: 'yes',
              note: 'Walked us through the checkout redesign step by step.',
            },
          ],
        },
      ],
    });
    const delivered = await gh.deliver(new URL(webhook.pathname, baseURL).toString(), payload, secret);
    expect(delivered.status).toBe(202);

    const row = page.getByRole('row', { name: /Hector Porter/ });
    await expect(row).toContainText('Imported', { timeout: 20_000 });
    await shot(page, 'integrations-event');
    await row.getByRole('link', { name: 'Hector Porter' }).click();
    await page.getByRole('link', { name: 'Review the draft' }).click();
    await expect(page.getByRole('heading', { name: 'Feedback for Hector Porter' })).toBeVisible();
    await expect(page.getByText(/button styles/).first()).toBeVisible();
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect(page.locator('.status-line')).toContainText('sent', { timeout: 20_000 });

    await expect.poll(() => gh.notes.length, { timeout: 20_000 }).toBe(1);
    expect(gh.notes[0].body).toContain('Feedback sent to the candidate through Debrief');
    expect(gh.notes[0].body).toContain('button styles');
    await page.getByRole('navigation').getByRole('link', { name: 'Integrations' }).click();
    await expect(page.getByText('1 note written back')).toBeVisible({ timeout: 10_000 });
    await shot(page, 'integrations-written-back');

    // A rejection made in Greenhouse before the connection: imported on request, Hector (already here) skipped.
    gh.reject(
      {
        candidate: { firstName: 'Ines', lastName: 'Moreau', email: `ines-${unique()}@example.test` },
        job: { name: 'Product Designer' },
        reason: 'Lacking skill(s)/qualification(s)',
        stage: 'Preliminary Phone Screen',
        scorecards: [],
      },
      new Date(Date.now() - 3 * 86_400_000),
    );
    await page.getByLabel('Days to look back').fill('7');
    await page.getByRole('button', { name: 'Import past rejections' }).click();
    const progress = page.getByTestId('backfill-progress');
    await expect(progress).toContainText('2 rejections since', { timeout: 20_000 });
    await expect(progress).toContainText('1 new one queued');
    await expect(progress).toContainText('1 imported', { timeout: 20_000 });
    await expect(page.getByRole('row', { name: /Ines Moreau/ })).toContainText('Imported');
  } finally {
    await gh.close();
  }
});
