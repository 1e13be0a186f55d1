import { expect, type Page, test } from '@playwright/test';
import { apiPost, linkIn, password, shot, signUpTeam, unique } from './support';

// The review screen lays the letter out by section with the evidence beside each, an organization's own pointer
// for a criterion reaches the draft, and the candidate keeps the feedback in a workspace of their own.

const OWN = 'Work through the joins chapter of our analyst handbook, then rewrite one report query.';

/** A job (SQL, Communication), a candidate, a final-round scorecard weak on SQL and strong on communication. */
async function rejectedAfterFinal(page: Page, candidateEmail: string) {
  const post = apiPost(page);
  const job = await post('/jobs', {
    title: 'Data Analyst',
    criteria: [
      { name: 'SQL', description: 'Writes correct joins and aggregates' },
      { name: 'Communication', description: 'Explains findings clearly' },
    ],
  });
  const app = await post('/applications', {
    jobId: job.id,
    candidate: { name: 'Sam Rivera', email: candidateEmail },
  });
  const byName = (n: string) => job.criteria.find((c: { name: string }) => c.name === n).id;
  return {
    job,
    app,
    score: () =>
      post(`/applications/${app.id}/scorecards`, {
        stage: 'final',
        recommendation: 'no',
        ratings: [
          {
            criterionId: byName('SQL'),
            rating: 2,
            evidence: 'Wrote the join for the orders report but missed customers with no orders.',
          },
          {
            criterionId: byName('Communication'),
            rating: 4,
            evidence: 'Explained the trade-offs of caching the report and checked the listener followed.',
          },
        ],
      }),
    reject: async () => (await post(`/applications/${app.id}/rejection`, { reason: 'skills-gap' })).feedback,
  };
}

