import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseOrganizationIfDue } from '../../src/app/organization/erase-organization';
import { knownDevices, outbox, rateLimits } from '../../src/db/schema';
import {
  type Harness,
  lastMessageTo,
  linkIn,
  newOrganization,
  PASSWORD,
  sessionCookie,
  startHarness,
  uniqueEmail,
} from '../support/harness';
import { jobWithApplication, scoreTwoRounds } from '../support/hiring';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

type Org = Awaited<ReturnType<typeof newOrganization>>;
const DAY = 86_400_000;

/** A second admin who accepted the invitation and signed in. */
async function secondAdmin(org: Org) {
  const email = uniqueEmail('admin2');
  const invited = await org.api.post('/api/v1/users', { name: 'Bea Admin', email, role: 'admin' });
  expect(invited.status).toBe(201);
  const { token } = linkIn((await lastMessageTo(h, email)).text);
  expect((await h.anon.post('/api/v1/invitations/accept', { token, password: PASSWORD })).status).toBe(200);
  const signIn = await h.anon.post('/api/v1/auth/login', { email, password: PASSWORD });
  return { email, api: h.as({ cookie: sessionCookie(signIn.headers) }) };
}

/** An organization with some of everything: members, a job, an application, scorecards, a drafted feedback. */
async function busyOrganization(name: string) {
  const org = await newOrganization(h, name);
  const { application, criterion } = await jobWithApplication(org);
  await scoreTwoRounds(org, application.id, criterion);
  expect(
    (await org.api.post(`/api/v1/applications/${application.id}/rejection`, { reason: 'skills-gap' })).status,
  ).toBe(201);
  expect((await org.api.raw('GET', '/api/v1/audit/export?format=csv')).status).toBe(200);
  // A wrong password, then the right one: the address has a count of attempts and a known browser.
  expect(
    (await h.anon.post('/api/v1/auth/login', { email: org.email, password: 'not it at all' })).status,
  ).toBe(401);
  expect((await h.anon.post('/api/v1/auth/login', { email: org.email, password: PASSWORD })).status).toBe(
    200,
  );
  await h.drainJobs();
  return org;
}

/** What is kept about an address's sign-ins, outside any organization's tables. */
async function signInTraces(email: string) {
  const account = `staff:${email.toLowerCase()}`;
  const attempts = await h.ctx.db
    .select()
    .from(rateLimits)
    .where(eq(rateLimits.bucket, `account:${account}`));
  const devices = await h.ctx.db.select().from(knownDevices).where(eq(knownDevices.account, account));
  return attempts.length + devices.length;
}

