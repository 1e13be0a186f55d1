import { expect, test } from '@playwright/test';
import { apiPost, linkIn, shot, signUpTeam, unique } from './support';

// The hiring team's whole journey in the browser: a job, a candidate, a scorecard checked as it is typed, a
// rejection, the review screen refusing a risky draft, approval, the email, and the candidate's page behind its link.

test('a job, a checked scorecard, a rejection, a refused then approved draft, and the candidate reads it', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const org = `Northwind ${unique()}`;
  const candidateEmail = `sam-${unique()}@example.test`;

  // Sign up.
  await signUpTeam(page, org, 'Hana Reyes', `hana-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Hana' })).toBeVisible();

  // A job with two criteria.
  await page.getByRole('navigation').getByRole('link', { name: 'Jobs' }).click();
  await expect(page.getByText('No jobs yet')).toBeVisible();
  await page.getByRole('button', { name: 'New job' }).click();
  await page.getByLabel('Job title').fill('Data Analyst');
  await page.getByLabel('Criterion 1 name').fill('SQL');
  await page.getByLabel('Criterion 1 description').fill('Writes correct joins and aggregates');
  await page.getByRole('button', { name: 'Add criterion' }).click();
  await page.getByLabel('Criterion 2 name').fill('Communication');
  await shot(page, 'new-job');
  await page.getByRole('button', { name: 'Create job' }).click();
  await expect(page.getByRole('heading', { name: 'Data Analyst' })).toBeVisible();
  await expect(page.getByText('Writes correct joins and aggregates')).toBeVisible();
  await expect(page).toHaveTitle('Data Analyst · Jobs · Debrief');

  // A candidate.
  await page.getByLabel('Candidate name').fill('Sam Rivera');
  await page.getByLabel('Candidate email').fill(candidateEmail);
  await page.getByRole('button', { name: 'Add application' }).click();
  await expect(page.getByRole('row', { name: /Sam Rivera/ })).toContainText('active');
  await shot(page, 'job');
  await page.getByRole('link', { name: 'Sam Rivera' }).click();
  await expect(page.getByRole('heading', { name: 'Sam Rivera' })).toBeVisible();
  await expect(page).toHaveTitle('Sam Rivera · Data Analyst · Debrief');

  // A scorecard, in a drawer: risky evidence is marked in place as it is typed, with its explanation; behaviour
  // clears it.
  await page.getByRole('button', { name: 'Add a scorecard' }).click();
  const drawer = page.getByRole('dialog', { name: 'Scorecard for Sam Rivera' });
  await expect(drawer).toBeVisible();
  await page.getByLabel('Stage', { exact: true }).selectOption('interview');
  const sql = page.getByRole('group', { name: 'SQL' });
  await sql.getByLabel('2 below').check();
  const sqlEvidence = page.getByLabel('Evidence for SQL');
  await sqlEvidence.pressSequentially('She is a digital native.');
  await expect(sql.locator('mark', { hasText: 'digital native' })).toBeVisible();
  const sqlFindings = sql.getByRole('list', { name: 'Checker findings' });
  await expect(sqlFindings).toContainText('digital native');
  await expect(sqlFindings).toContainText('Blocks sending');
  await expect(sqlFindings).toContainText('Instead:');
  // Evidence that blocks sending is kept only with "Submit anyway" and a reason.
  await expect(page.getByRole('button', { name: 'Submit anyway' })).toBeVisible();
  await expect(page.getByLabel('Reason for submitting anyway')).toBeVisible();
  await shot(page, 'scorecard-flagged');
  await sqlEvidence.fill(
    'Wrote the join for the orders report but missed customers with no orders; fixed it after a hint about NULLs.',
  );
  await expect(sql.locator('mark')).toHaveCount(0);
  await expect(sqlFindings).toHaveCount(0);
  await expect(page.getByLabel('Reason for submitting anyway')).toHaveCount(0);

  const comms = page.getByRole('group', { name: 'Communication' });
  await comms.getByLabel('3 meets').check();
  await page
    .getByLabel('Evidence for Communication')
    .fill(
      'Explained the trade-offs of caching the report clearly and checked that the listener had understood.',
    );
  await page.getByLabel('Recommendation').selectOption('no');
  await page.getByRole('button', { name: 'Submit scorecard' }).click();
  await expect(drawer).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Scorecard submitted' })).toBeVisible();
  await expect(page.getByText('missed customers with no orders')).toBeVisible();
  // The ratings at the top of the page, by criterion and interviewer.
  const grid = page.getByRole('table', { name: 'Ratings by criterion and interviewer' });
  await expect(grid.getByRole('row', { name: /SQL/ })).toContainText('2 · below');
  await expect(grid.getByRole('row', { name: /Communication/ })).toContainText('3 · meets');
  await expect(grid.getByRole('columnheader', { name: /Hana Reyes/ })).toBeVisible();

  // Reject with a reason, from the page header; the draft opens on the review screen.
  await page.getByRole('button', { name: 'Reject…' }).click();
  await page.getByLabel('Reason').selectOption('skills-gap');
  await page.getByLabel('Internal note').fill('SQL below the bar for this role.');
  await page.getByRole('button', { name: 'Reject and draft feedback' }).click();
  await expect(page).toHaveURL(/\/feedback\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { name: 'Feedback for Sam Rivera' })).toBeVisible();
  await expect(page.locator('.status-line')).toContainText('draft');
  await expect(page).toHaveTitle('Feedback for Sam Rivera · Data Analyst · Debrief');
  // The draft opens by section, the evidence beside each; the whole text opens for editing.
  await expect(page.getByRole('complementary', { name: 'Evidence for Gap: SQL' })).toContainText(
    'missed customers with no orders',
  );
  await page.getByRole('button', { name: 'Edit the whole text' }).click();
  const editor = page.getByLabel('Feedback to the candidate');
  await expect(editor).toHaveValue(/Sam/);
  const draft = await editor.inputValue();
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  await expect(page.getByText('Feedback drafted')).toBeVisible();

  // A risky sentence is flagged as it is typed, and the server refuses to approve it.
  await editor.fill(`${draft}\n\nWe felt he was too old for the team.`);
  await expect(page.locator('.mirror mark', { hasText: 'too old' })).toBeVisible();
  await expect(page.getByText('One finding blocks sending')).toBeVisible();
  await page.getByRole('button', { name: 'Send now' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'Approval refused' });
  await expect(refused).toBeVisible();
  await expect(refused).toContainText('too old');
  await expect(page.getByLabel('Justification for the override')).toBeVisible(); // an admin may override
  await shot(page, 'review-refused');

  // Fixed: the sentence removed, saved, approved to send now.
  await editor.fill(draft);
  await expect(page.locator('.mirror mark')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(refused).toHaveCount(0);
  await expect(page.locator('.status-line')).toContainText('sent', { timeout: 20_000 });
  await expect(page.getByText('Approved', { exact: true })).toBeVisible();
  await shot(page, 'review-sent');

  // The email to the candidate carries the link to their page.
  const link = await linkIn(candidateEmail, /(https?:\/\/\S+\/f\/[A-Za-z0-9_-]+)/);

  // The candidate opens it with no account, on a phone.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const candidate = await phone.newPage();
  await candidate.goto(new URL(link, page.url()).toString());
  await expect(candidate).toHaveURL(/\/f\//);
  await expect(candidate.getByRole('heading', { name: 'Feedback on your application' })).toBeVisible();
  await expect(candidate.getByText('Data Analyst', { exact: true })).toBeVisible();
  await expect(candidate.getByText(org, { exact: true })).toBeVisible();
  await expect(candidate.getByText(/Dear Sam/)).toBeVisible();
  await expect(candidate.getByText('too old')).toHaveCount(0);
  await shot(candidate, 'candidate-phone');

  // The candidate thanks the team and rates the feedback.
  await candidate.getByRole('button', { name: 'Say thank you' }).click();
  await expect(candidate.getByText('You said thank you.')).toBeVisible();
  await candidate
    .getByRole('group', { name: 'How useful was this feedback?' })
    .getByLabel('4', { exact: true })
    .check();
  await candidate.getByRole('button', { name: 'Send rating' }).click();
  await expect(candidate.getByText('Rating sent. You rated it 4 of 5.')).toBeVisible();
  await candidate.reload();
  await expect(candidate.getByText('You rated it 4 of 5.')).toBeVisible();
  await candidate.getByRole('button', { name: 'Change my rating' }).click();
  await expect(
    candidate.getByRole('group', { name: 'How useful was this feedback?' }).getByLabel('4', { exact: true }),
  ).toBeChecked();

  // A wrong link says so plainly.
  await candidate.goto('/f/not-a-real-feedback-link');
  await expect(candidate.getByRole('heading', { name: 'Link not recognised' })).toBeVisible();
  await phone.close();

  // The dashboard counts it.
  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByText('1 of 1 rejected candidate received feedback.')).toBeVisible();
  await expect(
    page
      .getByRole('group', { name: 'Rejected candidates below the bar, by criterion' })
      .getByRole('link', { name: 'SQL: 1 rejected below the bar' }),
  ).toBeVisible();
  await shot(page, 'dashboard');
});

test('feedback held until the job is filled is released when the job closes as filled', async ({ page }) => {
  await signUpTeam(page, `Holdfast ${unique()}`, 'Rui Costa', `rui-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Rui' })).toBeVisible();

  // The set-up through the API the page already signed in to.
  const post = apiPost(page);
  const job = await post('/jobs', { title: 'Support Lead', criteria: [{ name: 'Ticket triage' }] });
  const app = await post('/applications', {
    jobId: job.id,
    candidate: { name: 'Lee Park', email: `lee-${unique()}@example.test` },
  });
  await post(`/applications/${app.id}/scorecards`, {
    stage: 'final',
    ratings: [
      {
        criterionId: job.criteria[0].id,
        rating: 2,
        evidence: 'Sorted the ten sample tickets but put the outage report below two billing questions.',
      },
    ],
    recommendation: 'no',
  });
  const { feedback } = await post(`/applications/${app.id}/rejection`, { reason: 'skills-gap' });

  await page.goto(`/feedback/${feedback.id}`);
  await expect(page.getByRole('heading', { name: 'Feedback for Lee Park' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Gap: Ticket triage', level: 3 })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Evidence for Gap: Ticket triage' })).toContainText(
    'outage report',
  );
  await page.getByRole('button', { name: 'Send when the job is filled' }).click();
  await expect(page.locator('.status-line')).toContainText('scheduled');
  await expect(page.getByText('held until the job is closed as filled')).toBeVisible();

  await page.getByRole('link', { name: 'Support Lead' }).click();
  await expect(page.getByRole('row', { name: /Lee Park/ })).toContainText('scheduled');
  await page.getByRole('button', { name: 'Close as filled elsewhere…' }).click();
  const dialog = page.getByRole('dialog', { name: /as filled elsewhere\?/ });
  await expect(dialog).toContainText('1 feedback email held until the job is filled goes out now.');
  await dialog.getByRole('button', { name: 'Close as filled elsewhere' }).click();
  await expect(page.getByRole('status')).toContainText(
    '1 feedback held until the job was filled was released',
  );
  await expect(page.getByText(/Closed as filled on/)).toBeVisible();
  // The released email goes out through the job runner; the row follows once it is sent.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('row', { name: /Lee Park/ })).toContainText('sent', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
});