test('the review screen shows each section with its evidence; the job sets its own pointer; edits keep sections', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signUpTeam(page, `Northwind ${unique()}`, 'Hana Reyes', `hana-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Hana' })).toBeVisible();
  const setup = await rejectedAfterFinal(page, `sam-${unique()}@example.test`);

  // The job page: the library's pointer until the organization sets its own; a risky one is refused.
  await page.goto(`/jobs/${setup.job.id}`);
  await expect(
    page.getByText("Pointer for a gap: from Debrief's library, chosen by the skill.").first(),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Set your own pointer for SQL' }).click();
  const pointer = page.getByLabel('What to practise for a gap in SQL');
  await pointer.fill('Practise with younger colleagues, who are more energetic.');
  await expect(page.locator('.pointer-form .mirror mark').first()).toBeVisible();
  await page.getByRole('button', { name: 'Save pointer' }).click();
  await expect(page.getByRole('alert')).toContainText('legal risk');
  await pointer.fill(OWN);
  await page.getByRole('button', { name: 'Save pointer' }).click();
  await expect(page.locator('.pointer-line').filter({ hasText: OWN })).toContainText(
    'Your pointer for a gap:',
  );
  await expect(pointer).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit the pointer for SQL' })).toBeVisible();
  await shot(page, 'job-pointers');

  await setup.score();
  const feedback = await setup.reject();
  await page.goto(`/feedback/${feedback.id}`);
  await expect(page.getByRole('heading', { name: 'Feedback for Sam Rivera' })).toBeVisible();

  // By section: the opening, the strength, the gap and the closing, each with its evidence beside it.
  const sections = page.locator('.draft-section');
  await expect(sections.getByRole('heading', { level: 3 })).toHaveText([
    'Opening',
    'Strength: Communication',
    'Gap: SQL',
    'Closing',
  ]);
  const gap = sections.filter({ has: page.getByRole('heading', { name: 'Gap: SQL' }) });
  await expect(gap.locator('.section-text')).toContainText('To practise, work through the joins chapter');
  const gapEvidence = page.getByRole('complementary', { name: 'Evidence for Gap: SQL' });
  await expect(gapEvidence.locator('blockquote')).toContainText('customers with no orders');
  await expect(gapEvidence.locator('blockquote')).toContainText('SQL · Hana Reyes, final');
  await expect(gapEvidence).toContainText("Pointer: your organization's own for this criterion.");
  await expect(
    page.getByRole('complementary', { name: 'Evidence for Strength: Communication' }),
  ).toContainText('caching the report');
  await expect(page.getByRole('complementary', { name: 'Evidence for Opening' })).toContainText(
    'no scorecard evidence',
  );
  await expect(page.getByLabel('Feedback to the candidate')).toHaveCount(0);
  await shot(page, 'review-sections');

  // The whole text is still the reviewer's to edit; back by section, an edited sentence shows the ratings instead.
  await page.getByRole('button', { name: 'Edit the whole text' }).click();
  const editor = page.getByLabel('Feedback to the candidate');
  const draft = await editor.inputValue();
  const quoted = /[^.\n]*customers with no orders[^.\n]*\./.exec(draft)?.[0];
  expect(quoted).toBeTruthy();
  await editor.fill(draft.replace(quoted!, 'You left out the customers who had not ordered yet.'));
  await page.getByRole('button', { name: 'Show by section' }).click();
  await expect(gapEvidence).toContainText('No evidence is quoted here; the ratings behind it:');
  await expect(gapEvidence.locator('blockquote')).toContainText('rated 2 of 4');
  await expect(gap.locator('.section-text')).toContainText('customers who had not ordered yet');

  // Without its headings the letter is one block, and it can be saved so.
  await page.getByRole('button', { name: 'Edit the whole text' }).click();
  const flat = (await editor.inputValue()).replace(/\n\n(?:What went well|SQL)\n/g, '\n\n');
  await editor.fill(flat);
  await page.getByRole('button', { name: 'Show by section' }).click();
  await expect(sections).toHaveCount(1);
  await expect(sections.getByRole('heading', { level: 3 })).toHaveText('The whole letter');
  await expect(page.getByRole('complementary', { name: 'Evidence for The whole letter' })).toContainText(
    'caching the report',
  );
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(sections).toHaveCount(1);
});

test('the candidate keeps the feedback: a sign-up with the address filled in, and the feedback in the workspace', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const org = `Kinetix ${unique()}`;
  const candidateEmail = `sam-${unique()}@example.test`;
  await signUpTeam(page, org, 'Rui Costa', `rui-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Rui' })).toBeVisible();
  const setup = await rejectedAfterFinal(page, candidateEmail);
  await setup.score();
  const feedback = await setup.reject();
  await apiPost(page)(`/feedback/${feedback.id}/approve`, { send: 'now' });
  const link = await linkIn(candidateEmail, /(https?:\/\/\S+\/f\/[A-Za-z0-9_-]+)/);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const candidate = await phone.newPage();
  await candidate.goto(link);
  await expect(candidate.getByRole('heading', { name: 'Feedback on your application' })).toBeVisible();
  await candidate.getByRole('link', { name: 'Keep this feedback' }).click();
  await expect(candidate).toHaveURL(/\/me\/signup\?keep=/);
  await expect(candidate.getByRole('heading', { name: 'Keep your feedback' })).toBeVisible();
  await expect(candidate.getByText(`Your feedback on the Data Analyst role from ${org}`)).toBeVisible();
  const shown = candidate.getByLabel('Email');
  await expect(shown).toHaveValue('s***@example.test');
  await expect(shown).not.toBeEditable();
  await expect(candidate.getByLabel('Your name')).toHaveValue('Sam Rivera');
  await candidate.getByLabel('Password').fill(password);
  await candidate.getByRole('button', { name: 'Create account and keep it' }).click();
  await expect(candidate.getByRole('status')).toContainText('s***@example.test');
  await shot(candidate, 'keep-feedback-sent');

  const confirm = await linkIn(candidateEmail, /(https?:\/\/\S+\/me\/keep\/[A-Za-z0-9_-]+)/);
  await candidate.goto(confirm);
  await expect(candidate.getByRole('heading', { name: 'Keep your feedback' })).toBeVisible();
  await candidate.getByRole('button', { name: 'Confirm and sign in' }).click();
  await expect(candidate).toHaveURL(/\/me\/feedback$/);
  const kept = candidate.locator('.inbox li').filter({ hasText: org });
  await expect(kept).toContainText('Data Analyst');
  await expect(kept.locator('.letter')).toContainText('Dear Sam');
  await shot(candidate, 'keep-feedback-workspace');
  await phone.close();
});
