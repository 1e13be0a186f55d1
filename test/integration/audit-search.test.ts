import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/app/audit';
import { EXPORT_BATCH } from '../../src/app/audit-trail/export-audit';
import { auditEvents } from '../../src/db/schema';
import {
  type Harness,
  lastMessageTo,
  linkIn,
  newOrganization,
  PASSWORD,
  type Reply,
  sessionCookie,
  startHarness,
  uniqueEmail,
} from '../support/harness';
import { jobWithApplication } from '../support/hiring';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

type Org = Awaited<ReturnType<typeof newOrganization>>;

/** A member with this role who accepted the emailed invitation and signed in. */
async function member(org: Org, role: string) {
  const email = uniqueEmail(role);
  const invited = await org.api.post('/api/v1/users', { name: `Rae ${role}`, email, role });
  expect(invited.status).toBe(201);
  const { token } = linkIn((await lastMessageTo(h, email)).text);
  expect((await h.anon.post('/api/v1/invitations/accept', { token, password: PASSWORD })).status).toBe(200);
  const signIn = await h.anon.post('/api/v1/auth/login', { email, password: PASSWORD });
  expect(signIn.status).toBe(200);
  return { id: invited.body.id as string, api: h.as({ cookie: sessionCookie(signIn.headers) }) };
}

const actions = (r: { body: { events: { action: string }[] } }) => r.body.events.map((e) => e.action);

describe('searching the audit trail', () => {
  it("finds an admin the organization's events by member, action, time and application, newest first", async () => {
    const org = await newOrganization(h);
    const other = await newOrganization(h, 'Other Co');
    const { application } = await jobWithApplication(org);
    const theirs = await jobWithApplication(other);
    const recruiter = await member(org, 'recruiter');
    await recruiter.api.post('/api/v1/jobs', { title: 'Data Engineer', criteria: [{ name: 'SQL' }] });

    const all = await org.api.get('/api/v1/audit?order=desc&limit=500');
    expect(all.status).toBe(200);
    expect(actions(all)).toEqual([
      'job.created',
      'auth.signed-in',
      'user.joined',
      'user.invited',
      'application.created',
      'job.created',
      'api-token.used',
      'organization.created',
    ]);
    // Nothing of the other organization's, however it is asked for.
    expect(all.body.events.some((e: { subjectId: string }) => e.subjectId === theirs.job.id)).toBe(false);

    const byRecruiter = await org.api.get(`/api/v1/audit?actorId=${recruiter.id}`);
    expect(actions(byRecruiter)).toEqual(['user.joined', 'auth.signed-in', 'job.created']);
    expect(byRecruiter.body.events[2].data.title).toBe('Data Engineer');

    expect(actions(await org.api.get('/api/v1/audit?action=job.created'))).toEqual([
      'job.created',
      'job.created',
    ]);
    expect(actions(await org.api.get('/api/v1/audit?action=user.'))).toEqual(['user.invited', 'user.joined']);
    expect(actions(await org.api.get('/api/v1/audit?action=user'))).toEqual([]);
    expect(actions(await org.api.get(`/api/v1/audit?applicationId=${application.id}`))).toEqual([
      'application.created',
    ]);

    const [created] = await h.ctx.db
      .select({ at: auditEvents.at })
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, org.organization.id))
      .limit(1);
    const day = created!.at.toISOString().slice(0, 10);
    expect((await org.api.get(`/api/v1/audit?from=${day}&to=${day}`)).body.events).toHaveLength(
      all.body.events.length,
    );
    expect((await org.api.get(`/api/v1/audit?to=${day}T00:00:00Z`)).body.events).toHaveLength(0);
    const later = new Date(Date.now() + 60_000).toISOString();
    expect((await org.api.get(`/api/v1/audit?from=${encodeURIComponent(later)}`)).body.events).toHaveLength(
      0,
    );
  });

  it('pages with a cursor that walks every event once, and refuses a cursor it did not give out', async () => {
    const org = await newOrganization(h);
    const other = await newOrganization(h);
    for (let i = 0; i < 4; i++)
      await org.api.post('/api/v1/users', { name: `M${i}`, email: uniqueEmail(), role: 'interviewer' });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r: Reply = await org.api.get(
        `/api/v1/audit?order=desc&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(r.status).toBe(200);
      seen.push(...r.body.events.map((e: { subjectId: string }) => e.subjectId));
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(6); // the organization, the token's first use, four members

    const page = await org.api.get('/api/v1/audit?order=desc&limit=2');
    const good = page.body.nextCursor as string;
    for (const bad of [
      'MTIz', // "123"
      Buffer.from('desc|1').toString('base64url'),
      `${good.slice(0, -2)}AA`,
      'not a cursor',
    ]) {
      const r = await org.api.get(`/api/v1/audit?order=desc&cursor=${encodeURIComponent(bad)}`);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/^query\.cursor/);
    }
    // Given for newest first: not a cursor for oldest first, nor for another organization.
    expect((await org.api.get(`/api/v1/audit?order=asc&cursor=${encodeURIComponent(good)}`)).status).toBe(
      400,
    );
    expect((await other.api.get(`/api/v1/audit?order=desc&cursor=${encodeURIComponent(good)}`)).status).toBe(
      400,
    );
  });

  it('refuses a bad date, naming the field, and a range that ends before it starts', async () => {
    const org = await newOrganization(h);
    for (const [query, field] of [
      ['from=yesterday', 'query.from'],
      ['to=2026-02-30', 'query.to'],
      ['from=2026-13-01', 'query.from'],
      ['to=2026-03-01T25:00:00Z', 'query.to'],
      ['from=2026-03-01T09:00:00', 'query.from'],
      ['from=2026-03-02&to=2026-03-01', 'query.to'],
      ['action=feedback.%25', 'query.action'],
      ['actorId=someone', 'query.actorId'],
    ]) {
      const r = await org.api.get(`/api/v1/audit?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.body.error.message, query).toMatch(new RegExp(`^${field.replace('.', '\\.')}:`));
    }
    expect((await org.api.get('/api/v1/audit?from=2026-03-01T09:00:00%2B02:00')).status).toBe(200);
  });

  it("is for admins; others read one application's trail; another organization's application is not found", async () => {
    const org = await newOrganization(h);
    const other = await newOrganization(h);
    const { application } = await jobWithApplication(org);
    const theirs = await jobWithApplication(other);
    const recruiter = await member(org, 'recruiter');
    expect((await recruiter.api.get('/api/v1/audit')).status).toBe(403);
    expect((await recruiter.api.get('/api/v1/audit/export')).status).toBe(403);
    expect((await recruiter.api.get(`/api/v1/audit?applicationId=${application.id}`)).status).toBe(200);
    for (const path of [
      `/api/v1/audit?applicationId=${theirs.application.id}`,
      `/api/v1/audit/export?applicationId=${theirs.application.id}`,
    ]) {
      const r = await org.api.get(path);
      expect(r.status, path).toBe(404);
    }
    expect((await recruiter.api.get(`/api/v1/audit?applicationId=${theirs.application.id}`)).status).toBe(
      404,
    );
  });
});

