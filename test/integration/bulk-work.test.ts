import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, emails, outbox } from '../../src/db/schema';
import { OUTBOUND_EMAIL_LIMITS } from '../../src/domain/policy';
import { newOrganization, uniqueEmail } from '../support/harness';
import { withMail } from '../support/smtp';

// The hiring team's work on many applications at once: the list searched, sorted and paged; the chosen ones rejected
// in the background (never an offer or a hire); every clean draft approved and sent, each exactly once.

const mail = withMail();
type Org = Awaited<ReturnType<typeof newOrganization>>;
type Item = {
  id: string;
  candidate: { name: string; email: string };
  stage: string;
  feedback: { id: string } | null;
};

async function jobWith(org: Org, names: string[], title = 'Data Analyst') {
  const job = await org.api.post('/api/v1/jobs', { title, criteria: [{ name: 'SQL' }] });
  const apps: { id: string; name: string; email: string }[] = [];
  for (const name of names) {
    const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, '-'));
    const a = await org.api.post('/api/v1/applications', { jobId: job.body.id, candidate: { name, email } });
    expect(a.status).toBe(201);
    apps.push({ id: a.body.id, name, email });
  }
  return { jobId: job.body.id as string, apps };
}

/** Every page of a list, following its cursors. */
async function allPages(org: Org, path: string) {
  const seen: Item[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const r: { status: number; body: { items: Item[]; nextCursor: string | null } } = await org.api.get(
      `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(r.status).toBe(200);
    seen.push(...r.body.items);
    cursor = r.body.nextCursor;
    pages++;
  } while (cursor && pages < 50);
  return { seen, pages };
}

async function waitForOperation(org: Org, id: string) {
  for (let i = 0; i < 20; i++) {
    await mail.h.drainJobs();
    const op = await org.api.get(`/api/v1/bulk-operations/${id}`);
    if (op.body.status !== 'running') return op.body;
  }
  throw new Error('the operation did not finish');
}

describe('the applicants list', () => {
  it('searches by name or email, sorts by name, stage and dates, and pages through everything without a cap', async () => {
    const org = await newOrganization(mail.h);
    const names = [
      'Zoe Adams',
      'ava Brown',
      'Mia Clark',
      'Liam Davis',
      'Noah Evans',
      'Emma Frost',
      'Olivia Green',
    ];
    const { jobId, apps } = await jobWith(org, names);
    await org.api.post(`/api/v1/applications/${apps[2].id}/stage`, { stage: 'interview' });
    await org.api.post(`/api/v1/applications/${apps[4].id}/stage`, { stage: 'screen' });

    const search = await org.api.get(`/api/v1/applications?jobId=${jobId}&q=BROWN`);
    expect(search.body.items.map((a: Item) => a.candidate.name)).toEqual(['ava Brown']);
    expect(search.body.total).toBe(1);
    const byEmail = await org.api.get(`/api/v1/applications?jobId=${jobId}&q=${apps[6].email.slice(0, 12)}`);
    expect(byEmail.body.items.map((a: Item) => a.candidate.name)).toEqual(['Olivia Green']);
    // A percent sign is a character to find, not a wildcard.
    expect((await org.api.get(`/api/v1/applications?jobId=${jobId}&q=%25`)).body.total).toBe(0);

    // Pages of two, sorted by name, case aside: every candidate once, in order.
    const { seen, pages } = await allPages(org, `/api/v1/applications?jobId=${jobId}&sort=name&limit=2`);
    expect(pages).toBe(4);
    expect(seen.map((a) => a.candidate.name)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const down = await allPages(org, `/api/v1/applications?jobId=${jobId}&sort=-name&limit=3`);
    expect(down.seen.map((a) => a.candidate.name)).toEqual([...names].sort((a, b) => b.localeCompare(a)));

    // By stage, in pipeline order: everyone applied, then the screen, then the interview.
    const byStage = await allPages(org, `/api/v1/applications?jobId=${jobId}&sort=-stage&limit=2`);
    expect(byStage.seen.slice(0, 2).map((a) => a.candidate.name)).toEqual(['Mia Clark', 'Noah Evans']);
    expect(byStage.seen).toHaveLength(7);

    // Applied first and last updated: the two moved come first by update.
    const applied = await allPages(org, `/api/v1/applications?jobId=${jobId}&sort=applied&limit=4`);
    expect(applied.seen.map((a) => a.candidate.name)).toEqual(names);
    const updated = await allPages(org, `/api/v1/applications?jobId=${jobId}&sort=-updated&limit=2`);
    expect(updated.seen.slice(0, 2).map((a) => a.candidate.name)).toEqual(['Noah Evans', 'Mia Clark']);
    expect(new Set(updated.seen.map((a) => a.id)).size).toBe(7);

    // More than 200 is no longer refused by a cap on the list: pages are how the app reads them.
    const first = await org.api.get(`/api/v1/applications?jobId=${jobId}&sort=name&limit=2`);
    expect(first.body.total).toBe(7);
  });

  it('refuses a crafted cursor, or one from another sort, naming the field', async () => {
    const org = await newOrganization(mail.h);
    const { jobId } = await jobWith(org, ['Ann One', 'Bob Two', 'Cy Three']);
    const page = await org.api.get(`/api/v1/applications?jobId=${jobId}&sort=name&limit=1`);
    const crafted = [
      'not-a-cursor',
      Buffer.from('{"s":"name","v":"x","id":"1; drop table"}').toString('base64url'),
      Buffer.from('{"s":"applied","v":"yesterday","id":"00000000-0000-0000-0000-000000000000"}').toString(
        'base64url',
      ),
      Buffer.from('{"s":"stage","v":99,"id":"00000000-0000-0000-0000-000000000000"}').toString('base64url'),
      Buffer.from('[1,2,3]').toString('base64url'),
    ];
    for (const [sort, cursor] of [
      ['name', crafted[0]],
      ['name', crafted[1]],
      ['applied', crafted[2]],
      ['stage', crafted[3]],
      ['name', crafted[4]],
      ['applied', page.body.nextCursor],
    ]) {
      const r = await org.api.get(`/api/v1/applications?jobId=${jobId}&sort=${sort}&cursor=${cursor}`);
      expect(r.status, cursor).toBe(400);
      expect(r.body.error.code).toBe('invalid-request');
      expect(r.body.error.message).toMatch(/^query\.cursor: /);
    }
    const bad = await org.api.get(`/api/v1/applications?sort=surname`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/sort/);
  });
});

describe('rejecting the chosen applications', () => {
  it('rejects them in the background, skips offers, hires and withdrawals with the reason, and never touches another organization', async () => {
    const org = await newOrganization(mail.h);
    const names = Array.from({ length: 12 }, (_, i) => `Person ${String(i).padStart(2, '0')}`);
    const { jobId, apps } = await jobWith(org, names);
    await org.api.post(`/api/v1/applications/${apps[0].id}/stage`, { stage: 'hired' });
    await org.api.post(`/api/v1/applications/${apps[1].id}/stage`, { stage: 'offer' });
    await org.api.post(`/api/v1/applications/${apps[2].id}/stage`, { stage: 'withdrawn' });

    const other = await newOrganization(mail.h, 'Other Co');
    const theirs = await jobWith(other, ['Not Yours']);
    const foreign = await org.api.post('/api/v1/applications/bulk-rejection', {
      reason: 'skills-gap',
      applicationIds: [apps[3].id, theirs.apps[0].id],
    });
    expect(foreign.status).toBe(404);

    const neither = await org.api.post('/api/v1/applications/bulk-rejection', { reason: 'skills-gap' });
    expect(neither.status).toBe(400);
    expect(neither.body.error.message).toMatch(/applicationIds/);

    // Chosen by id: the hire is named as skipped, with why.
    const chosen = await org.api.post('/api/v1/applications/bulk-rejection', {
      reason: 'skills-gap',
      applicationIds: [apps[0].id, apps[3].id, apps[4].id],
    });
    expect(chosen.status).toBe(202);
    expect(chosen.body).toMatchObject({ kind: 'reject-selected', jobId, total: 2, status: 'running' });
    expect(chosen.body.skipped).toEqual([
      expect.objectContaining({
        applicationId: apps[0].id,
        candidateName: 'Person 00',
        code: 'application-hired',
      }),
    ]);
    // A page reloaded meanwhile finds the running operation of its job.
    const running = await org.api.get(`/api/v1/bulk-operations?jobId=${jobId}&status=running`);
    expect(running.body.items.map((o: { id: string }) => o.id)).toEqual([chosen.body.id]);
    expect((await waitForOperation(org, chosen.body.id)).done).toBe(2);

    // Every one matching a filter: the rest, the hire, offer, withdrawal and those already rejected skipped.
    const all = await org.api.post('/api/v1/applications/bulk-rejection', {
      reason: 'role-filled',
      filter: { jobId },
    });
    expect(all.status).toBe(202);
    expect(all.body.total).toBe(7);
    expect(
      Object.fromEntries(
        all.body.skipped.map((s: { candidateName: string; code: string }) => [s.candidateName, s.code]),
      ),
    ).toEqual({
      'Person 00': 'application-hired',
      'Person 01': 'application-offered',
      'Person 02': 'application-withdrawn',
      'Person 03': 'application-closed',
      'Person 04': 'application-closed',
    });
    const done = await waitForOperation(org, all.body.id);
    expect(done).toMatchObject({ status: 'done', total: 7, done: 7, succeeded: 7 });

    const list = await allPages(org, `/api/v1/applications?jobId=${jobId}&sort=name&limit=5`);
    const stage = Object.fromEntries(list.seen.map((a) => [a.candidate.name, a.stage]));
    expect(stage['Person 00']).toBe('hired');
    expect(stage['Person 01']).toBe('offer');
    expect(stage['Person 02']).toBe('withdrawn');
    expect(list.seen.filter((a) => a.stage === 'rejected')).toHaveLength(9);
    expect(list.seen.filter((a) => a.stage === 'rejected').every((a) => a.feedback)).toBe(true);
    expect((await other.api.get(`/api/v1/applications/${theirs.apps[0].id}`)).body.stage).toBe('applied');
    expect((await other.api.get(`/api/v1/bulk-operations/${all.body.id}`)).status).toBe(404);
  });
});

describe('approving every draft without findings', () => {
  it('approves and emails each clean draft exactly once, leaves drafts with findings, and does nothing the second time', async () => {
    const org = await newOrganization(mail.h);
    const N = 24;
    const names = Array.from({ length: N }, (_, i) => `Draft ${String(i).padStart(2, '0')}`);
    const { jobId, apps } = await jobWith(org, names);
    const op = await org.api.post('/api/v1/applications/bulk-rejection', {
      reason: 'skills-gap',
      filter: { jobId },
    });
    await waitForOperation(org, op.body.id);
    const drafts = (
      await allPages(org, `/api/v1/applications?jobId=${jobId}&feedbackStatus=draft&sort=name&limit=50`)
    ).seen;
    expect(drafts).toHaveLength(N);
    // Two drafts a reviewer edited into something the checker flags.
    for (const d of drafts.slice(0, 2)) {
      const r = await org.api.put(`/api/v1/feedback/${d.feedback!.id}`, {
        body: 'Thank you for your time. Honestly, you seemed too old for this team.',
      });
      expect(r.status).toBe(200);
      expect(r.body.feedback.findings.length).toBeGreaterThan(0);
    }

    const preview = await org.api.get(`/api/v1/feedback-approvals/preview?jobId=${jobId}`);
    expect(preview.body).toEqual({ ready: N - 2, withFindings: 2 });
    const started = await org.api.post('/api/v1/feedback-approvals', { jobId });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'approve-drafts', total: N - 2 });
    const finished = await waitForOperation(org, started.body.id);
    expect(finished).toMatchObject({ status: 'done', succeeded: N - 2, done: N - 2 });
    expect(finished.withFindings.map((w: { candidateName: string }) => w.candidateName)).toEqual([
      'Draft 00',
      'Draft 01',
    ]);
    for (let i = 0; i < 5; i++) await mail.h.drainJobs();

    // Each candidate with a clean draft got one email; the two with findings got none, and stay drafts.
    for (const a of apps.slice(2)) expect(mail.inbox(a.email), a.name).toHaveLength(1);
    for (const a of apps.slice(0, 2)) expect(mail.inbox(a.email)).toHaveLength(0);
    const sent = await allPages(org, `/api/v1/applications?jobId=${jobId}&feedbackStatus=sent&limit=50`);
    expect(sent.seen).toHaveLength(N - 2);

    // Each approval is audited as a single one is.
    const [{ n }] = await mail.h.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(
        sql`${auditEvents.organizationId} = ${org.organization.id} and ${auditEvents.action} = 'feedback.approved'`,
      );
    expect(n).toBe(N - 2);

    // Again: nothing left to approve, nothing sent twice.
    const again = await org.api.post('/api/v1/feedback-approvals', { jobId });
    expect(again.body).toMatchObject({ status: 'done', total: 0, succeeded: 0 });
    expect(again.body.withFindings).toHaveLength(2);
    for (let i = 0; i < 3; i++) await mail.h.drainJobs();
    for (const a of apps.slice(2)) expect(mail.inbox(a.email)).toHaveLength(1);
    const rows = await mail.h.ctx.db
      .select()
      .from(emails)
      .where(eq(emails.organizationId, org.organization.id));
    expect(rows.filter((e) => e.purpose === 'feedback')).toHaveLength(N - 2);
  }, 120_000);

  it("pauses at the organization's hourly sending limit and carries on by itself later, approving each draft once", async () => {
    const org = await newOrganization(mail.h);
    const { jobId, apps } = await jobWith(org, ['Kai One', 'Kai Two', 'Kai Three', 'Kai Four', 'Kai Five']);
    const op = await org.api.post('/api/v1/applications/bulk-rejection', {
      reason: 'skills-gap',
      filter: { jobId },
    });
    await waitForOperation(org, op.body.id);
    // The organization has sent all but two of its hourly emails already.
    const [{ n }] = await mail.h.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(emails)
      .where(
        sql`${emails.organizationId} = ${org.organization.id} and ${emails.createdAt} > now() - interval '1 hour'`,
      );
    const earlier = Array.from({ length: OUTBOUND_EMAIL_LIMITS.perOrganizationPerHour - n - 2 }, (_, i) => ({
      organizationId: org.organization.id,
      to: `earlier-${i}@example.test`,
      subject: 'Earlier',
      text: 'Earlier',
      status: 'sent' as const,
    }));
    await mail.h.ctx.db.insert(emails).values(earlier);

    const started = await org.api.post('/api/v1/feedback-approvals', { jobId });
    expect(started.body.total).toBe(5);
    await mail.h.drainJobs();
    const paused = (await org.api.get(`/api/v1/bulk-operations/${started.body.id}`)).body;
    expect(paused).toMatchObject({ status: 'running', succeeded: 2, done: 2 });
    expect(Date.parse(paused.waitingUntil)).toBeGreaterThan(Date.now());

    // Ten minutes on, the hour has not passed yet: the run finds the limit still reached at its first draft, and
    // pauses again (it does not stop for good).
    await mail.h.ctx.db
      .update(outbox)
      .set({ runAt: sql`now()` })
      .where(sql`${outbox.kind} = 'approve-drafts' and ${outbox.status} = 'queued'`);
    await mail.h.drainJobs();
    const again = (await org.api.get(`/api/v1/bulk-operations/${started.body.id}`)).body;
    expect(again).toMatchObject({ status: 'running', succeeded: 2, done: 2 });
    expect(Date.parse(again.waitingUntil)).toBeGreaterThan(Date.parse(paused.waitingUntil));

    // An hour on: the earlier emails no longer count, and the run carries on where it stopped.
    await mail.h.ctx.db
      .update(emails)
      .set({ createdAt: sql`now() - interval '2 hours'` })
      .where(sql`${emails.organizationId} = ${org.organization.id} and ${emails.subject} = 'Earlier'`);
    await mail.h.ctx.db
      .update(outbox)
      .set({ runAt: sql`now()` })
      .where(sql`${outbox.kind} = 'approve-drafts' and ${outbox.status} = 'queued'`);
    const done = await waitForOperation(org, started.body.id);
    expect(done).toMatchObject({ status: 'done', succeeded: 5, done: 5, waitingUntil: null });
    for (let i = 0; i < 3; i++) await mail.h.drainJobs();
    for (const a of apps) expect(mail.inbox(a.email), a.name).toHaveLength(1);
  }, 120_000);
});
