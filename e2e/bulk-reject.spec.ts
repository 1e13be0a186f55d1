import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { apiPost, signUpTeam, unique } from './support';

// A job closed as filled still has candidates waiting: one action rejects them all, shows its progress, and leaves a
// feedback draft for each to review.

const COUNT = 25;
const shots = process.env.SCREENSHOT_DIR; // set it to keep screenshots of each step
async function shot(page: Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

test('every remaining application of a filled job is rejected in one action, each with a draft', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signUpTeam(page, `Bulkhead ${unique()}`, 'Ines Moreau', `ines-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Ines' })).toBeVisible();

  // The set-up through the API the page already signed in to: a job and its candidates.
  const post = apiPost(page);
  const job = await post('/jobs', { title: 'Warehouse Planner', criteria: [{ name: 'Route planning' }] });
  for (let i = 1; i <= COUNT; i++) {
    await post('/applications', {
      jobId: job.id,
      candidate: { name: `Candidate ${String(i).padStart(2, '0')}`, email: `c${i}-${unique()}@example.test` },
    });
  }

  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole('heading', { name: 'Warehouse Planner' })).toBeVisible();
  const rows = page.getByRole('row', { name: /Candidate \d\d/ });
  await expect(rows).toHaveCount(COUNT);
  // While the job is open there is nothing to reject in bulk.
  await expect(page.getByRole('heading', { name: /remaining application/ })).toHaveCount(0);

  // Nobody here is marked hired: the role was filled elsewhere, and the dialog says what closing does.
  await page.getByRole('button', { name: 'Close as filled elsewhere…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Close Warehouse Planner as filled elsewhere?' });
  await expect(dialog).toContainText(`${COUNT} applications are still being assessed`);
  await dialog.getByRole('button', { name: 'Close as filled elsewhere' }).click();
  await expect(page.getByText(/Closed as filled on/)).toBeVisible();
  const panel = page.getByRole('region', { name: `Reject the ${COUNT} remaining applications` });
  await expect(panel).toBeVisible();
  const reason = panel.getByLabel('Reason');
  await expect(reason).toHaveValue('role-filled');
  await expect(panel.getByText('The position was filled before this application completed.')).toBeVisible();
  await shot(page, 'bulk-reject-panel');

  await panel.getByRole('button', { name: `Reject ${COUNT} applications` }).click();
  await expect(
    page.getByRole('progressbar', { name: new RegExp(`Drafting feedback: \\d+ of ${COUNT}`) }),
  ).toBeVisible();
  await shot(page, 'bulk-reject-progress');

  await expect(page.getByRole('status').filter({ hasText: 'applications rejected' })).toHaveText(
    `${COUNT} applications rejected; their drafts wait for review. Show the drafts`,
    { timeout: 20_000 },
  );
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Remaining applications rejected' })).toBeVisible();

  // The list reloads: every application rejected, each with a draft to review.
  await expect(rows.filter({ hasText: 'rejected' }).filter({ hasText: 'draft' })).toHaveCount(COUNT);
  await expect(rows.filter({ hasText: 'active' })).toHaveCount(0);
  await shot(page, 'bulk-reject-done');
  await expect(page.getByRole('link', { name: 'draft Review' })).toHaveCount(COUNT);

  const drafts = await page.request.get(
    `/api/v1/applications?jobId=${job.id}&feedbackStatus=draft&limit=200`,
  );
  const body = (await drafts.json()) as { items: { status: string; rejectionReason: string }[] };
  expect(body.items).toHaveLength(COUNT);
  expect(body.items.every((a) => a.status === 'rejected' && a.rejectionReason === 'role-filled')).toBe(true);

  // The link to the drafts filters the list to them; one opens on the review screen.
  await page.getByRole('button', { name: 'Show the drafts' }).click();
  await expect(page.getByRole('button', { name: 'Drafts waiting for review' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(rows).toHaveCount(COUNT);
  await page
    .getByRole('row', { name: /Candidate 07/ })
    .getByRole('link', { name: 'draft Review' })
    .click();
  await expect(page.getByRole('heading', { name: 'Feedback for Candidate 07' })).toBeVisible();
  await expect(page.locator('.status-line')).toContainText('draft');
});
