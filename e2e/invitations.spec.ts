import { expect, test } from '@playwright/test';
import { linkIn, password, shot, signUpTeam, unique } from './support';

// The invitation page names the organization, the role and who sent it, and says before a password is typed when a
// link no longer works; an admin resends a link (the old one is replaced) or revokes it from the members page.

const LINK = /(http:\/\/\S+\/invitations\/[A-Za-z0-9_-]+)/;

/** The newest invitation link to this address, once it differs from `previous`. */
async function newLinkTo(email: string, previous?: string) {
  let link = '';
  await expect(async () => {
    link = await linkIn(email, LINK);
    expect(link).not.toBe(previous);
  }).toPass({ timeout: 20_000 });
  return link;
}

test('an invitation names who invites whom and where; replaced, revoked and used links say so before a password is typed', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const org = `Harbour ${unique()}`;
  await signUpTeam(page, org, 'Hana Reyes', `hana-${unique()}@example.test`);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Hana' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Members' }).click();
  const email = `ines-${unique()}@example.test`;
  await page.getByLabel('Name', { exact: true }).fill('Ines Duarte');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption('recruiter');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const row = page.getByRole('row', { name: /Ines Duarte/ });
  await expect(row).toContainText('invited · link works until');

  // The invitee opens the link: the organization, the role and the inviter, then the password.
  const first = await newLinkTo(email);
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(first);
  await expect(invitee.getByRole('heading', { name: `Join ${org} on Debrief` })).toBeVisible();
  await expect(
    invitee.getByText(`Hana Reyes invited Ines Duarte to join ${org} as a recruiter.`),
  ).toBeVisible();
  await expect(invitee.getByText(`You will sign in as ${email}`)).toBeVisible();
  await expect(invitee.getByLabel('Choose a password')).toBeVisible();
  await shot(invitee, 'invitation-pending');

  // The admin sends it again: the first link now says it was replaced, and asks for no password.
  await row.getByRole('button', { name: 'Resend invitation to Ines Duarte' }).click();
  await expect(row.getByRole('status')).toHaveText(`New link sent to ${email}.`);
  const second = await newLinkTo(email, first);
  await invitee.reload();
  await expect(invitee.getByRole('heading', { name: 'A newer invitation was sent' })).toBeVisible();
  await expect(invitee.getByLabel('Choose a password')).toHaveCount(0);

  // Revoked: the newer link says it was withdrawn, naming who to ask.
  await invitee.goto(second);
  await expect(invitee.getByLabel('Choose a password')).toBeVisible();
  await row.getByRole('button', { name: 'Revoke invitation for Ines Duarte' }).click();
  await expect(row).toContainText('invitation revoked');
  await invitee.reload();
  await expect(invitee.getByRole('heading', { name: 'This invitation was withdrawn' })).toBeVisible();
  await expect(invitee.getByText(`Ask Hana Reyes at ${org} if you think you should join.`)).toBeVisible();
  await expect(invitee.getByLabel('Choose a password')).toHaveCount(0);
  await shot(invitee, 'invitation-revoked');

  // Sent once more, and used: the link then says it was used and offers sign-in.
  await row.getByRole('button', { name: 'Resend invitation to Ines Duarte' }).click();
  const third = await newLinkTo(email, second);
  await invitee.goto(third);
  await invitee.getByLabel('Choose a password').fill(password);
  await invitee.getByRole('button', { name: 'Choose password and sign in' }).click();
  await expect(invitee.getByRole('heading', { name: 'Welcome to Debrief, Ines' })).toBeVisible();
  await invitee.goto(third);
  await expect(invitee.getByRole('heading', { name: 'This invitation was already used' })).toBeVisible();
  await expect(invitee.getByRole('link', { name: 'Sign in' })).toBeVisible();

  // A link that was never sent.
  await invitee.goto('/invitations/not-a-real-invitation-link');
  await expect(invitee.getByRole('heading', { name: 'Invitation link not recognised' })).toBeVisible();

  // The admin changes the new member's role.
  await page.reload();
  await expect(row).toContainText('active');
  await row.getByLabel('Role of Ines Duarte').selectOption('hiring-manager');
  await page.reload();
  await expect(row.getByLabel('Role of Ines Duarte')).toHaveValue('hiring-manager');
});