/** Every table that has an organization_id column, and how many of its rows belong to this organization. */
async function rowsOf(organizationId: string) {
  const tables = await h.ctx.db.execute<{ table_name: string }>(sql`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.column_name = 'organization_id' and c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name`);
  const counts: Record<string, number> = {};
  for (const { table_name } of (tables as unknown as { rows: { table_name: string }[] }).rows) {
    const r = await h.ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table_name)} where organization_id = ${organizationId}`,
    );
    counts[table_name] = (r as unknown as { rows: { n: number }[] }).rows[0]!.n;
  }
  const [org] = (
    (await h.ctx.db.execute(
      sql`select count(*)::int as n from organizations where id = ${organizationId}`,
    )) as unknown as { rows: { n: number }[] }
  ).rows;
  counts.organizations = org!.n;
  return counts;
}

describe('deleting an organization', () => {
  it('is scheduled a week ahead with the password and the name typed out, every admin is told, and any admin may cancel', async () => {
    const org = await newOrganization(h, 'Kinetix');
    const bea = await secondAdmin(org);
    const ada = h.as({ cookie: org.cookie });
    const body = { password: PASSWORD, confirmName: 'Kinetix' };

    expect((await org.api.post('/api/v1/organization/deletion', body)).body.error.code).toBe(
      'session-required',
    );
    const wrongName = await ada.post('/api/v1/organization/deletion', { ...body, confirmName: 'Kinetics' });
    expect(wrongName.status).toBe(400);
    expect(wrongName.body.error.message).toMatch(/^body\.confirmName:/);
    const wrongPassword = await ada.post('/api/v1/organization/deletion', {
      ...body,
      password: 'not my password',
    });
    expect(wrongPassword.status).toBe(403);
    expect((await ada.get('/api/v1/me')).body.organization.deletion).toBeNull();

    const before = Date.now();
    const scheduled = await ada.post('/api/v1/organization/deletion', body);
    expect(scheduled.status).toBe(202);
    const dueAt = new Date(scheduled.body.deletion.dueAt).getTime();
    expect(dueAt).toBeGreaterThanOrEqual(before + 7 * DAY);
    expect(dueAt).toBeLessThan(Date.now() + 7 * DAY + 1000);
    expect((await bea.api.get('/api/v1/me')).body.organization.deletion).toMatchObject({
      dueAt: scheduled.body.deletion.dueAt,
      requestedBy: 'Ada Admin',
    });
    for (const to of [org.email, bea.email]) {
      const message = await lastMessageTo(h, to);
      expect(message.subject).toBe(
        `Kinetix will be deleted from Debrief on ${scheduled.body.deletion.dueAt.slice(0, 10)}`,
      );
      expect(message.text).toContain('Any admin can cancel before then');
    }
    const [job] = await h.ctx.db
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.kind, 'erase-organization'),
          sql`${outbox.payload}->>'organizationId' = ${org.organization.id}`,
        ),
      );
    expect(job!.runAt.toISOString()).toBe(scheduled.body.deletion.dueAt);
    expect((await ada.post('/api/v1/organization/deletion', body)).status).toBe(409);

    const cancelled = await bea.api.delete('/api/v1/organization/deletion');
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.deletion).toBeNull();
    expect((await lastMessageTo(h, org.email)).subject).toBe('Kinetix will not be deleted');
    expect((await bea.api.delete('/api/v1/organization/deletion')).status).toBe(409);

    // The job still runs on the day, and finds nothing to do.
    expect(await eraseOrganizationIfDue(h.ctx.db, org.organization.id, new Date(dueAt + DAY))).toBe(false);
    expect((await org.api.get('/api/v1/me')).status).toBe(200);
    const trail = await org.api.get('/api/v1/audit?action=organization.');
    expect(trail.body.events.map((e: { action: string }) => e.action)).toEqual([
      'organization.created',
      'organization.deletion-scheduled',
      'organization.deletion-cancelled',
    ]);
  });

  it('is for admins only', async () => {
    const org = await newOrganization(h);
    const email = uniqueEmail('recruiter');
    await org.api.post('/api/v1/users', { name: 'Rae Recruiter', email, role: 'recruiter' });
    const { token } = linkIn((await lastMessageTo(h, email)).text);
    await h.anon.post('/api/v1/invitations/accept', { token, password: PASSWORD });
    const signIn = await h.anon.post('/api/v1/auth/login', { email, password: PASSWORD });
    const rae = h.as({ cookie: sessionCookie(signIn.headers) });
    expect(
      (await rae.post('/api/v1/organization/deletion', { password: PASSWORD, confirmName: 'Acme Hiring' }))
        .status,
    ).toBe(403);
    expect((await rae.delete('/api/v1/organization/deletion')).status).toBe(403);
  });

  it('erases every row of the organization when it falls due, and nothing of another', async () => {
    const doomed = await busyOrganization('Doomed Ltd');
    const other = await busyOrganization('Other Ltd');
    const otherBefore = await rowsOf(other.organization.id);
    const doomedBefore = await rowsOf(doomed.organization.id);
    expect(await signInTraces(doomed.email)).toBeGreaterThan(0);
    expect(doomedBefore.audit_events).toBeGreaterThan(5);
    expect(doomedBefore.feedback).toBe(1);

    const ada = h.as({ cookie: doomed.cookie });
    const scheduled = await ada.post('/api/v1/organization/deletion', {
      password: PASSWORD,
      confirmName: 'Doomed Ltd',
    });
    expect(scheduled.status).toBe(202);
    const dueAt = new Date(scheduled.body.deletion.dueAt);

    // Not before it is due.
    expect(
      await eraseOrganizationIfDue(h.ctx.db, doomed.organization.id, new Date(dueAt.getTime() - 1000)),
    ).toBe(false);
    expect((await rowsOf(doomed.organization.id)).users).toBe(doomedBefore.users);

    expect(
      await eraseOrganizationIfDue(h.ctx.db, doomed.organization.id, new Date(dueAt.getTime() + 1000)),
    ).toBe(true);
    const after = await rowsOf(doomed.organization.id);
    expect(Object.keys(after)).toContain('audit_events');
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    expect((await doomed.api.get('/api/v1/jobs')).status).toBe(401);
    expect(await rowsOf(other.organization.id)).toEqual(otherBefore);
    expect(await signInTraces(doomed.email)).toBe(0);
    expect(await signInTraces(other.email)).toBeGreaterThan(0);
    expect((await other.api.get('/api/v1/audit?limit=5')).status).toBe(200);
    // The trail of every other organization stays append-only.
    await expect(
      h.ctx.db.execute(sql`delete from audit_events where organization_id = ${other.organization.id}`),
    ).rejects.toThrow();
  });
});
