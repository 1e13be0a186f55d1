import { expect, test } from '@playwright/test';
import { apiPost, linkIn, messageTo, shot, signUpTeam, unique } from './support';

// An admin sets how the organization's letters greet, introduce, close and sign; a risky introduction is marked as
// it is typed and refused on save; the next letter reaches the candidate greeted and signed that way, with replies
// going to the address set.

test("the organization's letters greet, close and sign as the admin set, and a risky introduction is refused", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const org = `Tidewater ${unique()}`;
  await signUpTeam(page, org, 'Noor Haddad', `noor-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Noor' })).toBeVisible();

  await page.goto('/settings');
  await page.getByRole('link', { name: 'Greeting, closing and signature' }).click();
  await expect(page.getByRole('heading', { name: 'Your letters' })).toBeVisible();
  await page.getByLabel('Greeting').selectOption('Hi');
  // A risky introduction is marked as it is typed, and the server refuses it too.
  await page.getByLabel('Introduction (optional)').fill('We look for young, energetic people.');
  await expect(page.locator('.findings')).toContainText(/age/i, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('body.intro');

  await page
    .getByLabel('Introduction (optional)')
    .fill('Everyone we interview gets written feedback from the people who met them.');
  await page
    .getByLabel('Standard closing (optional)')
    .fill('Reply to this email with any question and we will answer it.');
  await page.getByLabel('Sign-off').fill('Best wishes,');
  await page.getByRole('radio', { name: 'One named person' }).check();
  await page.getByLabel('Name', { exact: true }).fill('Lena Ortiz');
  await page.getByLabel('Title (optional)').fill('Talent Lead');
  await page.getByLabel('Replies go to (optional)').fill('talent@tidewater.example');
  await expect(page.getByTestId('letter-sample')).toContainText('Hi Sam,');
  await expect(page.getByTestId('letter-sample')).toContainText('Lena Ortiz, Talent Lead');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await shot(page, 'letters-settings');
  await page.reload();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Lena Ortiz');

  // The next letter, from rejection to the candidate's inbox.
  const post = apiPost(page);
  const job = await post('/jobs', { title: 'Harbour Analyst', criteria: [{ name: 'Tide tables' }] });
  const email = `ravi-${unique()}@example.test`;
  const application = await post('/applications', {
    jobId: job.id,
    candidate: { name: 'Ravi Menon', email },
  });
  await post(`/applications/${application.id}/scorecards`, {
    stage: 'interview',
    ratings: [
      {
        criterionId: job.criteria[0].id,
        rating: 2,
        evidence: 'Read the spring tide for the wrong port and did not check the datum.',
      },
    ],
    recommendation: 'no',
  });
  const { feedback } = await post(`/applications/${application.id}/rejection`, { reason: 'skills-gap' });
  await page.goto(`/feedback/${feedback.id}`);
  await page.getByRole('button', { name: 'Send now' }).click();
  // The email as received by the SMTP server: from the team via Debrief, replies to the address set, and an HTML
  // part with the letter's sections as headings, read here as a browser shows it.
  const eml = await messageTo(email, 'Feedback on your application');
  expect(eml).toMatch(new RegExp(`^From: "?${org} hiring team via Debrief"? <`, 'm'));
  expect(eml).toMatch(/^Reply-To: talent@tidewater\.example/m);
  const html = /Content-Type: text\/html[^\n]*\n(?:[^\n]+\n)*\r?\n([\s\S]*?<\/html>)/.exec(eml)?.[1];
  expect(html, 'the message has an HTML part').toBeTruthy();
  const reader = await page.context().newPage();
  await reader.setContent(html!);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(
    `Feedback on your application for Harbour Analyst at ${org}`,
  );
  await expect(reader.getByRole('heading', { name: 'Tide tables', level: 2 })).toBeVisible();
  await expect(reader.getByText('Hi Ravi,')).toBeVisible();
  await expect(reader.getByText('Lena Ortiz, Talent Lead')).toBeVisible();
  await expect(reader.getByRole('link', { name: /Read this feedback online/ })).toHaveAttribute(
    'href',
    /\/f\/[A-Za-z0-9_-]+$/,
  );
  await expect(reader.getByText(`${org} uses Debrief to send every candidate honest feedback`)).toBeVisible();
  await reader.close();

  // The letter the candidate receives links to their page, greeted and signed the organization's way.
  const portal = await linkIn(email, /(https?:\/\/\S+\/f\/[A-Za-z0-9_-]+)/);
  await page.goto(portal);
  await expect(page.getByText('Hi Ravi,')).toBeVisible();
  await expect(page.getByText('Everyone we interview gets written feedback')).toBeVisible();
  await expect(page.getByText(/Lena Ortiz, Talent Lead/)).toBeVisible();
});
