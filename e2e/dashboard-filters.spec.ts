import { expect, test } from '@playwright/test';
import { apiPost, linkIn, shot, signUpTeam, unique } from './support';

// The dashboard for one job and the days candidates were rejected on: each figure opens the list behind it.

test('the dashboard filtered by job and days links each figure to the matching list', async ({ page }) => {
  test.setTimeout(60_000);
  await signUpTeam(page, `Figures ${unique()}`, 'Noor Haddad', `noor-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Noor' })).toBeVisible();

  const post = apiPost(page);
  const reject = async (jobId: string, name: string) => {
    const app = await post('/applications', {
      jobId,
      candidate: { name, email: `${unique()}@example.test` },
    });
    await post(`/applications/${app.id}/rejection`, { reason: 'skills-gap' });
  };
  const planner = await post('/jobs', { title: 'Warehouse Planner', criteria: [{ name: 'Route planning' }] });
  const driver = await post('/jobs', { title: 'Delivery Driver', criteria: [{ name: 'Safe driving' }] });
  await reject(planner.id, 'Ana Lopes');
  await reject(planner.id, 'Ben Okafor');
  await reject(driver.id, 'Chloe Martin');

  await page.goto('/');
  const drafts = page.locator('section', { has: page.getByRole('heading', { name: 'Drafts waiting' }) });
  await expect(drafts.locator('.big')).toHaveText('3');

  await page.getByLabel('Job', { exact: true }).selectOption({ label: 'Warehouse Planner' });
  await expect(page).toHaveURL(new RegExp(`job=${planner.id}`));
  await expect(drafts.getByRole('link', { name: '2 drafts waiting' })).toBeVisible();
  // The oldest drafts named under the figure are that job's too.
  await expect(drafts.getByRole('listitem')).toHaveText(['Ana Lopes', 'Ben Okafor']);

  // Nobody was rejected from tomorrow on.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Rejected from').fill(day(1));
  await expect(drafts.getByRole('link', { name: '0 drafts waiting' })).toBeVisible();
  await expect(drafts.getByRole('listitem')).toHaveCount(0);
  await page.getByLabel('Rejected from').fill(day(0));
  await expect(page).toHaveURL(new RegExp(`from=${day(0)}`));

  await drafts.getByRole('link', { name: '2 drafts waiting' }).click();
  await expect(page.getByRole('heading', { name: 'Applications', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(
    new RegExp(`/applications\\?jobId=${planner.id}.*rejectedFrom=${day(0)}.*feedback=draft`),
  );
  await expect(page.getByLabel('Job', { exact: true })).toHaveValue(planner.id);
  await expect(page.getByText(`Rejected from ${day(0)}`)).toBeVisible();
  await expect(page.getByRole('row', { name: /Ana Lopes|Ben Okafor|Chloe Martin/ })).toHaveCount(2);
  await expect(page.getByRole('row', { name: /Chloe Martin/ })).toHaveCount(0);
  await expect(page.getByText('2 applications')).toBeVisible();
});

test('every figure, for every job or one, opens a list of as many applications', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUpTeam(page, `Lists ${unique()}`, 'Iris Vogel', `iris-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Iris' })).toBeVisible();

  const post = apiPost(page);
  /** A candidate rejected (a draft), approved to send now or when the job is filled, and what they said. */
  type Job = { id: string; criteria: { id: string }[] };
  const candidate = async (
    job: Job,
    name: string,
    send?: 'now' | 'when-filled',
    said?: object,
    score?: number,
  ) => {
    const email = `${unique()}@example.test`;
    const app = await post('/applications', { jobId: job.id, candidate: { name, email } });
    if (score)
      await post(`/applications/${app.id}/scorecards`, {
        stage: 'interview',
        recommendation: 'no',
        ratings: [
          {
            criterionId: job.criteria[0]!.id,
            rating: score,
            evidence: 'The route plan for the exercise covered four of the six delivery windows.',
          },
        ],
      });
    const { feedback } = await post(`/applications/${app.id}/rejection`, { reason: 'skills-gap' });
    if (send) await post(`/feedback/${feedback.id}/approve`, { send });
    if (said) {
      const token = (await linkIn(email, /(https?:\/\/\S+\/f\/[A-Za-z0-9_-]+)/)).split('/').pop();
      const r = await page.request.post(`/api/v1/portal/${token}/response`, { data: said });
      expect(r.ok(), await r.text()).toBeTruthy();
    }
  };
  const planner = await post('/jobs', { title: 'Warehouse Planner', criteria: [{ name: 'Route planning' }] });
  const driver = await post('/jobs', { title: 'Delivery Driver', criteria: [{ name: 'Safe driving' }] });
  await candidate(planner, 'Ana Lopes', undefined, undefined, 2);
  await candidate(planner, 'Ben Okafor', 'now', {
    useful: 5,
    thanks: true,
    question: 'Which exercise would help most?',
    futureRoles: true,
  });
  await candidate(planner, 'Dev Patel', 'when-filled');
  await candidate(driver, 'Chloe Martin', 'now', { thanks: true });
  // Gus was told the outcome without feedback, and asks for it.
  const gus = `${unique()}@example.test`;
  const gusApp = await post('/applications', {
    jobId: driver.id,
    candidate: { name: 'Gus Lind', email: gus },
  });
  await post(`/applications/${gusApp.id}/rejection`, { reason: 'skills-gap' });
  await post(`/applications/${gusApp.id}/notice`);
  const notice = (await linkIn(gus, /(https?:\/\/\S+\/f\/[A-Za-z0-9_-]+)/)).split('/').pop();
  const asked = await page.request.post(`/api/v1/portal/${notice}/request`, { data: {} });
  expect(asked.ok(), await asked.text()).toBeTruthy();
  await post('/applications', {
    jobId: driver.id,
    candidate: { name: 'Eli Novak', email: `${unique()}@example.test` },
  });

  /** Each figure's link names its number; the list it opens holds that many rows. */
  const figures = [
    /^\d+ feedback sent$/,
    /^\d+ rejected$/,
    /^\d+ drafts waiting$/,
    /^\d+ scheduled$/,
    /^\d+ usefulness ratings$/,
    /^\d+ thanks received$/,
    /^\d+ questions to answer$/,
    /^\d+ open to future roles$/,
    // The one week that sent any: this one.
    /^Week of .*: [1-9]\d* feedback sent$/,
    // Ana fell short on route planning.
    /^Route planning: \d+ rejected below the bar$/,
  ];
  const opensAsMany = async (name: RegExp) => {
    const link = page.getByRole('link', { name });
    const n = Number(/(\d+) \D*$/.exec((await link.getAttribute('aria-label')) ?? '')?.[1]);
    expect(Number.isNaN(n), String(name)).toBe(false);
    await link.click();
    await expect(page.getByRole('heading', { name: 'Applications', level: 1 })).toBeVisible();
    await expect(
      page.getByText(n === 1 ? '1 application' : `${n} applications`, { exact: true }),
    ).toBeVisible();
    await expect(page.locator('tbody tr'), String(name)).toHaveCount(n);
    await page.goBack();
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    return n;
  };

  /** A count of requests opens the requests behind it: as many rows, narrowed as the address says. */
  const requestsAsMany = async (name: string, url: RegExp, note?: string) => {
    const link = page.getByRole('link', { name, exact: true });
    const n = Number(/^(\d+) /.exec((await link.getAttribute('aria-label')) ?? '')?.[1]);
    expect(Number.isNaN(n), name).toBe(false);
    await link.click();
    await expect(page.getByRole('heading', { name: 'Requests', level: 1 })).toBeVisible();
    await expect(page).toHaveURL(url);
    if (note) await expect(page.getByText(note)).toBeVisible();
    await expect(page.locator('.requests li'), name).toHaveCount(n);
    await page.goBack();
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    return n;
  };

  await page.goto('/');
  // Both letters sent: the figures are final.
  await expect
    .poll(async () => (await (await page.request.get('/api/v1/stats')).json()).thanksReceived, {
      timeout: 20_000,
    })
    .toBe(2);
  await page.reload();
  await expect(page.getByRole('link', { name: '2 feedback sent', exact: true })).toBeVisible();
  await shot(page, 'dashboard-figures');
  const seen: number[] = [];
  for (const name of figures) seen.push(await opensAsMany(name));
  // rejected 5 (Eli is still in the running), sent 2, drafts 2, scheduled 1, a rating, two thanks, a question,
  // one open to future roles, this week's column (the two sent) and the one gap.
  expect(seen).toEqual([2, 5, 2, 1, 1, 2, 1, 1, 2, 1]);
  // Gus's request waits on the requests page; it is not yet past its deadline, so the late count opens none.
  expect(await requestsAsMany('1 feedback requests open', /\/requests$/)).toBe(1);
  expect(
    await requestsAsMany('0 feedback requests overdue', /\/requests\?overdue=true$/, 'Past the deadline.'),
  ).toBe(0);
  // The median time opens the feedback sent behind it.
  await page.getByRole('link', { name: /the median of 2 feedback sent/ }).click();
  await expect(page.locator('tbody tr')).toHaveCount(2);
  await expect(page.getByRole('row', { name: /Ben Okafor/ })).toContainText('Warehouse Planner');
  await expect(page.getByRole('row', { name: /Chloe Martin/ })).toContainText('Delivery Driver');
  await shot(page, 'applications-every-job');
  await page.goBack();
  // The chart's columns are links from the keyboard too, inside a group named for the chart.
  const week = page
    .getByRole('group', { name: 'Feedback sent per week' })
    .getByRole('link', { name: /^Week of .*: 2 feedback sent$/ });
  await week.focus();
  await expect(week).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Feedback sent from')).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(2);
  await page.goBack();

  // One job: its own figures and lists.
  await page.getByLabel('Job', { exact: true }).selectOption({ label: 'Delivery Driver' });
  await expect(page.getByRole('link', { name: '2 rejected', exact: true })).toBeVisible();
  const driverSeen: number[] = [];
  for (const name of [figures[1], figures[0], figures[5], figures[6]])
    driverSeen.push(await opensAsMany(name));
  expect(driverSeen).toEqual([2, 1, 1, 0]);
  await page.getByRole('link', { name: '1 feedback requests open', exact: true }).click();
  await expect(page.getByText('Delivery Driver.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Gus Lind' })).toHaveCount(1);
  await page.goBack();
  expect(
    await requestsAsMany(
      '0 feedback requests overdue',
      new RegExp(`/requests\\?jobId=${driver.id}&overdue=true$`),
      'Past the deadline.',
    ),
  ).toBe(0);
  await expect(page.getByRole('link', { name: '1 feedback requests open', exact: true })).toBeVisible();
  // Nobody asked at the other job.
  await page.getByLabel('Job', { exact: true }).selectOption({ label: 'Warehouse Planner' });
  await expect(page.getByRole('link', { name: '0 feedback requests open', exact: true })).toBeVisible();
  await page.getByRole('link', { name: '0 feedback requests open', exact: true }).click();
  await expect(page.getByText('No open request matches.')).toBeVisible();
  await page.goBack();
  await page.getByLabel('Job', { exact: true }).selectOption({ label: 'Delivery Driver' });
  await page.getByRole('link', { name: '1 thanks received', exact: true }).click();
  await expect(page.getByRole('row', { name: /Chloe Martin/ })).toBeVisible();
  await expect(page.getByText('Thanked the team.')).toBeVisible();
});
