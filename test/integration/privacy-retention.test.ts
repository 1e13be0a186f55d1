import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention, scheduleRetention } from '../../src/app/privacy/retention';
import { applications, candidates, emails, outbox } from '../../src/db/schema';
import { type Harness, newOrganization, startHarness } from '../support/harness';
import { CRITERIA } from '../support/hiring';
import { letterTag, searchEverywhere } from '../support/privacy';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const DAY = 86_400_000;
type Org = Awaited<ReturnType<typeof newOrganization>>;

/** A candidate with one application per entry: rejected that many days ago (backdated), or still open (null). */
async function candidateWith(org: Org, label: string, rejectedDaysAgo: (number | null)[]) {
  const name = `${label} Q${letterTag()}`;
  const email = `${label.toLowerCase()}-${letterTag()}@example.test`;
  let candidateId = '';
  for (const days of rejectedDaysAgo) {
    const job = await org.api.post('/api/v1/jobs', { title: 'Analyst', criteria: CRITERIA });
    const app = await org.api.post('/api/v1/applications', {
      jobId: job.body.id,
      candidate: { name, email },
    });
    expect(app.status).toBe(201);
    candidateId = app.body.candidate.id;
    if (days === null) continue;
    const r = await org.api.post(`/api/v1/applications/${app.body.id}/rejection`, { reason: 'skills-gap' });
    expect(r.status).toBe(201);
    await h.ctx.db
      .update(applications)
      .set({ rejectedAt: new Date(Date.now() - days * DAY) })
      .where(eq(applications.id, app.body.id));
  }
  return { name, email, candidateId };
}

describe('retention', () => {
  it('warns the admins once, 14 days ahead, then erases rejected candidates past the period and keeps the rest', async () => {
    const org = await newOrganization(h, 'Kinetix');
    const now = new Date();
    const pastDue = await candidateWith(org, 'Pastdue', [400]);
    const soon = await candidateWith(org, 'Soon', [366 - 10]);
    const recent = await candidateWith(org, 'Recent', [30]);
    const active = await candidateWith(org, 'Active', [null]);
    const stillInProcess = await candidateWith(org, 'Mixed', [800, null]);
    const all = [pastDue, soon, recent, active, stillInProcess];
    const state = async () =>
      Object.fromEntries(
        (
          await h.ctx.db
            .select()
            .from(candidates)
            .where(
              inArray(
                candidates.id,
                all.map((c) => c.candidateId),
              ),
            )
        ).map((c) => [
          c.id,
          { name: c.name, warned: c.retentionWarnedAt !== null, erased: c.erasedAt !== null },
        ]),
      );

    // Day 0: the two whose period ends within 14 days (or already ended) are announced; nothing is erased yet.
    const first = await runRetention(h.ctx, now);
    expect(first.erased).toEqual([]);
    expect(first.warned.sort()).toEqual([pastDue.candidateId, soon.candidateId].sort());
    const warnings = await h.ctx.db
      .select()
      .from(emails)
      .where(and(eq(emails.organizationId, org.organization.id), eq(emails.purpose, 'retention-warning')));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.to).toBe(org.email);
    expect(warnings[0]?.subject).toBe(
      `2 rejected candidates' data will be erased from ${new Date(now.getTime() + 14 * DAY).toISOString().slice(0, 10)}`,
    );
    expect(warnings[0]?.text).toContain('http://debrief.test/privacy');
    // The warning names nobody.
    for (const c of all) expect(warnings[0]?.text).not.toContain(c.name);

    // A day later: no second warning, and the notice period is not over.
    expect(await runRetention(h.ctx, new Date(now.getTime() + DAY))).toEqual({ warned: [], erased: [] });

    // 15 days later: both are erased; the recent, the active and the one still in process are kept.
    const later = await runRetention(h.ctx, new Date(now.getTime() + 15 * DAY));
    expect(later.warned).toEqual([]);
    expect(later.erased.sort()).toEqual([pastDue.candidateId, soon.candidateId].sort());
    const after = await state();
    expect(after[pastDue.candidateId]).toEqual({ name: 'Erased candidate', warned: false, erased: true });
    expect(after[soon.candidateId]).toEqual({ name: 'Erased candidate', warned: false, erased: true });
    expect(after[recent.candidateId]).toEqual({ name: recent.name, warned: false, erased: false });
    expect(after[active.candidateId]).toEqual({ name: active.name, warned: false, erased: false });
    expect(after[stillInProcess.candidateId]).toEqual({
      name: stillInProcess.name,
      warned: false,
      erased: false,
    });
    expect(await searchEverywhere(h.ctx.db, [pastDue.name, pastDue.email, soon.name, soon.email])).toEqual(
      [],
    );
    const events = await h.ctx.db.execute<{ actor_name: string; data: { why: string } }>(
      sql`select actor_name, data from audit_events where organization_id = ${org.organization.id} and action = 'candidate.erased'`,
    );
    expect(events.rows).toHaveLength(2);
    expect(
      events.rows.every(
        (e: { actor_name: string; data: { why: string } }) =>
          e.actor_name === 'Debrief retention' && e.data.why === 'retention',
      ),
    ).toBe(true);

    // The scheduled job runs the same, then queues the next day's run once.
    await scheduleRetention(h.ctx.db, h.ctx.jobs.retention);
    await scheduleRetention(h.ctx.db, h.ctx.jobs.retention);
    await h.drainJobs();
    const tomorrow = new Date(Math.floor(Date.now() / DAY) * DAY + DAY).toISOString().slice(0, 10);
    const queued = await h.ctx.db
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, `retention:${tomorrow}`));
    expect(queued).toHaveLength(1);
    expect(queued[0]?.status).toBe('queued');
  });

  it("follows the organization's own period", async () => {
    const org = await newOrganization(h);
    expect((await org.api.put('/api/v1/privacy/settings', { retentionMonths: 1 })).status).toBe(200);
    const c = await candidateWith(org, 'Short', [40]);
    const kept = await candidateWith(org, 'Shorter', [5]);
    const now = new Date();
    expect((await runRetention(h.ctx, now)).warned).toContain(c.candidateId);
    const r = await runRetention(h.ctx, new Date(now.getTime() + 14 * DAY));
    expect(r.erased).toContain(c.candidateId);
    expect(r.erased).not.toContain(kept.candidateId);
  });
});
