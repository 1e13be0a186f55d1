import { type Browser, expect, type Page, test } from '@playwright/test';
import { apiPost, shot, signUpCandidate, signUpTeam, unique } from './support';

// The candidate's tracker on a phone: every object edited and deleted (an application with its notes, job link and
// salary range, a round with its interviewers, a reminder, logged feedback), each delete behind a confirmation; the search and filter kept
// in the address; the board moved from the keyboard alone. Then the plan from two employers' feedback and a logged
// call, with the gaps that recur first.

const phone = { width: 390, height: 844 };

/** A YYYY-MM-DD day, `n` days from today in the browser's time zone (the server's too, in these tests). */
function dayFrom(n: number) {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** POSTs and PATCHes to the candidate's API with the page's session. */
function candidateApi(page: Page) {
  return async (method: 'POST' | 'PATCH', path: string, data: unknown) => {
    const r = await page.request.fetch(`/api/v1/candidate${path}`, { method, data });
    expect(r.ok(), `${path}: ${await r.text()}`).toBeTruthy();
    return r.json();
  };
}

test('on a phone, each tracker object is edited and deleted, and the board moves by keyboard', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize(phone);
  await signUpCandidate(page, 'Ana Costa', `ana-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Hello, Ana' })).toBeVisible();

  // An application with notes, a job link and a salary range, from the form.
  await page.goto('/me/applications');
  await page.getByRole('button', { name: 'Add an application' }).click();
  await page.getByLabel('Company').fill('Harbor Analytics');
  await page.getByLabel('Role', { exact: true }).fill('Data Analyst');
  await page.getByLabel('Job link').fill('https://jobs.harbor.example/analyst');
  await page.getByLabel('From').fill('52000');
  await page.getByLabel('To', { exact: true }).fill('60000');
  await page.getByLabel('Currency').fill('EUR');
  await page.getByLabel('Notes').fill('Referred by Priya.');
  await page.getByRole('button', { name: 'Save application' }).click();
  await expect(page.getByRole('heading', { name: /Harbor Analytics/ })).toBeVisible();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.getByRole('link', { name: 'jobs.harbor.example/analyst' })).toHaveAttribute(
    'href',
    'https://jobs.harbor.example/analyst',
  );
  await expect(details).toContainText('Referred by Priya.');
  await expect(details).toContainText(/52,000.*60,000/);

  // Edit the details: a range that reads high to low is refused, then corrected.
  await details.getByRole('button', { name: 'Edit details' }).click();
  await details.getByLabel('Role', { exact: true }).fill('Senior Data Analyst');
  await details.getByLabel('From').fill('70000');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details.getByRole('alert')).toContainText('salaryMax: must not be below salaryMin');
  await details.getByLabel('From').fill('55000');
  await details.getByLabel('Notes').fill('Referred by Priya. Ask about the on-call rota.');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Details saved.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Senior Data Analyst/ })).toBeVisible();
  await expect(details).toContainText(/55,000.*60,000/);
  await expect(details).toContainText('Ask about the on-call rota.');

  // A round: added, corrected, deleted after a confirmation.
  await page.getByRole('button', { name: 'Add a round' }).click();
  await page.getByLabel('Stage').fill('Phone screen');
  await page.getByLabel('Date', { exact: true }).fill(dayFrom(2));
  await page.getByLabel('Interviewer 1 name').fill('Priya Shah');
  await page.getByRole('button', { name: 'Save round' }).click();
  const rounds = page.getByRole('region', { name: 'Rounds' });
  await expect(rounds.getByRole('listitem')).toHaveCount(1);
  await rounds.getByRole('button', { name: 'Edit Phone screen' }).click();
  await rounds.getByLabel('Stage').fill('Technical screen');
  await rounds.getByLabel('Rapport').selectOption('4');
  await rounds.getByRole('button', { name: 'Save round' }).click();
  await expect(rounds).toContainText('Technical screen');
  await expect(rounds).toContainText('rapport 4/5');
  // Its interviewers: one renamed and given a role, one added; then the first removed.
  await rounds.getByRole('button', { name: 'Edit Technical screen' }).click();
  await expect(rounds.getByLabel('Interviewer 1 name')).toHaveValue('Priya Shah');
  await rounds.getByLabel('Interviewer 1 name').fill('Priya Shah-Patel');
  await rounds.getByLabel('Interviewer 1 role').fill('Analytics lead');
  await rounds.getByRole('button', { name: 'Add an interviewer' }).click();
  await rounds.getByLabel('Interviewer 2 name').fill('Tom Berg');
  await rounds.getByLabel('Interviewer 2 role').fill('Engineering manager');
  await rounds.getByRole('button', { name: 'Save round' }).click();
  await expect(rounds).toContainText('Met Priya Shah-Patel (Analytics lead), Tom Berg (Engineering manager)');
  await rounds.getByRole('button', { name: 'Edit Technical screen' }).click();
  await rounds.getByRole('button', { name: 'Remove Priya Shah-Patel' }).click();
  await expect(rounds.getByRole('button', { name: 'Add an interviewer' })).toBeFocused();
  await expect(rounds.getByLabel('Interviewer 1 name')).toHaveValue('Tom Berg');
  await shot(page, 'tracker-phone-round-interviewers');
  await rounds.getByRole('button', { name: 'Save round' }).click();
  await expect(rounds).toContainText('Met Tom Berg (Engineering manager)');
  await page.reload();
  await expect(rounds).toContainText('Met Tom Berg (Engineering manager)');
  await expect(rounds).not.toContainText('Priya');
  await rounds.getByRole('button', { name: 'Delete Technical screen' }).click();
  let dialog = page.getByRole('dialog', { name: 'Delete the Technical screen round?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(rounds.getByRole('listitem')).toHaveCount(1);
  await rounds.getByRole('button', { name: 'Delete Technical screen' }).click();
  await dialog.getByRole('button', { name: 'Delete the round' }).click();
  await expect(rounds.getByRole('listitem')).toHaveCount(0);

  // A reminder: the follow-up made with the application, edited, then deleted after a confirmation.
  const reminders = page.getByRole('region', { name: 'Reminders' });
  await expect(reminders).toContainText('Follow up on your application to Harbor Analytics');
  await reminders.getByRole('button', { name: /^Edit the reminder: Follow up/ }).click();
  const change = reminders.getByRole('form', { name: /^Edit the reminder: Follow up/ });
  await change.getByLabel('What to do').fill('Email Priya about the timeline');
  await change.getByLabel('Due on').fill(dayFrom(4));
  await change.getByRole('button', { name: 'Save reminder' }).click();
  await expect(reminders).toContainText('Email Priya about the timeline');
  await expect(reminders).toContainText('in 4 days');
  await shot(page, 'tracker-phone-application');
  await reminders
    .getByRole('button', { name: 'Delete the reminder: Email Priya about the timeline' })
    .click();
  dialog = page.getByRole('dialog', { name: 'Delete this reminder?' });
  await dialog.getByRole('button', { name: 'Delete the reminder' }).click();
  await expect(reminders).not.toContainText('Email Priya about the timeline');

  // Logged feedback: logged in the inbox, corrected there, deleted after a confirmation.
  await page.goto('/me/feedback');
  await page.getByLabel('Application').selectOption({ label: 'Harbor Analytics · Senior Data Analyst' });
  await page.getByLabel('Received by').selectOption('call');
  await page.getByLabel('What they said').fill('They liked the case study.');
  await page.getByRole('button', { name: 'Log feedback' }).click();
  const logged = page.getByRole('region', { name: 'Feedback you logged' });
  await expect(logged).toContainText('They liked the case study.');
  await logged.getByRole('button', { name: 'Edit the logged feedback: They liked the case study.' }).click();
  const edit = logged.getByRole('form', { name: 'Edit the logged feedback' });
  await edit.getByLabel('What they said').fill('They liked the case study; SQL joins were slow.');
  await edit.getByLabel('How it came').selectOption('email');
  await edit.getByRole('button', { name: 'Save feedback' }).click();
  await expect(logged).toContainText('SQL joins were slow.');
  await expect(logged).toContainText('by email');
  await logged.getByRole('button', { name: /^Delete the logged feedback: They liked/ }).click();
  dialog = page.getByRole('dialog', { name: 'Delete this logged feedback?' });
  await dialog.getByRole('button', { name: 'Delete the feedback' }).click();
  await expect(logged).not.toContainText('SQL joins');

  // Two more applications; search and filter are kept in the address.
  const capi = candidateApi(page);
  await capi('POST', '/applications', { company: 'Cobalt Bank', role: 'Risk Analyst' });
  await capi('POST', '/applications', {
    company: 'Delta Health',
    role: 'Data Engineer',
    status: 'interviewing',
  });
  await page.goto('/me/applications');
  await page.getByLabel('Search applications').fill('analyst');
  await expect(page).toHaveURL(/[?&]q=analyst/);
  await expect(page.getByText('2 of 3 applications match.')).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption('interviewing');
  await expect(page).toHaveURL(/status=interviewing/);
  // Harbor Analytics is interviewing since its round; Cobalt Bank has only applied.
  await expect(page.getByText('1 of 3 applications match.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cobalt Bank' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Search applications')).toHaveValue('analyst');
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('interviewing');
  await expect(page.getByRole('link', { name: 'Harbor Analytics' })).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption('offer');
  await expect(page.getByText('Nothing matches.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear the search' }).click();
  await expect(page.getByRole('link', { name: 'Delta Health' })).toBeVisible();

  // The board, moved with the keyboard alone: the move is announced and focus stays on the moved card.
  await page.getByRole('button', { name: 'Board' }).click();
  await expect(page).toHaveURL(/view=board/);
  const column = (name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });
  await expect(column('Applied')).toContainText('Cobalt Bank');
  const move = page.getByLabel('Move to (for Cobalt Bank, Risk Analyst)');
  await move.focus();
  await page.keyboard.press('ArrowDown');
  await expect(
    page.getByRole('status').filter({ hasText: 'Cobalt Bank, Risk Analyst: moved to Interviewing.' }),
  ).toBeAttached();
  await expect(column('Interviewing')).toContainText('Cobalt Bank');
  await expect(column('Applied')).not.toContainText('Cobalt Bank');
  await expect(move).toBeFocused();
  await expect(move).toHaveValue('interviewing');
  await page.keyboard.press('ArrowDown');
  await expect(column('Rejected')).toContainText('Cobalt Bank');
  await expect(
    page.getByRole('status').filter({ hasText: 'A reminder to ask for feedback is on your list.' }),
  ).toBeAttached();
  await expect(move).toBeFocused();
  await shot(page, 'tracker-phone-board');
  await page.reload();
  await expect(column('Rejected')).toContainText('Cobalt Bank');

  // The application deleted after a confirmation that says what goes with it.
  await page.getByRole('link', { name: 'Harbor Analytics' }).click();
  await page.getByRole('button', { name: 'Delete this application' }).click();
  dialog = page.getByRole('dialog', { name: 'Delete Harbor Analytics · Senior Data Analyst?' });
  await expect(dialog).toContainText('Its 0 rounds and its reminders are deleted too.');
  await dialog.getByRole('button', { name: 'Delete the application' }).click();
  await expect(page).toHaveURL(/\/me\/applications(\?|$)/);
  await expect(page.getByRole('link', { name: 'Cobalt Bank' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Harbor Analytics' })).toHaveCount(0);
});

/** An employer that rejects `email` for the same two gaps, and sends the feedback. */
async function employerRejects(browser: Browser, company: string, email: string) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signUpTeam(page, company, 'Mei Tanaka', `mei-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Mei' })).toBeVisible();
  const post = apiPost(page);
  const job = await post('/jobs', {
    title: 'Data Analyst',
    criteria: [
      { name: 'Significance testing', description: 'Chooses the right statistical test and checks it' },
      { name: 'Stakeholder communication', description: 'Keeps partner teams informed' },
    ],
  });
  const app = await post('/applications', { jobId: job.id, candidate: { name: 'Sam Rivera', email } });
  await post(`/applications/${app.id}/scorecards`, {
    stage: 'interview',
    recommendation: 'no',
    ratings: [
      {
        criterionId: job.criteria[0].id,
        rating: 1,
        evidence: 'The candidate ran an unpaired t-test on paired data without checking its assumptions.',
      },
      {
        criterionId: job.criteria[1].id,
        rating: 2,
        evidence: 'The candidate’s summary for the product team was hard to follow.',
      },
    ],
  });
  const { feedback } = await post(`/applications/${app.id}/rejection`, { reason: 'skills-gap' });
  await post(`/feedback/${feedback.id}/approve`, { send: 'now' });
  await ctx.close();
}

test("a plan built from two employers' feedback plus a logged call, showing the recurring gaps first", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const email = `sam-${unique()}@example.test`;
  await employerRejects(browser, `Acme ${unique()}`, email);
  await employerRejects(browser, `Birch ${unique()}`, email);

  await page.setViewportSize(phone);
  await signUpCandidate(page, 'Sam Rivera', email);
  await expect(page.getByRole('heading', { name: 'Hello, Sam' })).toBeVisible();
  await page.goto('/me/feedback');
  await expect(
    page.getByRole('region', { name: 'Sent to you through Debrief' }).getByRole('article'),
  ).toHaveCount(2);

  // A third rejection, by phone: the call repeats one of the gaps and names a new one.
  const capi = candidateApi(page);
  const cobalt = await capi('POST', '/applications', {
    company: 'Cobalt',
    role: 'Data Analyst',
    appliedOn: dayFrom(-20),
  });
  await capi('PATCH', `/applications/${cobalt.id}`, { status: 'rejected', rejectedOn: dayFrom(-3) });
  // Twenty-one applications tracked since: the form offers the newest twenty and asks the server for the others.
  for (let i = 1; i <= 21; i++)
    await capi('POST', '/applications', { company: `Firm ${i}`, role: 'Analyst' });
  await page.reload();
  const picker = page.getByRole('form', { name: 'Log feedback' });
  await expect(picker.getByText('Your newest 20 of 24; type to narrow.')).toBeVisible();
  await expect(
    picker.getByLabel('Application').getByRole('option', { name: 'Cobalt · Data Analyst' }),
  ).toHaveCount(0);
  await picker.getByLabel('Find by company or role').fill('cobalt');
  await picker.getByLabel('Application').selectOption({ label: 'Cobalt · Data Analyst' });
  await shot(page, 'inbox-phone-application-search');
  await page.getByLabel('Received by').selectOption('call');
  await page
    .getByLabel('What they said')
    .fill('They said my hypothesis testing was shaky, and my SQL was too slow in the live exercise.');
  await page.getByRole('button', { name: 'Log feedback' }).click();
  await expect(page.getByRole('region', { name: 'Feedback you logged' })).toContainText('hypothesis testing');
  await expect(
    page
      .getByRole('region', { name: 'Feedback you logged' })
      .getByRole('link', { name: 'Cobalt · Data Analyst' }),
  ).toBeVisible();

  // Home counts every application by status, and names the newest.
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Home' }).click();
  const byStatus = page.getByRole('list', { name: 'By status' });
  await expect(byStatus.getByRole('listitem')).toHaveText(['21 applied', '3 rejected']);
  await shot(page, 'home-phone-counts');
  await expect(
    page.getByRole('region', { name: 'Applications' }).getByRole('link', { name: /^Firm 21 · / }),
  ).toBeVisible();
  const comingUp = page.getByRole('region', { name: 'Coming up' });
  await expect(comingUp.getByRole('link', { name: 'Firm 1', exact: true })).toBeVisible();
  // Home lists the soonest eight reminders; the rest load when asked for.
  await expect(comingUp.getByRole('listitem')).toHaveCount(8);
  await expect(comingUp.getByRole('link', { name: 'Firm 21', exact: true })).toHaveCount(0);
  await comingUp.getByRole('button', { name: /^Show all \d+$/ }).click();
  await expect(comingUp.getByRole('link', { name: 'Firm 21', exact: true })).toBeVisible();
  await comingUp.getByRole('button', { name: 'Show the soonest 8' }).click();
  await expect(comingUp.getByRole('listitem')).toHaveCount(8);

  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Plan' }).click();
  const themes = page.locator('section.theme');
  await expect(themes).toHaveCount(3);
  const heads = themes.getByRole('heading', { level: 2 });
  await expect(heads.nth(0)).toContainText('Statistics and data analysis');
  await expect(heads.nth(0)).toContainText('Recurring · Came up in 3 of your 3 rejections');
  await expect(heads.nth(1)).toContainText('Communication');
  await expect(heads.nth(1)).toContainText('Recurring · Came up in 2 of your 3 rejections');
  await expect(heads.nth(2)).toContainText('Technical depth');
  await expect(heads.nth(2)).not.toContainText('Recurring');
  // The recurring theme quotes what was observed, from each source.
  await expect(themes.nth(0)).toContainText('unpaired t-test on paired data');
  await expect(themes.nth(0)).toContainText('hypothesis testing was shaky');
  await shot(page, 'plan-phone-recurring');
});
