import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, test } from '@playwright/test';
import { apiPost, shot, signUpTeam, unique } from './support';

// A hiring team closes a round: thirty candidates, two hired; the rest rejected together and their clean drafts
// approved and sent at once, in a handful of clicks. The hired two are never rejected.

const COUNT = 30;

/** The set-up through the API the page already signed in to. */
/** Feedback emails the test mail server received, by recipient. */
function feedbackMessages(): string[] {
  const inbox = join(process.env.E2E_DATA_DIR!, 'smtp-inbox');
  if (!existsSync(inbox)) return [];
  return readdirSync(inbox)
    .map((f) => readFileSync(join(inbox, f), 'utf8'))
    .filter((eml) => /^Subject: Feedback on your application/m.test(eml))
    .map((eml) => /^To: .*?([^\s<>]+@[^\s<>]+)/m.exec(eml)?.[1] ?? '');
}

test('thirty candidates, two hired: the rest rejected and their feedback sent in at most 8 clicks', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const tag = unique();
  await signUpTeam(page, `Roundup ${tag}`, 'Hana Ito', `hana-${tag}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Hana' })).toBeVisible();
  const post = apiPost(page);
  const job = await post('/jobs', { title: 'Field Technician', criteria: [{ name: 'Diagnostics' }] });
  const interviewer = await post('/users', {
    name: 'Ola Berg',
    email: `ola-${tag}@example.test`,
    role: 'interviewer',
  });
  const apps: { id: string; name: string; email: string }[] = [];
  for (let i = 1; i <= COUNT; i++) {
    const name = `Candidate ${String(i).padStart(2, '0')}`;
    const email = `cand${i}-${tag}@example.test`;
    const a = await post('/applications', { jobId: job.id, candidate: { name, email } });
    await post(`/applications/${a.id}/interviewers`, { userId: interviewer.id });
    apps.push({ id: a.id, name, email });
  }
  const hired = [apps[4], apps[17]];
  for (const h of hired) await post(`/applications/${h.id}/stage`, { stage: 'hired' });

  // The list's search, filter and sort live in the address: a reload and the back button bring them back.
  await page.goto(`/jobs/${job.id}`);
  const rows = page.getByRole('row', { name: /Candidate \d\d/ });
  await expect(rows).toHaveCount(COUNT);
  await expect(page.getByText(`${COUNT} applications`, { exact: true })).toBeVisible();
  await page.getByLabel('Search').fill('candidate 1');
  await expect(rows).toHaveCount(10);
  await expect(page).toHaveURL(/q=candidate\+1/);
  await page.getByLabel('Sort by').selectOption('-name');
  await expect(page).toHaveURL(/sort=-name/);
  await expect(rows.first()).toContainText('Candidate 19');
  await page.reload();
  await expect(page.getByLabel('Search')).toHaveValue('candidate 1');
  await expect(page.getByLabel('Sort by')).toHaveValue('-name');
  await expect(rows).toHaveCount(10);
  await expect(rows.first()).toContainText('Candidate 19');
  await page.goBack();
  await expect(page.getByLabel('Sort by')).toHaveValue('-applied');
  await expect(page.getByLabel('Search')).toHaveValue('candidate 1');
  await page.getByLabel('Search').fill('');
  await expect(rows).toHaveCount(COUNT);
  await page.getByLabel('Sort by').selectOption('name');
  await expect(rows.first()).toContainText('Candidate 01');
  // A hire has no box to choose it with.
  await expect(page.getByRole('checkbox', { name: 'Choose Candidate 05' })).toBeDisabled();

  // From here on every click counts.
  let clicks = 0;
  const click = async (target: Locator) => {
    clicks++;
    await target.click();
  };

  await click(page.getByRole('checkbox', { name: 'Choose every application on this page' }));
  await expect(page.getByText(`${COUNT - 2} chosen.`)).toBeVisible();
  await click(page.getByRole('button', { name: 'Reject chosen…' }));
  const rejectDialog = page.getByRole('dialog', { name: `Reject ${COUNT - 2} applications?` });
  await expect(rejectDialog.getByLabel('Reason')).not.toHaveValue('');
  await shot(page, 'bulk-work-reject-dialog');
  await click(rejectDialog.getByRole('button', { name: `Reject ${COUNT - 2} applications` }));
  // A reload while it runs (or just after) finds the operation again: its progress, then its summary.
  await expect(
    page.getByRole('heading', { name: /Rejecting the chosen applications|Chosen applications rejected/ }),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'applications rejected' })).toContainText(
    `${COUNT - 2} applications rejected; their drafts wait for review.`,
    { timeout: 60_000 },
  );
  await shot(page, 'bulk-work-rejected');

  await click(page.getByRole('button', { name: `Approve and send ${COUNT - 2} drafts without findings…` }));
  const approveDialog = page.getByRole('dialog', { name: `Approve and send ${COUNT - 2} drafts?` });
  await expect(approveDialog).toContainText(`Each of the ${COUNT - 2} drafts`);
  await click(approveDialog.getByRole('button', { name: `Approve and send ${COUNT - 2}` }));
  await expect(page.getByRole('status').filter({ hasText: 'Approved and sent' })).toHaveText(
    `Approved and sent ${COUNT - 2}. Left 0 with findings for review.`,
    { timeout: 90_000 },
  );
  await shot(page, 'bulk-work-sent');
  expect(clicks).toBeLessThanOrEqual(8);
  console.log(`clicks from choosing to sent, ${COUNT - 2} candidates: ${clicks}`);

  // Every rejected candidate gets one email; the hired two none, and they are still hired.
  const expected = apps.filter((a) => !hired.includes(a)).map((a) => a.email);
  await expect.poll(() => feedbackMessages().length, { timeout: 60_000 }).toBe(expected.length);
  const sent = feedbackMessages();
  expect(new Set(sent).size).toBe(sent.length);
  expect(sent.sort()).toEqual(expected.sort());
  for (const h of hired) {
    const r = await page.request.get(`/api/v1/applications/${h.id}`);
    expect((await r.json()).stage).toBe('hired');
  }
  await page.reload();
  await expect(rows.filter({ hasText: 'sent' })).toHaveCount(COUNT - 2, { timeout: 20_000 });
  await expect(rows.filter({ hasText: 'hired' })).toHaveCount(2);
});

test('review mode: after an approval the next draft opens; j and k move between drafts, not while typing', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const tag = unique();
  await signUpTeam(page, `Reviewers ${tag}`, 'Rui Costa', `rui-${tag}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Rui' })).toBeVisible();
  const post = apiPost(page);
  const job = await post('/jobs', { title: 'Line Cook', criteria: [{ name: 'Knife skills' }] });
  const drafts: string[] = [];
  for (const name of ['Ana Alves', 'Ben Brito', 'Caio Cruz']) {
    const a = await post('/applications', {
      jobId: job.id,
      candidate: { name, email: `${name.split(' ')[0].toLowerCase()}-${tag}@example.test` },
    });
    drafts.push((await post(`/applications/${a.id}/rejection`, { reason: 'skills-gap' })).feedback.id);
  }

  await page.goto(`/feedback/${drafts[0]}`);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Feedback for Ana Alves');
  await expect(page.getByText('2 other drafts of this job wait.')).toBeVisible();
  await page.keyboard.press('j');
  await expect(heading).toHaveText('Feedback for Ben Brito');
  await page.keyboard.press('k');
  await expect(heading).toHaveText('Feedback for Ana Alves');

  // e puts the cursor in the text; typing j there types, it does not move.
  await page.keyboard.press('e');
  const text = page.getByLabel('Feedback to the candidate');
  await expect(text).toBeFocused();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' jk');
  await expect(heading).toHaveText('Feedback for Ana Alves');
  await expect(text).toHaveValue(/ jk$/);
  await text.blur();

  // a approves (saving the edit first) and opens the next draft waiting.
  await page.keyboard.press('a');
  await expect(heading).toHaveText('Feedback for Ben Brito');
  await expect(
    page.getByRole('status').filter({ hasText: 'Approved the feedback for Ana Alves' }),
  ).toBeVisible();
  const first = await page.request.get(`/api/v1/feedback/${drafts[0]}`);
  expect((await first.json()).feedback.body).toMatch(/ jk$/);
  expect(['approved', 'sent']).toContain((await first.json()).feedback.status);
  await expect(page.getByText('1 other draft of this job waits.')).toBeVisible();
});
