import { expect, test } from '@playwright/test';
import { apiPost, linkIn, shot, shots, signUpCandidate, signUpTeam, unique } from './support';

// Both sides of the candidate's experience: the emailed feedback rated and thanked, which the hiring team sees; then
// the candidate's own workspace: an account confirmed by email, the earlier feedback in the inbox, a rejection with
// two rounds in the tracker, the request coach flagging a defensive sentence, and an action from a theme.

test('the candidate rates and thanks, the team sees it; then the workspace from sign-up to a plan', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const org = `Lumen ${unique()}`;
  const email = `noor-${unique()}@example.test`;

  // The hiring team: an organization, then a job, a candidate, a scorecard, a rejection and "send now" by the API.
  await signUpTeam(page, org, 'Mei Tanaka', `mei-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Mei' })).toBeVisible();
  const post = apiPost(page);
  const job = await post('/jobs', {
    title: 'Backend Engineer',
    criteria: [{ name: 'Testing' }, { name: 'System design' }],
  });
  const app = await post('/applications', { jobId: job.id, candidate: { name: 'Noor Haddad', email } });
  await post(`/applications/${app.id}/scorecards`, {
    stage: 'final',
    ratings: [
      {
        criterionId: job.criteria[0].id,
        rating: 2,
        evidence:
          'The pagination function missed the empty page and the last partial page; no tests covered them.',
      },
      {
        criterionId: job.criteria[1].id,
        rating: 3,
        evidence:
          'Sketched a queue between the API and the workers and explained why retries need idempotency.',
      },
    ],
    recommendation: 'no',
  });
  const { feedback } = await post(`/applications/${app.id}/rejection`, { reason: 'skills-gap' });
  await post(`/feedback/${feedback.id}/approve`, { send: 'now' });

  // The candidate opens the emailed link on a phone, says thank you and rates it.
  const portalPath = await linkIn(email, /(https?:\/\/\S+\/f\/[A-Za-z0-9_-]+)/);
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const reader = await phone.newPage();
  await reader.goto(portalPath);
  await expect(reader.getByRole('heading', { name: 'Feedback on your application' })).toBeVisible();
  // Each action on its own, in any order: a question being typed survives the thank-you and the rating.
  const question = reader.getByLabel('One follow-up question (optional)');
  await question.fill('What is one thing I could do to come across more effectively?');
  await reader.getByRole('button', { name: 'Say thank you' }).click();
  await expect(reader.getByText('You said thank you.')).toBeVisible();
  await expect(question).toHaveValue('What is one thing I could do to come across more effectively?');
  await reader.getByRole('group', { name: 'How useful was this feedback?' }).getByLabel('5').check();
  await reader.getByRole('button', { name: 'Send rating' }).click();
  await expect(reader.getByText('Rating sent. You rated it 5 of 5.')).toBeVisible();
  await expect(question).toHaveValue('What is one thing I could do to come across more effectively?');
  await reader.getByRole('button', { name: 'Send question' }).click();
  await expect(reader.getByText('Your question:')).toBeVisible();
  await expect(reader.getByText('Not answered yet.')).toBeVisible();
  await reader.getByLabel(/Tell me about future roles/).check();
  await expect(reader.getByText(/may tell you about future roles/)).toBeVisible();
  // The 1 to 5 scale keeps one line on the phone: the five boxes share a top edge.
  await reader.getByRole('button', { name: 'Change my rating' }).click();
  const tops = await reader
    .locator('.ratings.scale label')
    .evaluateAll((ls) => ls.map((l) => Math.round(l.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  await phone.close();

  // The hiring team sees both, on the review screen and on the dashboard.
  await page.goto(`/feedback/${feedback.id}`);
  await expect(page.getByRole('heading', { name: 'Feedback for Noor Haddad' })).toBeVisible();
  const response = page.getByRole('region', { name: "The candidate's response" });
  await expect(response).toContainText('Rated it 5 of 5 for usefulness');
  await expect(response).toContainText('Said thank you');
  await expect(response).toContainText('come across more effectively');
  // The one question is answered here, checked as it is typed like the feedback itself.
  const answer = response.getByLabel('Your answer');
  await answer.fill('She is a digital native, so');
  await expect(response.locator('.mirror mark', { hasText: 'digital native' })).toBeVisible();
  await expect(response.getByRole('button', { name: 'Send answer' })).toBeDisabled();
  await answer.fill(
    'Write the tests for the edge cases first: an empty page, one item, and a partial last page.',
  );
  await response.getByRole('button', { name: 'Send answer' }).click();
  await expect(response).toContainText('Your answer: Write the tests for the edge cases first');
  await expect(response.getByLabel('Your answer')).toHaveCount(0);
  await shot(page, 'review-response');
  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
  const said = page.getByRole('region', { name: 'What candidates said' });
  await expect(said).toContainText('5 / 5');
  // One thank-you and one opt-in to future roles, and no question left to answer.
  await expect(said.getByRole('definition').filter({ hasText: /^1$/ })).toHaveCount(2);
  await expect(said).toContainText('Thanks received');
  await expect(said).toContainText('Open to future roles');
  await page.getByRole('navigation').getByRole('link', { name: 'Requests' }).click();
  await expect(page.getByRole('heading', { name: 'Requests' })).toBeVisible();
  await expect(page.getByText('No open requests')).toBeVisible();

  // The candidate signs up for a workspace with the same address; the emailed link confirms it and signs in, and the
  // inbox holds the earlier feedback, linked to its application.
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const me = await ctx.newPage();
  await signUpCandidate(me, 'Noor Haddad', email);
  await expect(me.getByRole('heading', { name: 'Hello, Noor' })).toBeVisible();
  await expect(me.getByText('Debrief for candidates')).toBeVisible();
  await me.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Inbox' }).click();
  await expect(me).toHaveURL(/\/me\/feedback$/);
  await expect(me.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  await expect(me.getByText('Confirm your email.')).toHaveCount(0);
  const inbox = me.getByRole('region', { name: 'Sent to you through Debrief' });
  await expect(inbox).toContainText(org);
  await expect(inbox).toContainText('Backend Engineer');
  await expect(inbox).toContainText('pagination');
  await shot(me, 'me-inbox');
  await inbox.getByRole('link', { name: 'Open the application' }).click();
  await expect(me.getByRole('heading', { name: new RegExp(org) })).toBeVisible();
  await expect(me.getByRole('region', { name: 'Feedback' })).toContainText('pagination');

  // The tracker: a new application, two rounds, then the rejection with what they said.
  await me.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Applications' }).click();
  await me.getByRole('button', { name: 'Add an application' }).click();
  await me.getByLabel('Company').fill('Harbor Analytics');
  await me.getByLabel('Role', { exact: true }).fill('Platform Engineer');
  await me.getByLabel('Source').fill('Referral from a former colleague');
  await me.getByLabel('Applied on').fill('2026-10-01');
  await me.getByRole('button', { name: 'Save application' }).click();
  await expect(me.getByRole('heading', { name: /Harbor Analytics/ })).toBeVisible();

  await me.getByRole('button', { name: 'Add a round' }).click();
  await me.getByLabel('Stage').fill('Phone screen');
  await me.getByLabel('Date', { exact: true }).fill('2026-10-08');
  await me.getByLabel('Interviewer 1 name').fill('Priya Shah');
  await me.getByLabel('Interviewer 1 role').fill('Recruiter');
  await me
    .getByRole('group', { name: /Rapport/ })
    .getByLabel('3', { exact: true })
    .check();
  await me.getByRole('button', { name: 'Save round' }).click();
  await expect(me.getByRole('status').filter({ hasText: 'Round added: Phone screen' })).toBeVisible();

  await me.getByRole('button', { name: 'Add a round' }).click();
  await me.getByLabel('Stage').fill('Technical interview');
  await me.getByLabel('Date', { exact: true }).fill('2026-10-15');
  await me.getByLabel('Interviewer 1 name').fill('Tom Becker');
  await me.getByLabel('Interviewer 1 role').fill('Engineering manager');
  await me
    .getByRole('group', { name: /Rapport/ })
    .getByLabel('5 very well')
    .check();
  await me
    .getByLabel('Notes')
    .fill('Whiteboard design of a job queue; we talked about retries for a long time.');
  await me.getByRole('button', { name: 'Save round' }).click();
  const rounds = me.getByRole('region', { name: 'Rounds' });
  await expect(rounds.getByRole('listitem')).toHaveCount(2);
  await expect(rounds).toContainText('Tom Becker (Engineering manager)');
  await expect(rounds).toContainText('rapport 5/5');

  await me.getByLabel('Change status').selectOption('rejected');
  await me.getByLabel('Rejected on').fill('2026-10-20');
  await me.getByLabel('The decision is final').check();
  await me.getByLabel('Has the role been filled?').selectOption('yes');
  await me.getByLabel('What they said').fill('We felt your answers lacked depth on scaling the database.');
  await me.getByRole('button', { name: 'Save status' }).click();
  await expect(me.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(me.locator('.page-head .badge')).toHaveText('rejected');
  await shot(me, 'me-application');

  // The request coach: whether and when, whom and how, and a draft checked as it is typed.
  await me.getByRole('link', { name: 'Ask for feedback' }).click();
  await expect(me).toHaveURL(/\/ask$/);
  const when = me.getByRole('region', { name: 'Whether and when' });
  await expect(when).toContainText('Earliest');
  await expect(when).toContainText('Likelihood');
  await expect(me.getByRole('region', { name: 'Whom and how' })).toContainText('Tom Becker');
  const draft = me.getByLabel('Your email');
  await expect(draft).toHaveValue(/Thank you/);
  await expect(me.getByLabel('Subject')).not.toHaveValue('');
  await expect(me.locator('.mirror mark')).toHaveCount(0);
  await draft.press('ControlOrMeta+End');
  await draft.pressSequentially("\nWhy wasn't I selected?");
  const flagged = me.locator('.mirror mark', { hasText: "Why wasn't I selected" });
  await expect(flagged).toBeVisible();
  await expect(flagged).toHaveAttribute('data-rule', /defensive/);
  const findings = me
    .getByRole('region', { name: 'The email' })
    .getByRole('list', { name: 'Checker findings' });
  await expect(findings).toContainText('Sounds defensive');
  await expect(findings).toContainText('Instead:');
  await expect(
    me.getByRole('region', { name: 'If they call you back' }).getByRole('listitem').first(),
  ).toBeVisible();
  await shot(me, 'me-coach');

  // The plan: themes across the rejections, charted; one turned into an action.
  await me.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Plan' }).click();
  await expect(me.getByRole('img', { name: /Themes across your feedback/ })).toBeVisible();
  const theme = me.locator('section.theme').first();
  const pick = theme
    .getByRole('group', { name: /^Action for / })
    .getByRole('radio')
    .first();
  await pick.check();
  const title = await pick.inputValue();
  await theme.getByRole('button', { name: 'Add action' }).click();
  await expect(theme.getByRole('status')).toHaveText('Added to your actions.');
  const actions = me.getByRole('list', { name: 'Actions' });
  await expect(actions).toContainText(title);
  await expect(me.getByText('0 of 1 done')).toBeVisible();
  await shot(me, 'me-plan');
  await actions.getByLabel(`Done: ${title}`).check();
  await expect(me.getByText('1 of 1 done')).toBeVisible();

  // Home lists what is coming up: asking for feedback, and no thank-you notes for rounds long past.
  await me.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Home' }).click();
  const comingUp = me.getByRole('region', { name: 'Coming up' });
  await expect(comingUp).toContainText('Ask for feedback');
  await expect(comingUp).not.toContainText('Thank-you note');
  await shot(me, 'me-home');

  // The main screens on a phone, for a look at the screenshots.
  if (shots) {
    await me.setViewportSize({ width: 390, height: 844 });
    for (const [name, path] of [
      ['home', '/me'],
      ['applications', '/me/applications'],
      ['inbox', '/me/feedback'],
      ['plan', '/me/plan'],
    ]) {
      await me.goto(path);
      await expect(me.getByRole('heading', { level: 1 })).toBeVisible();
      await shot(me, `me-phone-${name}`);
    }
    await me.goto('/me/applications');
    await me.getByRole('link', { name: 'Harbor Analytics' }).click();
    await expect(me.getByRole('heading', { name: /Harbor Analytics/ })).toBeVisible();
    await shot(me, 'me-phone-application');
    await me.getByRole('link', { name: 'Ask for feedback' }).click();
    await expect(me.getByLabel('Your email')).toBeVisible();
    await shot(me, 'me-phone-coach');
    await me.goto('/me/signin');
    await shot(me, 'me-phone-signin');
  }
  await ctx.close();
});

test('a notice without feedback, the candidate asks for it, and the request waits in the queue', async ({
  page,
  browser,
}) => {
  const email = `ola-${unique()}@example.test`;
  await signUpTeam(page, `Quill ${unique()}`, 'Ines Duarte', `ines-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Ines' })).toBeVisible();
  const post = apiPost(page);
  const job = await post('/jobs', { title: 'Content Designer', criteria: [{ name: 'Plain language' }] });
  const app = await post('/applications', { jobId: job.id, candidate: { name: 'Ola Berg', email } });
  await post(`/applications/${app.id}/rejection`, { reason: 'skills-gap' });

  // The draft is not ready: tell the candidate the outcome now.
  await page.goto(`/applications/${app.id}`);
  await page.getByRole('button', { name: 'Send a rejection notice without feedback' }).click();
  // The page then says when it went, and no longer offers another.
  await expect(page.getByTestId('notice-sent')).toContainText('Rejection notice sent');

  // The candidate asks for feedback from the link in the notice.
  const link = await linkIn(email, /(https?:\/\/\S+\/f\/[A-Za-z0-9_-]+)/);
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(link);
  await reader
    .getByLabel('Your message (optional)')
    .fill('Thank you for letting me know. Could you share one or two pointers for next time?');
  await reader.getByRole('button', { name: 'Ask for feedback' }).click();
  await expect(reader.getByText(/You asked for feedback on/)).toBeVisible();

  // The hiring team finds it in Requests, with its deadline, linked to the application.
  await page.getByRole('navigation').getByRole('link', { name: 'Requests' }).click();
  const item = page.getByRole('listitem').filter({ hasText: 'Ola Berg' });
  await expect(item).toContainText('Content Designer');
  await expect(item).toContainText('answer by');
  await expect(item).toContainText('one or two pointers');
  await shot(page, 'requests');
  await item.getByRole('link', { name: 'Ola Berg' }).click();
  await expect(page.getByRole('heading', { name: 'Ola Berg' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('region', { name: 'What candidates said' })).toContainText('see requests');
});