describe('exporting the audit trail', () => {
  it('downloads CSV that a spreadsheet reads as text, with the same filters, and records the export', async () => {
    const org = await newOrganization(h);
    await h.ctx.db.transaction((tx) =>
      recordAudit(tx, {
        organizationId: org.organization.id,
        actor: { type: 'system', name: '=HYPERLINK("http://evil.test","click")' },
        action: 'job.created',
        subjectType: 'job',
        subjectId: '@SUM(1+1)',
        data: { title: 'Backend, "Platform"\nteam' },
      }),
    );
    const r = await org.api.raw('GET', '/api/v1/audit/export?format=csv&action=job.');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(r.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = r.body as string;
    const [header, row, end] = text.split('\r\n');
    expect(header).toBe(
      'at,actor_type,actor_id,actor_name,action,subject_type,subject_id,application_id,data',
    );
    expect(row).toMatch(
      /^\d{4}-.*Z,system,,"'=HYPERLINK\(""http:\/\/evil\.test"",""click""\)",job\.created,job,'@SUM\(1\+1\),,"\{""title"":""Backend, \\""Platform\\""\\nteam""\}"$/,
    );
    expect(end).toBe('');

    const recorded = await org.api.get('/api/v1/audit?action=audit.exported');
    expect(recorded.body.events).toHaveLength(1);
    expect(recorded.body.events[0]).toMatchObject({
      actor: { type: 'token', name: 'Ada Admin' },
      data: { format: 'csv', filters: { action: 'job.' } },
    });
  });

  it('streams every event in batches, as JSON too, and only the organization’s', async () => {
    const org = await newOrganization(h);
    const other = await newOrganization(h);
    const n = EXPORT_BATCH * 2 + 5;
    const rows = Array.from({ length: n }, (_, i) => ({
      organizationId: org.organization.id,
      actorType: 'system' as const,
      actorName: 'Import',
      action: 'test.bulk',
      subjectId: String(i),
    }));
    for (let i = 0; i < rows.length; i += 500)
      await h.ctx.db.insert(auditEvents).values(rows.slice(i, i + 500));
    const r = await org.api.raw('GET', '/api/v1/audit/export?format=json');
    expect(r.status).toBe(200);
    const events = (r.body as { events: { action: string; subjectId: string }[] }).events;
    expect(events[0]!.action).toBe('organization.created');
    const bulk = events.filter((e) => e.action === 'test.bulk').map((e) => Number(e.subjectId));
    expect(bulk).toEqual(rows.map((_, i) => i));
    expect(events.at(-1)!.action).toBe('audit.exported');
    const theirs = await other.api.raw('GET', '/api/v1/audit/export?format=json');
    expect(theirs.body.events.map((e: { action: string }) => e.action)).toEqual([
      'organization.created',
      'api-token.used',
      'audit.exported',
    ]);
  });
});