test('evidence submitted anyway is flagged with its reason, and an admin redacts it', async ({ page }) => {
  await signUpTeam(page, `Redwood ${unique()}`, 'Noor Haddad', `noor-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Noor' })).toBeVisible();
  const post = apiPost(page);
  const job = await post('/jobs', { title: 'Account Manager', criteria: [{ name: 'Client calls' }] });
  const app = await post('/applications', {
    jobId: job.id,
    candidate: { name: 'Kit Morgan', email: `kit-${unique()}@example.test` },
  });

  await page.goto(`/applications/${app.id}`);
  await expect(page.getByRole('heading', { name: 'Kit Morgan' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a scorecard' }).click();
  const calls = page.getByRole('group', { name: 'Client calls' });
  await calls.getByLabel('1 well below').check();
  await page
    .getByLabel('Evidence for Client calls')
    .fill('She is a digital native and rushed the role-play.');
  await page.getByLabel('Recommendation').selectOption('no');
  await page.getByLabel('Reason for submitting anyway').fill('Quoted for the panel; not for feedback');
  await page.getByRole('button', { name: 'Submit anyway' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Scorecard submitted' })).toBeVisible();
  const card = page.locator('.scorecard');
  await expect(card.getByText('Flagged', { exact: true })).toBeVisible();
  await expect(card).toContainText('Quoted for the panel; not for feedback');
  await shot(page, 'scorecard-submitted-anyway');

  await card.getByRole('button', { name: 'Redact' }).click();
  const dialog = page.getByRole('dialog', { name: /Redact Noor Haddad's evidence for Client calls/ });
  await dialog.getByLabel('Reason for redacting').fill('Describes the candidate by age');
  await shot(page, 'scorecard-redact');
  await dialog.getByRole('button', { name: 'Redact evidence' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(card.getByText('Redacted', { exact: true })).toBeVisible();
  await expect(card).toContainText('Describes the candidate by age');
  await expect(card).not.toContainText('digital native');
  await shot(page, 'scorecard-redacted');
});
