import { expect, test } from '@playwright/test';
import { startFakeLever } from '../test/support/fake-lever';
import { shot, signUpTeam, unique } from './support';

// Lever on top: an admin connects it, reads the webhook URL, pastes the signature token Lever issued for the webhook,
// a candidate archived in Lever arrives as a checked draft, is reviewed and sent, and the note appears on the
// opportunity in Lever. The local Lever (test/support/fake-lever.ts) listens where the server's LEVER_API_URL points.
const LEVER_PORT = Number(process.env.E2E_LEVER_PORT ?? Number(process.env.E2E_PORT ?? 3217) + 2);
const KEY = 'lever-e2e-7d2c4b6a8e';
const SIGNATURE_TOKEN = 'lever-e2e-signature-token-5f3a1b9c7d2e4f60';

test('connect Lever, a rejection arrives, is reviewed and sent, and the note appears in Lever', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const lv = await startFakeLever({ apiKey: KEY, port: LEVER_PORT });
  try {
    const noteUser = lv.addUser('Nora Quinn');
    await page.setViewportSize({ width: 1280, height: 900 });
    await signUpTeam(page, `Lever ${unique()}`, 'Hana Reyes', `hana-${unique()}@example.test`);
    await page.getByRole('navigation').getByRole('link', { name: 'Integrations' }).click();
    const card = page.getByRole('region', { name: 'Lever integration' });
    await card.getByLabel('Lever API key').fill(KEY);
    await card.getByLabel('Lever user id to write notes as (optional)').fill(noteUser);
    await card.getByRole('button', { name: 'Connect Lever' }).click();
    await expect(card.getByRole('heading', { name: 'Lever', exact: true })).toBeVisible();
    // Greenhouse keeps its own card, not connected.
    await expect(page.getByRole('button', { name: 'Connect Greenhouse' })).toBeVisible();
    await card.getByRole('button', { name: 'Test connection' }).click();
    await expect(card.getByText('Lever accepted the API key')).toBeVisible();
    const webhook = new URL(await card.getByLabel('Endpoint URL').inputValue());
    expect(webhook.pathname).toMatch(/^\/api\/v1\/integrations\/lever\/[0-9a-f-]{36}\/webhook$/);

    // In Lever, the webhook now points at Debrief and shows its signature token: the admin pastes it.
    await card.getByLabel('Webhook signature tokens').fill(SIGNATURE_TOKEN);
    await card.getByRole('button', { name: 'Save tokens' }).click();
    await expect(card.getByText(`Tokens saved (ending ${SIGNATURE_TOKEN.slice(-4)})`)).toBeVisible();
    await shot(page, 'integrations-lever-connected');

    // Lever: the candidate is archived as underqualified after a technical interview.
    const email = `hector-${unique()}@example.test`;
    const payload = lv.reject({
      candidate: { name: 'Hector Porter', email },
      posting: { text: 'Product Designer' },
      reason: 'Underqualified',
      stage: 'Phone interview',
      feedback: [
        {
          form: 'Technical interview',
          interviewer: 'Robert Robertson',
          rating: '2 - No Hire',
          skills: [
            {
              name: 'Visual design',
              score: 2,
              comment: 'The mock-ups used three different button styles on one screen.',
            },
            {
              name: 'Communication',
              score: 3,
              comment: 'Walked us through the checkout redesign step by step.',
            },
          ],
        },
      ],
    });
    const delivered = await lv.deliver(
      new URL(webhook.pathname, baseURL).toString(),
      payload,
      SIGNATURE_TOKEN,
    );
    expect(delivered.status).toBe(202);

    const row = card.getByRole('row', { name: /Hector Porter/ });
    await expect(row).toContainText('Imported', { timeout: 20_000 });
    await expect(row).toContainText('Archived');
    await shot(page, 'integrations-lever-event');
    await row.getByRole('link', { name: 'Hector Porter' }).click();
    await page.getByRole('link', { name: 'Review the draft' }).click();
    await expect(page.getByRole('heading', { name: 'Feedback for Hector Porter' })).toBeVisible();
    await expect(page.getByText(/button styles/).first()).toBeVisible();
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect(page.locator('.status-line')).toContainText('sent', { timeout: 20_000 });

    await expect.poll(() => lv.notes.length, { timeout: 20_000 }).toBe(1);
    expect(lv.notes[0]).toMatchObject({ opportunityId: payload.data.opportunityId, performAs: noteUser });
    expect(lv.notes[0].value).toContain('Feedback sent to the candidate through Debrief');
    expect(lv.notes[0].value).toContain('button styles');
    await page.getByRole('navigation').getByRole('link', { name: 'Integrations' }).click();
    await expect(page.getByText('1 note written back')).toBeVisible({ timeout: 10_000 });
    await shot(page, 'integrations-lever-written-back');

    // Greenhouse connected beside Lever: each keeps its own card and past-rejections form, and no element id is
    // used twice on the page.
    const greenhouse = page.getByRole('region', { name: 'Greenhouse integration' });
    await greenhouse.getByLabel('Harvest API key').fill('harvest-e2e-beside-lever');
    await greenhouse.getByRole('button', { name: 'Connect Greenhouse' }).click();
    await expect(greenhouse.getByRole('heading', { name: 'Greenhouse', exact: true })).toBeVisible();
    await expect(page.getByLabel('Days to look back')).toHaveCount(2);
    const repeatedIds = await page.evaluate(() => {
      const seen = new Map<string, number>();
      for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    expect(repeatedIds).toEqual([]);
  } finally {
    await lv.close();
  }
});
